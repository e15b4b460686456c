#include "demo/demo_pattern.h"

#include <array>
#include <cmath>
#include <numbers>

namespace luister::demo {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::sys_days;
using std::chrono::weekday;

uint32_t Rng::Below(uint32_t n) {
  // Largest multiple of n that fits in 2^32; draws at or above it are biased.
  const uint64_t limit = (uint64_t{1} << 32) / n * n;
  uint64_t x;
  do {
    x = engine_();
  } while (x >= limit);
  return static_cast<uint32_t>(x % n);
}

int Rng::Between(int lo, int hi) {
  return lo + static_cast<int>(Below(static_cast<uint32_t>(hi - lo + 1)));
}

double Rng::Unit() { return static_cast<double>(engine_()) * (1.0 / 4294967296.0); }

double Rng::Exponential(double mean) { return -mean * std::log(1.0 - Unit()); }

double Rng::LogNormal(double median, double sigma) {
  // Box-Muller; 1 - Unit() is in (0, 1], so the log is finite.
  double u1 = 1.0 - Unit();
  double u2 = Unit();
  double z = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  return median * std::exp(sigma * z);
}

size_t Rng::Weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double x = Unit() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (x < weights[i]) return i;
    x -= weights[i];
  }
  // Rounding can leave x a hair above the last weight; take the last non-zero.
  for (size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0) return i;
  return 0;
}

namespace {

// 01:00 UTC on the last Sunday of `m` in year `y`.
Timestamp LastSundayOneUtc(std::chrono::year y, std::chrono::month m) {
  sys_days d{std::chrono::year_month_weekday_last{y, m, std::chrono::Sunday[std::chrono::last]}};
  return std::chrono::time_point_cast<std::chrono::milliseconds>(d + hours(1));
}

constexpr int kHour = 60;

}  // namespace

minutes AmsterdamOffset(Timestamp t) {
  std::chrono::year_month_day ymd{std::chrono::floor<days>(t)};
  Timestamp summer_start = LastSundayOneUtc(ymd.year(), std::chrono::March);
  Timestamp summer_end = LastSundayOneUtc(ymd.year(), std::chrono::October);
  return (t >= summer_start && t < summer_end) ? minutes(120) : minutes(60);
}

LocalTime ToLocal(Timestamp t) {
  auto local = t + AmsterdamOffset(t);
  auto date = std::chrono::floor<days>(local);
  int minute = static_cast<int>(std::chrono::duration_cast<minutes>(local - date).count());
  return {date, minute, weekday{date}};
}

Timestamp FromLocal(sys_days local_date, int minute_of_day) {
  auto wall =
      std::chrono::time_point_cast<std::chrono::milliseconds>(local_date) + minutes(minute_of_day);
  // The offset depends on the instant being computed; two fixed-point rounds
  // settle it everywhere but inside the switch hours.
  Timestamp guess = wall - AmsterdamOffset(wall - hours(1));
  return wall - AmsterdamOffset(guess);
}

DayHours ArrivalHours(Channel c, weekday wd) {
  const bool sunday = wd == std::chrono::Sunday;
  const bool saturday = wd == std::chrono::Saturday;
  switch (c) {
    case Channel::kPhone:
      if (sunday) return {};
      if (saturday) return {10 * kHour, 16 * kHour};
      return {8 * kHour + 30, 17 * kHour + 30};
    case Channel::kShop:
      if (sunday) return {12 * kHour, 17 * kHour};
      if (wd == std::chrono::Thursday) return {9 * kHour + 30, 21 * kHour};  // late shopping
      return {9 * kHour + 30, 18 * kHour};
    case Channel::kChat:
      return {8 * kHour, 22 * kHour};
    case Channel::kEmail:
    case Channel::kSocial:
    case Channel::kWebform:
      return {0, 24 * kHour};
  }
  return {};
}

DayHours StaffedHours(Channel c, weekday wd) {
  switch (c) {
    case Channel::kPhone:
    case Channel::kShop:
    case Channel::kChat:
      return ArrivalHours(c, wd);
    case Channel::kSocial:
      return {8 * kHour, 22 * kHour};
    case Channel::kEmail:
    case Channel::kWebform:
      if (wd == std::chrono::Sunday) return {};
      if (wd == std::chrono::Saturday) return {10 * kHour, 16 * kHour};
      return {8 * kHour + 30, 17 * kHour + 30};
  }
  return {};
}

double WeekdayWeight(Channel c, weekday wd) {
  // Monday .. Sunday.
  static constexpr std::array<double, 7> kBase{1.35, 1.15, 1.08, 1.04, 0.92, 0.40, 0.28};
  static constexpr std::array<double, 7> kShop{0.85, 0.80, 0.85, 1.05, 1.15, 1.60, 0.70};
  unsigned i = wd.iso_encoding() - 1;
  if (c == Channel::kShop) return kShop[i];
  if (c == Channel::kPhone && wd == std::chrono::Sunday) return 0;
  if ((c == Channel::kChat || c == Channel::kSocial) && i >= 5) return kBase[i] * 1.5;
  return kBase[i];
}

