#include "domain/opening_hours.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace luister {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kSearchDays = 370;

std::string FormatDate(const year_month_day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// "YYYY-MM-DD" that names a real day.
std::optional<year_month_day> ParseDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  m = static_cast<unsigned>((s[5] - '0') * 10 + (s[6] - '0'));
  d = static_cast<unsigned>((s[8] - '0') * 10 + (s[9] - '0'));
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}


// Easter Sunday of `year` (the anonymous Gregorian computus).
sys_days EasterSunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return sys_days{std::chrono::year{year} / month / day};
}

}  // namespace

const std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::string FormatMinute(int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
  return buf;
}

std::optional<int> ParseMinute(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::string FormatSpans(const std::vector<OpenSpan>& spans) {
  std::string out;
  for (const OpenSpan& s : spans) {
    if (!out.empty()) out += ',';
    out += FormatMinute(s.from_minute) + "-" + FormatMinute(s.to_minute);
  }
  return out;
}

Result<std::vector<OpenSpan>> ParseSpans(std::string_view text) {
  std::vector<OpenSpan> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view one = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    const size_t dash = one.find('-');
    auto from = ParseMinute(one.substr(0, dash));
    auto to = dash == std::string_view::npos ? std::nullopt : ParseMinute(one.substr(dash + 1));
    if (!from || !to) return InvalidArgument("not a span of hours: " + std::string(one));
    out.push_back({*from, *to});
  }
  return out;
}

bool KnownHolidayCountry(std::string_view country) { return country == "NL"; }

std::vector<PublicHoliday> DutchPublicHolidays(int year) {
  using std::chrono::April;
  using std::chrono::December;
  using std::chrono::January;
  using std::chrono::May;
  const std::chrono::year y{year};
  const sys_days easter = EasterSunday(year);
  sys_days kings = sys_days{y / April / 27};
  if (std::chrono::weekday{kings} == std::chrono::Sunday) kings -= days{1};
  auto at = [](sys_days d) { return FormatDate(year_month_day{d}); };
  return {
      {at(sys_days{y / January / 1}), "Nieuwjaarsdag", "New Year's Day"},
      {at(easter), "Eerste Paasdag", "Easter Sunday"},
      {at(easter + days{1}), "Tweede Paasdag", "Easter Monday"},
      {at(kings), "Koningsdag", "King's Day"},
      {at(sys_days{y / May / 5}), "Bevrijdingsdag", "Liberation Day"},
      {at(easter + days{39}), "Hemelvaartsdag", "Ascension Day"},
      {at(easter + days{49}), "Eerste Pinksterdag", "Whit Sunday"},
      {at(easter + days{50}), "Tweede Pinksterdag", "Whit Monday"},
      {at(sys_days{y / December / 25}), "Eerste Kerstdag", "Christmas Day"},
      {at(sys_days{y / December / 26}), "Tweede Kerstdag", "Boxing Day"},
  };
}

Status ValidateOpeningHours(OpeningHours* hours) {
  std::vector<FieldError> errors;
  if (!ZoneClock::Known(hours->time_zone))
    errors.push_back({"time_zone", "not a known time zone (an IANA name like Europe/Amsterdam)"});
  for (size_t d = 0; d < hours->week.size(); ++d) {
    std::vector<OpenSpan>& spans = hours->week[d];
    const std::string field = "week." + std::string(kWeekdayNames[d]);
    if (spans.size() > kMaxSpansPerDay) {
      errors.push_back({field, "at most " + std::to_string(kMaxSpansPerDay) + " spans a day"});
      continue;
    }
    std::sort(spans.begin(), spans.end(),
              [](const OpenSpan& a, const OpenSpan& b) { return a.from_minute < b.from_minute; });
    for (size_t i = 0; i < spans.size(); ++i) {
      const OpenSpan& s = spans[i];
      if (s.from_minute < 0 || s.to_minute > kMinutesPerDay || s.from_minute >= s.to_minute) {
        errors.push_back({field, FormatMinute(s.from_minute) + "-" + FormatMinute(s.to_minute) +
                                     " does not end after it starts within the day"});
      } else if (i > 0 && s.from_minute < spans[i - 1].to_minute) {
        errors.push_back({field, "spans overlap at " + FormatMinute(s.from_minute)});
      }
    }
  }
  std::vector<std::string>& dates = hours->closed_dates;
  if (dates.size() > kMaxClosedDates)
    errors.push_back(
        {"closed_dates", "at most " + std::to_string(kMaxClosedDates) + " closed dates"});
  for (const std::string& d : dates)
    if (!ParseDate(d)) errors.push_back({"closed_dates", "not a date (YYYY-MM-DD): " + d});
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  if (!hours->public_holidays.empty() && !KnownHolidayCountry(hours->public_holidays))
    errors.push_back({"public_holidays", "the holidays known are NL's"});
  if (!errors.empty()) return InvalidArgument("the opening hours are not valid", std::move(errors));
  return Status::Ok();
}

BusinessCalendar::BusinessCalendar() = default;

