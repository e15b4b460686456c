#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/zone_clock.h"

namespace luister {

// When a department is there for its customers (C2's honest availability;
// C4's business calendar): weekly hours, split over a day where the desk
// closes for lunch, in the department's own time zone; dates it is closed;
// and, if it keeps them, the country's public holidays. A department
// without opening hours is always open: presence alone then says whether
// someone answers.

// One stretch of a day, in minutes since local midnight: [from, to).
struct OpenSpan {
  int from_minute = 0;
  int to_minute = 0;
  bool operator==(const OpenSpan&) const = default;
};

struct OpeningHours {
  std::string time_zone = "Europe/Amsterdam";  // an IANA zone id
  std::array<std::vector<OpenSpan>, 7> week;   // Monday first; sorted, apart
  std::vector<std::string> closed_dates;       // local "YYYY-MM-DD", sorted, unique
  std::string public_holidays;                 // "" (none) or "NL"
  Timestamp updated_at{};
  std::optional<int64_t> updated_by;
};

inline constexpr int kMaxSpansPerDay = 6;
inline constexpr size_t kMaxClosedDates = 400;

// English weekday names as the API spells them, Monday first.
extern const std::array<std::string_view, 7> kWeekdayNames;

// Checks everything a person can get wrong (an unknown zone, 25:00, a span
// that ends before it starts, overlapping spans, a date that is not one),
// each under its field ("week.monday", "closed_dates", ...). Sorts the spans
// and the dates, which is why it takes the hours by pointer.
Status ValidateOpeningHours(OpeningHours* hours);

// "09:00-12:30,13:30-17:00" and back; "" is a closed day.
std::string FormatSpans(const std::vector<OpenSpan>& spans);
Result<std::vector<OpenSpan>> ParseSpans(std::string_view text);
// "09:00" (to 24:00 for the end of a day) and back.
std::string FormatMinute(int minute);
std::optional<int> ParseMinute(std::string_view hhmm);

struct PublicHoliday {
  std::string date;  // "YYYY-MM-DD"
  std::string_view name_nl;
  std::string_view name_en;
};
// The Netherlands' public holidays in `year` (those of the Algemene
// termijnenwet, with Easter and Whit Sunday): New Year's Day, Easter,
// King's Day (the 26th when the 27th of April is a Sunday), Liberation Day,
// Ascension Day, Whitsun and Christmas. Good Friday is not among them; a
// desk that closes then lists it as a closed date.
std::vector<PublicHoliday> DutchPublicHolidays(int year);
// "NL" is the one country known; ValidateOpeningHours refuses others.
bool KnownHolidayCountry(std::string_view country);

// The opening hours put to work: whether the desk is open at a moment and
// when it opens next. Cheap to copy; safe to use from several threads.
class BusinessCalendar {
 public:
  // An always-open calendar.
  BusinessCalendar();
  static Result<BusinessCalendar> Make(OpeningHours hours);

  bool always_open() const { return always_open_; }
  const OpeningHours& hours() const { return hours_; }

  bool IsOpen(Timestamp t) const;
  // `t` itself when open; otherwise the next moment the desk opens, within
  // a year (none when it never opens).
  std::optional<Timestamp> NextOpen(Timestamp t) const;
  // When the stretch open at `t` ends (none when closed at `t` or always
  // open).
  std::optional<Timestamp> OpenUntil(Timestamp t) const;
  // Whether the desk is closed all of that local day ("YYYY-MM-DD"), and
  // the holiday's name if that is why.
  bool ClosedDate(std::string_view date, std::optional<PublicHoliday>* holiday = nullptr) const;
  // The closed dates and holidays from `t`'s local date for `days` days.
  std::vector<PublicHoliday> ClosuresAhead(Timestamp t, int days) const;
  // The local date "YYYY-MM-DD" at `t`.
  std::string LocalDate(Timestamp t) const;
  // Whether local day `days` (since 1970-01-01) has opening hours and is
  // not closed: a business day. Every day is one when always open.
  bool BusinessDay(int days) const;
  // Monday to Friday all day, closed on the country's public holidays ("NL"
  // or none): business days where no department's hours apply.
  static BusinessCalendar OfficeWeek(ZoneClock zone, std::string holidays = "NL");
  // The calendar's clock; none when always open.
  const std::optional<ZoneClock>& clock() const { return clock_; }

 private:
  bool ClosedDay(int days) const;

  OpeningHours hours_;
  bool always_open_ = true;
  std::optional<ZoneClock> clock_;
};

// Where each department's opening hours are kept (owned by the calendar
// module; a store without it has every department always open).
class OpeningHoursRepository {
 public:
  virtual ~OpeningHoursRepository() = default;
  // None when the department has no hours (always open); NotFound for an
  // unknown department only from Put.
  virtual Result<std::optional<OpeningHours>> Get(int64_t department_id) = 0;
  virtual Status Put(int64_t department_id, const OpeningHours& hours) = 0;
  // Back to always open; true when there were hours.
  virtual Result<bool> Remove(int64_t department_id) = 0;
};

// The department's calendar: always open without hours (or without a
// repository to keep them).
Result<BusinessCalendar> CalendarOf(OpeningHoursRepository* repo, int64_t department_id);

}  // namespace luister
