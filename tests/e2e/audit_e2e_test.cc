// Auditing comes from each route's declaration, not from handlers: this walks
// every route the server declares as reading personal data (`luister routes
// --audit`), calls it, and checks that the audit log names the read; and it
// checks that lists and searches name every customer they returned and that
// lookups that find nothing are recorded too.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

struct Declared {
  std::string method, pattern, permission, action, entity;
};

std::vector<Declared> DeclaredRoutes() {
  auto r = RunLuister({"routes", "--audit"});
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::vector<Declared> out;
  std::istringstream lines(r.out);
  std::string line;
  while (std::getline(lines, line)) {
    std::istringstream words(line);
    Declared d;
    words >> d.method >> d.pattern >> d.permission >> d.action >> d.entity;
    if (!d.method.empty()) out.push_back(d);
  }
  return out;
}

class AuditTest : public ServerTest<AuditTest> {
 protected:
  int64_t Create(const std::string& path, const json& body) {
    auto r = client_->Post(path, body);
    EXPECT_TRUE(r.status == 201 || r.status == 202) << path << ": " << r.body;
    return r.Json().value("id", int64_t{0});
  }
  int64_t MakeCustomer(const std::string& name, const std::string& email) {
    return Create("/api/v1/customers",
                  {{"name", name}, {"identities", {{{"kind", "email"}, {"value", email}}}}});
  }

  // Audit entries newer than `after`, oldest first.
  std::vector<json> EntriesAfter(int64_t after, const std::string& filter = "") {
    auto r = client_->Get("/api/v1/audit?limit=200" + filter);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<json> out;
    const json page = r.Json();
    for (const auto& e : page["items"])
      if (e["id"].get<int64_t>() > after) out.insert(out.begin(), e);
    return out;
  }
  int64_t LastEntryId() {
    auto items = client_->Get("/api/v1/audit?limit=1").Json()["items"];
    return items.empty() ? 0 : items[0]["id"].get<int64_t>();
  }
};

// GET routes that hold no personal data of customers or staff; every other
// GET route must declare an audited read. A new route that is neither fails
// here, so it cannot leak unlogged reads by forgetting.
const std::set<std::string> kNotPersonal = {
    "GET /healthz", "GET /metrics", "GET /api/v1/live", "GET /api/v1/session",
    "GET /api/v1/api-tokens", "GET /api/v1/departments", "GET /api/v1/departments/{id}/hours",
    "GET /api/v1/promises/measures", "GET /api/v1/answers", "GET /api/v1/answers/{id}",
    // Contact volume and staffing: counts and durations, never a name or text.
    "GET /api/v1/volume/heatmap", "GET /api/v1/staffing", "GET /api/v1/volume/forecast",
    "GET /api/v1/staffing/plan", "GET /api/v1/staffing/shifts", "GET /api/v1/volume/segments",
    "GET /api/v1/queues", "GET /api/v1/audit", "GET /api/v1/jobs/{id}", "GET /api/v1/locations",
    // The public web forms: a page and its stylesheet, and their settings.
    "GET /forms/form.css", "GET /forms/{slug}", "GET /api/v1/web-forms",
    // Social sources: names, queues and addresses, never their secrets.
    "GET /api/v1/social-sources",
    // Chat widgets: their settings, the public config a page reads (name,
    // privacy notice, whether someone is in), and the WebSocket's plain GET.
    "GET /api/v1/chat-widgets", "GET /api/v1/widget/{slug}", "GET /api/v1/widget/{slug}/live",
    // The help page's published answers; the assistant's and the gaps'
    // counts and grouped questions (no customer named).
    "GET /api/v1/widget/{slug}/answers", "GET /help/{slug}", "GET /help/help.css",
    "GET /api/v1/assistant/stats", "GET /api/v1/answers/gaps",
    // Topics: names, counts and rates; the rising ones.
    "GET /api/v1/topics", "GET /api/v1/topics/alerts",
    // The desk's own mailboxes: its addresses and servers, never a password.
    "GET /api/v1/mailboxes", "GET /api/v1/mailboxes/{id}"};

