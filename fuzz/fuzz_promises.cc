// Time expressions and commitments from any bytes (domain/time_expression.h,
// domain/commitment.h): what a customer or an agent writes reaches them
// through the promise suggestion. Never a crash; a stretch found always
// ends after it starts and lies within the text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/commitment.h"
#include "domain/time_expression.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const luister::TimeReference ref = [] {
    auto r = luister::OfficeReference(*luister::ParseIso8601("2026-12-04T10:15:00+01:00"),
                                      "Europe/Amsterdam", luister::Language::kNl);
    if (!r.ok()) __builtin_trap();
    return *r;
  }();
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  if (auto found = luister::FindTime(in, ref)) {
    if (found->begin > found->end || found->end > in.size()) __builtin_trap();
    if (found->span && found->span->end <= found->span->start) __builtin_trap();
  }
  if (auto c = luister::DetectCommitment(in, ref)) {
    if (c->begin > c->end || c->end > in.size()) __builtin_trap();
    if (c->due && c->due->end <= c->due->start) __builtin_trap();
  }
  return 0;
}
