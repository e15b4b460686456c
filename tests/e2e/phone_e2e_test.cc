// The phone door through the real server: the telephone system's webhook
// with its own service account, resent reports, abandoned calls and
// callback requests in the call back list, calls logged by agents, and the
// timeline they land on.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class PhoneTest : public ServerTest<PhoneTest> {
 protected:
  // A unique call id and number per test run (the server lives for the suite).
  std::string Unique(const std::string& base) {
    return base + "-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
           std::to_string(++users_);
  }
  static inline int users_ = 0;
};

TEST_F(PhoneTest, AReportedCallLandsOnTheCallersTimelineOnceAndAResendChangesNothing) {
  auto pbx = TokenFor("phone_integration");
  // The caller is known by their mobile number, written the Dutch way.
  auto c = client_->Post("/api/v1/customers",
                         {{"name", "Fatima El Amrani"},
                          {"language", "nl"},
                          {"identities", {{{"kind", "phone"}, {"value", "06 3141 5926"}}}}});
  ASSERT_EQ(c.status, 201) << c.body;
  int64_t customer = c.Json()["id"].get<int64_t>();

  std::string id = Unique("1733221000.42");
  json report = {{"call_id", id},
                 {"from", "+31 6 3141 5926"},
                 {"to", "020 555 0100"},
                 {"line", "Klantenservice"},
                 {"started_at", "2026-12-03T09:00:00Z"},
                 {"answered_at", "2026-12-03T09:01:05Z"},
                 {"ended_at", "2026-12-03T09:07:35Z"},
                 {"ivr_path", "2>1"},
                 {"outcome", "answered"},
                 {"agent", "extension 201"},
                 {"recording_url", "https://pbx.example/recordings/42.wav"}};
  auto first = pbx->Post("/api/v1/channels/phone/calls", report);
  ASSERT_EQ(first.status, 201) << first.body;
  json call = first.Json();
  EXPECT_EQ(call["customer_id"], customer);
  EXPECT_EQ(call["number"], "+31631415926");
  EXPECT_EQ(call["number_display"], "06 31415926");
  EXPECT_EQ(call["desk_number"], "+31205550100");
  EXPECT_EQ(call["wait_seconds"], 65);
  EXPECT_EQ(call["talk_seconds"], 390);
  EXPECT_EQ(call["agent"], "extension 201");
  EXPECT_EQ(call["callback"], "none");

  // The PBX did not see our answer and sends it again, with a change.
  report["ivr_path"] = "9";
  auto again = pbx->Post("/api/v1/channels/phone/calls", report);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json()["id"], call["id"]);
  EXPECT_EQ(again.Json()["ivr_path"], "2>1");

  auto timeline = client_->Get("/api/v1/customers/" + std::to_string(customer) + "/timeline");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  int calls = 0;
  const json entries = timeline.Json()["items"];
  for (const json& a : entries)
    if (a["kind"] == "call") {
      ++calls;
      EXPECT_EQ(a["channel"], "phone");
      EXPECT_EQ(a["params"]["call_id"], call["id"]);
      EXPECT_EQ(a["params"]["outcome"], "answered");
      EXPECT_EQ(a["params"]["talk_seconds"], 390);
    }
  EXPECT_EQ(calls, 1);
  auto listed = client_->Get("/api/v1/customers/" + std::to_string(customer) + "/calls");
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.Json()["items"].size(), 1u);
  EXPECT_EQ(listed.Json()["items"][0]["recording_url"], "https://pbx.example/recordings/42.wav");
  auto one = client_->Get("/api/v1/calls/" + std::to_string(call["id"].get<int64_t>()));
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.Json()["call_id"], id);

  // The service account can report calls and do nothing else.
  EXPECT_EQ(pbx->Get("/api/v1/customers").status, 403);
  EXPECT_EQ(pbx->Get("/api/v1/calls/callbacks").status, 403);
  // And an agent cannot pose as the telephone system.
  auto agent = TokenFor("agent");
  report["call_id"] = Unique("forged");
  EXPECT_EQ(agent->Post("/api/v1/channels/phone/calls", report).status, 403);
}