TEST_F(AuditTest, EveryRouteThatReadsPersonalDataWritesAnAuditEntry) {
  // Something to read on every route.
  int64_t dept = Create("/api/v1/departments", {{"name", "Audit walk"}});
  int64_t cust = MakeCustomer("Walk Persoon", "walk.persoon@example.nl");
  int64_t conv = Create("/api/v1/conversations", {{"customer_id", cust},
                                                  {"channel", "email"},
                                                  {"subject", "Walk every route"},
                                                  {"department_id", dept}});
  ASSERT_EQ(client_
                ->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                       {{"direction", "in"}, {"body_text", "wandelroute factuur"}})
                .status,
            201);
  // An answer the desk sends by e-mail: something in the outbox.
  ASSERT_EQ(client_
                ->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                       {{"direction", "out"}, {"body_text", "we kijken ernaar"}})
                .status,
            201);
  int64_t job = Create("/api/v1/customers/" + std::to_string(cust) + "/exports", json::object());
  for (int i = 0; i < 500; ++i) {
    if (client_->Get("/api/v1/jobs/" + std::to_string(job)).Json()["state"] == "done") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  int64_t me = client_->Get("/api/v1/session").Json()["user"]["id"];
  // An e-mailed attachment of the same customer, with its bytes.
  int64_t queue = Create("/api/v1/queues", {{"department_id", dept}, {"name", "Walk mail"}});
  const std::string mail = std::string(LUISTER_SOURCE_DIR) + "/tests/data/mail/audit-walk.eml";
  auto gate =
      RunLuister({"mailgate", "--db", server_->db(), "--queue", std::to_string(queue)}, {}, mail);
  ASSERT_EQ(gate.exit_code, 0) << gate.out;
  ASSERT_NE(gate.out.find("opened conversation "), std::string::npos) << gate.out;
  const std::string mailed = gate.out.substr(gate.out.find("conversation ") + 13);
  auto messages =
      client_->Get("/api/v1/conversations/" + mailed.substr(0, mailed.find(' ')) + "/messages")
          .Json();
  int64_t attachment = 0;
  for (const auto& m : messages["items"])
    for (const auto& a : m["attachments"]) attachment = a["id"];
  ASSERT_NE(attachment, 0);
  // A topic of the conversation; the mailed one waits without a topic once
  // the classify job has read it.
  int64_t topic = Create("/api/v1/topics", {{"name", "Wandelroute"}});
  ASSERT_EQ(
      client_
          ->Put("/api/v1/conversations/" + std::to_string(conv) + "/topic", {{"topic_id", topic}})
          .status,
      200);
  const std::string mailed_topic =
      "/api/v1/conversations/" + mailed.substr(0, mailed.find(' ')) + "/topic";
  for (int i = 0; i < 500; ++i) {
    if (client_->Get(mailed_topic).Json()["source"] == "classifier") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }

  // A missed call of the same customer: the call back list names them.
  ASSERT_EQ(client_
                ->Post("/api/v1/customers/" + std::to_string(cust) + "/identities",
                       {{"kind", "phone"}, {"value", "06 2718 2818"}})
                .status,
            201);
  int64_t call = Create("/api/v1/channels/phone/calls", {{"call_id", "audit-walk-1"},
                                                         {"from", "+31627182818"},
                                                         {"started_at", "2026-12-03T09:00:00Z"},
                                                         {"outcome", "abandoned"}});

  // A chat a visitor started on the shop's widget.
  int64_t chat_queue = Create("/api/v1/queues", {{"department_id", dept}, {"name", "Walk chat"}});
  ASSERT_EQ(client_
                ->Post("/api/v1/chat-widgets",
                       {{"slug", "audit-walk"}, {"name", "Chat"}, {"queue_id", chat_queue}})
                .status,
            201);
  WsClient visitor(server_->port(), "", "/api/v1/widget/audit-walk/live");
  ASSERT_FALSE(visitor.error()) << visitor.error().message();
  ASSERT_TRUE(visitor.Send(
      {{"type", "start"}, {"text", "Wandelroute per chat"}, {"email", "walk.persoon@example.nl"}}));
  const json started = visitor.NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const int64_t chat = started["chat"]["conversation_id"];

  // A walk-in who gives the customer's address and someone else's number:
  // a suggested duplicate naming the customer.
  ASSERT_EQ(client_
                ->Post("/api/v1/customers",
                       {{"name", "Ander Persoon"},
                        {"identities", {{{"kind", "phone"}, {"value", "06 3141 5926"}}}}})
                .status,
            201);
  int64_t shop = Create("/api/v1/locations", {{"department_id", dept}, {"name", "Walk winkel"}});
  ASSERT_EQ(client_
                ->Post("/api/v1/walk-ins", {{"location_id", shop},
                                            {"email", "walk.persoon@example.nl"},
                                            {"phone", "06 3141 5926"},
                                            {"question", "Wandelroute aan de balie"}})
                .status,
            201);

  // A promise made to the customer.
  int64_t promise = Create("/api/v1/promises", {{"customer_id", cust},
                                                {"conversation_id", conv},
                                                {"kind", "callback"},
                                                {"what", "Terugbellen over de wandelroute"}});

  // An answer the customer was told in version 1, since replaced by 2.
  const int64_t answer =
      Create("/api/v1/answers",
             {{"topic", "Wandelroutes"},
              {"nl", {{"title", "Welke routes zijn er?"}, {"body", "Drie routes van 5 km."}}}});
  const std::string answer_url = "/api/v1/answers/" + std::to_string(answer);
  ASSERT_EQ(client_->Post(answer_url + "/submit", {{"version", 1}}).status, 200);
  ASSERT_EQ(client_->Post(answer_url + "/publish", {{"version", 2}}).status, 200);
  ASSERT_EQ(client_
                ->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                       {{"direction", "out"},
                        {"body_text", "Drie routes van 5 km."},
                        {"answer", {{"id", answer}, {"number", 1}}}})
                .status,
            201);
  ASSERT_EQ(
      client_
          ->Put(answer_url + "/draft",
                {{"version", 3},
                 {"nl", {{"title", "Welke routes zijn er?"}, {"body", "Vier routes van 5 km."}}},
                 {"change_note", "een route erbij"}})
          .status,
      200);
  ASSERT_EQ(client_->Post(answer_url + "/submit", {{"version", 4}}).status, 200);
  ASSERT_EQ(client_->Post(answer_url + "/publish", {{"version", 5}}).status, 200);
  // A reply against the live version, sent over the warning: the
  // consistency report shows its sentence once the check job has run.
  ASSERT_EQ(client_
                ->Post("/api/v1/conversations/" + std::to_string(conv) + "/messages",
                       {{"direction", "out"},
                        {"body_text", "Er zijn vier routes van 8 km."},
                        {"answer", {{"id", answer}, {"number", 2}, {"override", "audit walk"}}}})
                .status,
            201);
  for (int i = 0; i < 300; ++i) {
    if (client_->Get("/api/v1/answers/consistency?answer_id=" + std::to_string(answer))
            .Json()["contradictions"] == 1)
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }

  // What each route's {id} names, and the query a route needs to answer 200.
  auto target_of = [&](const std::string& pattern) -> std::string {
    std::string id = pattern.rfind("/api/v1/customers/", 0) == 0       ? std::to_string(cust)
                     : pattern.rfind("/api/v1/conversations/", 0) == 0 ? std::to_string(conv)
                     : pattern.rfind("/api/v1/users/", 0) == 0         ? std::to_string(me)
                     : pattern.rfind("/api/v1/jobs/", 0) == 0          ? std::to_string(job)
                     : pattern.rfind("/api/v1/attachments/", 0) == 0   ? std::to_string(attachment)
                     : pattern.rfind("/api/v1/calls/", 0) == 0         ? std::to_string(call)
                     : pattern.rfind("/api/v1/chats/", 0) == 0         ? std::to_string(chat)
                     : pattern.rfind("/api/v1/promises/", 0) == 0      ? std::to_string(promise)
                     : pattern.rfind("/api/v1/answers/", 0) == 0       ? std::to_string(answer)
                     : pattern.rfind("/api/v1/topics/", 0) == 0        ? std::to_string(topic)
                                                                       : "";
    std::string t = pattern;
    if (auto at = t.find("{id}"); at != std::string::npos) t.replace(at, 4, id);
    if (pattern == "/api/v1/customers/lookup") t += "?kind=email&value=walk.persoon@example.nl";
    if (pattern == "/api/v1/search") t += "?q=wandelroute";
    if (pattern == "/api/v1/customers" || pattern == "/api/v1/conversations") t += "?limit=200";
    if (pattern == "/api/v1/promises") t += "?customer_id=" + std::to_string(cust);
    return t;
  };

  int walked = 0;
  for (const Declared& d : DeclaredRoutes()) {
    const std::string route = d.method + " " + d.pattern;
    if (d.method != "GET") continue;
    if (d.action == "-") {
      EXPECT_TRUE(kNotPersonal.count(route))
          << route << " declares no audit: does it really hold no personal data?";
      continue;
    }
    SCOPED_TRACE(route);
    EXPECT_TRUE(d.action == "read" || d.action == "search") << d.action;
    int64_t before = LastEntryId();
    auto r = client_->Get(target_of(d.pattern));
    ASSERT_EQ(r.status, 200) << r.body;
    ++walked;
    bool logged = false, names_customer = false;
    for (const auto& e : EntriesAfter(before)) {
      if (e["endpoint"] != route) continue;
      logged = true;
      EXPECT_EQ(e["action"], d.action);
      EXPECT_EQ(e["entity"], d.entity);
      EXPECT_EQ(e["user_id"], me);
      names_customer |= e["customer_id"] == cust;
    }
    EXPECT_TRUE(logged) << "no audit entry for " << route;
    // Everything but the staff directory and quarantined mail (held because
    // the desk could not take it, so before any customer) is about a
    // customer: the entry must say whose data it was.
    if (d.entity != "user" && d.entity != "quarantined_mail") {
      EXPECT_TRUE(names_customer) << "the entry names no customer";
    }
  }
  EXPECT_GE(walked, 10) << "the route listing lost its audit declarations";
}

