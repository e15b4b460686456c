// Contact volume and staffing (C8) through the real server: contacts from
// the API and the telephone system land in the quarter-hour rollups within
// seconds and come back as an hour × weekday heatmap with their waits; the
// staffing question is answered by Erlang C; five weeks of calls give a
// forecast with its back-test and a plan per interval that counts the
// shifts a planner imported; bad questions and bad CSV are named.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class StaffingTest : public ServerTest<StaffingTest> {
 protected:
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
  // India is 5:30 ahead: its hours are read from the quarters (09:00 UTC is
  // 14:30), and a range cut at a quarter past counts the quarters at its
  // edges, not the whole hours around them.
  auto kolkata = agent->Get(
      "/api/v1/volume/heatmap?from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z"
      "&tz=Asia/Kolkata&channel=phone");
  ASSERT_EQ(kolkata.status, 200) << kolkata.body;
  EXPECT_EQ(kolkata.Json()["cells"][3 * 24 + 14]["calls_offered"], 2) << kolkata.body;
  EXPECT_EQ(kolkata.Json()["total"], calls["total"]);
  auto cut = agent->Get(
      "/api/v1/volume/heatmap?from=2026-11-30T00:00:00Z&to=2026-12-03T09:15:00Z&tz=UTC"
      "&channel=phone");
  ASSERT_EQ(cut.status, 200) << cut.body;
  EXPECT_EQ(cut.Json()["total"]["calls_offered"], 2) << cut.body;
  auto before = agent->Get(
      "/api/v1/volume/heatmap?from=2026-11-30T00:00:00Z&to=2026-12-03T09:00:00Z&tz=UTC"
      "&channel=phone");
  ASSERT_EQ(before.status, 200) << before.body;
  EXPECT_EQ(before.Json()["total"]["calls_offered"], 0) << before.body;
  auto after = agent->Get(
      "/api/v1/volume/heatmap?from=2026-12-03T09:15:00Z&to=2026-12-07T00:00:00Z&tz=UTC"
      "&channel=phone");
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(after.Json()["total"]["calls_offered"], 0) << after.body;

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

