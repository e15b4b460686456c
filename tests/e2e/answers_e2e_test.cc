// The canonical answer library through the real server (docs/answers.md):
// an answer is written as a draft in Dutch and English, sent for review,
// published by someone else (a manager), suggested for a customer's
// question, changed into a second version while the first stays live, and
// retired. Every version stays with who changed what and why; two people
// at once get one 409 with the answer as it is now; bad input is named by
// field; agents cannot publish.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class AnswersTest : public ServerTest<AnswersTest> {
 protected:
  static std::set<std::string> Fields(const HttpResponse& r) {
    std::set<std::string> out;
    const json problem = r.Json();
    for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
    return out;
  }
  // A logged-in client of a new user with `role`.
  HttpClient As(const std::string& role) {
    const std::string email = role + "." + std::to_string(++users_) + "." +
                              std::to_string(std::rand()) + "@answers.example";
    auto u = client_->Post("/api/v1/users", {{"email", email},
                                             {"name", "Answers " + role},
                                             {"role", role},
                                             {"password", "mango-tram-lantaarn-3"}});
    EXPECT_EQ(u.status, 201) << u.body;
    HttpClient c(server_->port());
    EXPECT_EQ(c.Login(email, "mango-tram-lantaarn-3").status, 200);
    return c;
  }
  static inline int users_ = 0;
};

