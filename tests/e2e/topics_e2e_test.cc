// What customers ask about (C9) through the real server: questions that
// arrive before any topic exists wait without one; discovery groups them
// into candidates that a manager accepts, splits and merges; the labels
// train a model on request; a new question is placed on arrival within
// seconds and an agent corrects it with one call; the overview counts the
// topics' conversations and the drill-down lists them; bad input and
// missing permissions get precise errors. The demo desk shows a rising
// topic and its alert.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class TopicsTest : public ServerTest<TopicsTest> {
 protected:
  int64_t Department() {
    if (dept_ == 0) {
      auto d = client_->Post("/api/v1/departments", {{"name", "Onderwerpen"}});
      EXPECT_EQ(d.status, 201) << d.body;
      dept_ = d.Json().value("id", int64_t{0});
    }
    return dept_;
  }
  // A chat with the customer's question; its id.
  int64_t Ask(const std::string& text) {
    auto customer =
        client_->Post("/api/v1/customers", {{"name", "Vrager " + std::to_string(++n_)}});
    EXPECT_EQ(customer.status, 201) << customer.body;
    auto c = client_->Post("/api/v1/conversations", {{"customer_id", customer.Json()["id"]},
                                                     {"channel", "chat"},
                                                     {"subject", ""},
                                                     {"department_id", Department()}});
    EXPECT_EQ(c.status, 201) << c.body;
    const int64_t id = c.Json().value("id", int64_t{0});
    auto m = client_->Post("/api/v1/conversations/" + std::to_string(id) + "/messages",
                           {{"direction", "in"}, {"body_text", text}});
    EXPECT_EQ(m.status, 201) << m.body;
    return id;
  }
  json TopicOf(int64_t conversation) {
    auto r = client_->Get("/api/v1/conversations/" + std::to_string(conversation) + "/topic");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  // Polls `get` until `want` holds (the jobs run every few seconds).
  json When(const std::function<json()>& get, const std::function<bool(const json&)>& want) {
    json r;
    for (int i = 0; i < 300; ++i) {
      r = get();
      if (want(r)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return r;
  }
  // Runs a job to its end; its result.
  std::string Job(const HttpResponse& started) {
    EXPECT_EQ(started.status, 202) << started.body;
    const int64_t job = started.Json().value("job_id", int64_t{0});
    EXPECT_EQ(started.Header("location"), "/api/v1/jobs/" + std::to_string(job));
    json state = When([&] { return client_->Get("/api/v1/jobs/" + std::to_string(job)).Json(); },
                      [](const json& s) { return s["state"] == "done" || s["state"] == "failed"; });
    EXPECT_EQ(state["state"], "done") << state;
    auto result = client_->Get("/api/v1/jobs/" + std::to_string(job) + "/result");
    return result.body;
  }
  json Overview() {
    auto r = client_->Get("/api/v1/topics");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }

  static std::set<std::string> Fields(const HttpResponse& r) {
    std::set<std::string> out;
    const json problem = r.Json();
    for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
    return out;
  }
  static inline int64_t dept_ = 0;
  static inline int n_ = 0;
};

TEST_F(TopicsTest, DiscoveredTopicsAreAcceptedTrainedAndPlaceNewQuestionsOnArrival) {
  std::vector<int64_t> login, moving;
  for (int i = 0; i < 4; ++i) {
    login.push_back(Ask("Ik ben mijn wachtwoord vergeten en kan niet meer inloggen (" +
                        std::to_string(i) + ")"));
    moving.push_back(Ask("Ik ga verhuizen, hoe wijzig ik mijn adres? (" + std::to_string(i) + ")"));
  }
  // Without any topic, the questions wait without one.
  json waiting = When([&] { return TopicOf(moving.back()); },
                      [](const json& t) { return t["source"] == "classifier"; });
  EXPECT_TRUE(waiting["topic_id"].is_null()) << waiting;

  // Discovery proposes two candidates, one per theme, named by their words.
  const std::string discovered = Job(client_->Post("/api/v1/topics/discover", {{"k", 2}}));
  EXPECT_NE(discovered.find("proposed 2 candidate topics"), std::string::npos) << discovered;
  json overview = Overview();
  ASSERT_EQ(overview["candidates"].size(), 2u) << overview;
  std::map<std::string, json> by_theme;
  for (const json& c : overview["candidates"]) {
    EXPECT_EQ(c["size"], 4) << c;
    EXPECT_EQ(c["status"], "candidate");
    auto questions =
        client_->Get("/api/v1/topics/" + std::to_string(c["id"].get<int64_t>()) + "/conversations");
    ASSERT_EQ(questions.status, 200) << questions.body;
    ASSERT_EQ(questions.Json()["items"].size(), 4u);
    const std::string first = questions.Json()["items"][0]["question"];
    by_theme[first.find("wachtwoord") != std::string::npos ? "login" : "moving"] = c;
  }
  ASSERT_EQ(by_theme.size(), 2u) << overview["candidates"];
  // A question without a topic names the candidate it was put in.
  const json grouped = TopicOf(login[0]);
  EXPECT_TRUE(grouped["topic_id"].is_null());
  EXPECT_EQ(grouped["candidate"]["id"], by_theme["login"]["id"]) << grouped;

  // Accepted under names of our own: their questions become labels.
  const json& lc = by_theme["login"];
  auto accepted =
      client_->Post("/api/v1/topics/" + std::to_string(lc["id"].get<int64_t>()) + "/accept",
                    {{"version", lc["version"]}, {"name", "Inloggen"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const int64_t login_topic = accepted.Json()["id"];
  EXPECT_EQ(accepted.Json()["status"], "active");
  EXPECT_EQ(TopicOf(login[0])["topic_id"], login_topic);
  EXPECT_EQ(TopicOf(login[0])["source"], "discovery");
  const json& mc = by_theme["moving"];
  auto moved =
      client_->Post("/api/v1/topics/" + std::to_string(mc["id"].get<int64_t>()) + "/accept",
                    {{"version", mc["version"]}, {"name", "Verhuizen"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  const int64_t moving_topic = moved.Json()["id"];

  // Trained on request from the eight labels.
  const std::string trained = Job(client_->Post("/api/v1/topics/train", json::object()));
  EXPECT_NE(trained.find("trained model"), std::string::npos) << trained;
  EXPECT_NE(trained.find("8 labels of 2 topics"), std::string::npos) << trained;
  overview = Overview();
  ASSERT_TRUE(overview["model"].is_object()) << overview;
  EXPECT_EQ(overview["model"]["examples"], 8);

  // A new question is placed on arrival.
  const int64_t fresh = Ask("Help, inloggen lukt niet, ik weet mijn wachtwoord niet meer");
  json placed =
      When([&] { return TopicOf(fresh); }, [](const json& t) { return !t["topic_id"].is_null(); });
  EXPECT_EQ(placed["topic_id"], login_topic) << placed;
  EXPECT_EQ(placed["source"], "classifier");
  EXPECT_EQ(placed["topic_name"], "Inloggen");
  EXPECT_GE(placed["confidence"].get<double>(), 0.5);

  // An agent corrects it with one call; the classifier never moves it back.
  auto agent = TokenFor("agent");
  const std::string url = "/api/v1/conversations/" + std::to_string(fresh) + "/topic";
  auto corrected = agent->Put(url, {{"topic_id", moving_topic}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.Json()["source"], "agent");
  EXPECT_EQ(corrected.Json()["topic_name"], "Verhuizen");
  auto more = client_->Post("/api/v1/conversations/" + std::to_string(fresh) + "/messages",
                            {{"direction", "in"}, {"body_text", "wachtwoord inloggen wachtwoord"}});
  ASSERT_EQ(more.status, 201);
  std::this_thread::sleep_for(std::chrono::seconds(4));
  EXPECT_EQ(TopicOf(fresh)["topic_id"], moving_topic);

  // The overview counts them; the drill-down lists them.
  overview = Overview();
  int64_t login_volume = -1;
  for (const json& t : overview["topics"])
    if (t["id"] == login_topic) login_volume = t["effort"]["volume"];
  EXPECT_EQ(login_volume, 4) << overview;
  auto list =
      client_->Get("/api/v1/topics/" + std::to_string(moving_topic) + "/conversations?limit=2");
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.Json()["items"].size(), 2u);
  EXPECT_EQ(list.Json()["items"][0]["id"], fresh) << "newest first";
  ASSERT_TRUE(list.Json()["next_cursor"].is_string());
  auto rest = client_->Get(
      "/api/v1/topics/" + std::to_string(moving_topic) +
      "/conversations?limit=10&cursor=" + list.Json()["next_cursor"].get<std::string>());
  ASSERT_EQ(rest.status, 200) << rest.body;
  EXPECT_EQ(rest.Json()["items"].size(), 3u);

  // An active topic merges into another with its conversations.
  auto login_now = client_->Get("/api/v1/topics").Json();
  int version = 0;
  for (const json& t : login_now["topics"])
    if (t["id"] == login_topic) version = t["version"];
  auto merged = client_->Post("/api/v1/topics/" + std::to_string(login_topic) + "/merge",
                              {{"version", version}, {"into", moving_topic}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(TopicOf(login[1])["topic_id"], moving_topic);
}

TEST_F(TopicsTest, ACandidateIsSplitAndDismissed) {
  for (int i = 0; i < 4; ++i) {
    Ask("Mijn pakket is beschadigd aangekomen, de doos was kapot (" + std::to_string(i) + ")");
    Ask("Kan ik met een cadeaubon betalen in de webwinkel? (" + std::to_string(i) + ")");
  }
  // One candidate for all eight, then split by its questions.
  When([&] { return Overview(); },
       [](const json& o) { return o["counts"]["unclassified"].get<int64_t>() >= 8; });
  Job(client_->Post("/api/v1/topics/discover", {{"k", 1}}));
  json overview = Overview();
  ASSERT_EQ(overview["candidates"].size(), 1u) << overview;
  const json c = overview["candidates"][0];
  const std::string base = "/api/v1/topics/" + std::to_string(c["id"].get<int64_t>());
  EXPECT_EQ(client_->Post(base + "/split", {{"version", c["version"].get<int>() + 1}}).status, 409);
  auto split = client_->Post(base + "/split", {{"version", c["version"]}});
  ASSERT_EQ(split.status, 200) << split.body;
  ASSERT_EQ(split.Json()["items"].size(), 2u);
  const json parts = split.Json()["items"];
  for (const json& part : parts) {
    auto questions = client_->Get("/api/v1/topics/" + std::to_string(part["id"].get<int64_t>()) +
                                  "/conversations");
    std::set<bool> themes;
    const json items = questions.Json()["items"];
    for (const json& q : items)
      themes.insert(q["question"].get<std::string>().find("pakket") != std::string::npos);
    EXPECT_EQ(themes.size(), 1u) << "a part mixes both themes: " << questions.body;
  }
  const json part = split.Json()["items"][0];
  const std::string part_url = "/api/v1/topics/" + std::to_string(part["id"].get<int64_t>());
  auto dismissed = client_->Post(part_url + "/dismiss", {{"version", part["version"]}});
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.Json()["status"], "dismissed");
  EXPECT_EQ(client_->Post(part_url + "/dismiss", {{"version", dismissed.Json()["version"]}}).status,
            400)
      << "only a candidate is dismissed";
}

TEST_F(TopicsTest, BadInputAndMissingPermissionsGetPreciseErrors) {
  auto created = client_->Post("/api/v1/topics", {{"name", "Retouren"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = created.Json()["id"];
  const std::string url = "/api/v1/topics/" + std::to_string(id);

  auto taken = client_->Post("/api/v1/topics", {{"name", " retouren "}});
  EXPECT_EQ(taken.status, 409) << taken.body;
  EXPECT_EQ(taken.Header("content-type"), "application/problem+json");
  auto bad =
      client_->Post("/api/v1/topics", {{"name", 5}, {"colour", "red"}, {"owner_user_id", "x"}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(Fields(bad), (std::set<std::string>{"name", "colour", "owner_user_id"}));
  auto long_name = client_->Post("/api/v1/topics", {{"name", std::string(121, 'a')}});
  EXPECT_EQ(long_name.status, 400);
  EXPECT_EQ(Fields(long_name), std::set<std::string>{"name"});
  auto no_owner = client_->Post("/api/v1/topics", {{"name", "Zonder"}, {"owner_user_id", 999999}});
  EXPECT_EQ(no_owner.status, 400) << no_owner.body;
  EXPECT_EQ(Fields(no_owner), std::set<std::string>{"owner_user_id"});
  EXPECT_EQ(
      client_->Send("POST", "/api/v1/topics", "{not json", {{"content-type", "application/json"}})
          .status,
      400);

  EXPECT_EQ(client_->Patch(url, {{"version", 2}, {"name", "Oud"}}).status, 409) << "stale";
  EXPECT_EQ(Fields(client_->Patch(url, {{"name", "Oud"}})), std::set<std::string>{"version"});
  EXPECT_EQ(client_->Patch("/api/v1/topics/999999", {{"version", 1}}).status, 404);
  auto renamed = client_->Patch(url, {{"version", 1}, {"name", "Retour en ruil"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["name"], "Retour en ruil");
  EXPECT_EQ(client_->Post(url + "/merge", {{"version", 2}, {"into", id}}).status, 400);
  EXPECT_EQ(Fields(client_->Post(url + "/merge", {{"version", 2}, {"into", 999999}})),
            std::set<std::string>{"into"});
  EXPECT_EQ(client_->Post(url + "/accept", {{"version", 2}}).status, 400) << "not a candidate";
  EXPECT_EQ(client_->Post(url + "/split", {{"version", 2}}).status, 400);
  EXPECT_EQ(client_->Post("/api/v1/topics/discover", {{"k", -1}}).status, 400);
  EXPECT_EQ(client_->Post("/api/v1/topics/train", {{"now", true}}).status, 400);
  EXPECT_EQ(client_->Get("/api/v1/topics?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z").status,
            400);
  EXPECT_EQ(client_->Get("/api/v1/topics/abc/conversations").status, 404);

  const int64_t conv = Ask("Hoe ruil ik mijn bestelling?");
  const std::string topic_url = "/api/v1/conversations/" + std::to_string(conv) + "/topic";
  EXPECT_EQ(client_->Put(topic_url, {{"topic_id", "x"}}).status, 400);
  EXPECT_EQ(Fields(client_->Put(topic_url, {{"topic_id", 999999}})),
            std::set<std::string>{"topic_id"});
  EXPECT_EQ(client_->Put("/api/v1/conversations/999999/topic", {{"topic_id", id}}).status, 404);
  auto cleared = client_->Put(topic_url, {{"topic_id", nullptr}});
  ASSERT_EQ(cleared.status, 200) << cleared.body;
  EXPECT_TRUE(cleared.Json()["topic_id"].is_null());
  EXPECT_EQ(cleared.Json()["source"], "agent");

  // Agents read and correct; only managers and admins define and train.
  auto agent = TokenFor("agent");
  EXPECT_EQ(agent->Get("/api/v1/topics").status, 200);
  EXPECT_EQ(agent->Post("/api/v1/topics", {{"name", "Agenten"}}).status, 403);
  EXPECT_EQ(agent->Post("/api/v1/topics/train", json::object()).status, 403);
  EXPECT_EQ(agent->Patch(url, {{"version", 2}, {"name", "X"}}).status, 403);
  EXPECT_EQ(agent->Put(topic_url, {{"topic_id", id}}).status, 200);
  auto phone = TokenFor("phone_integration");
  EXPECT_EQ(phone->Get("/api/v1/topics").status, 403);
  EXPECT_EQ(phone->Put(topic_url, {{"topic_id", id}}).status, 403);
  auto manager = TokenFor("manager");
  EXPECT_EQ(manager->Post("/api/v1/topics", {{"name", "Managers"}}).status, 201);
}

TEST(DemoTopicsTest, TheDemoDeskHasTopicsAModelCandidatesAndARisingTopic) {
  auto server = LuisterProcess::WithDemoDesk({"--customers", "200", "--conversations", "1500"});
  HttpClient client(server->port());
  ASSERT_EQ(client.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  auto got = client.Get("/api/v1/topics");
  ASSERT_EQ(got.status, 200) << got.body;
  const json overview = got.Json();
  EXPECT_EQ(overview["topics"].size(), 8u);
  ASSERT_TRUE(overview["model"].is_object()) << overview["model"];
  EXPECT_GT(overview["model"]["examples"].get<int64_t>(), 100);
  EXPECT_FALSE(overview["candidates"].empty());
  int64_t volume = 0;
  bool drivers = false;
  for (const json& t : overview["topics"]) {
    volume += t["effort"]["volume"].get<int64_t>();
    drivers |= !t["drivers"].empty();
    EXPECT_EQ(t["weekly"].size(), 12u);
  }
  EXPECT_GT(volume, 300);
  EXPECT_TRUE(drivers) << "some topic is harder than the median";
  auto alerts = client.Get("/api/v1/topics/alerts");
  ASSERT_EQ(alerts.status, 200);
  bool invoices = false;
  const json items = alerts.Json()["items"];
  for (const json& a : items) invoices |= a["topic_name"] == "Factuur";
  EXPECT_TRUE(invoices) << "this week's invoice questions rise: " << alerts.body;
}

}  // namespace
}  // namespace luister::e2e
