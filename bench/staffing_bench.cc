// The staffing plan's arithmetic (C8), without the database: a week of
// 30-minute intervals for ten queues, each forecast from twelve weeks of
// history (with its rolling-origin back-test) and put through Erlang C or
// A per interval against a schedule. Issue 15's target: under 50 ms for
// the ten queues. docs/benchmarks.md.
#include <benchmark/benchmark.h>

#include <cmath>
#include <random>

#include "domain/staffing_plan.h"

namespace luister {
namespace {

// Twelve weeks of a queue's half hours: office peaks, quiet weekends,
// Poisson noise; `scale` contacts on an average weekday.
VolumeHistory QueueHistory(double scale, unsigned seed) {
  VolumeHistory h;
  h.intervals_per_day = 48;
  std::mt19937 rng(seed);
  constexpr double kWeekday[7] = {1.35, 1.15, 1.05, 1.0, 0.9, 0.45, 0.1};
  for (int d = 0; d < 84; ++d) {
    double shape[48], total = 0;
    for (int s = 0; s < 48; ++s) {
      const double hour = s / 2.0;
      shape[s] = hour < 7 || hour >= 22 ? 0
                                        : std::exp(-std::pow(hour - 10, 2) / 4) +
                                              0.8 * std::exp(-std::pow(hour - 14, 2) / 6) + 0.1;
      total += shape[s];
    }
    for (int s = 0; s < 48; ++s) {
      std::poisson_distribution<int> n(scale * kWeekday[d % 7] * shape[s] / total + 1e-9);
      h.counts.push_back(n(rng));
    }
  }
  return h;
}

void BM_WeekOfStaffingForTenQueues(benchmark::State& state) {
  const bool erlang_a = state.range(0) == 1;
  std::vector<VolumeHistory> queues;
  for (int q = 0; q < 10; ++q) queues.push_back(QueueHistory(200 + 150 * q, 7 + q));
  const ZoneClock zone = *ZoneClock::Open("Europe/Amsterdam");
  const Timestamp now = *ParseIso8601("2026-12-07T07:00:00Z");
  const PlanWindow window = MakePlanWindow(zone, now, 30, 12, 7);
  std::vector<Shift> shifts;
  for (int d = 0; d < 7; ++d) {
    Shift s;
    s.starts_at = window.IntervalStart(window.first_day() + d, 16);
    s.ends_at = window.IntervalStart(window.first_day() + d, 34);
    s.agents = 12;
    shifts.push_back(s);
  }
  StaffingInput in;
  in.aht_seconds = 300;
  in.shrinkage = 0.3;
  if (erlang_a) in.patience_seconds = 120;
  for (auto _ : state) {
    int required = 0;
    for (const VolumeHistory& h : queues) {
      auto f = ForecastWindow(h, 7);
      auto plan = PlanIntervals(window, f->forecast, in, shifts, {}, {}, now);
      for (const IntervalStaffing& i : *plan) required += i.need.required;
    }
    benchmark::DoNotOptimize(required);
  }
}
BENCHMARK(BM_WeekOfStaffingForTenQueues)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// The same without the forecast: Erlang C or A per interval and the
// schedule.
void BM_WeekOfErlangForTenQueues(benchmark::State& state) {
  const bool erlang_a = state.range(0) == 1;
  const ZoneClock zone = *ZoneClock::Open("Europe/Amsterdam");
  const Timestamp now = *ParseIso8601("2026-12-07T07:00:00Z");
  const PlanWindow window = MakePlanWindow(zone, now, 30, 12, 7);
  std::vector<VolumeForecast> forecasts;
  for (int q = 0; q < 10; ++q)
    forecasts.push_back(*ForecastVolume(QueueHistory(200 + 150 * q, 7 + q), 7));
  StaffingInput in;
  in.aht_seconds = 300;
  if (erlang_a) in.patience_seconds = 120;
  for (auto _ : state) {
    int required = 0;
    for (const VolumeForecast& f : forecasts) {
      auto plan = PlanIntervals(window, f, in, {}, {}, {}, now);
      for (const IntervalStaffing& i : *plan) required += i.need.required;
    }
    benchmark::DoNotOptimize(required);
  }
}
BENCHMARK(BM_WeekOfErlangForTenQueues)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace luister

BENCHMARK_MAIN();
