// Contact volume and staffing (C8) through the real server: contacts from
// the API and the telephone system land in the quarter-hour rollups within
// seconds and come back as an hour × weekday heatmap with their waits; the
// staffing question is answered by Erlang C; bad questions are named.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class StaffingTest : public ServerTest<StaffingTest> {
 protected:
  // A client with the API token of a new user in `role`.
  std::unique_ptr<HttpClient> TokenFor(const std::string& role) {
    const std::string email =
        role + "." + std::to_string(++users_) + "." + Seed() + "@staff.example";
    auto u = client_->Post("/api/v1/users", {{"email", email},
                                             {"name", "Staffing " + role},
                                             {"role", role},
                                             {"password", "mango-tram-lantaarn-3"}});
    EXPECT_EQ(u.status, 201) << u.body;
    auto t = client_->Post("/api/v1/api-tokens", {{"name", role}, {"user_id", u.Json()["id"]}});
    EXPECT_EQ(t.status, 201) << t.body;
    auto c = std::make_unique<HttpClient>(server_->port());
    c->UseBearer(t.Json()["token"].get<std::string>());
    return c;
  }
  static std::string Seed() {
    return std::to_string(::testing::UnitTest::GetInstance()->random_seed());
  }
  // The heatmap once it holds `want` (the job runs every few seconds).
  json HeatmapWhen(HttpClient& c, const std::string& query,
                   const std::function<bool(const json&)>& want) {
    json r;
    for (int i = 0; i < 200; ++i) {
      auto got = c.Get("/api/v1/volume/heatmap?" + query);
      EXPECT_EQ(got.status, 200) << got.body;
      r = got.Json();
      if (want(r)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return r;
  }
  static inline int users_ = 0;
};

TEST_F(StaffingTest, ContactsAndWaitsFromEveryDoorLandInTheHeatmap) {
  auto agent = TokenFor("agent");
  auto pbx = TokenFor("phone_integration");
  // Two calls on Thursday 3 December 2026 at 09:00 and 09:05 (UTC): one
  // answered after 65 s and talked for 390 s, one given up after 40 s.
  json answered = {{"call_id", "staff-a-" + Seed()},
                   {"from", "+31 6 2718 2818"},
                   {"to", "020 555 0100"},
                   {"line", "Klantenservice"},
                   {"started_at", "2026-12-03T09:00:00Z"},
                   {"answered_at", "2026-12-03T09:01:05Z"},
                   {"ended_at", "2026-12-03T09:07:35Z"},
                   {"outcome", "answered"}};
  ASSERT_EQ(pbx->Post("/api/v1/channels/phone/calls", answered).status, 201);
  json gave_up = {{"call_id", "staff-b-" + Seed()},
                  {"from", "+31 6 1618 0339"},
                  {"to", "020 555 0100"},
                  {"line", "Klantenservice"},
                  {"started_at", "2026-12-03T09:05:00Z"},
                  {"ended_at", "2026-12-03T09:05:40Z"},
                  {"outcome", "abandoned"}};
  auto r = pbx->Post("/api/v1/channels/phone/calls", gave_up);
  ASSERT_EQ(r.status, 201) << r.body;

  const std::string week = "from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z&tz=UTC";
  const json calls = HeatmapWhen(*agent, week + "&channel=phone", [](const json& m) {
    return m["total"]["calls_offered"].get<int64_t>() >= 2;
  });
  EXPECT_EQ(calls["weeks"], 1);
  ASSERT_EQ(calls["cells"].size(), 7u * 24u);
  const json& thursday9 = calls["cells"][3 * 24 + 9];
  EXPECT_EQ(thursday9["weekday"], 4);
  EXPECT_EQ(thursday9["hour"], 9);
  EXPECT_EQ(thursday9["calls_offered"], 2) << thursday9;
  EXPECT_EQ(thursday9["calls_answered"], 1);
  EXPECT_EQ(thursday9["calls_abandoned"], 1);
  EXPECT_DOUBLE_EQ(thursday9["abandon_rate"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(thursday9["avg_wait_seconds"].get<double>(), 52.5);
  EXPECT_DOUBLE_EQ(thursday9["avg_handle_seconds"].get<double>(), 390);
  EXPECT_EQ(calls["cells"][3 * 24 + 10]["calls_offered"], 0);
  // The same calls in Amsterdam's time: an hour later.
  auto local = agent->Get(
      "/api/v1/volume/heatmap?from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z"
      "&tz=Europe/Amsterdam&channel=phone");
  ASSERT_EQ(local.status, 200) << local.body;
  EXPECT_EQ(local.Json()["cells"][3 * 24 + 10]["calls_offered"], 2) << local.body;

  // A conversation opened now in a department of its own, a message from the
  // customer and the agent's answer: opened, in, replied, a first response.
  auto dept = client_->Post("/api/v1/departments", {{"name", "Planning " + Seed()}});
  ASSERT_EQ(dept.status, 201) << dept.body;
  const int64_t department = dept.Json()["id"];
  auto customer = agent->Post("/api/v1/customers", {{"name", "Volume Klant " + Seed()}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  auto conv = agent->Post("/api/v1/conversations", {{"customer_id", customer.Json()["id"]},
                                                    {"channel", "email"},
                                                    {"subject", "Levering"},
                                                    {"department_id", department}});
  ASSERT_EQ(conv.status, 201) << conv.body;
  const std::string messages =
      "/api/v1/conversations/" + std::to_string(conv.Json()["id"].get<int64_t>()) + "/messages";
  ASSERT_EQ(agent->Post(messages, {{"direction", "in"}, {"body_text", "Waar blijft mijn pakket?"}})
                .status,
            201);
  ASSERT_EQ(agent->Post(messages, {{"direction", "out"}, {"body_text", "Het komt morgen."}}).status,
            201);
  const std::string mine = "department_id=" + std::to_string(department) + "&tz=UTC";
  const json desk = HeatmapWhen(
      *agent, mine, [](const json& m) { return m["total"]["replies"].get<int64_t>() >= 1; });
  EXPECT_EQ(desk["total"]["opened"], 1) << desk["total"];
  EXPECT_EQ(desk["total"]["contacts"], 1);
  EXPECT_EQ(desk["total"]["messages_in"], 1);
  EXPECT_EQ(desk["total"]["replies"], 1);
  EXPECT_EQ(desk["total"]["calls_offered"], 0);
  ASSERT_TRUE(desk["total"]["avg_first_response_seconds"].is_number()) << desk["total"];
  EXPECT_GE(desk["total"]["avg_first_response_seconds"].get<double>(), 0);
  EXPECT_LT(desk["total"]["avg_first_response_seconds"].get<double>(), 120);
  int64_t opened = 0;
  for (const json& c : desk["cells"]) opened += c["opened"].get<int64_t>();
  EXPECT_EQ(opened, 1);
  // Another department saw none of it.
  auto other = client_->Post("/api/v1/departments", {{"name", "Elders " + Seed()}});
  auto none = agent->Get("/api/v1/volume/heatmap?department_id=" +
                         std::to_string(other.Json()["id"].get<int64_t>()));
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(none.Json()["total"]["contacts"], 0);
  EXPECT_TRUE(none.Json()["total"]["avg_wait_seconds"].is_null());
}

TEST_F(StaffingTest, TheStaffingQuestionIsAnsweredByErlangCAndBadQuestionsAreNamed) {
  auto agent = TokenFor("agent");
  auto plan = agent->Get(
      "/api/v1/staffing?calls=100&interval_minutes=30&aht_seconds=180&target_seconds=20&"
      "service_level=80&shrinkage=30");
  ASSERT_EQ(plan.status, 200) << plan.body;
  const json p = plan.Json();
  EXPECT_EQ(p["erlangs"], 10.0);
  EXPECT_EQ(p["required"], 14);
  EXPECT_EQ(p["required_with_shrinkage"], 20);
  bool saw = false;
  for (const json& row : p["rows"])
    if (row["agents"] == 14) {
      saw = true;
      EXPECT_NEAR(row["service_level"].get<double>(), 0.8884, 5e-5);
    }
  EXPECT_TRUE(saw);
  auto patient = agent->Get(
      "/api/v1/staffing?calls=100&aht_seconds=180&service_level=0.8&patience_seconds=60&agents=12");
  ASSERT_EQ(patient.status, 200) << patient.body;
  ASSERT_EQ(patient.Json()["rows"].size(), 1u);
  EXPECT_GT(patient.Json()["rows"][0]["p_abandon"].get<double>(), 0.05);

  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"calls=abc&aht_seconds=180", "calls"},
           {"calls=100", "aht_seconds"},
           {"calls=100&aht_seconds=180&agents=-2", "agents"}}) {
    auto bad = agent->Get("/api/v1/staffing?" + query);
    EXPECT_EQ(bad.status, 400) << query << " " << bad.body;
    EXPECT_NE(bad.body.find(field), std::string::npos) << bad.body;
    EXPECT_NE(bad.Header("content-type").find("application/problem+json"), std::string::npos);
  }
  auto unreachable = agent->Get("/api/v1/staffing?calls=100&aht_seconds=180&service_level=100");
  EXPECT_EQ(unreachable.status, 400) << unreachable.body;
  EXPECT_NE(unreachable.body.find("service level"), std::string::npos) << unreachable.body;

  auto zone = agent->Get("/api/v1/volume/heatmap?tz=Mars/Olympus");
  EXPECT_EQ(zone.status, 400) << zone.body;
  EXPECT_NE(zone.body.find("tz"), std::string::npos);
  auto backwards =
      agent->Get("/api/v1/volume/heatmap?from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z");
  EXPECT_EQ(backwards.status, 400) << backwards.body;

  HttpClient anonymous(server_->port());
  EXPECT_EQ(anonymous.Get("/api/v1/staffing?calls=1&aht_seconds=1").status, 401);
  EXPECT_EQ(anonymous.Get("/api/v1/volume/heatmap").status, 401);
}

}  // namespace
}  // namespace luister::e2e