TEST_F(AnswersTest, WrittenReviewedPublishedSuggestedAndVersioned) {
  HttpClient agent = As("agent");
  HttpClient manager = As("manager");
  auto made = agent.Post(
      "/api/v1/answers",
      {{"topic", "Retourneren"},
       {"nl",
        {{"title", "Hoe lang heb ik om iets terug te sturen?"},
         {"body", "Beste {{customer.name}}, u kunt uw bestelling binnen 14 dagen retourneren."}}},
       {"en",
        {{"title", "How long do I have to return an item?"},
         {"body", "Dear {{customer.name}}, you can return your order within 14 days."}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json a = made.Json();
  const int64_t id = a["id"];
  const std::string url = "/api/v1/answers/" + std::to_string(id);
  EXPECT_EQ(a["latest_state"], "draft");
  EXPECT_TRUE(a["published_number"].is_null());
  EXPECT_EQ(a["versions"].size(), 1u);
  EXPECT_FALSE(a["owner_user_id"].is_null()) << "the writer owns it";

  // Not suggested before it is published.
  auto before = agent.Post("/api/v1/answers/suggest",
                           {{"text", "Binnen hoeveel dagen moet ik het terugsturen?"}});
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_TRUE(before.Json()["items"].empty()) << before.body;

  ASSERT_EQ(agent.Post(url + "/submit", {{"version", 1}}).status, 200);
  // An agent cannot publish; the writer cannot publish their own.
  EXPECT_EQ(agent.Post(url + "/publish", {{"version", 2}}).status, 403);
  auto published = manager.Post(url + "/publish", {{"version", 2}});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.Json()["published_number"], 1);
  EXPECT_EQ(published.Json()["versions"][0]["state"], "published");
  EXPECT_FALSE(published.Json()["versions"][0]["reviewed_by"].is_null());

  // Suggested for a question in the customer's own words, in their language.
  auto nl = agent.Post("/api/v1/answers/suggest",
                       {{"text", "Binnen hoeveel dagen moet ik het terugsturen?"}, {"lang", "nl"}});
  ASSERT_EQ(nl.status, 200) << nl.body;
  ASSERT_FALSE(nl.Json()["items"].empty()) << nl.body;
  const json first = nl.Json()["items"][0];
  EXPECT_EQ(first["answer_id"], id);
  EXPECT_EQ(first["number"], 1);
  EXPECT_EQ(first["lang"], "nl");
  EXPECT_EQ(first["variables"], json::array({"customer.name"}));
  auto en = agent.Post("/api/v1/answers/suggest",
                       {{"text", "is there a time limit for returns"}, {"lang", "en"}});
  ASSERT_FALSE(en.Json()["items"].empty()) << en.body;
  EXPECT_EQ(en.Json()["items"][0]["lang"], "en");
  // /metrics shows what keeping the matcher up to date costs the node.
  const std::string metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("\nluister_answer_library_answers 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("\nluister_answer_library_builds_total "), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("\nluister_answer_library_build_seconds "), std::string::npos) << metrics;

  // A reply that used version 1 records it (who was told what); a note,
  // an unknown version or a draft cannot be named.
  auto customer = agent.Post(
      "/api/v1/customers",
      {{"name", "Retour Klant"},
       {"language", "nl"},
       {"identities", {{{"kind", "email"}, {"value", "retour.klant@answers.example"}}}}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  auto dept = client_->Post("/api/v1/departments", {{"name", "Antwoorden"}});
  auto conv = agent.Post("/api/v1/conversations", {{"customer_id", customer.Json()["id"]},
                                                   {"channel", "email"},
                                                   {"subject", "Retour"},
                                                   {"department_id", dept.Json()["id"]}});
  ASSERT_EQ(conv.status, 201) << conv.body;
  const std::string messages =
      "/api/v1/conversations/" + std::to_string(conv.Json()["id"].get<int64_t>()) + "/messages";
  auto used = agent.Post(messages, {{"direction", "out"},
                                    {"body_text", "U kunt binnen 14 dagen retourneren."},
                                    {"answer", {{"id", id}, {"number", 1}}}});
  ASSERT_EQ(used.status, 201) << used.body;
  EXPECT_EQ(used.Json()["answer"], (json{{"id", id}, {"number", 1}, {"override", nullptr}}));
  for (const json& bad :
       {json{{"direction", "out"}, {"body_text", "x"}, {"answer", {{"id", id}, {"number", 7}}}},
        json{{"internal", true}, {"body_text", "x"}, {"answer", {{"id", id}, {"number", 1}}}},
        json{{"direction", "out"}, {"body_text", "x"}, {"answer", {{"id", id}}}}}) {
    auto r = agent.Post(messages, bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(Fields(r).count("answer") + Fields(r).count("answer.number"), 1u) << r.body;
  }

  // The consistency check: before sending, the agent hears what differs
  // from the published answer; a reply naming the answer that contradicts
  // it is refused, and goes out with the agent's reason.
  const std::string wrong = "Beste klant, u kunt uw bestelling binnen 30 dagen retourneren.";
  auto check = agent.Post("/api/v1/answers/check",
                          {{"text", wrong}, {"question", "Hoe lang heb ik om te retourneren?"}});
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_EQ(check.Json()["answer"]["answer_id"], id) << check.body;
  ASSERT_EQ(check.Json()["conflicts"].size(), 1u) << check.body;
  EXPECT_EQ(check.Json()["conflicts"][0]["kind"], "period");
  EXPECT_EQ(check.Json()["conflicts"][0]["published"], "14 dagen");
  EXPECT_EQ(check.Json()["conflicts"][0]["written"], "30 dagen");
  auto fine = agent.Post("/api/v1/answers/check",
                         {{"text", "U heeft twee weken om te retourneren."}, {"answer_id", id}});
  ASSERT_EQ(fine.status, 200) << fine.body;
  EXPECT_TRUE(fine.Json()["conflicts"].empty()) << fine.body;
  EXPECT_EQ(agent.Post("/api/v1/answers/check", {{"text", "x"}, {"answer_id", 999999}}).status,
            404);
  EXPECT_EQ(agent.Post("/api/v1/answers/check", {{"text", 3}}).status, 400);
  auto refused = agent.Post(
      messages,
      {{"direction", "out"}, {"body_text", wrong}, {"answer", {{"id", id}, {"number", 1}}}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_NE(refused.body.find("30 dagen"), std::string::npos) << refused.body;
  auto overridden = agent.Post(
      messages,
      {{"direction", "out"},
       {"body_text", wrong},
       {"answer", {{"id", id}, {"number", 1}, {"override", "klant heeft een verlengde termijn"}}}});
  ASSERT_EQ(overridden.status, 201) << overridden.body;
  EXPECT_EQ(overridden.Json()["answer"]["override"], "klant heeft een verlengde termijn");

  // A second version: the first stays live until it is published.
  auto draft =
      agent.Put(url + "/draft", {{"version", 3},
                                 {"nl",
                                  {{"title", "Hoe lang heb ik om iets terug te sturen?"},
                                   {"body", "U kunt uw bestelling binnen 30 dagen retourneren."}}},
                                 {"change_note", "retourtermijn verlengd naar 30 dagen"},
                                 {"material", true}});
  ASSERT_EQ(draft.status, 200) << draft.body;
  EXPECT_EQ(draft.Json()["latest_number"], 2);
  EXPECT_EQ(draft.Json()["published_number"], 1);
  // Someone who still saw version 3: refused, told how it is now.
  auto stale = agent.Post(url + "/submit", {{"version", 3}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.Json()["current"]["version"], 4);
  ASSERT_EQ(agent.Post(url + "/submit", {{"version", 4}}).status, 200);
  auto back = manager.Post(url + "/send-back", {{"version", 5}, {"note", "ook Engels graag"}});
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.Json()["latest_state"], "draft");
  ASSERT_EQ(agent.Post(url + "/submit", {{"version", 6}}).status, 200);
  auto second = manager.Post(url + "/publish", {{"version", 7}});
  ASSERT_EQ(second.status, 200) << second.body;
  const json versions = second.Json()["versions"];
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0]["state"], "superseded");
  EXPECT_EQ(versions[1]["state"], "published");
  EXPECT_EQ(versions[1]["material"], true);
  EXPECT_NE(versions[1]["change_note"].get<std::string>().find("sent back: ook Engels graag"),
            std::string::npos);
  // Who was told the old version: the replies above (the one sent with a
  // reason too), their customer.
  auto told = agent.Get(url + "/told");
  ASSERT_EQ(told.status, 200) << told.body;
  EXPECT_EQ(told.Json()["before"], 2);
  ASSERT_EQ(told.Json()["items"].size(), 2u) << told.body;
  EXPECT_EQ(told.Json()["items"][1]["message_id"], overridden.Json()["id"]);
  EXPECT_EQ(told.Json()["items"][0]["message_id"], used.Json()["id"]);
  EXPECT_EQ(told.Json()["items"][0]["customer_id"], customer.Json()["id"]);
  EXPECT_EQ(told.Json()["items"][0]["number"], 1);
  EXPECT_TRUE(agent.Get(url + "/told?before=1").Json()["items"].empty());
  EXPECT_EQ(told.Json()["items"][0]["corrected"], false);

  // A correction to all of them in one action: the conversation gets the
  // live version in the customer's language, recorded as version 2.
  EXPECT_EQ(agent.Post(url + "/corrections", {{"all", true}}).status, 400);
  auto correcting = agent.Post(url + "/corrections", json::object());
  ASSERT_EQ(correcting.status, 202) << correcting.body;
  EXPECT_EQ(correcting.Json()["conversations"], 1);
  const int64_t job = correcting.Json()["job_id"];
  EXPECT_EQ(correcting.Header("location"), "/api/v1/jobs/" + std::to_string(job));
  json state;
  for (int i = 0; i < 500; ++i) {
    state = client_->Get("/api/v1/jobs/" + std::to_string(job)).Json();
    if (state["state"] == "done" || state["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_EQ(state["state"], "done") << state;
  auto thread = agent.Get(messages);
  ASSERT_EQ(thread.status, 200) << thread.body;
  const json last = thread.Json()["items"].back();
  EXPECT_EQ(last["direction"], "out");
  EXPECT_EQ(last["answer"]["number"], 2) << last;
  const std::string body = last["body_text"];
  EXPECT_NE(body.find("Beste Retour Klant"), std::string::npos) << body;
  EXPECT_NE(body.find("30 dagen"), std::string::npos) << body;
  EXPECT_NE(body.find("gewijzigd"), std::string::npos) << body;
  auto after = agent.Get(url + "/told");
  ASSERT_EQ(after.Json()["items"].size(), 2u) << after.body;
  EXPECT_EQ(after.Json()["items"][0]["corrected"], true) << after.body;
  EXPECT_EQ(after.Json()["items"][1]["corrected"], true) << after.body;
  // Nobody left to correct.
  EXPECT_EQ(agent.Post(url + "/corrections", json::object()).status, 409);

  // Questions teach the matcher; retired answers are suggested no more.
  auto q = agent.Post(url + "/questions", {{"text", "Mag ik mijn jas na drie weken nog ruilen?"}});
  ASSERT_EQ(q.status, 201) << q.body;
  auto listed = agent.Get("/api/v1/answers?state=published");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json()["items"].size(), 1u);
  ASSERT_EQ(manager.Post(url + "/retire", {{"version", 8}}).status, 200);
  EXPECT_TRUE(
      agent.Post("/api/v1/answers/suggest", {{"text", "terugsturen"}}).Json()["items"].empty());
  EXPECT_EQ(agent.Get("/api/v1/answers?state=retired").Json()["items"].size(), 1u);
  EXPECT_EQ(
      agent.Delete(url + "/questions/" + std::to_string(q.Json()["id"].get<int64_t>())).status,
      204);
}

TEST_F(AnswersTest, TheConsistencyReportShowsWhereRepliesAndChannelsDisagree) {
  HttpClient agent = As("agent");
  const std::string me = std::to_string(std::rand());
  auto made = client_->Post(
      "/api/v1/answers",
      {{"topic", "Garantie " + me},
       {"nl",
        {{"title", "Hoe lang heb ik garantie? " + me},
         {"body",
          "Op elektrische apparaten heeft u 24 maanden garantie. Meld een reparatie onder "
          "garantie aan via het garantieformulier op onze website."}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const int64_t id = made.Json()["id"];
  const std::string url = "/api/v1/answers/" + std::to_string(id);
  ASSERT_EQ(client_->Post(url + "/submit", {{"version", 1}}).status, 200);
  ASSERT_EQ(client_->Post(url + "/publish", {{"version", 2}}).status, 200);

  auto customer = agent.Post("/api/v1/customers", {{"name", "Garantie Klant " + me}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  auto dept = client_->Post("/api/v1/departments", {{"name", "Garantie " + me}});
  // A customer's question and an agent's reply on `channel`.
  auto reply = [&](const std::string& channel, const std::string& question, json out) {
    auto conv = agent.Post("/api/v1/conversations", {{"customer_id", customer.Json()["id"]},
                                                     {"channel", channel},
                                                     {"subject", "Garantie"},
                                                     {"department_id", dept.Json()["id"]}});
    EXPECT_EQ(conv.status, 201) << conv.body;
    const std::string messages =
        "/api/v1/conversations/" + std::to_string(conv.Json()["id"].get<int64_t>()) + "/messages";
    EXPECT_EQ(agent.Post(messages, {{"direction", "in"}, {"body_text", question}}).status, 201);
    out["direction"] = "out";
    auto sent = agent.Post(messages, out);
    EXPECT_EQ(sent.status, 201) << sent.body;
    return sent.Json()["id"].get<int64_t>();
  };
  // Without the library, and wrong: 12 months.
  const int64_t wrong =
      reply("email", "Hoe lang heb ik garantie op mijn nieuwe wasmachine?",
            {{"body_text", "Beste klant, op uw wasmachine zit 12 maanden garantie. Groet, Kim"}});
  // With the library, and right.
  reply("chat", "Hoe lang garantie zit er op mijn koffiezetapparaat?",
        {{"body_text", "Op uw koffiezetapparaat heeft u 24 maanden garantie."},
         {"answer", {{"id", id}, {"number", 1}}}});
  // With the library, against it on purpose, with the reason.
  reply("email", "Geldt de garantie ook voor mijn droger?",
        {{"body_text", "U heeft op uw droger 36 maanden garantie."},
         {"answer", {{"id", id}, {"number", 1}, {"override", "verlengde garantie gekocht"}}}});
  // Not about the topic at all: not counted.
  reply("email", "Kunnen jullie mijn adres wijzigen?",
        {{"body_text", "Uw adres is aangepast naar Dorpsstraat 12."}});

  // The job checks what went out within seconds.
  const std::string report = "/api/v1/answers/consistency?days=7&answer_id=" + std::to_string(id);
  json r;
  for (int i = 0; i < 300; ++i) {
    auto got = agent.Get(report);
    ASSERT_EQ(got.status, 200) << got.body;
    r = got.Json();
    if (r["checked"] == 3) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(r["checked"], 3) << r;
  EXPECT_EQ(r["contradictions"], 2) << r;
  EXPECT_EQ(r["without_library"], 1) << r;
  EXPECT_EQ(r["overridden"], 1) << r;
  ASSERT_EQ(r["topics"].size(), 1u) << r;
  const json topic = r["topics"][0];
  EXPECT_EQ(topic["answer_id"], id);
  EXPECT_EQ(topic["topic"], "Garantie " + me);
  std::map<std::string, json> by_channel;
  for (const json& c : topic["channels"]) by_channel[c["channel"]] = c;
  EXPECT_EQ(by_channel["email"]["checked"], 2) << topic;
  EXPECT_EQ(by_channel["email"]["contradictions"], 2) << topic;
  EXPECT_EQ(by_channel["email"]["score"], 0.0) << topic;
  EXPECT_EQ(by_channel["chat"]["checked"], 1) << topic;
  EXPECT_EQ(by_channel["chat"]["score"], 1.0) << topic;
  // Side by side: what the answer says and what each reply wrote.
  ASSERT_EQ(topic["disagreements"].size(), 2u) << topic;
  bool twelve = false;
  for (const json& d : topic["disagreements"])
    if (d["written"].get<std::string>().find("12") != std::string::npos) {
      twelve = true;
      EXPECT_EQ(d["kind"], "period");
      EXPECT_NE(d["published"].get<std::string>().find("24"), std::string::npos) << d;
      EXPECT_EQ(d["channels"]["email"], 1) << d;
    }
  EXPECT_TRUE(twelve) << topic;
  bool sentence = false;
  for (const json& c : topic["conflicts"])
    if (c["message_id"] == wrong) {
      sentence = true;
      EXPECT_EQ(c["used_library"], false);
      EXPECT_EQ(c["written_sentence"], "Beste klant, op uw wasmachine zit 12 maanden garantie.");
      EXPECT_EQ(c["published_sentence"], "Op elektrische apparaten heeft u 24 maanden garantie.");
    }
  EXPECT_TRUE(sentence) << topic;

  // The score per channel per day, for the chart.
  auto all = agent.Get("/api/v1/answers/consistency?days=7");
  ASSERT_EQ(all.status, 200);
  const json whole = all.Json();
  bool email_today = false;  // ours: 2 checked, 2 contradicting
  for (const json& s : whole["series"])
    if (s["channel"] == "email")
      for (const json& p : s["points"])
        email_today =
            email_today || (p["day"].get<std::string>().size() == 10 &&
                            p["checked"].get<int>() >= 2 && p["contradictions"].get<int>() >= 2);
  EXPECT_TRUE(email_today) << whole["series"];
  auto chat_only = agent.Get(report + "&channel=chat");
  EXPECT_EQ(chat_only.Json()["checked"], 1) << chat_only.body;

  EXPECT_EQ(agent.Get("/api/v1/answers/consistency?days=0").status, 400);
  EXPECT_EQ(agent.Get("/api/v1/answers/consistency?channel=fax").status, 400);
  HttpClient anonymous(server_->port());
  EXPECT_EQ(anonymous.Get("/api/v1/answers/consistency").status, 401);
}

TEST_F(AnswersTest, BadInputIsNamedByField) {
  auto none = client_->Post("/api/v1/answers", {{"topic", ""}});
  ASSERT_EQ(none.status, 400) << none.body;
  EXPECT_EQ(Fields(none), (std::set<std::string>{"topic", "nl"}));
  auto bad = client_->Post("/api/v1/answers",
                           {{"topic", "Levering"},
                            {"nl", {{"title", "Wanneer?"}, {"body", "Op {{bezorg datum}}."}}},
                            {"en", {{"title", ""}, {"body", "Soon {{date"}}},
                            {"review_by", "2020-01-01T00:00:00Z"},
                            {"owner_user_id", 987654}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(Fields(bad), (std::set<std::string>{"nl.body", "en.title", "en.body", "review_by",
                                                "owner_user_id"}));
  auto unknown = client_->Post(
      "/api/v1/answers",
      {{"topic", "Levering"}, {"nl", {{"title", "Wanneer?"}, {"tekst", "x"}}}, {"extra", true}});
  EXPECT_EQ(Fields(unknown), (std::set<std::string>{"nl.body", "nl.tekst", "extra"}));
  EXPECT_EQ(client_->Get("/api/v1/answers/987654").status, 404);
  EXPECT_EQ(client_->Get("/api/v1/answers?state=lost").status, 400);
  EXPECT_EQ(client_->Send("POST", "/api/v1/answers", "{not json").status, 400);
  auto made = client_->Post(
      "/api/v1/answers",
      {{"topic", "Levering"}, {"en", {{"title", "When does it arrive?"}, {"body", "In 2 days."}}}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string url = "/api/v1/answers/" + std::to_string(made.Json()["id"].get<int64_t>());
  EXPECT_EQ(client_->Post(url + "/publish", {{"version", 1}}).status, 409)
      << "only a version in review is published";
  EXPECT_EQ(Fields(client_->Post(url + "/send-back", {{"version", 1}})),
            std::set<std::string>{"note"});
  EXPECT_EQ(client_->Post("/api/v1/answers/suggest", {{"text", "x"}, {"lang", "de"}}).status, 400);
  // An administrator may publish their own (a desk of one).
  ASSERT_EQ(client_->Post(url + "/submit", {{"version", 1}}).status, 200);
  EXPECT_EQ(client_->Post(url + "/publish", {{"version", 2}}).status, 200);
}

}  // namespace
}  // namespace luister::e2e
