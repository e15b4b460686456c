#include "domain/forecast.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace luister {

namespace {

// A week's weight against the week after it: recent weeks count more
// (half-life of about four weeks).
constexpr double kWeekDecay = 0.84;
// The trend fades by this much per day ahead, so that a few weeks of
// growth are not carried on for ever.
constexpr double kTrendDamping = 0.97;
// Contacts worth of the all-week profile mixed into each weekday's
// profile over the day, so that thin weekdays are not all noise.
constexpr double kProfilePrior = 50;
// The z of an 80 % two-sided prediction interval.
constexpr double kZ80 = 1.2816;
// The weeks of history the in-sample spread is measured on.
constexpr int kSpreadDays = 28;

struct DayModel {
  std::array<double, 7> intercept{};  // log(total + 1) at day 0, per weekday
  std::array<bool, 7> seen{};
  double slope = 0;  // per day, in log
  double scale = 1;  // Σ actual / Σ fitted over the days learnt from
  double holiday_factor = 1;
  int last_day = 0;
};

int WeekdayOf(const VolumeHistory& h, int day) { return (h.first_weekday - 1 + day) % 7; }

bool HolidayOn(const VolumeHistory& h, int day) {
  return day >= 0 && static_cast<size_t>(day) < h.holidays.size() && h.holidays[day];
}

std::vector<double> DailyTotals(const VolumeHistory& h, int days) {
  std::vector<double> out(static_cast<size_t>(days), 0);
  for (int d = 0; d < days; ++d)
    for (int s = 0; s < h.intervals_per_day; ++s)
      out[d] += h.counts[static_cast<size_t>(d) * h.intervals_per_day + s];
  return out;
}

double Fitted(const DayModel& m, int weekday, int day) {
  // Up to the last day learnt from, the straight trend; beyond it, damped.
  double t = std::min(day, m.last_day);
  for (int k = 1; k <= day - m.last_day; ++k) t += std::pow(kTrendDamping, k);
  return std::max(0.0, std::exp(m.intercept[weekday] + m.slope * t) - 1);
}

// Weekday levels with one trend (weighted least squares on log totals,
// ordinary days only), then scaled so that they add up to what came.
DayModel LearnDays(const VolumeHistory& h, const std::vector<double>& totals) {
  DayModel m;
  const int days = static_cast<int>(totals.size());
  m.last_day = days - 1;
  std::array<double, 7> sw{}, st{}, sy{};
  auto weight = [&](int d) { return std::pow(kWeekDecay, (days - 1 - d) / 7.0); };
  for (int d = 0; d < days; ++d) {
    if (HolidayOn(h, d)) continue;
    const int w = WeekdayOf(h, d);
    const double wt = weight(d);
    sw[w] += wt;
    st[w] += wt * d;
    sy[w] += wt * std::log(totals[d] + 1);
    m.seen[w] = true;
  }
  double num = 0, den = 0;
  for (int d = 0; d < days; ++d) {
    if (HolidayOn(h, d)) continue;
    const int w = WeekdayOf(h, d);
    const double wt = weight(d);
    const double dt = d - st[w] / sw[w];
    num += wt * dt * (std::log(totals[d] + 1) - sy[w] / sw[w]);
    den += wt * dt * dt;
  }
  m.slope = den > 0 ? num / den : 0;
  for (int w = 0; w < 7; ++w)
    if (m.seen[w]) m.intercept[w] = sy[w] / sw[w] - m.slope * st[w] / sw[w];
  // A weekday never seen outside holidays: as quiet as the quietest.
  double quietest = 0;
  bool any = false;
  for (int w = 0; w < 7; ++w)
    if (m.seen[w] && (!any || m.intercept[w] < quietest)) {
      quietest = m.intercept[w];
      any = true;
    }
  for (int w = 0; w < 7; ++w)
    if (!m.seen[w]) m.intercept[w] = quietest;
  double actual = 0, fitted = 0;
  for (int d = std::max(0, days - kSpreadDays); d < days; ++d) {
    if (HolidayOn(h, d)) continue;
    actual += totals[d];
    fitted += Fitted(m, WeekdayOf(h, d), d);
  }
  m.scale = fitted > 0 ? actual / fitted : 1;
  // Holidays against what their weekday would have brought; none seen: as
  // the quietest weekday.
  double hol_actual = 0, hol_fitted = 0;
  for (int d = 0; d < days; ++d)
    if (HolidayOn(h, d)) {
      hol_actual += weight(d) * totals[d];
      hol_fitted += weight(d) * m.scale * Fitted(m, WeekdayOf(h, d), d);
    }
  m.holiday_factor = hol_fitted > 0 ? hol_actual / hol_fitted : -1;
  return m;
}

double Expected(const DayModel& m, const VolumeHistory& h, int day) {
  const int w = WeekdayOf(h, day);
  double level = m.scale * Fitted(m, w, day);
  if (HolidayOn(h, day)) {
    if (m.holiday_factor >= 0) {
      level *= m.holiday_factor;
    } else {
      double quietest = level;
      for (int v = 0; v < 7; ++v) quietest = std::min(quietest, m.scale * Fitted(m, v, day));
      level = quietest;
    }
  }
  return level;
}

// Each weekday's share of its day per interval (recent weeks counting
// more), mixed with the share over all weekdays.
std::vector<std::vector<double>> LearnProfiles(const VolumeHistory& h, int days) {
  const int n = h.intervals_per_day;
  std::vector<std::vector<double>> per(7, std::vector<double>(n, 0));
  std::vector<double> all(n, 0);
  std::array<double, 7> total{};
  double all_total = 0;
  for (int d = 0; d < days; ++d) {
    if (HolidayOn(h, d)) continue;
    const double wt = std::pow(kWeekDecay, (days - 1 - d) / 7.0);
    const int w = WeekdayOf(h, d);
    for (int s = 0; s < n; ++s) {
      const double c = wt * h.counts[static_cast<size_t>(d) * n + s];
      per[w][s] += c;
      all[s] += c;
      total[w] += c;
      all_total += c;
    }
  }
  std::vector<std::vector<double>> out(7, std::vector<double>(n, 1.0 / n));
  for (int w = 0; w < 7; ++w)
    for (int s = 0; s < n; ++s) {
      const double prior = all_total > 0 ? all[s] / all_total : 1.0 / n;
      out[w][s] = (per[w][s] + kProfilePrior * prior) / (total[w] + kProfilePrior);
    }
  return out;
}

Status Check(const VolumeHistory& h) {
  if (h.intervals_per_day < 1 || h.intervals_per_day > 24 * 60)
    return InvalidArgument("intervals per day must be 1 to 1440");
  if (h.first_weekday < 1 || h.first_weekday > 7)
    return InvalidArgument("the first weekday must be 1 (Monday) to 7 (Sunday)");
  if (h.counts.size() % static_cast<size_t>(h.intervals_per_day) != 0)
    return InvalidArgument("the history must be whole days");
  for (double c : h.counts)
    if (!std::isfinite(c) || c < 0) return InvalidArgument("counts must be 0 or more");
  return Status::Ok();
}

int DaysOf(const VolumeHistory& h) {
  return static_cast<int>(h.counts.size() / static_cast<size_t>(h.intervals_per_day));
}

// The history's first `days` days (holidays kept for the horizon after).
VolumeHistory Prefix(const VolumeHistory& h, int days) {
  VolumeHistory p = h;
  p.counts.resize(static_cast<size_t>(days) * h.intervals_per_day);
  return p;
}

}  // namespace

