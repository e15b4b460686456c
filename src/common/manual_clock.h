#pragma once

#include <atomic>

#include "common/time.h"

namespace luister {

// A clock that moves only when told: tests and the demo generator use it to
// run rules at chosen times. Starts at 2027-01-15T08:00:00Z. Thread-safe.
class ManualClock final : public Clock {
 public:
  static constexpr int64_t kStartMillis = 1'800'000'000'000;

  ManualClock() = default;
  explicit ManualClock(Timestamp start) : now_ms_(ToMillis(start)) {}

  Timestamp Now() const override { return FromMillis(now_ms_.load()); }
  void Set(Timestamp t) { now_ms_.store(ToMillis(t)); }
  template <typename Duration>
  void Advance(Duration d) {
    now_ms_.fetch_add(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
  }

 private:
  std::atomic<int64_t> now_ms_{kStartMillis};
};

}  // namespace luister
