// Bad input gets a precise problem+json error and writes nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class ErrorsTest : public ServerTest<ErrorsTest> {
 public:
  // No job runner: queued jobs stay queued, which some tests rely on.
  static std::vector<std::string> ServeArgs() {
    return {"--max-body", "65536", "--job-threads", "0"};
  }

 protected:
  // Asserts a problem+json response with `status`; returns its body.
  static json ExpectProblem(const HttpResponse& r, int status) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.body;
    json j = json::parse(r.body, nullptr, false);
    EXPECT_TRUE(j.is_object()) << r.body;
    if (!j.is_object()) return json::object();
    EXPECT_EQ(j["status"], status);
    EXPECT_TRUE(j["type"].is_string());
    EXPECT_TRUE(j["title"].is_string());
    EXPECT_TRUE(j["detail"].is_string());
    return j;
  }
  static bool HasFieldError(const json& problem, const std::string& field) {
    if (!problem.contains("errors")) return false;
    for (const auto& e : problem["errors"])
      if (e["field"] == field) return true;
    return false;
  }
  int64_t CustomerCount() {
    auto r = client_->Get("/api/v1/customers?limit=200&include_merged=true");
    return static_cast<int64_t>(r.Json()["items"].size());
  }
};

TEST_F(ErrorsTest, MalformedJsonNamesTheByte) {
  auto before = CustomerCount();
  json p = ExpectProblem(client_->Send("POST", "/api/v1/customers", "{\"name\": \"x\""), 400);
  EXPECT_NE(p["detail"].get<std::string>().find("malformed JSON at byte"), std::string::npos);
  ExpectProblem(client_->Send("POST", "/api/v1/customers", "[1,2]"), 400);
  ExpectProblem(client_->Send("POST", "/api/v1/customers", std::string(100, '[')), 400);
  EXPECT_EQ(CustomerCount(), before);
}

TEST_F(ErrorsTest, WrongTypesMissingAndUnknownFieldsAreListed) {
  auto before = CustomerCount();
  json p = ExpectProblem(client_->Post("/api/v1/customers", {{"name", 42},
                                                             {"language", "fr"},
                                                             {"colour", "blue"},
                                                             {"identities", {{{"kind", "fax"}}}}}),
                         400);
  EXPECT_TRUE(HasFieldError(p, "name")) << p;
  EXPECT_TRUE(HasFieldError(p, "language")) << p;
  EXPECT_TRUE(HasFieldError(p, "colour")) << p;
  EXPECT_TRUE(HasFieldError(p, "identities[0].kind")) << p;
  EXPECT_TRUE(HasFieldError(p, "identities[0].value")) << p;
  json missing = ExpectProblem(client_->Post("/api/v1/conversations", json::object()), 400);
  EXPECT_TRUE(HasFieldError(missing, "customer_id"));
  EXPECT_TRUE(HasFieldError(missing, "channel"));
  EXPECT_TRUE(HasFieldError(missing, "department_id"));
  EXPECT_EQ(CustomerCount(), before);
}

TEST_F(ErrorsTest, InvalidEmailAndPhoneAreRejected) {
  auto before = CustomerCount();
  json p = ExpectProblem(
      client_->Post("/api/v1/customers", {{"name", "Ongeldig"},
                                          {"identities",
                                           {{{"kind", "email"}, {"value", "not-an-address"}},
                                            {{"kind", "phone"}, {"value", "12"}}}}}),
      400);
  EXPECT_TRUE(HasFieldError(p, "identities[0].value")) << p;
  EXPECT_TRUE(HasFieldError(p, "identities[1].value")) << p;
  EXPECT_EQ(CustomerCount(), before);
}

TEST_F(ErrorsTest, DuplicateIdentityIsAConflictAndWritesNothing) {
  ASSERT_EQ(client_
                ->Post("/api/v1/customers",
                       {{"name", "Eerste"},
                        {"identities", {{{"kind", "email"}, {"value", "dup@example.nl"}}}}})
                .status,
            201);
  auto before = CustomerCount();
  // The clash is in the second identity: the first must not be stored either.
  ExpectProblem(
      client_->Post("/api/v1/customers", {{"name", "Tweede"},
                                          {"identities",
                                           {{{"kind", "email"}, {"value", "fresh@example.nl"}},
                                            {{"kind", "email"}, {"value", "DUP@example.nl"}}}}}),
      409);
  EXPECT_EQ(CustomerCount(), before);
  EXPECT_EQ(client_->Get("/api/v1/customers/lookup?kind=email&value=fresh%40example.nl").status,
            404);
}