Result<VolumeForecast> ForecastVolume(const VolumeHistory& history, int horizon_days) {
  if (Status s = Check(history); !s.ok()) return s;
  const int days = DaysOf(history);
  if (days < 14) return InvalidArgument("a forecast needs two whole weeks of history");
  if (horizon_days < 1 || horizon_days > 366)
    return InvalidArgument("the horizon must be 1 to 366 days");
  const int n = history.intervals_per_day;
  const std::vector<double> totals = DailyTotals(history, days);
  const DayModel model = LearnDays(history, totals);
  const auto profiles = LearnProfiles(history, days);
  // The spread: how far the model's intervals were from what came over
  // the last weeks, as an overdispersed Poisson (variance φ × expected).
  double sq = 0, mass = 0;
  for (int d = std::max(0, days - kSpreadDays); d < days; ++d) {
    const double day = Expected(model, history, d);
    const int w = WeekdayOf(history, d);
    for (int s = 0; s < n; ++s) {
      const double e = day * profiles[w][s];
      const double r = history.counts[static_cast<size_t>(d) * n + s] - e;
      sq += r * r;
      mass += e;
    }
  }
  const double dispersion = std::max(1.0, mass > 0 ? sq / mass : 1.0);
  VolumeForecast out;
  for (int k = 0; k < horizon_days; ++k) {
    const int d = days + k;
    const double day = Expected(model, history, d);
    out.daily.push_back(day);
    const int w = WeekdayOf(history, d);
    for (int s = 0; s < n; ++s) {
      ForecastInterval f;
      f.expected = day * profiles[w][s];
      // Further ahead, less certain: the spread grows with the horizon.
      const double sd = std::sqrt(dispersion * f.expected * (1 + 0.02 * k));
      f.low = std::max(0.0, f.expected - kZ80 * sd);
      f.high = f.expected + kZ80 * sd;
      out.intervals.push_back(f);
    }
  }
  return out;
}

