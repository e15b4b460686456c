#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace luister {

// Runs `tick` on a thread of its own: once at once, then every `every` until
// the Ticker is destroyed (which waits for a running tick to finish). For a
// node's own periodic chores (its agents' presence); work one node of many
// should do goes through the job runner instead.
class Ticker {
 public:
  Ticker(std::chrono::milliseconds every, std::function<void()> tick);
  ~Ticker();
  Ticker(const Ticker&) = delete;
  Ticker& operator=(const Ticker&) = delete;

 private:
  std::chrono::milliseconds every_;
  std::function<void()> tick_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace luister
