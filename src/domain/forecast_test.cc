#include "domain/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace luister {
namespace {

constexpr int kSlots = 48;  // 30 minutes

// A desk's week: busy Mondays, quiet weekends, shut on Sunday mornings.
constexpr double kWeekday[7] = {1.35, 1.15, 1.05, 1.0, 0.9, 0.45, 0.1};

// The share of a day in half hour `s`: nothing at night, peaks at 10:00
// and 14:00 (weekends later and flatter).
double Shape(int weekday, int s) {
  const double h = s / 2.0;
  if (h < 7 || h >= 22) return 0;
  const double late = weekday >= 5 ? 1.5 : 0;
  return std::exp(-std::pow(h - 10 - late, 2) / 4) +
         0.8 * std::exp(-std::pow(h - 14 - late, 2) / 6) + 0.1;
}

// `weeks` of history (and `extra` days after it) from Monday on, 400
// contacts on an average weekday growing `trend` per day, holidays at
// a fifth of their weekday; with Poisson noise unless `exact`.
VolumeHistory Synthetic(int weeks, double trend, const std::vector<int>& holidays, bool exact,
                        int extra = 0, unsigned seed = 7) {
  VolumeHistory h;
  h.intervals_per_day = kSlots;
  h.first_weekday = 1;
  std::mt19937 rng(seed);
  const int days = weeks * 7 + extra;
  h.holidays.assign(static_cast<size_t>(days), false);
  for (int d : holidays) h.holidays[d] = true;
  for (int d = 0; d < days; ++d) {
    const int w = d % 7;
    double total = 400 * kWeekday[w] * std::pow(1 + trend, d);
    if (h.holidays[d]) total *= 0.2;
    double norm = 0;
    for (int s = 0; s < kSlots; ++s) norm += Shape(w, s);
    for (int s = 0; s < kSlots; ++s) {
      const double mean = total * Shape(w, s) / norm;
      h.counts.push_back(exact ? mean
                               : static_cast<double>(std::poisson_distribution<int>(mean)(rng)));
    }
  }
  return h;
}

TEST(ForecastTest, ANoiselessWeekIsForecastAsItWillCome) {
  // 10 weeks learnt, the 11th foretold; no noise, a steady 0.3 % a day.
  const VolumeHistory all = Synthetic(11, 0.003, {}, true);
  VolumeHistory past = all;
  past.counts.resize(static_cast<size_t>(70) * kSlots);
  auto f = ForecastVolume(past, 7);
  ASSERT_TRUE(f.ok()) << f.status().message();
  ASSERT_EQ(f->intervals.size(), static_cast<size_t>(7 * kSlots));
  double abs = 0, actual = 0;
  for (size_t i = 0; i < f->intervals.size(); ++i) {
    const double a = all.counts[70 * kSlots + i];
    abs += std::abs(a - f->intervals[i].expected);
    actual += a;
  }
  EXPECT_LT(abs / actual, 0.03);
  // Monday busiest, Sunday quietest, and nothing forecast at night.
  EXPECT_GT(f->daily[0], f->daily[3]);
  EXPECT_LT(f->daily[6], f->daily[5]);
  EXPECT_LT(f->intervals[2].expected, 1.0);
}

TEST(ForecastTest, BeatsTheSeasonalNaiveBaselineWithNoiseTrendAndHolidays) {
  // 14 weeks with growth and four holidays (one of them a Monday).
  const VolumeHistory h = Synthetic(14, 0.004, {21, 45, 64, 85}, false);
  auto bt = BacktestVolume(h, 7, 28, 1);
  ASSERT_TRUE(bt.ok()) << bt.status().message();
  EXPECT_GT(bt->origins, 60);
  ASSERT_EQ(bt->horizons.size(), 7u);
  EXPECT_LT(bt->wape, bt->naive_wape);
  for (const BacktestHorizon& k : bt->horizons) {
    EXPECT_LT(k.wape, k.naive_wape) << "day " << k.days_ahead;
    EXPECT_GT(k.wape, 0);
    EXPECT_LT(k.mape, k.naive_mape) << "day " << k.days_ahead;
  }
}

TEST(ForecastTest, AHolidayAheadIsForecastLowAndIntervalsHoldWhatCame) {
  // Holidays in the history teach their level; one falls in the horizon.
  const VolumeHistory all = Synthetic(13, 0.0, {14, 38, 59, 87}, false, 0, 11);
  VolumeHistory past = all;
  past.counts.resize(static_cast<size_t>(84) * kSlots);
  auto f = ForecastVolume(past, 7);  // day 87 (a Thursday) is the holiday
  ASSERT_TRUE(f.ok());
  EXPECT_LT(f->daily[3], 0.4 * f->daily[2]);
  EXPECT_GT(f->daily[3], 0.05 * f->daily[2]);
  // About 80 % of what came lies within the 80 % intervals.
  int inside = 0, busy = 0;
  for (size_t i = 0; i < f->intervals.size(); ++i) {
    const ForecastInterval& x = f->intervals[i];
    EXPECT_LE(x.low, x.expected);
    EXPECT_GE(x.high, x.expected);
    if (x.expected < 2) continue;
    ++busy;
    const double a = all.counts[84 * kSlots + i];
    inside += a >= x.low && a <= x.high;
  }
  ASSERT_GT(busy, 100);
  EXPECT_GT(static_cast<double>(inside) / busy, 0.65);
  EXPECT_LT(static_cast<double>(inside) / busy, 0.97);
}

TEST(ForecastTest, TheSeasonalNaiveRepeatsLastWeek) {
  const VolumeHistory h = Synthetic(3, 0, {}, false);
  const auto naive = SeasonalNaive(h, 9);
  ASSERT_EQ(naive.size(), static_cast<size_t>(9 * kSlots));
  for (int s = 0; s < kSlots; ++s) {
    EXPECT_EQ(naive[s], h.counts[14 * kSlots + s]);               // Monday a week before
    EXPECT_EQ(naive[8 * kSlots + s], h.counts[15 * kSlots + s]);  // Tuesday again
  }
}

TEST(ForecastTest, BadHistoriesAreRefusedWithTheReason) {
  VolumeHistory h = Synthetic(1, 0, {}, true);
  auto short_one = ForecastVolume(h, 7);
  ASSERT_FALSE(short_one.ok());
  EXPECT_NE(short_one.status().message().find("two whole weeks"), std::string::npos);
  h = Synthetic(3, 0, {}, true);
  h.counts.pop_back();
  EXPECT_NE(ForecastVolume(h, 7).status().message().find("whole days"), std::string::npos);
  h = Synthetic(3, 0, {}, true);
  h.counts[5] = -1;
  EXPECT_FALSE(ForecastVolume(h, 7).ok());
  h.counts[5] = std::nan("");
  EXPECT_FALSE(ForecastVolume(h, 7).ok());
  h = Synthetic(3, 0, {}, true);
  EXPECT_FALSE(ForecastVolume(h, 0).ok());
  EXPECT_FALSE(BacktestVolume(h, 7, 28).ok());  // 21 days: too short
}

}  // namespace
}  // namespace luister
