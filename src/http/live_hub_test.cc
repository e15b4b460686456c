#include "http/live_hub.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/manual_clock.h"

namespace luister::http {
namespace {

class FakeConnection : public WebSocketConnection {
 public:
  void Send(std::shared_ptr<const std::string> text) override {
    frames.push_back(nlohmann::json::parse(*text));
  }
  void Close() override { closed = true; }
  std::vector<nlohmann::json> frames;
  bool closed = false;
};

DomainEvent Message(int64_t conversation) {
  DomainEvent e;
  e.type = EventType::kMessageCreated;
  e.at = FromMillis(1'800'000'000'000);
  e.conversation_id = conversation;
  e.customer_id = 7;
  e.message_id = 100 + conversation;
  return e;
}

Request Upgrade(std::string since = "") {
  Request r;
  r.method = "GET";
  r.path = "/api/v1/live";
  if (!since.empty()) r.query.emplace_back("since", since);
  return r;
}

LiveHub::Authorizer AllowAll() {
  return [](Request&) { return std::optional<Response>(); };
}

TEST(LiveHubTest, SaysHelloThenDeliversEventsInOrder) {
  LiveHub hub(AllowAll());
  auto c = std::make_shared<FakeConnection>();
  hub.OnOpen(c, Upgrade());
  hub.Publish(Message(1));
  hub.Publish(Message(2));
  ASSERT_EQ(c->frames.size(), 3u);
  EXPECT_EQ(c->frames[0]["type"], "hello");
  EXPECT_EQ(c->frames[0]["seq"], 0);
  EXPECT_EQ(c->frames[1]["type"], "message.created");
  EXPECT_EQ(c->frames[1]["seq"], 1);
  EXPECT_EQ(c->frames[1]["conversation_id"], 1);
  EXPECT_EQ(c->frames[1]["message_id"], 101);
  EXPECT_EQ(c->frames[2]["seq"], 2);
  EXPECT_FALSE(c->frames[1].contains("department_id"));
}

TEST(LiveHubTest, ReplaysWhatAReconnectingClientMissed) {
  LiveHub hub(AllowAll());
  for (int i = 1; i <= 5; ++i) hub.Publish(Message(i));
  auto c = std::make_shared<FakeConnection>();
  hub.OnOpen(c, Upgrade("3"));
  ASSERT_EQ(c->frames.size(), 3u);  // hello, 4, 5
  EXPECT_EQ(c->frames[0]["seq"], 5);
  EXPECT_EQ(c->frames[1]["seq"], 4);
  EXPECT_EQ(c->frames[2]["seq"], 5);
}

TEST(LiveHubTest, ResetsWhenHistoryNoLongerReachesBack) {
  LiveHub hub(AllowAll(), /*history=*/2);
  for (int i = 1; i <= 5; ++i) hub.Publish(Message(i));
  auto old_client = std::make_shared<FakeConnection>();
  hub.OnOpen(old_client, Upgrade("1"));
  ASSERT_EQ(old_client->frames.size(), 2u);
  EXPECT_EQ(old_client->frames[1]["type"], "reset");
  auto just_in_time = std::make_shared<FakeConnection>();
  hub.OnOpen(just_in_time, Upgrade("3"));
  ASSERT_EQ(just_in_time->frames.size(), 3u);  // hello, 4, 5
  auto from_the_future = std::make_shared<FakeConnection>();
  hub.OnOpen(from_the_future, Upgrade("99"));
  EXPECT_EQ(from_the_future->frames.back()["type"], "reset");
}

TEST(LiveHubTest, ClosedConnectionsHearNothingMore) {
  LiveHub hub(AllowAll());
  auto a = std::make_shared<FakeConnection>();
  auto b = std::make_shared<FakeConnection>();
  hub.OnOpen(a, Upgrade());
  hub.OnOpen(b, Upgrade());
  EXPECT_EQ(hub.connections(), 2u);
  hub.OnClose(a.get());
  hub.Publish(Message(1));
  EXPECT_EQ(a->frames.size(), 1u);
  EXPECT_EQ(b->frames.size(), 2u);
  EXPECT_EQ(hub.connections(), 1u);
}

TEST(LiveHubTest, AuthorizeDelegates) {
  LiveHub hub([](Request&) {
    Response r;
    r.status = 401;
    return std::optional<Response>(r);
  });
  Request req = Upgrade();
  auto refusal = hub.Authorize(req);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->status, 401);
}

// Logout, deactivation and a new role or password end the user's streams
// opened before (on every node: the event comes through the shared stream
// too), and nobody is told of it.
TEST(LiveHubTest, AccessChangedClosesThatUsersEarlierStreamsOnly) {
  ManualClock clock;
  LiveHub hub(AllowAll(), 100, &clock);
  auto open_stream = [&](int64_t user) {
    auto c = std::make_shared<FakeConnection>();
    Request r = Upgrade();
    r.user_id = user;
    hub.OnOpen(c, r);
    return c;
  };
  auto anna = open_stream(1);
  auto anna_tab = open_stream(1);
  auto bram = open_stream(2);
  clock.Advance(std::chrono::seconds(1));
  hub.Publish(AccessChanged(1, clock.Now()));
  EXPECT_TRUE(anna->closed);
  EXPECT_TRUE(anna_tab->closed);
  EXPECT_FALSE(bram->closed);
  EXPECT_EQ(bram->frames.size(), 1u) << "the event is not sent to anyone";

  // A stream opened after the change (logged in again) stays when the
  // same event arrives late through the shared stream.
  clock.Advance(std::chrono::seconds(1));
  auto anna_again = open_stream(1);
  hub.Deliver(5, AccessChanged(1, clock.Now() - std::chrono::seconds(1)));
  EXPECT_FALSE(anna_again->closed);
  EXPECT_EQ(hub.last_seq(), 5u) << "its number is used, so later numbers follow on";
  hub.Publish(Message(3));
  EXPECT_EQ(anna_again->frames.back()["seq"], 6);
}

}  // namespace
}  // namespace luister::http
