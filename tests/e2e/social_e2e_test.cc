// Social media and forums through the real server: a source with its
// signing secret, signed posts, replies threaded under their post, direct
// messages, and every way a delivery is refused (bad or missing signature,
// an old timestamp, an unknown source, a malformed body) or taken once.
#include <gtest/gtest.h>
#include <sodium.h>

#include <chrono>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "tests/support/http_sink.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

std::string Hex(const unsigned char* p, size_t n) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += kHex[p[i] >> 4];
    out += kHex[p[i] & 15];
  }
  return out;
}

// What a source sends: HMAC-SHA256 over "<timestamp>.<body>".
std::string Sign(const std::string& secret, const std::string& ts, const std::string& body) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  const std::string data = ts + "." + body;
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&st, mac);
  return "sha256=" + Hex(mac, sizeof mac);
}

std::string Now() {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
}

class SocialTest : public ServerTest<SocialTest> {
 public:
  // The test's reply URL is on loopback.
  static std::vector<std::string> ServeArgs() { return {"--webhooks-allow-private"}; }

 protected:
  void SetUp() override {
    ServerTest::SetUp();
    ASSERT_GE(sodium_init(), 0);
    const std::string stamp = std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                              "-" + std::to_string(++n_);
    auto d = client_->Post("/api/v1/departments", {{"name", "Social " + stamp}});
    ASSERT_EQ(d.status, 201) << d.body;
    auto q =
        client_->Post("/api/v1/queues", {{"department_id", d.Json()["id"]}, {"name", "Posts"}});
    ASSERT_EQ(q.status, 201) << q.body;
    auto s = client_->Post(
        "/api/v1/social-sources",
        {{"slug", "forum-" + stamp}, {"name", "Forum"}, {"queue_id", q.Json()["id"]}});
    ASSERT_EQ(s.status, 201) << s.body;
    slug_ = s.Json()["slug"];
    secret_ = s.Json()["secret"];
    source_id_ = s.Json()["id"];
  }
  HttpResponse Deliver(const json& event, std::string ts = "", std::string signature = "") {
    const std::string body = event.dump();
    if (ts.empty()) ts = Now();
    if (signature.empty()) signature = Sign(secret_, ts, body);
    HttpClient source(server_->port());
    return source.Send("POST", "/api/v1/channels/social/" + slug_, body,
                       {{"X-Luister-Timestamp", ts}, {"X-Luister-Signature", signature}});
  }
  json Post(const std::string& event, const std::string& id, const std::string& kind,
            const std::string& text, const std::string& in_reply_to = "") {
    json e = {{"event_id", event},
              {"id", id},
              {"kind", kind},
              {"author", {{"handle", "@Anna_NL"}, {"name", "Anna de Vries"}}},
              {"url", "https://forum.example/t/" + id},
              {"text", text}};
    if (!in_reply_to.empty()) e["in_reply_to"] = in_reply_to;
    return e;
  }
  json Messages(int64_t conversation) {
    return client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages")
        .Json()["items"];
  }
  // The reply's message once its delivery is `state` (waits up to 15 s).
  json WaitForDelivery(int64_t conversation, int64_t message, const std::string& state) {
    json last;
    for (int i = 0; i < 150; ++i) {
      for (const auto& m : Messages(conversation))
        if (m["id"] == message) last = m;
      if (last.is_object() && last["delivery"] == state) return last;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "reply " << message << " never became " << state << ": " << last.dump();
    return last;
  }
  static inline int n_ = 0;
  std::string slug_, secret_;
  int64_t source_id_ = 0;
};

TEST_F(SocialTest, SignedPostsLandOnTheAuthorsTimelineOnceAndRepliesFollowTheirThread) {
  auto first = Deliver(Post("ev-1", "p-100", "post", "Mijn bestelling is nog steeds niet binnen!"));
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.Json()["duplicate"], false);
  const int64_t conversation = first.Json()["conversation_id"];
  auto conv = client_->Get("/api/v1/conversations/" + std::to_string(conversation));
  ASSERT_EQ(conv.status, 200);
  EXPECT_EQ(conv.Json()["channel"], "social");
  EXPECT_EQ(conv.Json()["public"], true) << "the whole world reads the answer";
  auto author = client_->Get("/api/v1/customers/lookup?kind=social&value=" + slug_ + ":anna_nl");
  ASSERT_EQ(author.status, 200) << author.body;
  EXPECT_EQ(author.Json()["name"], "Anna de Vries");
  EXPECT_EQ(conv.Json()["customer_id"], author.Json()["id"]);

