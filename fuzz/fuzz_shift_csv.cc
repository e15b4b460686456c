// A planner's shifts CSV (POST /api/v1/staffing/shifts/import), any bytes:
// either every shift read is valid, or the refusal is a validation error
// naming at most fifty lines and fields; never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/staffing_plan.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const luister::ZoneClock zone = *luister::ZoneClock::Open("Europe/Amsterdam");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto shifts = luister::ParseShiftCsv(text, zone);
  if (shifts.ok()) {
    if (shifts->size() > luister::kMostImportedShifts) std::abort();
    for (const luister::Shift& s : *shifts)
      if (!luister::ValidateShift(s).ok()) std::abort();
  } else {
    if (shifts.status().code() != luister::StatusCode::kInvalidArgument) std::abort();
    if (shifts.status().fields().empty() || shifts.status().fields().size() > 50) std::abort();
  }
  return 0;
}
