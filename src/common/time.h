#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace luister {

// All times in Luister are UTC instants with millisecond precision. Storage
// keeps them as integer milliseconds since the Unix epoch; the API speaks
// ISO-8601 with a trailing Z.
using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

Timestamp Now();
int64_t ToMillis(Timestamp t);
Timestamp FromMillis(int64_t ms);

// "2026-11-26T09:30:00.000Z"
std::string FormatIso8601(Timestamp t);
// Accepts "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+hh:mm|-hh:mm)".
std::optional<Timestamp> ParseIso8601(std::string_view s);

// Injectable clock so domain rules can be tested at fixed times.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override { return luister::Now(); }
};

}  // namespace luister
