#include "domain/events.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace luister {
namespace {

struct Recorder final : EventPublisher {
  void Publish(const DomainEvent& e) override { seen.push_back(e.message_id.value_or(0)); }
  std::vector<int64_t> seen;
};

DomainEvent Message(int64_t id) {
  DomainEvent e;
  e.type = EventType::kMessageCreated;
  e.message_id = id;
  return e;
}

TEST(HeldEventsTest, EventsWaitForTheCommitAndGoInOrder) {
  Recorder live;
  HeldEvents::PublishOrHold(&live, Message(1));
  EXPECT_EQ(live.seen, (std::vector<int64_t>{1})) << "nothing held: published at once";
  {
    HeldEvents batch;
    HeldEvents::PublishOrHold(&live, Message(2));
    HeldEvents::PublishOrHold(&live, Message(3));
    HeldEvents::PublishOrHold(nullptr, Message(9));  // a service without a publisher
    EXPECT_EQ(live.seen.size(), 1u) << "held until the commit";
    batch.Publish();
    EXPECT_EQ(live.seen, (std::vector<int64_t>{1, 2, 3}));
  }
  HeldEvents::PublishOrHold(&live, Message(4));
  EXPECT_EQ(live.seen.back(), 4) << "the hold ended with its scope";
}

TEST(HeldEventsTest, ARolledBackBatchTellsNobody) {
  Recorder live;
  {
    HeldEvents batch;
    HeldEvents::PublishOrHold(&live, Message(5));
  }  // no Publish(): rolled back
  EXPECT_TRUE(live.seen.empty());
}

TEST(HeldEventsTest, ANestedHoldHandsItsEventsToTheOuterOne) {
  Recorder live;
  HeldEvents outer;
  {
    HeldEvents inner;
    HeldEvents::PublishOrHold(&live, Message(6));
    inner.Publish();
  }
  EXPECT_TRUE(live.seen.empty()) << "the outer batch has not committed";
  outer.Publish();
  EXPECT_EQ(live.seen, (std::vector<int64_t>{6}));
}

TEST(HeldEventsTest, AHoldIsThisThreadsOnly) {
  Recorder live;
  HeldEvents batch;
  std::thread other([&] { HeldEvents::PublishOrHold(&live, Message(7)); });
  other.join();
  EXPECT_EQ(live.seen, (std::vector<int64_t>{7})) << "another thread's event is not held here";
}

}  // namespace
}  // namespace luister
