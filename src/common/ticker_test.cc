#include "common/ticker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace luister {
namespace {

TEST(TickerTest, TicksAtOnceThenAgainAndStopsWhenDestroyed) {
  std::mutex mutex;
  std::condition_variable ticked;
  int ticks = 0;
  {
    Ticker ticker(std::chrono::milliseconds(1), [&] {
      std::lock_guard<std::mutex> lock(mutex);
      ++ticks;
      ticked.notify_all();
    });
    std::unique_lock<std::mutex> lock(mutex);
    ASSERT_TRUE(ticked.wait_for(lock, std::chrono::seconds(10), [&] { return ticks >= 3; }));
  }
  std::lock_guard<std::mutex> lock(mutex);
  const int at_stop = ticks;
  // Destroyed: the thread has been joined, nothing ticks any more.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(ticks, at_stop);
}

TEST(TickerTest, ALongIntervalDoesNotDelayStopping) {
  std::atomic<int> ticks{0};
  const auto start = std::chrono::steady_clock::now();
  {
    Ticker ticker(std::chrono::hours(1), [&] { ++ticks; });
    while (ticks.load() == 0) std::this_thread::yield();
  }
  EXPECT_EQ(ticks.load(), 1);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::minutes(1));
}

}  // namespace
}  // namespace luister