double HourWeight(Channel c, int hour) {
  static constexpr std::array<double, 24> kOffice{0.20, 0.10, 0.05, 0.05, 0.05, 0.10, 0.30, 0.80,
                                                  2.00, 3.20, 4.00, 3.60, 2.60, 3.00, 3.70, 3.30,
                                                  2.80, 2.20, 1.40, 1.20, 1.10, 0.90, 0.60, 0.35};
  static constexpr std::array<double, 24> kEvening{0.40, 0.20, 0.10, 0.05, 0.05, 0.10, 0.30, 0.70,
                                                   1.50, 2.30, 2.80, 2.60, 2.20, 2.50, 2.80, 2.60,
                                                   2.40, 2.30, 2.40, 2.90, 3.20, 3.00, 2.00, 0.90};
  static constexpr std::array<double, 24> kShop{0,   0,   0,   0,   0,   0,   0,   0,
                                                0,   0.6, 1.6, 2.4, 2.8, 2.6, 2.5, 2.7,
                                                2.9, 2.4, 1.2, 1.0, 0.9, 0.4, 0,   0};
  if (hour < 0 || hour > 23) return 0;
  switch (c) {
    case Channel::kChat:
    case Channel::kSocial:
      return kEvening[hour];
    case Channel::kShop:
      return kShop[hour];
    default:
      return kOffice[hour];
  }
}

Timestamp SampleContactTime(Rng& rng, Channel c, Timestamp from, Timestamp to,
                            std::span<const double> day_factor) {
  const sys_days first = ToLocal(from).date;
  const sys_days last = ToLocal(to).date;
  const int n_days = static_cast<int>((last - first).count()) + 1;
  std::vector<double> day_weights(n_days);
  for (int d = 0; d < n_days; ++d) {
    sys_days date = first + days(d);
    double f = d < static_cast<int>(day_factor.size()) ? day_factor[d] : 1.0;
    day_weights[d] =
        ArrivalHours(c, weekday{date}).closed() ? 0 : WeekdayWeight(c, weekday{date}) * f;
  }
  std::array<double, 24> hour_weights{};
  for (int attempt = 0; attempt < 1000; ++attempt) {
    sys_days date = first + days(rng.Weighted(day_weights));
    DayHours open = ArrivalHours(c, weekday{date});
    for (int h = 0; h < 24; ++h) {
      // An hour counts by the share of it that is open.
      int lo = std::max(open.from, h * kHour), hi = std::min(open.to, (h + 1) * kHour);
      hour_weights[h] = hi > lo ? HourWeight(c, h) * (hi - lo) / kHour : 0;
    }
    int h = static_cast<int>(rng.Weighted(hour_weights));
    int minute = h * kHour + rng.Between(0, kHour - 1);
    if (!open.Contains(minute)) continue;
    Timestamp t = FromLocal(date, minute) + seconds(rng.Between(0, 59));
    if (t >= from && t < to) return t;
  }
  return from;  // only reached for windows shorter than the opening hours allow
}

Timestamp NextStaffed(Channel c, Timestamp t) {
  LocalTime lt = ToLocal(t);
  for (int d = 0; d < 8; ++d) {
    sys_days date = lt.date + days(d);
    DayHours h = StaffedHours(c, weekday{date});
    if (h.closed()) continue;
    if (d == 0) {
      if (h.Contains(lt.minute_of_day)) return t;
      if (lt.minute_of_day >= h.to) continue;
    }
    return FromLocal(date, h.from);
  }
  return t;  // every channel is staffed at least once a week
}

seconds ResponseDelay(Rng& rng, Channel c) {
  double s = 0;
  switch (c) {
    case Channel::kChat:
      s = rng.LogNormal(75, 0.8);
      break;
    case Channel::kPhone:
      s = rng.LogNormal(200, 0.6);
      break;  // within the call
    case Channel::kShop:
      s = rng.LogNormal(240, 0.5);
      break;  // at the counter
    case Channel::kSocial:
      s = rng.LogNormal(35 * 60, 1.0);
      break;
    case Channel::kEmail:
    case Channel::kWebform:
      s = rng.LogNormal(10 * 3600, 0.9);
      break;  // "within 2 working days"
  }
  return seconds(static_cast<int64_t>(std::min(s, 5.0 * 24 * 3600)) + 5);
}

seconds CustomerReplyDelay(Rng& rng, Channel c) {
  double s = 0;
  switch (c) {
    case Channel::kChat:
      s = rng.LogNormal(60, 0.7);
      break;
    case Channel::kPhone:
    case Channel::kShop:
      s = rng.LogNormal(26 * 3600, 0.5);
      break;  // calls or comes back
    case Channel::kSocial:
      s = rng.LogNormal(90 * 60, 1.0);
      break;
    case Channel::kEmail:
    case Channel::kWebform:
      s = rng.LogNormal(8 * 3600, 1.1);
      break;
  }
  return seconds(static_cast<int64_t>(std::min(s, 6.0 * 24 * 3600)) + 10);
}

}  // namespace luister::demo
