#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "domain/enums.h"
#include "domain/opening_hours.h"
#include "domain/zone_clock.h"

namespace luister {

// Time expressions in Dutch and English ("morgen voor 12 uur", "within 2
// business days", "vrijdagmiddag", "at half past three on the 15th of
// March"), read as docs/promises.md fixes and resolved to a stretch of
// time against a reference moment, a time zone and a business calendar.
// Promises (C4) get their due moment here.

enum class TimeGrain { kSecond, kMinute, kHour, kPartOfDay, kDay, kWeek, kMonth, kQuarter, kYear };
std::string_view ToString(TimeGrain g);

struct TimeSpan {
  Timestamp start{};
  Timestamp end{};  // exclusive
  TimeGrain grain = TimeGrain::kDay;
};

struct FoundTime {
  // None for "as soon as possible" (a time without a moment).
  std::optional<TimeSpan> span;
  bool asap = false;
  // Where the expression is in the text (bytes).
  size_t begin = 0;
  size_t end = 0;
};

struct TimeReference {
  Timestamp now{};
  ZoneClock clock;
  // Counts "werkdagen" / "business days".
  BusinessCalendar business;
  Language language = Language::kNl;
};

// A reference in `zone` with Monday-to-Friday business days and the Dutch
// public holidays.
Result<TimeReference> OfficeReference(Timestamp now, std::string_view zone, Language language);

// The expression in `text` (the longest; of equally long ones the first),
// or none when the text names no time.
std::optional<FoundTime> FindTime(std::string_view text, const TimeReference& ref);

}  // namespace luister