Result<BusinessCalendar> BusinessCalendar::Make(OpeningHours hours) {
  LUISTER_RETURN_IF_ERROR(ValidateOpeningHours(&hours));
  BusinessCalendar c;
  LUISTER_ASSIGN_OR_RETURN(c.clock_, ZoneClock::Open(hours.time_zone));
  c.hours_ = std::move(hours);
  c.always_open_ = false;
  return c;
}

bool BusinessCalendar::ClosedDay(int day) const { return ClosedDate(FormatLocalDate(day)); }

bool BusinessCalendar::ClosedDate(std::string_view date,
                                  std::optional<PublicHoliday>* holiday) const {
  if (always_open_) return false;
  if (std::binary_search(hours_.closed_dates.begin(), hours_.closed_dates.end(), date)) return true;
  if (hours_.public_holidays == "NL") {
    auto ymd = ParseDate(date);
    if (!ymd) return false;
    for (PublicHoliday& h : DutchPublicHolidays(static_cast<int>(ymd->year())))
      if (h.date == date) {
        if (holiday) *holiday = std::move(h);
        return true;
      }
  }
  return false;
}

bool BusinessCalendar::BusinessDay(int day) const {
  if (always_open_) return true;
  return !hours_.week[static_cast<size_t>(WeekdayOf(day))].empty() && !ClosedDay(day);
}

BusinessCalendar BusinessCalendar::OfficeWeek(ZoneClock zone, std::string holidays) {
  BusinessCalendar c;
  c.always_open_ = false;
  c.hours_.time_zone = zone.zone();
  for (int d = 0; d < 5; ++d) c.hours_.week[static_cast<size_t>(d)] = {{0, kMinutesPerDay}};
  c.hours_.public_holidays = std::move(holidays);
  c.clock_ = std::move(zone);
  return c;
}

bool BusinessCalendar::IsOpen(Timestamp t) const {
  if (always_open_) return true;
  const LocalMoment l = clock_->ToLocal(t);
  const auto weekday = static_cast<size_t>(WeekdayOf(l.days));
  bool in_span = false;
  for (const OpenSpan& s : hours_.week[weekday])
    if (l.minute() >= s.from_minute && l.minute() < s.to_minute) in_span = true;
  return in_span && !ClosedDay(l.days);
}

std::optional<Timestamp> BusinessCalendar::NextOpen(Timestamp t) const {
  if (always_open_ || IsOpen(t)) return t;
  const LocalMoment l = clock_->ToLocal(t);
  for (int d = l.days; d < l.days + kSearchDays; ++d) {
    const auto weekday = static_cast<size_t>(WeekdayOf(d));
    if (hours_.week[weekday].empty() || ClosedDay(d)) continue;
    for (const OpenSpan& s : hours_.week[weekday]) {
      const Timestamp from = clock_->FromLocalMinute(d, s.from_minute);
      if (from > t) return from;
    }
  }
  return std::nullopt;
}

std::optional<Timestamp> BusinessCalendar::OpenUntil(Timestamp t) const {
  if (always_open_ || !IsOpen(t)) return std::nullopt;
  const LocalMoment l = clock_->ToLocal(t);
  const auto weekday = static_cast<size_t>(WeekdayOf(l.days));
  for (const OpenSpan& s : hours_.week[weekday])
    if (l.minute() >= s.from_minute && l.minute() < s.to_minute) {
      // Open till midnight, and open again from midnight: one stretch.
      int day = l.days, until = s.to_minute;
      for (int more = 0; until == kMinutesPerDay && more < 7; ++more) {
        const int next = day + 1;
        const auto wd = static_cast<size_t>(WeekdayOf(next));
        if (hours_.week[wd].empty() || hours_.week[wd][0].from_minute != 0 || ClosedDay(next))
          break;
        day = next;
        until = hours_.week[wd][0].to_minute;
      }
      return clock_->FromLocalMinute(day, until);
    }
  return std::nullopt;
}

std::vector<PublicHoliday> BusinessCalendar::ClosuresAhead(Timestamp t, int count) const {
  std::vector<PublicHoliday> out;
  if (always_open_) return out;
  const LocalMoment l = clock_->ToLocal(t);
  for (int d = l.days; d < l.days + count; ++d) {
    std::optional<PublicHoliday> holiday;
    const std::string date = FormatLocalDate(d);
    if (!ClosedDate(date, &holiday)) continue;
    out.push_back(holiday ? *holiday : PublicHoliday{date, "", ""});
  }
  return out;
}

std::string BusinessCalendar::LocalDate(Timestamp t) const {
  if (always_open_) return FormatDate(year_month_day{std::chrono::floor<days>(t)});
  return FormatLocalDate(clock_->ToLocal(t).days);
}

Result<BusinessCalendar> CalendarOf(OpeningHoursRepository* repo, int64_t department_id) {
  if (!repo) return BusinessCalendar();
  LUISTER_ASSIGN_OR_RETURN(std::optional<OpeningHours> hours, repo->Get(department_id));
  if (!hours) return BusinessCalendar();
  return BusinessCalendar::Make(std::move(*hours));
}

}  // namespace luister
