#pragma once

#include <optional>
#include <vector>

#include "common/result.h"

namespace luister {

// Contact volume for the coming weeks, per interval (C8). The history is
// whole local days of equal intervals (48 of 30 minutes, 96 of 15); the
// model is a daily total per weekday with its trend (weighted least squares
// over recent weeks, newer weeks counting more), times each weekday's
// profile over the day (the share of the day's contacts in each interval,
// from recent weeks), with holidays taken out of the learning and given
// their own level (how holidays compared with the same weekday around
// them). Prediction intervals come from how far the model was off over the
// last four weeks it learnt from (an overdispersed Poisson spread, scaled
// to each interval's size and widening with the horizon). A rolling-origin
// back-test scores it against the seasonal-naive baseline (the same
// interval a week before) by WAPE and MAPE per horizon. Pure;
// docs/staffing.md.

struct VolumeHistory {
  int intervals_per_day = 48;
  int first_weekday = 1;  // the first day's weekday, 1 = Monday .. 7 = Sunday
  // Contacts per interval, day after day: intervals_per_day × days values.
  std::vector<double> counts;
  // Per day of the history and then of the horizon: a holiday (the
  // business calendar's closed or special days). Shorter: no holidays.
  std::vector<bool> holidays;
};

struct ForecastInterval {
  double expected = 0;
  double low = 0;  // 80 % prediction interval
  double high = 0;
};

struct VolumeForecast {
  // horizon_days × intervals_per_day, from the day after the history.
  std::vector<ForecastInterval> intervals;
  std::vector<double> daily;  // expected contacts per day
};

// InvalidArgument without two whole weeks of history, or when the counts
// are no whole days or hold negative or non-finite values.
Result<VolumeForecast> ForecastVolume(const VolumeHistory& history, int horizon_days);

// The seasonal-naive baseline: each interval as it was a week before
// (repeated for horizons beyond a week).
std::vector<double> SeasonalNaive(const VolumeHistory& history, int horizon_days);

struct BacktestHorizon {
  int days_ahead = 0;  // 1: the next day, 7: the seventh day ahead
  double wape = 0;     // Σ|actual − forecast| / Σ actual, over intervals
  double mape = 0;     // mean |actual − forecast| / actual over days (daily totals > 0)
  double naive_wape = 0;
  double naive_mape = 0;
};

struct Backtest {
  int origins = 0;  // forecasts made
  std::vector<BacktestHorizon> horizons;
  double wape = 0;  // over every horizon
  double naive_wape = 0;
};

// Rolling origin: from `min_train_days` on, every `step_days` a forecast
// of the next `horizon_days` from the history before it, scored against
// what came. InvalidArgument when the history is too short for one.
Result<Backtest> BacktestVolume(const VolumeHistory& history, int horizon_days,
                                int min_train_days = 28, int step_days = 1);

}  // namespace luister