  // The source sends the same event again (a retry), even re-signed later.
  auto again = Deliver(Post("ev-1", "p-100", "post", "Mijn bestelling is nog steeds niet binnen!"));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["duplicate"], true);
  EXPECT_EQ(again.Json()["message_id"], first.Json()["message_id"]);

  // A reply under the post joins its conversation.
  auto reply = Deliver(Post("ev-2", "p-101", "reply", "Ordernummer 2026-5512.", "p-100"));
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["conversation_id"], conversation);
  auto messages =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/messages");
  ASSERT_EQ(messages.Json()["items"].size(), 2u);

  // A direct message is private.
  auto dm = Deliver(Post("ev-3", "dm-7", "direct_message", "Mijn adres is Dorpsstraat 1."));
  ASSERT_EQ(dm.status, 201) << dm.body;
  auto private_conv = client_->Get("/api/v1/conversations/" +
                                   std::to_string(dm.Json()["conversation_id"].get<int64_t>()));
  EXPECT_EQ(private_conv.Json()["public"], false);

  auto metrics = client_->Get("/metrics");
  EXPECT_NE(metrics.body.find("luister_social_webhooks_total{outcome=\"duplicate\"}"),
            std::string::npos);
  auto sources = client_->Get("/api/v1/social-sources");
  ASSERT_EQ(sources.status, 200);
  EXPECT_EQ(sources.body.find(secret_), std::string::npos) << "the secret is shown once only";
}

TEST_F(SocialTest, ForgedStaleUnknownAndMalformedDeliveriesAreRefusedAndStoreNothing) {
  auto before = client_->Get("/api/v1/conversations?limit=200");
  const json event = Post("ev-x", "p-x", "post", "Hallo");
  const std::string ts = Now();
  // Signed with another key, or a changed body under the old signature.
  EXPECT_EQ(Deliver(event, ts, Sign("not-the-secret", ts, event.dump())).status, 401);
  json changed = event;
  changed["text"] = "Koop goedkope pillen";
  EXPECT_EQ(Deliver(changed, ts, Sign(secret_, ts, event.dump())).status, 401);
  // No signature at all.
  HttpClient bare(server_->port());
  EXPECT_EQ(bare.Post("/api/v1/channels/social/" + slug_, event).status, 401);
  // A recorded delivery replayed after ten minutes.
  const std::string old = std::to_string(std::stoll(ts) - 600);
  EXPECT_EQ(Deliver(event, old).status, 401);
  // Signed correctly but not an event.
  auto malformed = Deliver(json{{"event_id", "ev-y"}, {"kind", "shout"}});
  ASSERT_EQ(malformed.status, 400) << malformed.body;
  // A source nobody configured.
  HttpClient stranger(server_->port());
  EXPECT_EQ(stranger
                .Send("POST", "/api/v1/channels/social/nobody", event.dump(),
                      {{"X-Luister-Timestamp", ts}, {"X-Luister-Signature", "sha256=00"}})
                .status,
            404);
  EXPECT_EQ(client_->Get("/api/v1/conversations?limit=200").body, before.body);

  // A closed source takes nothing; a rotated secret replaces the old one.
  auto rotated = client_->Patch("/api/v1/social-sources/" + std::to_string(source_id_),
                                {{"rotate_secret", true}});
  ASSERT_EQ(rotated.status, 200) << rotated.body;
  const std::string old_secret = secret_;
  secret_ = rotated.Json()["secret"];
  EXPECT_NE(secret_, old_secret);
  EXPECT_EQ(Deliver(event, ts, Sign(old_secret, ts, event.dump())).status, 401);
  EXPECT_EQ(Deliver(event).status, 201);
  ASSERT_EQ(
      client_->Patch("/api/v1/social-sources/" + std::to_string(source_id_), {{"active", false}})
          .status,
      200);
  EXPECT_EQ(Deliver(Post("ev-z", "p-z", "post", "Nog iemand?")).status, 404);
}

}  // namespace
}  // namespace luister::e2e