// Every door, also those without a known customer: a call from a withheld
// number in the PBX's queue, a walk-in at a shop, a conversation of a
// customer in a segment; each is found by its queue, location or segment.
// A repair recounts the days and finds the same.
TEST_F(StaffingTest, AnonymousCallsWalkInsAndSegmentsAreCountedWhereTheyCameAndARepairAgrees) {
  auto agent = TokenFor("agent");
  auto manager = TokenFor("manager");
  auto pbx = TokenFor("phone_integration");
  auto dept = client_->Post("/api/v1/departments", {{"name", "Deuren " + Seed()}});
  ASSERT_EQ(dept.status, 201) << dept.body;
  const int64_t department = dept.Json()["id"];
  auto queue =
      client_->Post("/api/v1/queues", {{"name", "Lijn " + Seed()}, {"department_id", department}});
  ASSERT_EQ(queue.status, 201) << queue.body;
  const int64_t queue_id = queue.Json()["id"];

  json withheld = {{"call_id", "staff-anon-" + Seed()},
                   {"from", "anonymous"},
                   {"to", "020 555 0100"},
                   {"line", "Klantenservice"},
                   {"queue_id", queue_id},
                   {"started_at", "2026-12-02T14:10:00Z"},
                   {"ended_at", "2026-12-02T14:11:30Z"},
                   {"outcome", "abandoned"}};
  auto r = pbx->Post("/api/v1/channels/phone/calls", withheld);
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string week = "from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z&tz=UTC";
  const std::string by_queue = week + "&queue_id=" + std::to_string(queue_id);
  json m = HeatmapWhen(*agent, by_queue, [](const json& h) {
    return h["total"]["calls_offered"].get<int64_t>() >= 1;
  });
  const json wednesday14 = m["cells"][2 * 24 + 14];
  EXPECT_EQ(wednesday14["calls_offered"], 1) << m["total"];
  EXPECT_EQ(wednesday14["calls_abandoned"], 1);
  EXPECT_DOUBLE_EQ(wednesday14["avg_wait_seconds"].get<double>(), 90);
  // The queue's department has it too.
  auto by_department =
      agent->Get("/api/v1/volume/heatmap?" + week + "&department_id=" + std::to_string(department));
  ASSERT_EQ(by_department.status, 200);
  EXPECT_EQ(by_department.Json()["total"]["calls_offered"], 1) << by_department.body;

  // A walk-in at a shop of the department, by a customer in a segment of
  // their own.
  const std::string segment = "winkelier-" + Seed();
  auto customer =
      agent->Post("/api/v1/customers", {{"name", "Deur Klant " + Seed()}, {"segment", segment}});
  ASSERT_EQ(customer.status, 201) << customer.body;
  auto shop = client_->Post("/api/v1/locations",
                            {{"department_id", department}, {"name", "Winkel " + Seed()}});
  ASSERT_EQ(shop.status, 201) << shop.body;
  const int64_t location = shop.Json()["id"];
  auto visit = agent->Post("/api/v1/walk-ins", {{"location_id", location},
                                                {"customer_id", customer.Json()["id"]},
                                                {"question", "Past deze lader op mijn fiets?"}});
  ASSERT_EQ(visit.status, 201) << visit.body;
  const std::string at_shop = "tz=UTC&location_id=" + std::to_string(location);
  m = HeatmapWhen(*agent, at_shop,
                  [](const json& h) { return h["total"]["opened"].get<int64_t>() >= 1; });
  EXPECT_EQ(m["total"]["opened"], 1) << m["total"];
  EXPECT_EQ(m["total"]["calls_offered"], 0);
  m = HeatmapWhen(*agent, "tz=UTC&segment=" + segment,
                  [](const json& h) { return h["total"]["opened"].get<int64_t>() >= 1; });
  EXPECT_EQ(m["total"]["opened"], 1) << m["total"];
  // The filter offers the segments counted.
  auto segments = agent->Get("/api/v1/volume/segments");
  ASSERT_EQ(segments.status, 200) << segments.body;
  const auto listed = segments.Json()["items"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(listed.begin(), listed.end(), segment), listed.end()) << segments.body;
  EXPECT_TRUE(std::is_sorted(listed.begin(), listed.end()));
  EXPECT_EQ(std::find(listed.begin(), listed.end(), ""), listed.end());
  auto nobody = agent->Get("/api/v1/volume/heatmap?tz=UTC&segment=none-" + Seed());
  ASSERT_EQ(nobody.status, 200);
  EXPECT_EQ(nobody.Json()["total"]["contacts"], 0);
  EXPECT_EQ(agent->Get("/api/v1/volume/heatmap?location_id=x").status, 400);

  // A repair of the week recounts it from the sources: the same figures.
  EXPECT_EQ(agent
                ->Post("/api/v1/volume/repair",
                       {{"from", "2026-11-30T00:00:00Z"}, {"to", "2026-12-07T00:00:00Z"}})
                .status,
            403);
  EXPECT_EQ(manager
                ->Post("/api/v1/volume/repair",
                       {{"from", "2026-12-07T00:00:00Z"}, {"to", "2026-11-30T00:00:00Z"}})
                .status,
            400);
  EXPECT_EQ(manager->Post("/api/v1/volume/repair", {{"from", "yesterday"}}).status, 400);
  auto repair = manager->Post("/api/v1/volume/repair",
                              {{"from", "2026-11-30T00:00:00Z"}, {"to", "2026-12-07T00:00:00Z"}});
  ASSERT_EQ(repair.status, 202) << repair.body;
  const std::string job = "/api/v1/jobs/" + std::to_string(repair.Json()["id"].get<int64_t>());
  json state;
  for (int i = 0; i < 200; ++i) {
    state = client_->Get(job).Json();
    if (state["state"] == "done" || state["state"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(state["state"], "done") << state;
  auto again = agent->Get("/api/v1/volume/heatmap?" + by_queue);
  ASSERT_EQ(again.status, 200);
  const json after = again.Json();
  EXPECT_EQ(after["cells"][2 * 24 + 14]["calls_offered"], 1) << after["total"];
  EXPECT_DOUBLE_EQ(after["cells"][2 * 24 + 14]["avg_wait_seconds"].get<double>(), 90);
}

// "YYYY-MM-DD" of the UTC day `days` after today.
std::string UtcDate(int days) {
  const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                   std::chrono::days(days);
  const std::chrono::year_month_day ymd{day};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return out;
}

TEST_F(StaffingTest, FiveWeeksOfCallsGiveAForecastAndAPlanAgainstTheShiftsImported) {
  auto agent = TokenFor("agent");
  auto manager = TokenFor("manager");
  auto pbx = TokenFor("phone_integration");
  auto dept = client_->Post("/api/v1/departments", {{"name", "Telefoon " + Seed()}});
  ASSERT_EQ(dept.status, 201) << dept.body;
  const std::string department = std::to_string(dept.Json()["id"].get<int64_t>());
  // Two days ahead the department is closed: a holiday for the forecast.
  json closed_week = json::object();
  for (const char* day :
       {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
    closed_week[day] = json::array({{{"from", "00:00"}, {"to", "24:00"}}});
  auto hours = client_->Put("/api/v1/departments/" + department + "/hours",
                            {{"time_zone", "UTC"},
                             {"public_holidays", nullptr},
                             {"week", closed_week},
                             {"closed_dates", {UtcDate(2)}}});
  ASSERT_EQ(hours.status, 200) << hours.body;

  // 35 days of calls at 03:00-03:30 UTC, when no other test calls: more on
  // weekdays than at the weekend; each answered after 30 s, talked 200 s.
  std::map<std::string, int> posted;
  for (int d = -35; d <= -1; ++d) {
    const std::string date = UtcDate(d);
    const auto day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) +
                     std::chrono::days(d);
    const unsigned weekday = std::chrono::weekday(day).iso_encoding();
    const int calls = weekday >= 6 ? 1 : 3;
    for (int i = 0; i < calls; ++i) {
      char at[64], answered[64], ended[64];
      std::snprintf(at, sizeof at, "%sT03:%02d:00Z", date.c_str(), i * 5);
      std::snprintf(answered, sizeof answered, "%sT03:%02d:30Z", date.c_str(), i * 5);
      std::snprintf(ended, sizeof ended, "%sT03:%02d:50Z", date.c_str(), i * 5 + 3);
      json call = {{"call_id", "plan-" + Seed() + "-" + date + "-" + std::to_string(i)},
                   {"from", "+31 6 4000 " + std::to_string(1000 + i)},
                   {"to", "020 555 0100"},
                   {"line", "Klantenservice"},
                   {"started_at", at},
                   {"answered_at", answered},
                   {"ended_at", ended},
                   {"outcome", "answered"}};
      auto r = pbx->Post("/api/v1/channels/phone/calls", call);
      ASSERT_EQ(r.status, 201) << r.body;
    }
    posted[date] = calls;
  }
  // The rollup job has read them once the heatmap shows them all.
  HeatmapWhen(*agent, "from=" + UtcDate(-35) + "T00:00:00Z&tz=UTC&channel=phone",
              [](const json& m) {
                int64_t at3 = 0;
                for (const json& c : m["cells"])
                  if (c["hour"] == 3) at3 += c["calls_offered"].get<int64_t>();
                return at3 >= 5 * 17;
              });

  const std::string about = "tz=UTC&channel=phone&history_weeks=5&horizon_days=7";
  auto forecast = agent->Get("/api/v1/volume/forecast?" + about + "&department_id=" + department);
  ASSERT_EQ(forecast.status, 200) << forecast.body;
  json f = forecast.Json();
  EXPECT_EQ(f["history_days"], 35);
  EXPECT_EQ(f["history_from"], UtcDate(-35));
  ASSERT_EQ(f["days"].size(), 7u);
  ASSERT_EQ(f["intervals"].size(), 7u * 48u);
  EXPECT_EQ(f["days"][0]["date"], UtcDate(0));
  EXPECT_EQ(f["days"][2]["holiday"], "Closed") << f["days"];
  EXPECT_TRUE(f["days"][1]["holiday"].is_null());
  // The calls had no department: per department, the history is empty.
  for (const json& h : f["history"]) EXPECT_EQ(h["contacts"], 0) << h;

  forecast = agent->Get("/api/v1/volume/forecast?" + about);
  ASSERT_EQ(forecast.status, 200) << forecast.body;
  f = forecast.Json();
  for (const json& h : f["history"]) EXPECT_GE(h["contacts"].get<int>(), posted[h["date"]]) << h;
  EXPECT_TRUE(f["method"] == "weekday_trend" || f["method"] == "seasonal_naive") << f["method"];
  ASSERT_TRUE(f["backtest"].is_object()) << f["backtest"];
  EXPECT_EQ(f["backtest"]["origins"], 7);
  EXPECT_EQ(f["backtest"]["horizons"].size(), 7u);
  EXPECT_EQ(f["backtest"]["beats_baseline"],
            f["backtest"]["wape"].get<double>() <= f["backtest"]["naive_wape"].get<double>());
  // Tomorrow's 03:00 interval expects calls; the one at 15:00 none of these.
  const json& tomorrow3 = f["intervals"][48 + 6];
  EXPECT_EQ(tomorrow3["start"], UtcDate(1) + "T03:00:00.000Z");
  EXPECT_GT(tomorrow3["expected"].get<double>(), 0.5) << tomorrow3;
  EXPECT_GE(tomorrow3["high"].get<double>(), tomorrow3["expected"].get<double>());
  EXPECT_LE(tomorrow3["low"].get<double>(), tomorrow3["expected"].get<double>());

  // A planner imports tomorrow's early shift; an agent may not.
  const std::string csv = "date,start,end,agents,channel,label\n" + UtcDate(1) +
                          ",02:00,06:00,3,phone,Vroege dienst\n" + UtcDate(1) +
                          ",22:00,02:00,1,,Nachtdienst\n";
  const std::vector<std::pair<std::string, std::string>> as_csv = {{"Content-Type", "text/csv"}};
  EXPECT_EQ(agent->Send("POST", "/api/v1/staffing/shifts/import?tz=UTC", csv, as_csv).status, 403);
  auto imported = manager->Send("POST", "/api/v1/staffing/shifts/import?tz=UTC", csv, as_csv);
  ASSERT_EQ(imported.status, 201) << imported.body;
  EXPECT_EQ(imported.Json()["imported"], 2);
  auto listed = agent->Get("/api/v1/staffing/shifts?from=" + UtcDate(1) +
                           "T00:00:00Z&to=" + UtcDate(3) + "T00:00:00Z");
  ASSERT_EQ(listed.status, 200) << listed.body;
  json early, night;
  const json items = listed.Json()["items"];
  for (const json& s : items) {
    if (s["label"] == "Vroege dienst") early = s;
    if (s["label"] == "Nachtdienst") night = s;
  }
  ASSERT_TRUE(early.is_object()) << listed.body;
  EXPECT_EQ(early["starts_at"], UtcDate(1) + "T02:00:00.000Z");
  EXPECT_EQ(early["agents"], 3);
  EXPECT_EQ(early["channel"], "phone");
  ASSERT_TRUE(night.is_object()) << listed.body;
  EXPECT_EQ(night["ends_at"], UtcDate(2) + "T02:00:00.000Z");  // past midnight
  EXPECT_TRUE(night["channel"].is_null());

  // The plan: 03:00 tomorrow needs an agent and has the early shift's 3.
  auto plan = agent->Get("/api/v1/staffing/plan?" + about +
                         "&target_seconds=20&service_level=80&shrinkage=30");
  ASSERT_EQ(plan.status, 200) << plan.body;
  json p = plan.Json();
  EXPECT_EQ(p["aht_measured"], true);
  EXPECT_GT(p["aht_seconds"].get<double>(), 150);  // 200 s for these, whatever else came
  EXPECT_DOUBLE_EQ(p["shrinkage"].get<double>(), 0.3);
  ASSERT_EQ(p["intervals"].size(), 7u * 48u);
  const json& need3 = p["intervals"][48 + 6];
  EXPECT_EQ(need3["start"], UtcDate(1) + "T03:00:00.000Z");
  EXPECT_GE(need3["required"].get<int>(), 1) << need3;
  EXPECT_GE(need3["required_with_shrinkage"].get<int>(), need3["required"].get<int>());
  EXPECT_EQ(need3["scheduled"], 3);
  EXPECT_TRUE(need3["status"] == "ok" || need3["status"] == "over") << need3;
  EXPECT_TRUE(need3["online"].is_null());
  // 12:00 tomorrow: nobody scheduled; under where anything is expected.
  const json& noon = p["intervals"][48 + 24];
  EXPECT_EQ(noon["scheduled"], 0);
  const bool short_at_noon =
      noon["required_with_shrinkage"].get<int>() > 0 && noon["high"].get<double>() >= 1;
  EXPECT_EQ(noon["status"], short_at_noon ? "under" : "ok") << noon;
  EXPECT_EQ(p["intervals"][48 + 46]["scheduled"], 1);  // the night shift, 23:00
  EXPECT_GT(p["totals"]["agent_hours_scheduled"].get<double>(), 0);
  // A higher service level never needs fewer agents.
  auto stricter =
      agent->Get("/api/v1/staffing/plan?" + about + "&service_level=95&target_seconds=5");
  ASSERT_EQ(stricter.status, 200) << stricter.body;
  EXPECT_GE(stricter.Json()["intervals"][48 + 6]["required"].get<int>(),
            need3["required"].get<int>());

  // One shift by hand, then removed.
  auto one = manager->Post("/api/v1/staffing/shifts", {{"starts_at", UtcDate(3) + "T08:00:00Z"},
                                                       {"ends_at", UtcDate(3) + "T12:00:00Z"},
                                                       {"agents", 2},
                                                       {"department_id", dept.Json()["id"]}});
  ASSERT_EQ(one.status, 201) << one.body;
  const std::string shift =
      "/api/v1/staffing/shifts/" + std::to_string(one.Json()["id"].get<int64_t>());
  EXPECT_EQ(agent->Delete(shift).status, 403);
  EXPECT_EQ(manager->Delete(shift).status, 204);
  EXPECT_EQ(manager->Delete(shift).status, 404);

  // Bad CSV: every bad line named, nothing imported.
  const std::string bad = "date,start,end,agents\n" + UtcDate(4) + ",09:00,17:00,2\n" +
                          "2026-02-30,09:00,17:00,2\n" + UtcDate(4) + ",25:00,17:00,x\n";
  auto refused = manager->Send("POST", "/api/v1/staffing/shifts/import", bad, as_csv);
  ASSERT_EQ(refused.status, 400) << refused.body;
  std::set<std::string> fields;
  const json refusals = refused.Json()["errors"];
  for (const json& e : refusals) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"line 3: date", "line 4: start", "line 4: agents"}))
      << refused.body;
  auto after = agent->Get("/api/v1/staffing/shifts?from=" + UtcDate(4) +
                          "T00:00:00Z&to=" + UtcDate(5) + "T00:00:00Z");
  EXPECT_EQ(after.Json()["items"].size(), 0u) << after.body;
  EXPECT_EQ(manager->Send("POST", "/api/v1/staffing/shifts/import", "agents\n1\n", as_csv).status,
            400);
  EXPECT_EQ(manager->Post("/api/v1/staffing/shifts/import", {{"date", "x"}}).status, 400);
  auto backwards =
      manager->Post("/api/v1/staffing/shifts", {{"starts_at", UtcDate(3) + "T12:00:00Z"},
                                                {"ends_at", UtcDate(3) + "T08:00:00Z"},
                                                {"agents", 0},
                                                {"queue_id", 999999}});
  ASSERT_EQ(backwards.status, 400) << backwards.body;
  fields.clear();
  const json wrong = backwards.Json()["errors"];
  for (const json& e : wrong) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"ends_at", "agents", "department_id"}))
      << backwards.body;
  for (std::string_view q :
       {"interval_minutes=20", "horizon_days=40", "history_weeks=1", "tz=Nowhere/Land"}) {
    auto r = agent->Get("/api/v1/volume/forecast?" + std::string(q));
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_NE(r.body.find(q.substr(0, q.find('='))), std::string::npos) << r.body;
  }
  EXPECT_EQ(agent->Get("/api/v1/staffing/plan?service_level=100").status, 400);
  HttpClient anonymous(server_->port());
  EXPECT_EQ(anonymous.Get("/api/v1/volume/forecast").status, 401);
  EXPECT_EQ(anonymous.Get("/api/v1/staffing/plan").status, 401);
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