TEST_F(ErrorsTest, OversizedBodyIs413) {
  std::string big = "{\"name\": \"" + std::string(70000, 'a') + "\"}";
  ExpectProblem(client_->Send("POST", "/api/v1/customers", big), 413);
}

TEST_F(ErrorsTest, UnknownIdsAndRoutesAre404) {
  ExpectProblem(client_->Get("/api/v1/customers/999999"), 404);
  ExpectProblem(client_->Get("/api/v1/customers/abc"), 404);
  ExpectProblem(client_->Get("/api/v1/conversations/424242/messages"), 404);
  ExpectProblem(client_->Get("/api/v1/customers/999999/timeline"), 404);
  ExpectProblem(client_->Get("/api/v1/nothing-here"), 404);
  auto r = client_->Send("PUT", "/api/v1/customers");
  ExpectProblem(r, 405);
  EXPECT_NE(r.Header("allow").find("GET"), std::string::npos);
}

TEST_F(ErrorsTest, BadQueryParametersAre400) {
  json p = ExpectProblem(client_->Get("/api/v1/conversations?limit=0&status=lost&cursor=abc"), 400);
  EXPECT_TRUE(HasFieldError(p, "limit")) << p;
  EXPECT_TRUE(HasFieldError(p, "status")) << p;
  EXPECT_TRUE(HasFieldError(p, "cursor")) << p;
  ExpectProblem(client_->Get("/api/v1/conversations?cursor=%%%"), 400);
  json q = ExpectProblem(client_->Get("/api/v1/conversations?limit=5000"), 400);
  EXPECT_TRUE(HasFieldError(q, "limit"));
  ExpectProblem(client_->Get("/api/v1/customers/1/timeline?from=yesterday"), 400);
  ExpectProblem(client_->Get("/api/v1/search"), 400);
}

TEST_F(ErrorsTest, MissingAuthIs401AndWrongRoleIs403) {
  HttpClient anon(server_->port());
  ExpectProblem(anon.Get("/api/v1/customers"), 401);
  ExpectProblem(anon.Post("/api/v1/customers", {{"name", "x"}}), 401);
  anon.UseBearer("lst_not-a-real-token");
  ExpectProblem(anon.Get("/api/v1/customers"), 401);

  ASSERT_EQ(client_
                ->Post("/api/v1/users", {{"email", "agent.role@example.org"},
                                         {"name", "Agent Role"},
                                         {"role", "agent"},
                                         {"password", "mango-tram-lantaarn-3"}})
                .status,
            201);
  HttpClient agent(server_->port());
  ASSERT_EQ(agent.Login("agent.role@example.org", "mango-tram-lantaarn-3").status, 200);
  ExpectProblem(agent.Get("/api/v1/audit"), 403);
  ExpectProblem(agent.Post("/api/v1/users", {{"email", "x@example.org"},
                                             {"name", "X"},
                                             {"role", "admin"},
                                             {"password", "tulpen-en-molens-42"}}),
                403);
  EXPECT_EQ(agent.Get("/api/v1/customers").status, 200);
}

