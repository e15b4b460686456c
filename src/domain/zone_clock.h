#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace luister {

// A moment as a wall clock in some place shows it.
struct LocalMoment {
  int days = 0;           // the local date, as days since 1970-01-01
  int64_t ms_of_day = 0;  // since local midnight
  int minute() const { return static_cast<int>(ms_of_day / 60'000); }
};

// Wall-clock time in one IANA time zone (ICU's TimeZone: GCC 12's <chrono>
// has no time zone database). Cheap to copy; safe to share between threads.
class ZoneClock {
 public:
  // InvalidArgument for a zone ICU does not know.
  static Result<ZoneClock> Open(std::string_view zone);
  static bool Known(std::string_view zone);

  const std::string& zone() const { return zone_; }
  LocalMoment ToLocal(Timestamp t) const;
  // The moment the clock shows `ms_of_day` on local day `days` (which may
  // run past a day: 24:00 is the next midnight). In a gap (the hour skipped
  // in spring) the moment just after it.
  Timestamp FromLocal(int days, int64_t ms_of_day) const;
  Timestamp FromLocalMinute(int days, int minute) const {
    return FromLocal(days, int64_t{minute} * 60'000);
  }
  // The offset from UTC at `t`, in seconds.
  int OffsetSeconds(Timestamp t) const;
  // Whether every hour (UTC) in [from, to) lies in one local hour: the
  // offset is a whole number of hours throughout and changes only on the
  // hour. False in India, Newfoundland or Lord Howe Island.
  bool WholeHours(Timestamp from, Timestamp to) const;
  // "2026-12-04T10:15:00+01:00" (to the second; the zone's offset at `t`).
  std::string FormatIso(Timestamp t) const;
  // `t` as people read it in `locale` ("nl", "en"), by an ICU date pattern:
  // "EEEE d MMMM" is "dinsdag 8 december" or "Tuesday 8 December".
  std::string Format(Timestamp t, std::string_view locale, std::string_view pattern) const;

 private:
  struct Impl;
  std::string zone_;
  std::shared_ptr<const Impl> impl_;
};

// Calendar helpers on local days (days since 1970-01-01).
int WeekdayOf(int days);                // 0 = Monday … 6 = Sunday
std::string FormatLocalDate(int days);  // "YYYY-MM-DD"
// The local day of a civil date; none when it is no date.
std::optional<int> DaysOfDate(int year, int month, int day);
void CivilOf(int days, int* year, int* month, int* day);

}  // namespace luister
