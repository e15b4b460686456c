// The findings of the hostile probe (issue 10), each against the real
// binary: what once went wrong must answer as it should now.
#include <gtest/gtest.h>

#include <boost/asio.hpp>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;
namespace net = boost::asio;
using tcp = net::ip::tcp;

class HardeningTest : public ServerTest<HardeningTest> {
 protected:
  int64_t Make(const std::string& path, const json& body) {
    auto r = client_->Post(path, body);
    EXPECT_EQ(r.status, 201) << path << ": " << r.body;
    return r.status == 201 ? r.Json()["id"].get<int64_t>() : 0;
  }
  int64_t Conversation() {
    static int n = 0;
    ++n;
    int64_t dept = Make("/api/v1/departments", {{"name", "Hardening " + std::to_string(n)}});
    int64_t customer =
        Make("/api/v1/customers",
             {{"name", "Klant " + std::to_string(n)},
              {"identities",
               {{{"kind", "email"}, {"value", "hard" + std::to_string(n) + "@example.nl"}}}}});
    return Make("/api/v1/conversations", {{"customer_id", customer},
                                          {"department_id", dept},
                                          {"channel", "email"},
                                          {"subject", "Vraag"}});
  }
  static bool HasFieldError(const HttpResponse& r, const std::string& field) {
    json p = json::parse(r.body, nullptr, false);
    if (!p.is_object() || !p.contains("errors")) return false;
    for (const auto& e : p["errors"])
      if (e["field"] == field) return true;
    return false;
  }
  // Sends `bytes` on a fresh connection and returns everything the server
  // answers until it closes the connection (or 5 s pass).
  std::string Raw(const std::string& bytes) {
    net::io_context ioc;
    tcp::socket socket(ioc);
    socket.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"),
                                 static_cast<unsigned short>(server_->port())));
    net::write(socket, net::buffer(bytes));
    struct timeval tv {
      5, 0
    };
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string answer;
    char buf[4096];
    boost::system::error_code ec;
    while (true) {
      size_t n = socket.read_some(net::buffer(buf), ec);
      if (ec) break;
      answer.append(buf, n);
    }
    return answer;
  }
  static int Count(const std::string& haystack, const std::string& needle) {
    int n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos;
         at = haystack.find(needle, at + 1))
      ++n;
    return n;
  }
};

// 1. Deeply nested HTML once held a request thread for 43 s and 7 GB.
TEST_F(HardeningTest, DeeplyNestedHtmlIsReadAsTextAndUnknownIdsAnswerFirst) {
  std::string deep;
  for (int i = 0; i < 30000; ++i) deep += "<span>";
  deep += "x";
  json body = {{"body_html", deep}, {"direction", "in"}};
  auto missing = client_->Post("/api/v1/conversations/99999999/messages", body);
  EXPECT_EQ(missing.status, 404) << missing.body;

  int64_t conv = Conversation();
  auto added = client_->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages", body);
  ASSERT_EQ(added.status, 201) << added.body.substr(0, 300);
  EXPECT_EQ(added.Json()["body_html"], "<p>x</p>");
  EXPECT_EQ(added.Json()["body_text"], "x");
  EXPECT_EQ(client_->Get("/healthz").status, 200);
}

// 2. A second request hidden in a body whose length the server and a proxy
// would read differently is never run.
TEST_F(HardeningTest, SmuggledRequestsAreRefusedAndTheConnectionClosed) {
  const std::string hidden = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  for (std::string coding : {"gzip", "chunked, identity", "xchunked", "chunked, chunked"}) {
    std::string answer = Raw("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                             std::to_string(hidden.size()) + "\r\nTransfer-Encoding: " + coding +
                             "\r\n\r\n" + hidden);
    EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0u) << coding << ": " << answer.substr(0, 80);
    EXPECT_EQ(Count(answer, "HTTP/1.1 "), 1) << coding << ": the hidden request was answered";
  }
  std::string no_host = Raw("GET /healthz HTTP/1.1\r\n\r\n");
  EXPECT_EQ(no_host.rfind("HTTP/1.1 400", 0), 0u) << no_host.substr(0, 80);
}

// 4. A number too large for a double was a 500 and an error log line, even
// before login.
TEST_F(HardeningTest, OverflowingNumbersAreFieldErrors) {
  HttpClient anonymous(server_->port());
  auto login = anonymous.Send("POST", "/api/v1/session", R"({"email": 1e400, "password": "x"})");
  EXPECT_EQ(login.status, 400) << login.body;
  EXPECT_TRUE(HasFieldError(login, "email")) << login.body;
  auto customer = client_->Send("POST", "/api/v1/customers", R"({"name": "A", "segment": -1e999})");
  EXPECT_EQ(customer.status, 400) << customer.body;
  EXPECT_TRUE(HasFieldError(customer, "segment")) << customer.body;
}

