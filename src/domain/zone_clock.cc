#include "domain/zone_clock.h"

#include <unicode/basictz.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/tzrule.h>
#include <unicode/tztrans.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>

namespace luister {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr int64_t kMsPerDay = 86'400'000;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

std::unique_ptr<icu::TimeZone> OpenIcu(std::string_view id) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(
      icu::UnicodeString::fromUTF8(icu::StringPiece(id.data(), static_cast<int32_t>(id.size())))));
  if (!zone || *zone == icu::TimeZone::getUnknown()) return nullptr;
  return zone;
}

}  // namespace

struct ZoneClock::Impl {
  std::unique_ptr<icu::TimeZone> tz;
};

Result<ZoneClock> ZoneClock::Open(std::string_view zone) {
  auto tz = OpenIcu(zone);
  if (!tz) return InvalidArgument("not a known time zone: " + std::string(zone));
  ZoneClock c;
  c.zone_ = std::string(zone);
  c.impl_ = std::make_shared<const Impl>(Impl{std::move(tz)});
  return c;
}

bool ZoneClock::Known(std::string_view zone) { return OpenIcu(zone) != nullptr; }

int ZoneClock::OffsetSeconds(Timestamp t) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->tz->getOffset(static_cast<UDate>(ToMillis(t)), false, raw, dst, status);
  return U_SUCCESS(status) ? (raw + dst) / 1000 : 0;
}

bool ZoneClock::WholeHours(Timestamp from, Timestamp to) const {
  constexpr int64_t kHourMs = 3'600'000;
  if (OffsetSeconds(from) % 3600 != 0) return false;
  const auto* basic = dynamic_cast<const icu::BasicTimeZone*>(impl_->tz.get());
  if (basic == nullptr) return false;
  icu::TimeZoneTransition next;
  UDate at = static_cast<UDate>(ToMillis(from));
  while (basic->getNextTransition(at, false, next) &&
         next.getTime() < static_cast<UDate>(ToMillis(to))) {
    const icu::TimeZoneRule* rule = next.getTo();
    if (rule == nullptr) return false;
    const auto when = static_cast<int64_t>(next.getTime());
    if ((rule->getRawOffset() + rule->getDSTSavings()) % kHourMs != 0 || when % kHourMs != 0)
      return false;
    at = next.getTime();
  }
  return true;
}

LocalMoment ZoneClock::ToLocal(Timestamp t) const {
  const int64_t local = ToMillis(t) + int64_t{OffsetSeconds(t)} * 1000;
  LocalMoment m;
  m.days = static_cast<int>(FloorDiv(local, kMsPerDay));
  m.ms_of_day = local - int64_t{m.days} * kMsPerDay;
  return m;
}

Timestamp ZoneClock::FromLocal(int day, int64_t ms_of_day) const {
  const int64_t local = int64_t{day} * kMsPerDay + ms_of_day;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  // ICU reads `local` as wall-clock time.
  impl_->tz->getOffset(static_cast<UDate>(local), true, raw, dst, status);
  return FromMillis(local - (U_SUCCESS(status) ? raw + dst : 0));
}

std::string ZoneClock::FormatIso(Timestamp t) const {
  const int offset = OffsetSeconds(t);
  const LocalMoment m = ToLocal(t);
  int y = 0, mo = 0, d = 0;
  CivilOf(m.days, &y, &mo, &d);
  const int64_t s = m.ms_of_day / 1000;
  const int off = offset < 0 ? -offset : offset;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", y, mo, d,
                static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60),
                offset < 0 ? '-' : '+', off / 3600, off / 60 % 60);
  return buf;
}

std::string ZoneClock::Format(Timestamp t, std::string_view locale,
                              std::string_view pattern) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::SimpleDateFormat format(icu::UnicodeString::fromUTF8(icu::StringPiece(
                                   pattern.data(), static_cast<int32_t>(pattern.size()))),
                               icu::Locale(std::string(locale).c_str()), status);
  if (U_FAILURE(status)) return FormatIso(t);
  format.setTimeZone(*impl_->tz);
  icu::UnicodeString text;
  format.format(static_cast<UDate>(ToMillis(t)), text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

int WeekdayOf(int d) {
  return static_cast<int>(std::chrono::weekday{sys_days{days{d}}}.iso_encoding()) - 1;
}

void CivilOf(int d, int* year, int* month, int* day) {
  const year_month_day ymd{sys_days{days{d}}};
  *year = static_cast<int>(ymd.year());
  *month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  *day = static_cast<int>(static_cast<unsigned>(ymd.day()));
}

std::string FormatLocalDate(int d) {
  int y = 0, m = 0, day = 0;
  CivilOf(d, &y, &m, &day);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
  return buf;
}

std::optional<int> DaysOfDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const year_month_day ymd{std::chrono::year{year},
                           std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

}  // namespace luister
