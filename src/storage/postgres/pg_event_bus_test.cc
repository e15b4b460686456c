#include "storage/postgres/pg_event_bus.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_test_fixture.h"

namespace luister::postgres {
namespace {

using namespace std::chrono_literals;

// What one node's hub would receive.
struct Inbox {
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<uint64_t, DomainEvent>> events;

  PgEventBus::Deliver Sink() {
    return [this](uint64_t seq, const DomainEvent& e) {
      std::lock_guard lock(mu);
      events.emplace_back(seq, e);
      cv.notify_all();
    };
  }
  // Waits until `n` events arrived; returns them.
  std::vector<std::pair<uint64_t, DomainEvent>> WaitFor(size_t n) {
    std::unique_lock lock(mu);
    cv.wait_for(lock, 10s, [&] { return events.size() >= n; });
    return events;
  }
};

DomainEvent Message(int64_t conversation, int64_t message) {
  DomainEvent e;
  e.type = EventType::kMessageCreated;
  e.at = FromMillis(1'800'000'000'000);
  e.conversation_id = conversation;
  e.customer_id = 7;
  e.message_id = message;
  e.department_id = 2;
  return e;
}

class PgEventBusTest : public PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    auto db = Database::Open(url_, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrator::Apply(**db).ok());
  }
};

TEST_F(PgEventBusTest, AnEventPublishedOnOneNodeReachesEveryNodeWithOneNumber) {
  Inbox a_in, b_in;
  auto a = PgEventBus::Start(url_, a_in.Sink());
  auto b = PgEventBus::Start(url_, b_in.Sink());
  ASSERT_TRUE(a.ok() && b.ok());
  (*a)->Publish(Message(5, 50));
  (*b)->Publish(Message(6, 60));
  auto at_a = a_in.WaitFor(2);
  auto at_b = b_in.WaitFor(2);
  ASSERT_EQ(at_a.size(), 2u);
  ASSERT_EQ(at_b.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(at_a[i].first, at_b[i].first) << "one database-wide number per event";
    EXPECT_EQ(at_a[i].second.message_id, at_b[i].second.message_id);
  }
  EXPECT_NE(at_a[0].first, at_a[1].first);
  const DomainEvent& e = at_b[0].second.message_id == 50 ? at_b[0].second : at_b[1].second;
  EXPECT_EQ(e.type, EventType::kMessageCreated);
  EXPECT_EQ(e.conversation_id, 5);
  EXPECT_EQ(e.customer_id, 7);
  EXPECT_EQ(e.department_id, 2);
  EXPECT_EQ(e.at, FromMillis(1'800'000'000'000));
}

TEST_F(PgEventBusTest, ANodeThatLostItsConnectionsCatchesUp) {
  Inbox a_in, b_in;
  auto a = PgEventBus::Start(url_, a_in.Sink());
  auto b = PgEventBus::Start(url_, b_in.Sink());
  ASSERT_TRUE(a.ok() && b.ok());
  (*a)->Publish(Message(1, 10));
  ASSERT_EQ(b_in.WaitFor(1).size(), 1u);

  // What a PostgreSQL restart does to both nodes' connections.
  auto admin = Connection::Open(url_, {});
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE((*admin)
                  ->Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                  .ok());
  (*a)->Publish(Message(1, 11));
  (*a)->Publish(Message(1, 12));
  auto got = b_in.WaitFor(3);
  ASSERT_EQ(got.size(), 3u) << "events published while node B was cut off reach it";
  EXPECT_EQ(got[1].second.message_id, 11);
  EXPECT_EQ(got[2].second.message_id, 12);
  EXPECT_LT(got[1].first, got[2].first);
}

TEST_F(PgEventBusTest, UnreachableDatabaseIsAClearError) {
  Inbox in;
  auto bus = PgEventBus::Start("postgres://luister@127.0.0.1:1/luister", in.Sink());
  ASSERT_FALSE(bus.ok());
  EXPECT_EQ(bus.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace luister::postgres
