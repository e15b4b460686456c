#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace luister::http {

// Request counters and latency histograms by route, method and status,
// rendered in the Prometheus text format (version 0.0.4). Thread-safe; Observe()
// holds a mutex for one map lookup. Callers keep label cardinality bounded by
// passing route patterns, never raw paths (the server passes "unmatched" for
// requests no route matched).
class Metrics {
 public:
  void Observe(std::string_view method, std::string_view route, int status,
               std::chrono::microseconds latency);
  std::string Render() const;

  // A value kept up to date by its owner (a gauge) or only raised (a
  // counter), rendered with the request series. `labels` is the inside of
  // the braces, already escaped (`mailbox="3"`), or empty. The reference
  // stays valid as long as the Metrics; the same name and labels give the
  // same value, so a gauge is looked up once and then changed lock-free.
  std::atomic<int64_t>& Gauge(std::string_view name, std::string_view help,
                              std::string_view labels = {});
  std::atomic<int64_t>& Counter(std::string_view name, std::string_view help,
                                std::string_view labels = {});

  // Series read at scrape time from where they live (the database's
  // per-mailbox counts, shared by every node): `collect` returns complete
  // lines in the text format, HELP and TYPE included, and is called by
  // Render() outside the lock. It must be cheap and must not throw.
  void AddCollector(std::function<std::string()> collect);

  static constexpr std::array<double, 12> kBucketsSeconds{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                          0.05,   0.1,   0.25,   0.5,   1.0,  5.0};

  // The content type for a /metrics response carrying Render().
  static constexpr std::string_view kContentType = "text/plain; version=0.0.4; charset=utf-8";

 private:
  struct Series {
    // Not cumulative: buckets[i] counts observations in (bound[i-1], bound[i]];
    // Render() accumulates. Observations above the last bound only count.
    std::array<uint64_t, kBucketsSeconds.size()> buckets{};
    uint64_t count = 0;
    double sum_seconds = 0;
  };
  using Key = std::tuple<std::string, std::string, int>;  // method, route, status
  mutable std::mutex mutex_;
  // Orders keys and looks them up by string_views, without building a Key
  // (and two strings) per request.
  struct KeyLess {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return std::tuple<std::string_view, std::string_view, int>(std::get<0>(a), std::get<1>(a),
                                                                 std::get<2>(a)) <
             std::tuple<std::string_view, std::string_view, int>(std::get<0>(b), std::get<1>(b),
                                                                 std::get<2>(b));
    }
  };
  std::map<Key, Series, KeyLess> series_;  // GUARDED_BY(mutex_)

  struct Value {
    std::string help;
    bool counter = false;
    std::atomic<int64_t> value{0};
  };
  std::atomic<int64_t>& Find(std::string_view name, std::string_view help, std::string_view labels,
                             bool counter);
  // By name, then labels: a family's lines stay together. Nodes never move.
  std::map<std::pair<std::string, std::string>, Value, std::less<>> values_;  // GUARDED_BY(mutex_)
  std::vector<std::function<std::string()>> collectors_;                      // GUARDED_BY(mutex_)
};

}  // namespace luister::http