TEST_F(PhoneTest, MissedCallsAndCallbackRequestsAreWorkUntilSomeoneCallsBack) {
  auto pbx = TokenFor("phone_integration");
  std::string tail =
      std::to_string(1000000 + ::testing::UnitTest::GetInstance()->random_seed() % 8999999);
  std::string number = "+316" + std::string(8 - tail.size(), '1') + tail;
  auto missed = [&](const std::string& at, const std::string& outcome, int wait) {
    auto r = pbx->Post("/api/v1/channels/phone/calls", {{"call_id", Unique("missed")},
                                                        {"from", number},
                                                        {"started_at", at},
                                                        {"wait_seconds", wait},
                                                        {"outcome", outcome}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json();
  };
  json a = missed("2026-12-03T08:00:00Z", "abandoned", 240);
  missed("2026-12-03T08:20:00Z", "abandoned", 410);
  json last = missed("2026-12-03T08:45:00Z", "callback_requested", 30);
  ASSERT_TRUE(a["customer_id"].is_number()) << "an unknown number becomes a customer";
  EXPECT_EQ(a["callback"], "open");
  EXPECT_EQ(last["customer_id"], a["customer_id"]) << "the same caller each time";

  auto find = [&]() -> json {
    auto list = client_->Get("/api/v1/calls/callbacks?limit=200");
    EXPECT_EQ(list.status, 200) << list.body;
    const json items = list.Json()["items"];
    for (const json& item : items)
      if (item["number"] == number) return item;
    return nullptr;
  };
  json item = find();
  ASSERT_FALSE(item.is_null()) << "the number waits for a call back";
  EXPECT_EQ(item["attempts"], 3);
  EXPECT_EQ(item["longest_wait_seconds"], 410);
  EXPECT_EQ(item["last_outcome"], "callback_requested");
  EXPECT_EQ(item["last_call_id"], last["id"]);
  auto metrics = client_->Get("/metrics");
  EXPECT_NE(metrics.body.find("luister_phone_callbacks_open "), std::string::npos);
  EXPECT_NE(metrics.body.find("luister_phone_calls_total{outcome=\"abandoned\"}"),
            std::string::npos);

  // An agent tries once (no answer: still on the list), then reaches them.
  json log = {{"customer_id", a["customer_id"]}, {"direction", "out"}, {"outcome", "no_answer"}};
  auto tried = client_->Post("/api/v1/calls", log);
  ASSERT_EQ(tried.status, 201) << tried.body;
  EXPECT_EQ(tried.Json()["number"], number) << "the customer's number by default";
  EXPECT_FALSE(find().is_null());
  log["outcome"] = "answered";
  log["duration_seconds"] = 180;
  log["notes"] = "Teruggebeld: de monteur komt donderdag.";
  auto reached = client_->Post("/api/v1/calls", log);
  ASSERT_EQ(reached.status, 201) << reached.body;
  EXPECT_EQ(reached.Json()["logged_by"], reached.Json()["agent_id"]);
  EXPECT_TRUE(find().is_null()) << "reached: off the list";
  auto closed = client_->Get("/api/v1/calls/" + std::to_string(a["id"].get<int64_t>()));
  EXPECT_EQ(closed.Json()["callback"], "done");

  // A second caller is taken off the list by hand; then there is nothing to close.
  std::string other = number.substr(0, number.size() - 1) + (number.back() == '9' ? "8" : "9");
  auto r = pbx->Post("/api/v1/channels/phone/calls", {{"call_id", Unique("vm")},
                                                      {"from", other},
                                                      {"started_at", "2026-12-03T10:00:00Z"},
                                                      {"outcome", "voicemail"}});
  ASSERT_EQ(r.status, 201) << r.body;
  std::string close =
      "/api/v1/calls/" + std::to_string(r.Json()["id"].get<int64_t>()) + "/close-callbacks";
  auto done = client_->Post(close, json::object());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["closed"], 1);
  EXPECT_EQ(client_->Post(close, json::object()).status, 404);
}

TEST_F(PhoneTest, BadReportsAndLogsAreRefusedWithEveryFieldAndStoreNothing) {
  auto pbx = TokenFor("phone_integration");
  auto before = client_->Get("/api/v1/customers?limit=200");
  auto bad = pbx->Post("/api/v1/channels/phone/calls", {{"call_id", ""},
                                                        {"from", "+31612345678"},
                                                        {"started_at", "yesterday"},
                                                        {"outcome", "hung_up"},
                                                        {"wait_seconds", "long"},
                                                        {"recording_url", "file:///etc/passwd"},
                                                        {"colour", "blue"}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Header("content-type"), "application/problem+json");
  std::set<std::string> fields;
  const json errors = bad.Json()["errors"];
  for (const json& e : errors) fields.insert(e["field"].get<std::string>());
  for (const char* f : {"call_id", "started_at", "outcome", "wait_seconds", "colour"})
    EXPECT_TRUE(fields.count(f)) << f << " in " << bad.body;
  auto url = pbx->Post("/api/v1/channels/phone/calls", {{"call_id", Unique("url")},
                                                        {"from", "+31612345670"},
                                                        {"started_at", "2026-12-03T09:00:00Z"},
                                                        {"outcome", "answered"},
                                                        {"recording_url", "file:///etc/passwd"}});
  ASSERT_EQ(url.status, 400) << url.body;
  EXPECT_EQ(url.Json()["errors"][0]["field"], "recording_url");
  EXPECT_EQ(pbx->Send("POST", "/api/v1/channels/phone/calls", "{\"call_id\": ").status, 400);
  EXPECT_EQ(client_->Get("/api/v1/customers?limit=200").body, before.body)
      << "no customer made for refused reports";

  auto c = client_->Post("/api/v1/customers", {{"name", "Kees"}});
  ASSERT_EQ(c.status, 201) << c.body;
  auto typo = client_->Post("/api/v1/calls", {{"customer_id", c.Json()["id"]},
                                              {"direction", "out"},
                                              {"number", "06 1234"},
                                              {"outcome", "answered"}});
  ASSERT_EQ(typo.status, 400) << typo.body;
  EXPECT_EQ(typo.Json()["errors"][0]["field"], "number");
  EXPECT_EQ(client_
                ->Post("/api/v1/calls",
                       {{"customer_id", 987654321}, {"direction", "in"}, {"outcome", "answered"}})
                .status,
            400);
  EXPECT_EQ(client_->Get("/api/v1/calls/987654321").status, 404);
}

}  // namespace
}  // namespace luister::e2e
