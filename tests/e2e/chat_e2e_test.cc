// The web chat through the real server: a widget embedded on a shop's site,
// a visitor who starts a chat over the WebSocket (nothing exists before),
// an agent who accepts, types and answers live, the visitor's return with
// their signed token, and every refusal: a foreign page, a forged token, a
// frame before the start, a malformed frame.
#include <gtest/gtest.h>

#include <string>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

constexpr char kShop[] = "https://shop.example";

class ChatTest : public ServerTest<ChatTest> {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    const std::string stamp = std::to_string(++n_);
    auto d = client_->Post("/api/v1/departments", {{"name", "Webshop " + stamp}});
    ASSERT_EQ(d.status, 201) << d.body;
    auto q = client_->Post("/api/v1/queues", {{"department_id", d.Json()["id"]}, {"name", "Chat"}});
    ASSERT_EQ(q.status, 201) << q.body;
    auto w =
        client_->Post("/api/v1/chat-widgets", {{"slug", "shop-" + stamp},
                                               {"name", "Klantenservice"},
                                               {"queue_id", q.Json()["id"]},
                                               {"allowed_origins", {std::string(kShop) + "/"}},
                                               {"privacy_url", "https://shop.example/privacy"}});
    ASSERT_EQ(w.status, 201) << w.body;
    slug_ = w.Json()["slug"];
    EXPECT_EQ(w.Json()["allowed_origins"][0], kShop) << "kept as an origin";
  }
  std::unique_ptr<WsClient> Visitor(const std::string& origin = kShop) {
    return std::make_unique<WsClient>(server_->port(), "",
                                      "/api/v1/widget/" + slug_ + "/live?lang=nl", origin);
  }
  static inline int n_ = 0;
  std::string slug_;
};