namespace luister::e2e {
namespace {

TEST_F(SocialTest, AnswersGoToTheReplyUrlSignedOnceAndTheirPostThreadsTheCustomersAnswer) {
  testing::HttpSink platform;
  platform.Script({{200, R"({"post_id":"p-501"})", {}}});
  ASSERT_EQ(client_
                ->Patch("/api/v1/social-sources/" + std::to_string(source_id_),
                        {{"reply_url", platform.Url("/luister/reply")}})
                .status,
            200);
  auto first = Deliver(Post("ev-a", "p-500", "post", "Waar blijft mijn pakket?"));
  ASSERT_EQ(first.status, 201) << first.body;
  const int64_t conversation = first.Json()["conversation_id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "Het is onderweg, Anna."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const int64_t reply_id = reply.Json()["id"];
  EXPECT_EQ(reply.Json()["delivery"], "queued");

  json sent = WaitForDelivery(conversation, reply_id, "sent");
  auto got = platform.WaitFor(1);
  ASSERT_EQ(got.size(), 1u);
  json body = json::parse(got[0].body);
  EXPECT_EQ(body["kind"], "reply");
  EXPECT_EQ(body["in_reply_to"], "p-500");
  EXPECT_EQ(body["thread"], "p-500");
  EXPECT_EQ(body["to"]["handle"], "anna_nl");
  EXPECT_EQ(body["text"], "Het is onderweg, Anna.");
  EXPECT_EQ(body["message_id"], reply_id);
  EXPECT_EQ(got[0].target, "/luister/reply");
  EXPECT_EQ(got[0].headers["x-luister-event"], "reply");
  const std::string ts = got[0].headers["x-luister-timestamp"];
  EXPECT_EQ(got[0].headers["x-luister-signature"], Sign(secret_, ts, got[0].body))
      << "signed with the source's own secret";

  // The customer answers our post on the platform: it joins the conversation.
  auto answer = Deliver(Post("ev-b", "p-502", "reply", "Dank je!", "p-501"));
  ASSERT_EQ(answer.status, 201) << answer.body;
  EXPECT_EQ(answer.Json()["conversation_id"], conversation);

  EXPECT_NE(client_->Get("/metrics").body.find("luister_social_replies_total{delivery=\"sent\"}"),
            std::string::npos);
}

TEST_F(SocialTest, ABusyPlatformKeepsTheAnswerQueuedWithWhatItSaid) {
  testing::HttpSink platform;
  platform.Script({{503, "try later", {}}});
  ASSERT_EQ(client_
                ->Patch("/api/v1/social-sources/" + std::to_string(source_id_),
                        {{"reply_url", platform.Url("/busy")}})
                .status,
            200);
  auto post = Deliver(Post("ev-e", "p-700", "post", "Hallo?"));
  ASSERT_EQ(post.status, 201) << post.body;
  const int64_t conversation = post.Json()["conversation_id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "Wij zijn er!"}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  ASSERT_EQ(platform.WaitFor(1).size(), 1u);
  json queued;
  for (int i = 0; i < 100; ++i) {
    queued = Messages(conversation).back();
    if (!queued["delivery_error"].is_null()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(queued["delivery"], "queued") << "to be tried again later";
  EXPECT_NE(queued["delivery_error"].get<std::string>().find("503"), std::string::npos)
      << queued.dump();
  EXPECT_NE(client_->Get("/metrics").body.find("luister_social_replies_total{delivery=\"queued\"}"),
            std::string::npos);
}

TEST_F(SocialTest, ARefusedAnswerShowsWhyAndGoesBackToTheTeamAndARetrySendsIt) {
  testing::HttpSink platform;
  platform.Script({{404, "thread deleted", {}}, {201, "{}", {}}});
  ASSERT_EQ(client_
                ->Patch("/api/v1/social-sources/" + std::to_string(source_id_),
                        {{"reply_url", platform.Url("/r")}})
                .status,
            200);
  auto dm = Deliver(Post("ev-c", "dm-1", "direct_message", "Kunnen jullie mij bellen?"));
  ASSERT_EQ(dm.status, 201) << dm.body;
  const int64_t conversation = dm.Json()["conversation_id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "Natuurlijk, vandaag nog."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  const int64_t reply_id = reply.Json()["id"];
  json failed = WaitForDelivery(conversation, reply_id, "failed");
  EXPECT_NE(failed["delivery_error"].get<std::string>().find("thread deleted"), std::string::npos)
      << failed.dump();
  EXPECT_EQ(json::parse(platform.received()[0].body)["kind"], "direct_message");
  auto c = client_->Get("/api/v1/conversations/" + std::to_string(conversation)).Json();
  EXPECT_EQ(c["status"], "waiting_on_us") << "not silently answered";

  auto retried =
      client_->Post("/api/v1/mail/outbox/" + std::to_string(reply_id) + "/retry", json::object());
  ASSERT_EQ(retried.status, 200) << retried.body;
  WaitForDelivery(conversation, reply_id, "sent");
  auto got = platform.WaitFor(2);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(json::parse(got[0].body)["event_id"], json::parse(got[1].body)["event_id"])
      << "one answer, one event id: the platform takes it once";
}

TEST_F(SocialTest, ASourceWithoutAReplyUrlSendsNothingAndSaysSo) {
  auto post = Deliver(Post("ev-d", "p-600", "post", "Slechte service!"));
  ASSERT_EQ(post.status, 201) << post.body;
  const int64_t conversation = post.Json()["conversation_id"];
  auto reply = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                             {{"direction", "out"}, {"body_text", "Sorry, we bellen u."}});
  ASSERT_EQ(reply.status, 201) << reply.body;
  json cancelled = WaitForDelivery(conversation, reply.Json()["id"], "cancelled");
  EXPECT_NE(cancelled["delivery_error"].get<std::string>().find("no reply URL"), std::string::npos)
      << cancelled.dump();
}

}  // namespace
}  // namespace luister::e2e
