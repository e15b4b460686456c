#include "channels/webhook/curl_webhook_poster.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include "tests/support/http_sink.h"

namespace luister::webhook {
namespace {

using testing::HttpSink;

TEST(IsPublicAddress, RefusesEveryInternalRangeAndTakesPublicOnes) {
  for (const char* inside : {"127.0.0.1",
                             "127.255.0.9",
                             "10.1.2.3",
                             "172.16.0.1",
                             "172.31.255.255",
                             "192.168.1.10",
                             "169.254.169.254",
                             "100.64.0.1",
                             "0.0.0.0",
                             "224.0.0.1",
                             "255.255.255.255",
                             "192.0.2.7",
                             "198.18.0.1",
                             "::1",
                             "::",
                             "fe80::1",
                             "fc00::1",
                             "fd12:3456::1",
                             "ff02::1",
                             "::ffff:127.0.0.1",
                             "::ffff:10.0.0.1",
                             "64:ff9b::a00:1",
                             "2001:db8::1",
                             "not an address",
                             ""})
    EXPECT_FALSE(IsPublicAddress(inside)) << inside;
  for (const char* outside : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "192.169.0.1",
                              "2a00:1450:4001:82b::200e", "::ffff:93.184.216.34"})
    EXPECT_TRUE(IsPublicAddress(outside)) << outside;
}

WebhookRequest To(const HttpSink& sink, std::string body = R"({"text":"Hallo"})") {
  WebhookRequest r;
  r.url = sink.Url("/hooks/reply");
  r.body = std::move(body);
  r.signing_key = "k3y";
  r.headers = {{"X-Luister-Event", "reply"}};
  r.timeout = std::chrono::seconds(5);
  return r;
}

TEST(CurlWebhookPoster, RefusesALoopbackDestinationWithoutConnecting) {
  HttpSink sink;
  CurlWebhookPoster poster;
  WebhookResult r = poster.Post(To(sink));
  EXPECT_EQ(r.outcome, WebhookOutcome::kRefused);
  EXPECT_NE(r.answer.find("127.0.0.1"), std::string::npos) << r.answer;
  EXPECT_EQ(sink.connections(), 0) << "nothing may reach the internal address";
}

TEST(CurlWebhookPoster, RefusesANameThatResolvesInward) {
  HttpSink sink;
  CurlWebhookPoster poster;
  WebhookRequest req = To(sink);
  req.url = "http://localhost:" + std::to_string(sink.port()) + "/x";
  EXPECT_EQ(poster.Post(req).outcome, WebhookOutcome::kRefused);
  EXPECT_EQ(sink.connections(), 0);
}

TEST(CurlWebhookPoster, RefusesOtherSchemes) {
  CurlWebhookPoster poster({.allow_private = true});
  WebhookRequest req;
  req.url = "file:///etc/passwd";
  req.body = "{}";
  EXPECT_EQ(poster.Post(req).outcome, WebhookOutcome::kRefused);
}

TEST(CurlWebhookPoster, PostsTheSignedBodyAndTellsTheAnswersApart) {
  ASSERT_GE(sodium_init(), 0);
  HttpSink sink;
  sink.Script({{200, R"({"post_id":"p-9"})", {}},
               {302, "", {{"Location", "http://example.org/"}}},
               {503, "busy", {}},
               {429, "", {}},
               {404, "no such thread", {}}});
  CurlWebhookPoster poster({.allow_private = true});

  WebhookResult ok = poster.Post(To(sink));
  ASSERT_EQ(ok.outcome, WebhookOutcome::kDelivered) << ok.answer;
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, R"({"post_id":"p-9"})");
  auto got = sink.WaitFor(1);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "POST");
  EXPECT_EQ(got[0].target, "/hooks/reply");
  EXPECT_EQ(got[0].body, R"({"text":"Hallo"})");
  EXPECT_EQ(got[0].headers["content-type"], "application/json");
  EXPECT_EQ(got[0].headers["x-luister-event"], "reply");
  // The receiver checks HMAC-SHA256 of "<timestamp>.<body>" under the key.
  const std::string ts = got[0].headers["x-luister-timestamp"];
  ASSERT_FALSE(ts.empty());
  const std::string data = ts + "." + got[0].body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>("k3y"), 3);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  EXPECT_EQ(got[0].headers["x-luister-signature"], std::string("sha256=") + hex);

  WebhookResult moved = poster.Post(To(sink));
  EXPECT_EQ(moved.outcome, WebhookOutcome::kRefused) << "redirects are not followed";
  EXPECT_EQ(sink.WaitFor(2).size(), 2u) << "and the redirect's target was never asked";
  EXPECT_EQ(poster.Post(To(sink)).outcome, WebhookOutcome::kTemporary);
  EXPECT_EQ(poster.Post(To(sink)).outcome, WebhookOutcome::kTemporary);
  WebhookResult gone = poster.Post(To(sink));
  EXPECT_EQ(gone.outcome, WebhookOutcome::kRejected);
  EXPECT_EQ(gone.status, 404);
  EXPECT_NE(gone.answer.find("no such thread"), std::string::npos) << gone.answer;
}

TEST(CurlWebhookPoster, ANetworkFailureIsTemporary) {
  int port = 0;
  {
    HttpSink closed;  // a port nobody listens on once it is gone
    port = closed.port();
  }
  CurlWebhookPoster poster({.allow_private = true});
  WebhookRequest req;
  req.url = "http://127.0.0.1:" + std::to_string(port) + "/";
  req.body = "{}";
  EXPECT_EQ(poster.Post(req).outcome, WebhookOutcome::kTemporary);
}

}  // namespace
}  // namespace luister::webhook
