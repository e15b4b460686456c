#include "http/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace luister::http {
namespace {

// Label values escape backslash, double quote and newline (exposition format).
void AppendEscaped(std::string* out, std::string_view value) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out->append("\\\\");
        break;
      case '"':
        out->append("\\\"");
        break;
      case '\n':
        out->append("\\n");
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendLabels(std::string* out, const std::string& method, const std::string& route,
                  int status) {
  out->append("method=\"");
  AppendEscaped(out, method);
  out->append("\",route=\"");
  AppendEscaped(out, route);
  out->append("\",status=\"");
  out->append(std::to_string(status));
  out->push_back('"');
}

}  // namespace

void Metrics::Observe(std::string_view method, std::string_view route, int status,
                      std::chrono::microseconds latency) {
  double seconds = std::chrono::duration<double>(latency).count();
  auto bound = std::lower_bound(kBucketsSeconds.begin(), kBucketsSeconds.end(), seconds);
  size_t bucket = static_cast<size_t>(bound - kBucketsSeconds.begin());

  std::lock_guard<std::mutex> lock(mutex_);
  auto it =
      series_.find(std::tuple<std::string_view, std::string_view, int>(method, route, status));
  if (it == series_.end()) {
    it = series_.emplace(Key(method, route, status), Series{}).first;
  }
  Series& s = it->second;
  if (bucket < s.buckets.size()) ++s.buckets[bucket];
  ++s.count;
  s.sum_seconds += seconds;
}

std::atomic<int64_t>& Metrics::Gauge(std::string_view name, std::string_view help,
                                     std::string_view labels) {
  return Find(name, help, labels, false);
}

std::atomic<int64_t>& Metrics::Counter(std::string_view name, std::string_view help,
                                       std::string_view labels) {
  return Find(name, help, labels, true);
}

std::atomic<int64_t>& Metrics::Find(std::string_view name, std::string_view help,
                                    std::string_view labels, bool counter) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_pair(std::string(name), std::string(labels));
  auto it = values_.find(key);
  if (it == values_.end()) {
    it = values_.try_emplace(std::move(key)).first;
    it->second.help = help;
    it->second.counter = counter;
  }
  return it->second.value;
}

std::string Metrics::Render() const {
  std::vector<std::pair<Key, Series>> snapshot;
  std::string values;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    snapshot.assign(series_.begin(), series_.end());
    std::string_view family;
    for (const auto& [key, v] : values_) {
      const auto& [name, labels] = key;
      if (name != family) {
        values.append("# HELP ").append(name).append(" ").append(v.help).push_back('\n');
        values.append("# TYPE ").append(name).append(v.counter ? " counter\n" : " gauge\n");
        family = name;
      }
      values.append(name);
      if (!labels.empty()) values.append("{").append(labels).append("}");
      values.append(" ")
          .append(std::to_string(v.value.load(std::memory_order_relaxed)))
          .push_back('\n');
    }
  }

  std::string out;
  out.reserve(256 + snapshot.size() * 1600);
  out.append(
      "# HELP luister_http_requests_total HTTP requests served, by method, route and status.\n"
      "# TYPE luister_http_requests_total counter\n");
  for (const auto& [key, s] : snapshot) {
    const auto& [method, route, status] = key;
    out.append("luister_http_requests_total{");
    AppendLabels(&out, method, route, status);
    out.append("} ").append(std::to_string(s.count)).push_back('\n');
  }

  out.append(
      "# HELP luister_http_request_duration_seconds Time from request header to response, in "
      "seconds.\n"
      "# TYPE luister_http_request_duration_seconds histogram\n");
  for (const auto& [key, s] : snapshot) {
    const auto& [method, route, status] = key;
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= kBucketsSeconds.size(); ++i) {
      bool inf = i == kBucketsSeconds.size();
      cumulative = inf ? s.count : cumulative + s.buckets[i];
      out.append("luister_http_request_duration_seconds_bucket{");
      AppendLabels(&out, method, route, status);
      out.append(",le=\"");
      out.append(inf ? std::string("+Inf") : fmt::format("{}", kBucketsSeconds[i]));
      out.append("\"} ").append(std::to_string(cumulative)).push_back('\n');
    }
    out.append("luister_http_request_duration_seconds_sum{");
    AppendLabels(&out, method, route, status);
    out.append("} ").append(fmt::format("{}", s.sum_seconds)).push_back('\n');
    out.append("luister_http_request_duration_seconds_count{");
    AppendLabels(&out, method, route, status);
    out.append("} ").append(std::to_string(s.count)).push_back('\n');
  }
  out.append(values);
  std::vector<std::function<std::string()>> collectors;
  {
    std::lock_guard lock(mutex_);
    collectors = collectors_;
  }
  for (const auto& collect : collectors) out.append(collect());
  return out;
}

void Metrics::AddCollector(std::function<std::string()> collect) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collect));
}

}  // namespace luister::http