// 8. Only roles that handle conversations can be given one; imported times
// stay within sane years.
TEST_F(HardeningTest, AssigneesHandleConversationsAndImportedTimesAreSane) {
  int64_t officer = Make("/api/v1/users", {{"email", "privacy@example.nl"},
                                           {"name", "Pim Privacy"},
                                           {"role", "privacy_officer"},
                                           {"password", "privacy-officer-pw-1"}});
  int64_t conv = Conversation();
  auto assigned =
      client_->Patch("/api/v1/conversations/" + std::to_string(conv), {{"assignee_id", officer}});
  EXPECT_EQ(assigned.status, 400) << assigned.body;
  EXPECT_TRUE(HasFieldError(assigned, "assignee_id")) << assigned.body;

  for (std::string when : {"9999-01-01T00:00:00Z", "1900-01-01T00:00:00Z"}) {
    auto r = client_->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                           {{"body_text", "oud"}, {"direction", "in"}, {"created_at", when}});
    EXPECT_EQ(r.status, 400) << when << ": " << r.body;
    EXPECT_TRUE(HasFieldError(r, "created_at")) << r.body;
  }
  auto ok = client_->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                          {{"body_text", "oud maar echt"},
                           {"direction", "in"},
                           {"created_at", "2003-05-01T09:00:00Z"}});
  EXPECT_EQ(ok.status, 201) << ok.body;
}

// 5. Security headers on every answer; /metrics only for this host or a
// scraper with the token.
TEST_F(HardeningTest, AnswersCarrySecurityHeadersAndMetricsAreNotPublic) {
  auto list = client_->Get("/api/v1/customers?limit=1");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.Header("cache-control"), "no-store");
  EXPECT_EQ(list.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(list.Header("x-frame-options"), "DENY");
  EXPECT_EQ(list.Header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  auto problem = client_->Get("/api/v1/customers/999999");
  EXPECT_EQ(problem.Header("cache-control"), "no-store");
  EXPECT_EQ(problem.Header("x-frame-options"), "DENY");

  HttpClient scraper(server_->port());
  EXPECT_EQ(scraper.Get("/metrics").status, 200) << "a process on this host";
  auto proxied = scraper.Send("GET", "/metrics", "", {{"X-Forwarded-For", "203.0.113.9"}});
  EXPECT_EQ(proxied.status, 403) << "through a reverse proxy is not local";
  EXPECT_EQ(proxied.body.find("luister_http"), std::string::npos);
}

// 6. Highlight markers typed into a message no longer reach the snippet.
TEST_F(HardeningTest, MarkerCharactersInMessagesCannotForgeHighlights) {
  int64_t conv = Conversation();
  std::string text =
      std::string("zeppelinvlucht ") + '\x02' + "nep" + '\x03' + '\x02' + " <b>vet</b>";
  auto added = client_->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                             {{"body_text", text}, {"direction", "in"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["body_text"], "zeppelinvlucht nep <b>vet</b>");
  auto found = client_->Get("/api/v1/search?q=zeppelinvlucht");
  ASSERT_EQ(found.status, 200) << found.body;
  auto hits = found.Json()["items"];
  ASSERT_FALSE(hits.empty()) << found.body;
  std::string snippet = hits[0]["highlight"];
  EXPECT_EQ(snippet.find("<mark><mark>"), std::string::npos) << snippet;
  EXPECT_EQ(snippet.find("<b>"), std::string::npos) << snippet;
  EXPECT_NE(snippet.find("<mark>zeppelinvlucht</mark>"), std::string::npos) << snippet;
}

// 7. API tokens do not outlive a new password or a deactivation, and a
// reactivation does not bring them back.
TEST_F(HardeningTest, TokensEndWithANewPasswordOrDeactivation) {
  auto user = client_->Post("/api/v1/users", {{"email", "integratie@example.nl"},
                                              {"name", "Ivo Integratie"},
                                              {"role", "agent"},
                                              {"password", "groene-vlinder-zingt-4"}});
  ASSERT_EQ(user.status, 201) << user.body;
  const int64_t id = user.Json()["id"];
  const std::string path = "/api/v1/users/" + std::to_string(id);
  auto bearer = [&] {
    auto t = client_->Post("/api/v1/api-tokens", {{"name", "webshop"}, {"user_id", id}});
    EXPECT_EQ(t.status, 201) << t.body;
    HttpClient bot(server_->port());
    bot.UseBearer(t.Json()["token"].get<std::string>());
    EXPECT_EQ(bot.Get("/api/v1/session").status, 200);
    return bot;
  };
  HttpClient before_password = bearer();
  ASSERT_EQ(client_->Patch(path, {{"password", "blauwe-walvis-danst-8"}}).status, 200);
  EXPECT_EQ(before_password.Get("/api/v1/session").status, 401);

  HttpClient before_deactivation = bearer();
  ASSERT_EQ(client_->Patch(path, {{"active", false}}).status, 200);
  ASSERT_EQ(client_->Patch(path, {{"active", true}}).status, 200);
  EXPECT_EQ(before_deactivation.Get("/api/v1/session").status, 401);

  // A weak new password is refused and changes nothing.
  auto weak = client_->Patch(path, {{"password", "Wachtwoord1"}});
  EXPECT_EQ(weak.status, 400) << weak.body;
  EXPECT_TRUE(HasFieldError(weak, "password")) << weak.body;
  HttpClient ivo(server_->port());
  EXPECT_EQ(ivo.Login("integratie@example.nl", "blauwe-walvis-danst-8").status, 200);
}

}  // namespace
}  // namespace luister::e2e