std::vector<double> SeasonalNaive(const VolumeHistory& history, int horizon_days) {
  const int days = DaysOf(history);
  const int n = history.intervals_per_day;
  std::vector<double> out;
  if (days < 7) return out;
  for (int k = 0; k < horizon_days; ++k) {
    const int src = days - 7 + (k % 7);
    for (int s = 0; s < n; ++s) out.push_back(history.counts[static_cast<size_t>(src) * n + s]);
  }
  return out;
}

Result<Backtest> BacktestVolume(const VolumeHistory& history, int horizon_days, int min_train_days,
                                int step_days) {
  if (Status s = Check(history); !s.ok()) return s;
  if (horizon_days < 1 || step_days < 1 || min_train_days < 14)
    return InvalidArgument("horizon and step must be 1 or more, training at least 14 days");
  const int days = DaysOf(history);
  const int n = history.intervals_per_day;
  if (days < min_train_days + 1)
    return InvalidArgument("the history is too short for a back-test: " + std::to_string(days) +
                           " days");
  struct Sum {
    double abs = 0, actual = 0, naive_abs = 0, ape = 0, naive_ape = 0;
    int ape_days = 0;
  };
  std::vector<Sum> sums(static_cast<size_t>(horizon_days));
  Backtest out;
  for (int origin = min_train_days; origin < days; origin += step_days) {
    const VolumeHistory train = Prefix(history, origin);
    auto forecast = ForecastVolume(train, horizon_days);
    if (!forecast.ok()) return forecast.status();
    const std::vector<double> naive = SeasonalNaive(train, horizon_days);
    ++out.origins;
    for (int k = 0; k < horizon_days && origin + k < days; ++k) {
      Sum& sum = sums[k];
      double actual_day = 0, model_day = 0, naive_day = 0;
      for (int s = 0; s < n; ++s) {
        const double a = history.counts[static_cast<size_t>(origin + k) * n + s];
        const double f = forecast->intervals[static_cast<size_t>(k) * n + s].expected;
        const double b = naive[static_cast<size_t>(k) * n + s];
        sum.abs += std::abs(a - f);
        sum.naive_abs += std::abs(a - b);
        sum.actual += a;
        actual_day += a;
        model_day += f;
        naive_day += b;
      }
      if (actual_day > 0) {
        sum.ape += std::abs(actual_day - model_day) / actual_day;
        sum.naive_ape += std::abs(actual_day - naive_day) / actual_day;
        ++sum.ape_days;
      }
    }
  }
  double abs = 0, naive_abs = 0, actual = 0;
  for (int k = 0; k < horizon_days; ++k) {
    const Sum& s = sums[k];
    BacktestHorizon h;
    h.days_ahead = k + 1;
    h.wape = s.actual > 0 ? s.abs / s.actual : 0;
    h.naive_wape = s.actual > 0 ? s.naive_abs / s.actual : 0;
    h.mape = s.ape_days ? s.ape / s.ape_days : 0;
    h.naive_mape = s.ape_days ? s.naive_ape / s.ape_days : 0;
    out.horizons.push_back(h);
    abs += s.abs;
    naive_abs += s.naive_abs;
    actual += s.actual;
  }
  out.wape = actual > 0 ? abs / actual : 0;
  out.naive_wape = actual > 0 ? naive_abs / actual : 0;
  return out;
}

}  // namespace luister