TEST_F(AuditTest, ListsAndSearchesNameEveryCustomerTheyReturned) {
  int64_t a = MakeCustomer("Lijst Klant Een", "lijst.een@example.nl");
  int64_t b = MakeCustomer("Lijst Klant Twee", "lijst.twee@example.nl");
  int64_t before = LastEntryId();
  ASSERT_EQ(client_->Get("/api/v1/customers?limit=200").status, 200);
  auto search = client_->Get("/api/v1/search?scope=customers&q=Lijst");
  ASSERT_EQ(search.status, 200);
  ASSERT_GE(search.Json()["items"].size(), 2u);

  for (int64_t cust : {a, b}) {
    bool listed = false, searched = false;
    for (const auto& e : EntriesAfter(before, "&customer_id=" + std::to_string(cust))) {
      if (e["endpoint"] == "GET /api/v1/customers") {
        listed = true;
        EXPECT_EQ(e["action"], "read");
        EXPECT_EQ(e["entity_id"], cust);
        EXPECT_EQ(e["query"], "limit=200");
      }
      if (e["endpoint"] == "GET /api/v1/search") {
        searched = true;
        EXPECT_EQ(e["action"], "search");
        EXPECT_EQ(e["query"], "scope=customers&q=Lijst");
      }
    }
    EXPECT_TRUE(listed) << "customer " << cust << "'s trail misses the list that showed them";
    EXPECT_TRUE(searched) << "customer " << cust << "'s trail misses the search that found them";
  }
}