TEST_F(ChatTest, AVisitorStartsAChatAndAnAgentAcceptsTypesAndAnswersLive) {
  // The page asks before anyone types: nothing is made.
  HttpClient page(server_->port());
  auto config = page.Send("GET", "/api/v1/widget/" + slug_, "", {{"Origin", kShop}});
  ASSERT_EQ(config.status, 200) << config.body;
  EXPECT_EQ(config.Header("access-control-allow-origin"), kShop);
  EXPECT_EQ(config.Json()["name"], "Klantenservice");
  EXPECT_EQ(config.Json()["privacy_url"], "https://shop.example/privacy");
  EXPECT_EQ(config.Json()["available"], false) << "no agent has the workspace open";
  EXPECT_TRUE(config.Header("set-cookie").empty());

  auto visitor = Visitor();
  ASSERT_FALSE(visitor->error()) << visitor->error().message();
  ASSERT_TRUE(visitor->Send({{"type", "message"}, {"text", "Hallo?"}}));
  json refused = visitor->NextOfType("error");
  EXPECT_EQ(refused["status"], 401) << "a message before the start: " << refused.dump();

  ASSERT_TRUE(visitor->Send({{"type", "start"},
                             {"text", "Waar blijft mijn pakket?"},
                             {"name", "Piet Bakker"},
                             {"email", "piet.chat@example.nl"},
                             {"page", "https://shop.example/orders/17"},
                             {"ref", "r1"}}));
  json started = visitor->NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const std::string token = started["token"];
  EXPECT_EQ(started["ref"], "r1");
  EXPECT_EQ(started["chat"]["state"], "waiting");
  EXPECT_EQ(started["message"]["from"], "visitor");
  const int64_t conversation = started["chat"]["conversation_id"];
  json queue = visitor->NextOfType("queue");
  EXPECT_EQ(queue["position"], 1);
  EXPECT_EQ(queue["agents_online"], false);
  const std::string metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("\nluister_chats{state=\"waiting\"} "), std::string::npos) << metrics;
  EXPECT_EQ(metrics.find("\nluister_chat_connections 0\n"), std::string::npos)
      << "the visitor's connection is counted";

  // The agent's side: a chat conversation of the customer the address names.
  auto conv = client_->Get("/api/v1/conversations/" + std::to_string(conversation));
  ASSERT_EQ(conv.status, 200) << conv.body;
  EXPECT_EQ(conv.Json()["channel"], "chat");
  auto record = client_->Get("/api/v1/chats/" + std::to_string(conversation));
  ASSERT_EQ(record.status, 200) << record.body;
  EXPECT_EQ(record.Json()["state"], "waiting");
  EXPECT_EQ(record.Json()["page_url"], "https://shop.example/orders/17");
  auto customer = client_->Get("/api/v1/customers/lookup?kind=email&value=piet.chat@example.nl");
  ASSERT_EQ(customer.status, 200) << customer.body;
  EXPECT_EQ(customer.Json()["id"], conv.Json()["customer_id"]);

  const std::string base = "/api/v1/chats/" + std::to_string(conversation);
  auto accepted = client_->Post(base + "/accept", json::object());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.Json()["state"], "active");
  EXPECT_EQ(client_->Post(base + "/accept", json::object()).status, 409) << "taken already";
  json joined = visitor->NextOfType("chat");
  EXPECT_EQ(joined["chat"]["state"], "active");
  EXPECT_FALSE(joined["chat"]["agent"].is_null());

  EXPECT_EQ(client_->Post(base + "/typing", json::object()).status, 204);
  EXPECT_EQ(visitor->NextOfType("typing")["conversation_id"], conversation);

  auto answer = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                              {{"direction", "out"}, {"body_text", "Ik kijk het na, Piet."}});
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_TRUE(answer.Json()["delivery"].is_null()) << "a chat answer goes over the chat";
  json heard = visitor->NextOfType("message");
  EXPECT_EQ(heard["message"]["text"], "Ik kijk het na, Piet.");
  EXPECT_EQ(heard["message"]["from"], "agent");

  ASSERT_TRUE(visitor->Send({{"type", "message"}, {"text", "Dank je!"}, {"ref", "r2"}}));
  json sent = visitor->NextOfType("sent");
  EXPECT_EQ(sent["ref"], "r2");
  auto thread = client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
                    .Json()["items"];
  ASSERT_EQ(thread.size(), 3u);
  EXPECT_EQ(thread[2]["body_text"], "Dank je!");

  // Back later (another tab, or after a reload) with the token: the history.
  auto back = Visitor();
  ASSERT_TRUE(back->Send({{"type", "hello"}, {"token", token}}));
  json welcome = back->NextOfType("welcome");
  ASSERT_EQ(welcome["messages"].size(), 3u) << welcome.dump();
  EXPECT_EQ(welcome["chat"]["state"], "active");
  // ... and with the history since a message only.
  auto since = Visitor();
  ASSERT_TRUE(since->Send({{"type", "hello"}, {"token", token}, {"after", sent["message"]["id"]}}));
  EXPECT_EQ(since->NextOfType("welcome")["messages"].size(), 0u);

  // Continue on another device: a link by e-mail to the address given.
  ASSERT_TRUE(visitor->Send({{"type", "link"}}));
  ASSERT_EQ(visitor->NextOfType("link_sent")["type"], "link_sent");
  const json mailed =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
          .Json()["items"]
          .back();
  EXPECT_EQ(mailed["automatic"], true);
  EXPECT_EQ(mailed["delivery"], "queued") << "it goes out by e-mail";
  const std::string body = mailed["body_text"];
  const size_t at = body.find("https://shop.example/orders/17#luister-chat=");
  ASSERT_NE(at, std::string::npos) << body;
  const size_t from = body.find('=', at) + 1;
  const std::string link = body.substr(from, body.find('\n', from) - from);
  auto other_device = Visitor();
  ASSERT_TRUE(other_device->Send({{"type", "hello"}, {"link", link}}));
  json continued = other_device->NextOfType("welcome");
  EXPECT_EQ(continued["messages"].size(), 3u) << "the history, without the e-mailed link";
  ASSERT_TRUE(continued["token"].is_string()) << "a token of its own";
  EXPECT_NE(continued["token"], token);
  auto not_a_link = Visitor();
  ASSERT_TRUE(not_a_link->Send({{"type", "hello"}, {"link", token}}));
  EXPECT_EQ(not_a_link->NextOfType("error")["status"], 401) << "a visitor token is no link";

  // The visitor ends it.
  ASSERT_TRUE(back->Send({{"type", "end"}}));
  EXPECT_EQ(visitor->NextOfType("chat")["chat"]["state"], "ended");
  EXPECT_EQ(client_->Get(base).Json()["state"], "ended");
}