// The demo desk's history fills the staffing pages: weeks of calls, and
// chats that went through the widget's states, so that their waits and
// handle time are counted; its customers' segments to filter by.
TEST(DemoStaffingTest, TheDemoDesksChatsCallsAndSegmentsAreCounted) {
  auto server = LuisterProcess::WithDemoDesk({"--customers", "40", "--conversations", "120"});
  HttpClient client(server->port());
  ASSERT_EQ(client.Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword).status, 200);
  json all, chat;
  for (int i = 0; i < 300; ++i) {  // the rollup job catches up on the history
    all = client.Get("/api/v1/volume/heatmap").Json()["total"];
    chat = client.Get("/api/v1/volume/heatmap?channel=chat").Json()["total"];
    if (all["calls_offered"].get<int64_t>() > 100 && chat["chats_offered"].get<int64_t>() > 0 &&
        chat["avg_handle_seconds"].is_number())
      break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_GT(all["calls_offered"].get<int64_t>(), 100) << all;
  ASSERT_GT(chat["chats_offered"].get<int64_t>(), 0) << chat;
  EXPECT_EQ(chat["chats_offered"].get<int64_t>(),
            chat["chats_answered"].get<int64_t>() + chat["chats_abandoned"].get<int64_t>())
      << chat;
  ASSERT_TRUE(chat["avg_wait_seconds"].is_number()) << chat;
  EXPECT_GE(chat["avg_wait_seconds"].get<double>(), 5) << chat;
  EXPECT_LE(chat["avg_wait_seconds"].get<double>(), 180) << chat;
  ASSERT_TRUE(chat["avg_handle_seconds"].is_number()) << chat;
  EXPECT_GE(chat["avg_handle_seconds"].get<double>(), 240) << chat;
  EXPECT_LE(chat["avg_handle_seconds"].get<double>(), 1200) << chat;
  const auto segments =
      client.Get("/api/v1/volume/segments").Json()["items"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(segments.begin(), segments.end(), "smb"), segments.end());
}

}  // namespace
}  // namespace luister::e2e
