// The main flows through the real server: log in, customers, conversations,
// messages, hand-over, timeline, merge, search, audit.
#include <gtest/gtest.h>

#include <chrono>
#include <set>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class ApiTest : public ServerTest<ApiTest> {
 protected:
  int64_t MakeDepartment(const std::string& name) {
    auto r = client_->Post("/api/v1/departments", {{"name", name}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<int64_t>();
  }
  int64_t MakeCustomer(const std::string& name, const std::string& email) {
    auto r =
        client_->Post("/api/v1/customers",
                      {{"name", name}, {"identities", {{{"kind", "email"}, {"value", email}}}}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<int64_t>();
  }
  int64_t MakeConversation(int64_t customer, int64_t dept, const std::string& channel,
                           const std::string& subject) {
    auto r = client_->Post("/api/v1/conversations", {{"customer_id", customer},
                                                     {"channel", channel},
                                                     {"subject", subject},
                                                     {"department_id", dept}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json()["id"].get<int64_t>();
  }
};

TEST_F(ApiTest, HealthAndMetrics) {
  HttpClient anon(server_->port());
  auto h = anon.Get("/healthz");
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.Json()["status"], "ok");
  anon.Get("/api/v1/customers");  // 401, counted
  // The server records a request once its response is written, which can
  // be a moment after the client has read it.
  HttpResponse m;
  for (int i = 0; i < 100; ++i) {
    m = anon.Get("/metrics");
    if (m.body.find("status=\"401\"") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(m.status, 200);
  EXPECT_NE(m.body.find("luister_http_requests_total{"), std::string::npos) << m.body;
  EXPECT_NE(m.body.find("route=\"/api/v1/customers\""), std::string::npos);
  EXPECT_NE(m.body.find("status=\"401\""), std::string::npos);
  EXPECT_NE(m.body.find("luister_http_request_duration_seconds_bucket"), std::string::npos);
}

TEST_F(ApiTest, SessionCookieIsHttpOnlyAndLogoutEndsIt) {
  HttpClient c(server_->port());
  auto r = c.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword);
  ASSERT_EQ(r.status, 200);
  std::string cookie = r.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(r.Json()["user"]["role"], "admin");
  EXPECT_EQ(c.Get("/api/v1/session").status, 200);
  EXPECT_EQ(c.Delete("/api/v1/session").status, 204);
  EXPECT_EQ(c.Get("/api/v1/session").status, 401);
}

TEST_F(ApiTest, SessionListsThePermissionsOfTheRole) {
  const json all = {"read_customers",     "write_customers",     "merge_customers",
                    "read_conversations", "write_conversations", "search",
                    "read_directory",     "manage_directory",    "manage_users",
                    "manage_api_tokens",  "read_audit_log",      "export_customer_data",
                    "manage_channels",    "post_calls",          "publish_answers",
                    "plan_staffing",      "manage_topics"};
  EXPECT_EQ(client_->Get("/api/v1/session").Json()["permissions"], all);

  std::string email = "session.agent." + std::to_string(rand()) + "@example.org";
  auto u = client_->Post("/api/v1/users", {{"email", email},
                                           {"name", "Session Agent"},
                                           {"role", "agent"},
                                           {"password", "mango-tram-lantaarn-3"}});
  ASSERT_EQ(u.status, 201) << u.body;
  HttpClient agent(server_->port());
  auto login = agent.Login(email, "mango-tram-lantaarn-3");
  ASSERT_EQ(login.status, 200) << login.body;
  const json agent_permissions = {"read_customers",      "write_customers", "read_conversations",
                                  "write_conversations", "search",          "read_directory"};
  EXPECT_EQ(login.Json()["permissions"], agent_permissions);
  auto session = agent.Get("/api/v1/session");
  ASSERT_EQ(session.status, 200) << session.body;
  json listed = session.Json()["permissions"];
  EXPECT_EQ(listed, agent_permissions);
  std::set<std::string> names;
  for (const auto& p : listed) names.insert(p.get<std::string>());
  EXPECT_TRUE(names.count("write_conversations"));
  EXPECT_FALSE(names.count("manage_users"));
  EXPECT_FALSE(names.count("merge_customers"));

  // A bearer token carries its user's permissions too.
  auto t =
      client_->Post("/api/v1/api-tokens", {{"name", "session-test"}, {"user_id", u.Json()["id"]}});
  ASSERT_EQ(t.status, 201) << t.body;
  HttpClient bot(server_->port());
  bot.UseBearer(t.Json()["token"].get<std::string>());
  auto via_token = bot.Get("/api/v1/session");
  ASSERT_EQ(via_token.status, 200) << via_token.body;
  EXPECT_EQ(via_token.Json()["via"], "api_token");
  EXPECT_EQ(via_token.Json()["permissions"], agent_permissions);
}

// Walks the directory, token and identity routes the other flows leave out,
// so that the response contract check (LUISTER_E2E_RECORD) sees them too.
TEST_F(ApiTest, DirectoryTokenAndIdentityRoutes) {
  int64_t dept = MakeDepartment("Queues " + std::to_string(rand()));
  auto q = client_->Post("/api/v1/queues", {{"name", "Tweede lijn"}, {"department_id", dept}});
  ASSERT_EQ(q.status, 201) << q.body;
  EXPECT_EQ(q.Json()["department_id"], dept);
  auto queues = client_->Get("/api/v1/queues");
  ASSERT_EQ(queues.status, 200);
  EXPECT_FALSE(queues.Json()["items"].empty());

  auto users = client_->Get("/api/v1/users");
  ASSERT_EQ(users.status, 200);
  ASSERT_FALSE(users.Json()["items"].empty());
  std::string email = "directory." + std::to_string(rand()) + "@example.org";
  auto u = client_->Post("/api/v1/users", {{"email", email},
                                           {"name", "Dirk Directory"},
                                           {"role", "agent"},
                                           {"password", "mango-tram-lantaarn-3"}});
  ASSERT_EQ(u.status, 201) << u.body;
  std::string user = "/api/v1/users/" + std::to_string(u.Json()["id"].get<int64_t>());
  EXPECT_EQ(client_->Get(user).Json()["email"], email);
  auto p = client_->Patch(user, {{"role", "manager"}, {"department_id", dept}});
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.Json()["role"], "manager");

  auto t = client_->Post("/api/v1/api-tokens", {{"name", "directory-test"}});
  ASSERT_EQ(t.status, 201) << t.body;
  auto tokens = client_->Get("/api/v1/api-tokens");
  ASSERT_EQ(tokens.status, 200);
  EXPECT_FALSE(tokens.Json()["items"].empty());

  int64_t cust = MakeCustomer("Ida Identiteit", "ida." + std::to_string(rand()) + "@example.nl");
  std::string identities = "/api/v1/customers/" + std::to_string(cust) + "/identities";
  auto i = client_->Post(identities, {{"kind", "phone"}, {"value", "06 8765 4321"}});
  ASSERT_EQ(i.status, 201) << i.body;
  EXPECT_EQ(i.Json()["value"], "+31687654321");
  EXPECT_EQ(i.Json()["display"], "06 87654321");
  auto invalid = client_->Post(identities, {{"kind", "phone"}, {"value", "06 8765"}});
  EXPECT_EQ(invalid.status, 400) << invalid.body;
  EXPECT_NE(invalid.body.find("phone number"), std::string::npos) << invalid.body;
  EXPECT_EQ(
      client_->Delete(identities + "/" + std::to_string(i.Json()["id"].get<int64_t>())).status,
      204);
}

TEST_F(ApiTest, CustomerWithIdentitiesResolvesByAnyOfThem) {
  auto r =
      client_->Post("/api/v1/customers", {{"name", "Anna de Vries"},
                                          {"language", "nl"},
                                          {"segment", "consumer"},
                                          {"preferred_channel", "phone"},
                                          {"contact_hours", "09:00-12:30"},
                                          {"identities",
                                           {{{"kind", "email"}, {"value", "Anna@Example.NL"}},
                                            {{"kind", "phone"}, {"value", "06 1234 5678"}},
                                            {{"kind", "social"}, {"value", "twitter:@annadv"}}}}});
  ASSERT_EQ(r.status, 201) << r.body;
  json c = r.Json();
  EXPECT_EQ(c["language"], "nl");
  EXPECT_EQ(c["contact_hours"], "09:00-12:30");
  ASSERT_EQ(c["identities"].size(), 3u);
  int64_t id = c["id"];
  // The number however it is written (libphonenumber, region NL).
  EXPECT_EQ(c["identities"][1]["display"], "06 12345678") << c.dump();
  for (auto q : {"kind=email&value=anna%40example.nl", "kind=phone&value=%2B31612345678",
                 "kind=phone&value=0031612345678", "kind=phone&value=%2B31%206%201234%205678",
                 "kind=social&value=twitter%3Aannadv"}) {
    auto l = client_->Get(std::string("/api/v1/customers/lookup?") + q);
    ASSERT_EQ(l.status, 200) << q << l.body;
    EXPECT_EQ(l.Json()["id"], id);
  }
  auto p = client_->Patch("/api/v1/customers/" + std::to_string(id),
                          {{"segment", "key_account"}, {"preferred_channel", nullptr}});
  ASSERT_EQ(p.status, 200) << p.body;
  EXPECT_EQ(p.Json()["segment"], "key_account");
  EXPECT_TRUE(p.Json()["preferred_channel"].is_null());
}

TEST_F(ApiTest, ConversationFlowReachesTheTimeline) {
  int64_t sales = MakeDepartment("Sales " + std::to_string(rand()));
  int64_t billing = MakeDepartment("Billing " + std::to_string(rand()));
  int64_t cust = MakeCustomer("Bram Jansen", "bram.flow@example.nl");
  int64_t conv = MakeConversation(cust, sales, "email", "Factuur klopt niet");
  std::string base = "/api/v1/conversations/" + std::to_string(conv);

  auto in = client_->Post(base + "/messages",
                          {{"direction", "in"}, {"body_text", "Mijn factuur is te hoog."}});
  ASSERT_EQ(in.status, 201) << in.body;
  json got = client_->Get(base).Json();
  EXPECT_EQ(got["status"], "waiting_on_us");
  EXPECT_EQ(got["customer_name"], "Bram Jansen") << "lists show names without a second request";
  json listed = client_->Get("/api/v1/conversations?customer_id=" + std::to_string(cust)).Json();
  ASSERT_FALSE(listed["items"].empty());
  EXPECT_EQ(listed["items"][0]["customer_name"], "Bram Jansen");

  auto note = client_->Post(base + "/messages",
                            {{"internal", true}, {"body_text", "Klant belt vaak, wees snel."}});
  ASSERT_EQ(note.status, 201) << note.body;
  EXPECT_EQ(client_->Get(base).Json()["status"], "waiting_on_us");

  auto out = client_->Post(base + "/messages",
                           {{"body_text", "We kijken ernaar."},
                            {"body_html", "<p>We kijken <b>ernaar</b>.<script>x()</script></p>"}});
  ASSERT_EQ(out.status, 201) << out.body;
  EXPECT_EQ(out.Json()["body_html"], "<p>We kijken <b>ernaar</b>.</p>");
  json after = client_->Get(base).Json();
  EXPECT_EQ(after["status"], "waiting_on_customer");
  EXPECT_FALSE(after["first_response_at"].is_null());

  auto t = client_->Post(base + "/transfer",
                         {{"department_id", billing}, {"note", "Factuurvraag, graag overnemen."}});
  ASSERT_EQ(t.status, 200) << t.body;
  EXPECT_EQ(t.Json()["department_id"], billing);

  auto msgs = client_->Get(base + "/messages?include_internal=false");
  ASSERT_EQ(msgs.status, 200);
  EXPECT_EQ(msgs.Json()["items"].size(), 2u);  // the note is staff-only
  EXPECT_EQ(client_->Get(base + "/messages").Json()["items"].size(), 3u);

  // A second contact on another channel lands on the same timeline.
  int64_t conv2 = MakeConversation(cust, billing, "phone", "Terugbelverzoek");
  ASSERT_EQ(client_
                ->Post("/api/v1/conversations/" + std::to_string(conv2) + "/messages",
                       {{"direction", "in"}, {"body_text", "Bel me terug aub"}})
                .status,
            201);

  std::string tl = "/api/v1/customers/" + std::to_string(cust) + "/timeline";
  json all = client_->Get(tl).Json();
  std::vector<std::string> kinds;
  for (const auto& a : all["items"]) kinds.push_back(a["kind"]);
  // Newest first: the phone message is the latest contact.
  ASSERT_GE(kinds.size(), 7u);
  EXPECT_EQ(all["items"][0]["channel"], "phone");
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "handover"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "note"), kinds.end());
  for (size_t i = 1; i < all["items"].size(); ++i)
    EXPECT_GE(all["items"][i - 1]["at"].get<std::string>(),
              all["items"][i]["at"].get<std::string>());

  json phone = client_->Get(tl + "?channel=phone").Json();
  for (const auto& a : phone["items"]) EXPECT_EQ(a["channel"], "phone");
  EXPECT_GE(phone["items"].size(), 2u);

  // Cursor pagination walks the whole timeline without duplicates.
  std::set<int64_t> seen;
  std::string next = tl + "?limit=2";
  int pages = 0;
  while (true) {
    json page = client_->Get(next).Json();
    for (const auto& a : page["items"]) EXPECT_TRUE(seen.insert(a["id"].get<int64_t>()).second);
    ++pages;
    if (page["next_cursor"].is_null()) break;
    next = tl + "?limit=2&cursor=" + page["next_cursor"].get<std::string>();
  }
  EXPECT_EQ(seen.size(), all["items"].size());
  EXPECT_GE(pages, 4);
}

// Polls a job until it is done or failed (10 s at most).
json WaitForJob(HttpClient& client, int64_t id) {
  json job;
  for (int i = 0; i < 500; ++i) {
    auto r = client.Get("/api/v1/jobs/" + std::to_string(id));
    EXPECT_EQ(r.status, 200) << r.body;
    job = r.Json();
    if (job["state"] == "done" || job["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return job;
}

TEST_F(ApiTest, ASubjectExportRunsAsAJobAndItsDownloadIsAudited) {
  int64_t dept = MakeDepartment("Privacy " + std::to_string(rand()));
  int64_t cust = MakeCustomer("Sanne de Vries", "sanne.export@example.nl");
  int64_t conv = MakeConversation(cust, dept, "email", "Mijn gegevens");
  std::string base = "/api/v1/conversations/" + std::to_string(conv);
  ASSERT_EQ(client_
                ->Post(base + "/messages",
                       {{"direction", "in"}, {"body_text", "Welke gegevens hebben jullie?"}})
                .status,
            201);
  ASSERT_EQ(
      client_->Post(base + "/messages", {{"internal", true}, {"body_text", "AVG-verzoek"}}).status,
      201);

  // The same person entered twice, merged: the export covers both records.
  int64_t dup = MakeCustomer("S. de Vries", "s.devries.export@example.nl");
  ASSERT_EQ(client_->Get("/api/v1/customers/" + std::to_string(dup)).status, 200);
  ASSERT_EQ(
      client_->Post("/api/v1/customers/" + std::to_string(cust) + "/merge", {{"source_id", dup}})
          .status,
      200);

  // A phone call with the agent's notes is personal data too.
  ASSERT_EQ(client_
                ->Post("/api/v1/calls", {{"customer_id", cust},
                                         {"direction", "out"},
                                         {"number", "+31 6 1618 0339"},
                                         {"outcome", "answered"},
                                         {"notes", "Gevraagd welke gegevens we bewaren"}})
                .status,
            201);

  auto requested =
      client_->Post("/api/v1/customers/" + std::to_string(cust) + "/exports", json::object());
  ASSERT_EQ(requested.status, 202) << requested.body;
  json job = requested.Json();
  int64_t id = job["id"];
  EXPECT_EQ(requested.Header("location"), "/api/v1/jobs/" + std::to_string(id));
  EXPECT_EQ(job["kind"], "customer.export");
  EXPECT_EQ(job["payload"]["customer_id"], cust);

  job = WaitForJob(*client_, id);
  ASSERT_EQ(job["state"], "done") << job.dump();
  EXPECT_EQ(job["attempts"], 1);
  EXPECT_FALSE(job["worker"].is_null());
  EXPECT_FALSE(job["finished_at"].is_null());
  ASSERT_EQ(job["result_url"], "/api/v1/jobs/" + std::to_string(id) + "/result");

  auto download = client_->Get(job["result_url"].get<std::string>());
  ASSERT_EQ(download.status, 200) << download.body;
  EXPECT_EQ(download.Header("content-disposition"),
            "attachment; filename=\"customer-" + std::to_string(cust) + "-export.json\"");
  json doc = download.Json();
  EXPECT_EQ(doc["format"], "luister.customer-export/1");
  EXPECT_EQ(doc["customer"]["name"], "Sanne de Vries");
  EXPECT_EQ(doc["customer"]["identities"][0]["value"], "sanne.export@example.nl");
  ASSERT_EQ(doc["conversations"].size(), 1u);
  ASSERT_EQ(doc["conversations"][0]["messages"].size(), 2u);
  EXPECT_EQ(doc["conversations"][0]["messages"][0]["body_text"], "Welke gegevens hebben jullie?");
  EXPECT_EQ(doc["conversations"][0]["messages"][1]["internal"], true)
      << "notes about the person are in, marked for review";
  EXPECT_GE(doc["timeline"].size(), 3u);
  ASSERT_EQ(doc["calls"].size(), 1u);
  EXPECT_EQ(doc["calls"][0]["notes"], "Gevraagd welke gegevens we bewaren");
  EXPECT_EQ(doc["calls"][0]["number"], "+31616180339");
  bool request_in_trail = false, dup_in_trail = false;
  for (const auto& e : doc["audit"]) {
    if (e["action"] == "request" && e["entity"] == "customer_export") request_in_trail = true;
    if (e["customer_id"] == dup) dup_in_trail = true;
    EXPECT_FALSE(e.contains("ip") || e.contains("user_id")) << "staff are not named: " << e.dump();
  }
  EXPECT_TRUE(request_in_trail) << "the export shows the request for it";
  EXPECT_TRUE(dup_in_trail) << "reads of the merged-away record are in the trail";
  ASSERT_EQ(doc["merged_customers"].size(), 1u);
  EXPECT_EQ(doc["merged_customers"][0]["name"], "S. de Vries");
  ASSERT_EQ(doc["merges"].size(), 1u);
  EXPECT_EQ(doc["merges"][0]["source_id"], dup);

  json trail =
      client_->Get("/api/v1/audit?customer_id=" + std::to_string(cust) + "&action=read").Json();
  bool download_logged = false;
  for (const auto& e : trail["items"])
    if (e["entity"] == "customer_export" && e["entity_id"] == id) download_logged = true;
  EXPECT_TRUE(download_logged) << "downloading personal data is a read on the audit log";
}

TEST_F(ApiTest, BulkImportWritesEverythingOrNothing) {
  int64_t dept = MakeDepartment("Import " + std::to_string(rand()));
  int64_t cust = MakeCustomer("Iris Import", "iris.import@example.nl");
  int64_t a = MakeConversation(cust, dept, "email", "Oude mailwisseling");
  int64_t b = MakeConversation(cust, dept, "chat", "Chat van vorige week");
  json batch = json::array();
  for (int i = 0; i < 30; ++i)
    batch.push_back({{"conversation_id", i % 2 ? a : b},
                     {"direction", i % 3 ? "in" : "out"},
                     {"body_text", "Bericht " + std::to_string(i)},
                     {"created_at", "2026-10-01T09:" + std::to_string(10 + i) + ":00Z"}});
  auto ok = client_->Post("/api/v1/messages/import", {{"messages", batch}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.Json()["created"], 30);
  ASSERT_EQ(ok.Json()["ids"].size(), 30u);
  EXPECT_EQ(client_->Get("/api/v1/conversations/" + std::to_string(a)).Json()["message_count"], 15);

  // One bad element: a precise field error and nothing written.
  json bad = batch;
  bad[7]["direction"] = "sideways";
  bad[12]["conversation_id"] = "twelve";
  auto rejected = client_->Post("/api/v1/messages/import", {{"messages", bad}});
  ASSERT_EQ(rejected.status, 400) << rejected.body;
  std::set<std::string> fields;
  json problem = rejected.Json();
  for (const auto& e : problem["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("messages[7].direction")) << rejected.body;
  EXPECT_TRUE(fields.count("messages[12].conversation_id")) << rejected.body;

  json unknown = batch;
  unknown[29]["conversation_id"] = 99999999;
  auto missing = client_->Post("/api/v1/messages/import", {{"messages", unknown}});
  ASSERT_EQ(missing.status, 400) << missing.body;
  EXPECT_EQ(missing.Json()["errors"][0]["field"], "messages[29].conversation_id");
  EXPECT_EQ(client_->Get("/api/v1/conversations/" + std::to_string(a)).Json()["message_count"], 15)
      << "a rejected batch wrote nothing";

  EXPECT_EQ(client_->Post("/api/v1/messages/import", {{"messages", json::array()}}).status, 400);
  EXPECT_EQ(client_->Post("/api/v1/messages/import", {{"rows", batch}}).status, 400);
}

TEST_F(ApiTest, InboxFiltersByStatusAssigneeAndTag) {
  int64_t dept = MakeDepartment("Inbox " + std::to_string(rand()));
  int64_t cust = MakeCustomer("Inbox Klant", "inbox@example.nl");
  int64_t a = MakeConversation(cust, dept, "chat", "A");
  int64_t b = MakeConversation(cust, dept, "chat", "B");
  auto me = client_->Get("/api/v1/session").Json()["user"]["id"].get<int64_t>();
  ASSERT_EQ(client_
                ->Patch("/api/v1/conversations/" + std::to_string(a),
                        {{"assignee_id", me}, {"tags", {"Refund", "late"}}, {"priority", "high"}})
                .status,
            200);
  std::string q = "/api/v1/conversations?department_id=" + std::to_string(dept);
  auto mine = client_->Get(q + "&assignee_id=me").Json();
  ASSERT_EQ(mine["items"].size(), 1u);
  EXPECT_EQ(mine["items"][0]["id"], a);
  EXPECT_EQ(mine["items"][0]["tags"], json({"late", "refund"}));
  auto unassigned = client_->Get(q + "&assignee_id=none").Json();
  ASSERT_EQ(unassigned["items"].size(), 1u);
  EXPECT_EQ(unassigned["items"][0]["id"], b);
  EXPECT_EQ(client_->Get(q + "&tag=refund").Json()["items"].size(), 1u);
  EXPECT_EQ(client_->Get(q + "&priority=high").Json()["items"].size(), 1u);
  EXPECT_EQ(client_->Get(q + "&status=resolved").Json()["items"].size(), 0u);
}

TEST_F(ApiTest, MergeMovesHistoryAndIsRecorded) {
  int64_t dept = MakeDepartment("Merge " + std::to_string(rand()));
  int64_t keep = MakeCustomer("Carla Smit", "carla@example.nl");
  int64_t dup = MakeCustomer("C. Smit", "c.smit@work.example.com");
  int64_t conv = MakeConversation(dup, dept, "webform", "Vraag over levering");
  auto r =
      client_->Post("/api/v1/customers/" + std::to_string(keep) + "/merge", {{"source_id", dup}});
  ASSERT_EQ(r.status, 200) << r.body;
  json merged = r.Json()["customer"];
  EXPECT_EQ(merged["identities"].size(), 2u);
  EXPECT_EQ(client_->Get("/api/v1/conversations/" + std::to_string(conv)).Json()["customer_id"],
            keep);
  auto tl = client_->Get("/api/v1/customers/" + std::to_string(keep) + "/timeline").Json();
  EXPECT_EQ(tl["items"][0]["kind"], "merged");
  EXPECT_EQ(client_->Get("/api/v1/customers/" + std::to_string(dup)).Json()["merged_into_id"],
            keep);
  auto again =
      client_->Post("/api/v1/customers/" + std::to_string(keep) + "/merge", {{"source_id", dup}});
  EXPECT_EQ(again.status, 409) << again.body;
  auto merges = client_->Get("/api/v1/customers/" + std::to_string(keep) + "/merges").Json();
  ASSERT_EQ(merges["items"].size(), 1u);
  EXPECT_EQ(merges["items"][0]["source_name"], "C. Smit");
}

TEST_F(ApiTest, SearchStemsFoldsDiacriticsAndHighlights) {
  int64_t dept = MakeDepartment("Search " + std::to_string(rand()));
  int64_t cust = MakeCustomer("Zoë Bakker", "zoe@example.nl");
  int64_t conv = MakeConversation(cust, dept, "email", "Retour aanvraag");
  std::string base = "/api/v1/conversations/" + std::to_string(conv) + "/messages";
  ASSERT_EQ(client_
                ->Post(base, {{"direction", "in"},
                              {"body_text",
                               "Ik wil mijn bestellingen retourneren, de café-stoel is kapot."}})
                .status,
            201);
  ASSERT_EQ(client_->Post(base, {{"body_text", "We refunded your payments yesterday."}}).status,
            201);

  auto nl = client_->Get("/api/v1/search?q=bestelling");
  ASSERT_EQ(nl.status, 200) << nl.body;
  ASSERT_GE(nl.Json()["items"].size(), 1u);
  EXPECT_NE(nl.Json()["items"][0]["highlight"].get<std::string>().find("<mark>"),
            std::string::npos);
  EXPECT_GE(client_->Get("/api/v1/search?q=cafe").Json()["items"].size(), 1u);
  EXPECT_GE(client_->Get("/api/v1/search?q=refund+payment").Json()["items"].size(), 1u);
  auto cust_hits = client_->Get("/api/v1/search?scope=customers&q=zoe").Json();
  ASSERT_GE(cust_hits["items"].size(), 1u);
  EXPECT_EQ(cust_hits["items"][0]["id"], cust);
  EXPECT_EQ(client_->Get("/api/v1/search?q=%22NEAR(%20OR").status, 200);
}

TEST_F(ApiTest, PersonalDataReadsAreAudited) {
  int64_t cust = MakeCustomer("Audit Persoon", "audit@example.nl");
  ASSERT_EQ(client_->Get("/api/v1/customers/" + std::to_string(cust)).status, 200);
  auto a = client_->Get("/api/v1/audit?customer_id=" + std::to_string(cust));
  ASSERT_EQ(a.status, 200) << a.body;
  bool read = false, created = false;
  json entries = a.Json();
  for (const auto& e : entries["items"]) {
    read |= e["action"] == "read" && e["endpoint"] == "GET /api/v1/customers/{id}";
    created |= e["action"] == "create";
    EXPECT_FALSE(e["user_id"].is_null());
  }
  EXPECT_TRUE(read) << a.body;
  EXPECT_TRUE(created) << a.body;
}

TEST_F(ApiTest, ApiTokensAuthenticateAndCanBeRevoked) {
  auto t = client_->Post("/api/v1/api-tokens", {{"name", "shop integration"}});
  ASSERT_EQ(t.status, 201) << t.body;
  std::string token = t.Json()["token"];
  HttpClient bot(server_->port());
  bot.UseBearer(token);
  EXPECT_EQ(bot.Get("/api/v1/departments").status, 200);
  // Bearer requests need no CSRF token.
  EXPECT_EQ(
      bot.Post("/api/v1/departments", {{"name", "Bot dept " + std::to_string(rand())}}).status,
      201);
  ASSERT_EQ(
      client_->Delete("/api/v1/api-tokens/" + std::to_string(t.Json()["id"].get<int64_t>())).status,
      204);
  EXPECT_EQ(bot.Get("/api/v1/departments").status, 401);
}

}  // namespace
}  // namespace luister::e2e
