#include "common/failpoint.h"

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>

namespace luister {

namespace {

// name -> milliseconds to sleep
std::map<std::string, long, std::less<>> Parse(std::string_view spec) {
  std::map<std::string, long, std::less<>> out;
  while (!spec.empty()) {
    size_t end = spec.find(';');
    std::string_view item = spec.substr(0, end);
    spec = end == std::string_view::npos ? std::string_view() : spec.substr(end + 1);
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view action = item.substr(eq + 1);
    constexpr std::string_view kSleep = "sleep(";
    if (action.substr(0, kSleep.size()) != kSleep || action.back() != ')') continue;
    std::string_view number = action.substr(kSleep.size(), action.size() - kSleep.size() - 1);
    long ms = 0;
    auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), ms);
    if (ec != std::errc() || ptr != number.data() + number.size() || ms < 0) continue;
    out[std::string(item.substr(0, eq))] = ms;
  }
  return out;
}

const std::map<std::string, long, std::less<>>& Points() {
  static const auto points = [] {
    const char* env = std::getenv("LUISTER_FAILPOINTS");
    return env ? Parse(env) : std::map<std::string, long, std::less<>>();
  }();
  return points;
}

}  // namespace

void Failpoint(std::string_view name) {
  const auto& points = Points();
  if (points.empty()) return;
  auto it = points.find(name);
  if (it != points.end()) std::this_thread::sleep_for(std::chrono::milliseconds(it->second));
}

}  // namespace luister