TEST_F(ErrorsTest, ExportsCheckRoleOwnerInputAndState) {
  auto c = client_->Post("/api/v1/customers", {{"name", "Export Fouten"}});
  ASSERT_EQ(c.status, 201) << c.body;
  std::string exports =
      "/api/v1/customers/" + std::to_string(c.Json()["id"].get<int64_t>()) + "/exports";
  ExpectProblem(client_->Post("/api/v1/customers/987654/exports", json::object()), 404);
  ExpectProblem(client_->Send("POST", exports, R"({"format":"csv"})"), 400);
  ExpectProblem(client_->Send("POST", exports, "}{"), 400);
  auto gone = client_->Post("/api/v1/customers", {{"name", "Export Dubbel"}});
  ASSERT_EQ(gone.status, 201);
  std::string into =
      "/api/v1/customers/" + std::to_string(c.Json()["id"].get<int64_t>()) + "/merge";
  ASSERT_EQ(client_->Post(into, {{"source_id", gone.Json()["id"]}}).status, 200);
  json merged =
      ExpectProblem(client_->Post("/api/v1/customers/" +
                                      std::to_string(gone.Json()["id"].get<int64_t>()) + "/exports",
                                  json::object()),
                    409);
  EXPECT_NE(merged["detail"].get<std::string>().find("merged into"), std::string::npos);
  ExpectProblem(client_->Get("/api/v1/jobs/987654"), 404);
  ExpectProblem(client_->Get("/api/v1/jobs/abc"), 404);

  for (auto [email, role] : {std::pair{"export.agent@example.org", "agent"},
                             std::pair{"export.privacy@example.org", "privacy_officer"}})
    ASSERT_EQ(client_
                  ->Post("/api/v1/users", {{"email", email},
                                           {"name", role},
                                           {"role", role},
                                           {"password", "koffie-molen-perzik-5"}})
                  .status,
              201);
  HttpClient agent(server_->port());
  ASSERT_EQ(agent.Login("export.agent@example.org", "koffie-molen-perzik-5").status, 200);
  ExpectProblem(agent.Post(exports, json::object()), 403);

  auto mine = client_->Post(exports, json::object());
  ASSERT_EQ(mine.status, 202) << mine.body;
  std::string job = "/api/v1/jobs/" + std::to_string(mine.Json()["id"].get<int64_t>());
  ExpectProblem(agent.Get(job), 403);
  HttpClient privacy(server_->port());
  ASSERT_EQ(privacy.Login("export.privacy@example.org", "koffie-molen-perzik-5").status, 200);
  ExpectProblem(privacy.Get(job), 404);  // someone else's export: not even its existence
  ExpectProblem(privacy.Get(job + "/result"), 404);
  // This server runs no jobs (--job-threads 0), so the export waits.
  EXPECT_EQ(client_->Get(job).Json()["state"], "queued");
  json early = ExpectProblem(client_->Get(job + "/result"), 409);
  EXPECT_NE(early["detail"].get<std::string>().find("queued"), std::string::npos);
  auto own = privacy.Post(exports, json::object());
  ASSERT_EQ(own.status, 202) << own.body;
  EXPECT_EQ(privacy.Get("/api/v1/jobs/" + std::to_string(own.Json()["id"].get<int64_t>())).status,
            200);
}

TEST_F(ErrorsTest, SessionWritesNeedTheCsrfToken) {
  client_->send_csrf = false;
  json p = ExpectProblem(client_->Post("/api/v1/departments", {{"name", "No CSRF"}}), 403);
  EXPECT_NE(p["detail"].get<std::string>().find("CSRF"), std::string::npos);
  client_->send_csrf = true;
  auto deps = client_->Get("/api/v1/departments").Json();
  for (const auto& d : deps["items"]) EXPECT_NE(d["name"], "No CSRF");
}

// Wrong passwords slow down this address for this account, with a
// Retry-After that grows; they never lock the account for its owner.
TEST_F(ErrorsTest, LoginFailuresMakeThatAddressWait) {
  ASSERT_EQ(client_
                ->Post("/api/v1/users", {{"email", "limited@example.org"},
                                         {"name", "Limited"},
                                         {"role", "agent"},
                                         {"password", "right-passphrase-71"}})
                .status,
            201);
  HttpClient c(server_->port());
  for (int i = 0; i < 5; ++i) ExpectProblem(c.Login("limited@example.org", "wrong-password"), 401);
  auto waiting = c.Login("limited@example.org", "right-passphrase-71");
  ExpectProblem(waiting, 429);
  EXPECT_EQ(waiting.Header("retry-after"), "1");
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ExpectProblem(c.Login("limited@example.org", "wrong-password"), 401);
  auto longer = c.Login("limited@example.org", "right-passphrase-71");
  ExpectProblem(longer, 429);
  EXPECT_EQ(longer.Header("retry-after"), "2");
  // Other accounts are not affected.
  EXPECT_EQ(c.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  EXPECT_EQ(c.Login("limited@example.org", "right-passphrase-71").status, 200);
}

TEST_F(ErrorsTest, ConflictsAre409) {
  auto r = client_->Post("/api/v1/users", {{"email", LuisterProcess::kAdminEmail},
                                           {"name", "Again"},
                                           {"role", "agent"},
                                           {"password", "tulpen-en-molens-42"}});
  ExpectProblem(r, 409);
}

}  // namespace
}  // namespace luister::e2e
