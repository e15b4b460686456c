#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <span>
#include <vector>

#include "common/time.h"
#include "domain/enums.h"

// Random numbers and contact-time patterns for the demo data. Pure functions
// of their inputs (and of the Rng state), so the demo set is the same for a
// given seed on every platform and can be tested without a database.
namespace luister::demo {

// std::mt19937 is specified bit for bit; the std:: distributions are not, so
// every distribution used by the demo is implemented here.
class Rng {
 public:
  explicit Rng(uint32_t seed) : engine_(seed) {}

  uint32_t Next() { return engine_(); }
  // Uniform in [0, n); n must be >= 1. Rejection sampling keeps it unbiased.
  uint32_t Below(uint32_t n);
  // Uniform in [lo, hi], both inclusive; lo <= hi.
  int Between(int lo, int hi);
  // Uniform in [0, 1) with 32 random bits.
  double Unit();
  bool Chance(double p) { return Unit() < p; }
  // Exponential with the given mean.
  double Exponential(double mean);
  // Log-normal with the given median; sigma is the spread of log(x).
  double LogNormal(double median, double sigma);
  // Index drawn with probability proportional to weights[i]; the weights
  // must not all be zero.
  size_t Weighted(std::span<const double> weights);

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(static_cast<uint32_t>(items.size()))];
  }

 private:
  std::mt19937 engine_;
};

// The demo organisation works in Europe/Amsterdam time: CET (UTC+1), and
// CEST (UTC+2) from the last Sunday of March 01:00 UTC to the last Sunday of
// October 01:00 UTC (the EU rule).
std::chrono::minutes AmsterdamOffset(Timestamp t);

struct LocalTime {
  std::chrono::sys_days date;  // the local calendar day
  int minute_of_day = 0;       // 0..1439
  std::chrono::weekday weekday;
};

LocalTime ToLocal(Timestamp t);
// The UTC instant of a local wall-clock time. In the hour that repeats when
// summer time ends, the later instant is returned; that hour is never busy.
Timestamp FromLocal(std::chrono::sys_days local_date, int minute_of_day);

// Local [from, to) minutes of one day; from == to means closed.
struct DayHours {
  int from = 0;
  int to = 0;
  bool Contains(int minute) const { return minute >= from && minute < to; }
  bool closed() const { return from >= to; }
};

// When contacts on a channel can begin: the phone line and the shop have
// opening hours, chat is staffed 08:00-22:00, and e-mail, web forms and social
// posts arrive around the clock.
DayHours ArrivalHours(Channel c, std::chrono::weekday wd);
// When staff answer a channel. Phone and shop are answered during the
// contact itself; the others wait for the next staffed moment.
DayHours StaffedHours(Channel c, std::chrono::weekday wd);

// Relative volume per weekday (Monday busiest, weekends quiet; the shop is
// busiest on Saturday, the phone line is closed on Sunday).
double WeekdayWeight(Channel c, std::chrono::weekday wd);
// Relative volume per local hour: office peaks around 10:00 and 14:00; chat
// and social have a second peak in the evening.
double HourWeight(Channel c, int hour);

// Draws the start of a contact on `c` in [from, to): day by WeekdayWeight
// times `day_factor` (1 when empty; indexed by day since `from`'s local
// date), then hour by HourWeight, limited to ArrivalHours. `from` < `to`.
Timestamp SampleContactTime(Rng& rng, Channel c, Timestamp from, Timestamp to,
                            std::span<const double> day_factor = {});

// The first moment at or after `t` when `c` is staffed.
Timestamp NextStaffed(Channel c, Timestamp t);

// How long the organisation takes to send its first answer after a message
// arrives, not counting closed hours (the caller applies NextStaffed).
std::chrono::seconds ResponseDelay(Rng& rng, Channel c);
// How long a customer takes to write back on `c`.
std::chrono::seconds CustomerReplyDelay(Rng& rng, Channel c);

}  // namespace luister::demo
