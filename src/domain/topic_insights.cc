#include "domain/topic_insights.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace luister {

namespace {

constexpr int kWeeksPerYear = 52;

double MeanOf(const std::vector<int64_t>& v, size_t from, size_t to) {
  if (to <= from) return 0;
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += static_cast<double>(v[i]);
  return sum / static_cast<double>(to - from);
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  const size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  return (upper + *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid))) / 2;
}

}  // namespace

TopicTrend JudgeTrend(const std::vector<int64_t>& weekly, const TrendOptions& options) {
  TopicTrend t;
  if (weekly.empty()) return t;
  const size_t now = weekly.size() - 1;
  const auto history = static_cast<size_t>(std::max(options.history_weeks, 1));
  t.observed = weekly[now];
  if (now < history) {
    t.ratio = static_cast<double>(t.observed);
    return t;
  }
  t.expected = MeanOf(weekly, now - history, now);
  // The same week a year earlier against its own weeks before.
  if (now >= kWeeksPerYear + history) {
    const size_t then = now - kWeeksPerYear;
    const double before = MeanOf(weekly, then - history, then);
    if (before > 0) {
      t.expected *= std::clamp(static_cast<double>(weekly[then]) / before, 0.5, 3.0);
      t.seasonal = true;
    }
  }
  t.ratio = t.expected > 0 ? static_cast<double>(t.observed) / t.expected
                           : static_cast<double>(t.observed);
  t.z = (static_cast<double>(t.observed) - t.expected) / std::sqrt(std::max(t.expected, 1.0));
  t.rising =
      t.observed >= options.min_count && t.ratio >= options.min_ratio && t.z >= options.min_z;
  return t;
}

std::vector<TopicDifficulty> RankDifficulty(const std::vector<TopicEffort>& topics) {
  struct Measure {
    const char* name;
    // None: not known for this topic (no call or chat to time, no survey).
    std::optional<double> (*of)(const TopicEffort&);
  };
  static const std::array<Measure, 9> kMeasures = {{
      {"handle_minutes", [](const TopicEffort& e) { return e.handle_minutes; }},
      {"hours_to_resolve",
       [](const TopicEffort& e) { return std::optional<double>(e.hours_to_resolve); }},
      {"messages_to_resolve",
       [](const TopicEffort& e) { return std::optional<double>(e.messages_to_resolve); }},
      {"contacts_to_resolve",
       [](const TopicEffort& e) { return std::optional<double>(e.contacts_to_resolve); }},
      {"transfer_rate",
       [](const TopicEffort& e) { return std::optional<double>(e.transfer_rate); }},
      {"reopen_rate", [](const TopicEffort& e) { return std::optional<double>(e.reopen_rate); }},
      {"repeat_rate", [](const TopicEffort& e) { return std::optional<double>(e.repeat_rate); }},
      {"complaint_rate",
       [](const TopicEffort& e) { return std::optional<double>(e.complaint_rate); }},
      // Turned around: 5 - score, so that higher is harder as for the rest.
      {"satisfaction",
       [](const TopicEffort& e) {
         return e.satisfaction ? std::optional<double>(5 - *e.satisfaction) : std::nullopt;
       }},
  }};
  constexpr double kCap = 5;
  constexpr double kDriver = 1.5;

  std::array<double, kMeasures.size()> medians{};
  for (size_t m = 0; m < kMeasures.size(); ++m) {
    std::vector<double> values;
    for (const TopicEffort& e : topics)
      if (auto v = kMeasures[m].of(e)) values.push_back(*v);
    medians[m] = Median(values);
  }

  std::vector<TopicDifficulty> out;
  out.reserve(topics.size());
  for (const TopicEffort& e : topics) {
    TopicDifficulty d;
    double sum = 0;
    int counted = 0;
    std::vector<std::pair<double, const char*>> drivers;
    for (size_t m = 0; m < kMeasures.size(); ++m) {
      const std::optional<double> value = kMeasures[m].of(e);
      if (!value) continue;
      double relative = 1;
      if (medians[m] > 0)
        relative = std::min(*value / medians[m], kCap);
      else if (*value > 0)
        relative = 2;
      sum += relative;
      ++counted;
      if (relative >= kDriver) drivers.emplace_back(relative, kMeasures[m].name);
    }
    d.difficulty = counted > 0 ? sum / counted : 0;
    d.priority = static_cast<double>(e.volume) * d.difficulty;
    std::stable_sort(drivers.begin(), drivers.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& driver : drivers) d.drivers.emplace_back(driver.second);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace luister