TEST_F(ChatTest, ForeignPagesForgedTokensAndBadFramesAreRefused) {
  HttpClient page(server_->port());
  EXPECT_EQ(
      page.Send("GET", "/api/v1/widget/" + slug_, "", {{"Origin", "https://evil.example"}}).status,
      403);
  EXPECT_EQ(page.Get("/api/v1/widget/no-such-widget").status, 404);
  auto foreign = Visitor("https://evil.example");
  EXPECT_EQ(foreign->error(), websocket::error::upgrade_declined);

  auto a = Visitor();
  ASSERT_TRUE(a->Send({{"type", "start"}, {"text", "Vraag van A"}}));
  const std::string token_a = a->NextOfType("started")["token"];
  auto b = Visitor();
  ASSERT_TRUE(b->Send({{"type", "start"}, {"text", "Vraag van B"}}));
  json b_started = b->NextOfType("started");
  // B's token opens B's history only.
  auto b_back = Visitor();
  ASSERT_TRUE(b_back->Send({{"type", "hello"}, {"token", b_started["token"]}}));
  json welcome = b_back->NextOfType("welcome");
  ASSERT_EQ(welcome["messages"].size(), 1u);
  EXPECT_EQ(welcome["messages"][0]["text"], "Vraag van B");

  // A token with another visitor's number is refused.
  std::string forged = token_a;
  const size_t first = forged.find('.') + 1;
  forged.replace(first, forged.find('.', first) - first, "999999");
  auto c = Visitor();
  ASSERT_TRUE(c->Send({{"type", "hello"}, {"token", forged}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 401);

  ASSERT_TRUE(c->Send(json("not an object")));
  EXPECT_EQ(c->NextOfType("error")["status"], 400);
  ASSERT_TRUE(c->Send({{"type", "dance"}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 400) << "no such frame";
  ASSERT_TRUE(c->Send({{"type", "typing"}}));
  EXPECT_EQ(c->NextOfType("error")["status"], 401) << "nothing but hello or start before";
  ASSERT_TRUE(c->Send({{"type", "start"}, {"text", 42}}));
  json typed = c->NextOfType("error");
  EXPECT_EQ(typed["status"], 400);
  EXPECT_EQ(typed["errors"][0]["field"], "text");
  ASSERT_TRUE(c->Send({{"type", "start"}, {"text", "   "}}));
  json empty = c->NextOfType("error");
  EXPECT_EQ(empty["status"], 400);
  EXPECT_EQ(empty["errors"][0]["field"], "text");
}

TEST_F(ChatTest, WhenNobodyCanChatAVisitorAsksToBeCalledBackAndThePhoneTeamSeesIt) {
  auto visitor = Visitor();
  ASSERT_TRUE(visitor->Send({{"type", "callback"},
                             {"phone", "06 4321 8765"},
                             {"name", "Els"},
                             {"text", "Over mijn retour"},
                             {"ref", "cb"}}));
  json asked = visitor->Next();
  if (asked["type"] == "error") ADD_FAILURE() << asked.dump();
  ASSERT_TRUE(asked.is_object());
  EXPECT_EQ(asked["ref"], "cb");
  auto list = client_->Get("/api/v1/calls/callbacks?limit=100");
  ASSERT_EQ(list.status, 200) << list.body;
  bool found = false;
  const json items = list.Json()["items"];
  for (const auto& item : items)
    if (item["number"] == "+31643218765") {
      found = true;
      EXPECT_EQ(item["last_outcome"], "callback_requested");
      EXPECT_EQ(item["last_line"], "chat: Klantenservice");
    }
  EXPECT_TRUE(found) << list.body;

  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "geen nummer"}}));
  json bad = visitor->NextOfType("error");
  EXPECT_EQ(bad["status"], 400) << bad.dump();
  // Three per address per hour (the bad one counted too): the next is refused.
  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "06 4321 8766"}}));
  EXPECT_EQ(visitor->NextOfType("callback_requested")["type"], "callback_requested");
  ASSERT_TRUE(visitor->Send({{"type", "callback"}, {"phone", "06 4321 8767"}}));
  EXPECT_EQ(visitor->NextOfType("error")["status"], 429);
}

}  // namespace
}  // namespace luister::e2e