TEST_F(AuditTest, ReadsThatFindNothingAndStaffReadsAreRecorded) {
  int64_t before = LastEntryId();
  EXPECT_EQ(client_->Get("/api/v1/customers/lookup?kind=email&value=niemand@example.nl").status,
            404);
  EXPECT_EQ(client_->Get("/api/v1/customers/987654321").status, 404);
  EXPECT_EQ(client_->Get("/api/v1/users").status, 200);
  bool lookup = false, unknown_id = false, users = false;
  for (const auto& e : EntriesAfter(before)) {
    if (e["endpoint"] == "GET /api/v1/customers/lookup") {
      lookup = true;
      EXPECT_TRUE(e["customer_id"].is_null());
      EXPECT_EQ(e["query"], "kind=email&value=niemand@example.nl");
    }
    if (e["endpoint"] == "GET /api/v1/customers/{id}") {
      unknown_id = true;
      EXPECT_EQ(e["entity_id"], 987654321);
    }
    if (e["endpoint"] == "GET /api/v1/users") {
      users = true;
      EXPECT_EQ(e["entity"], "user");
    }
  }
  EXPECT_TRUE(lookup) << "a lookup that found nobody still used the address asked for";
  EXPECT_TRUE(unknown_id);
  EXPECT_TRUE(users) << "reading the staff directory is a read of staff data";

  // A request that was refused (bad input) read nothing and is not logged.
  before = LastEntryId();
  EXPECT_EQ(client_->Get("/api/v1/customers?limit=0").status, 400);
  for (const auto& e : EntriesAfter(before))
    EXPECT_NE(e["endpoint"], "GET /api/v1/customers") << e.dump();
}

}  // namespace
}  // namespace luister::e2e
