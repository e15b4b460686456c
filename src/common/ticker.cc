#include "common/ticker.h"

#include <utility>

namespace luister {

Ticker::Ticker(std::chrono::milliseconds every, std::function<void()> tick)
    : every_(every), tick_(std::move(tick)) {
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      tick_();
      lock.lock();
      wake_.wait_for(lock, every_, [this] { return stopping_; });
    }
  });
}

Ticker::~Ticker() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

}  // namespace luister
