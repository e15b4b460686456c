// Promises through the real server: an agent's reply is read for what it
// promises, the promise is recorded with its owner and due moment, moved by
// agreement (the first due moment stays), refused when two people change
// it at once (409 with the promise as it is now), kept only with evidence
// of this customer's, and every step is on the customer's timeline and in
// the live stream. Bad input is named by field.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <set>
#include <string>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

// A moment `hours` from now as ISO 8601 (UTC).
std::string InHours(int hours) {
  const std::time_t t = std::time(nullptr) + hours * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

class PromisesTest : public ServerTest<PromisesTest> {
 protected:
  int64_t Customer(const std::string& name) {
    auto c = client_->Post("/api/v1/customers", {{"name", name}});
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Json().value("id", int64_t{0});
  }
  int64_t Department() {
    if (dept_ == 0) {
      auto d = client_->Post("/api/v1/departments", {{"name", "Beloften"}});
      EXPECT_EQ(d.status, 201) << d.body;
      dept_ = d.Json().value("id", int64_t{0});
    }
    return dept_;
  }
  int64_t Conversation(int64_t customer) {
    Department();
    auto c = client_->Post("/api/v1/conversations", {{"customer_id", customer},
                                                     {"channel", "email"},
                                                     {"subject", "Terugbelverzoek"},
                                                     {"department_id", dept_}});
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Json().value("id", int64_t{0});
  }
  int64_t Message(int64_t conversation, const std::string& direction, const std::string& text) {
    auto m = client_->Post("/api/v1/conversations/" + std::to_string(conversation) + "/messages",
                           {{"direction", direction}, {"body_text", text}});
    EXPECT_EQ(m.status, 201) << m.body;
    return m.Json().value("id", int64_t{0});
  }
  static inline int64_t dept_ = 0;
  static std::set<std::string> Fields(const HttpResponse& r) {
    std::set<std::string> out;
    const json problem = r.Json();
    for (const auto& e : problem["errors"]) out.insert(e["field"].get<std::string>());
    return out;
  }
};

TEST_F(PromisesTest, AReplyPromisesACallbackThatIsMovedKeptAndSeenOnTheTimeline) {
  const int64_t customer = Customer("Belofte Klant");
  const int64_t conv = Conversation(customer);
  const std::string reply = "Dank voor uw geduld. We bellen u morgen voor 12 uur terug.";
  const int64_t out = Message(conv, "out", reply);

  // The reply read for its promise, as the composer asks.
  auto suggested = client_->Post("/api/v1/promises/suggest", {{"text", reply}, {"lang", "nl"}});
  ASSERT_EQ(suggested.status, 200) << suggested.body;
  EXPECT_EQ(suggested.Json()["commitment"], true);
  EXPECT_EQ(suggested.Json()["by"], "us");
  EXPECT_EQ(suggested.Json()["kind"], "callback");
  EXPECT_EQ(suggested.Json()["due"]["grain"], "hour");
  EXPECT_EQ(suggested.Json()["sentence"], "We bellen u morgen voor 12 uur terug");
  // Within the customer's contact hours: the morning of that day.
  auto mornings = client_->Post(
      "/api/v1/promises/suggest",
      {{"text", "We bellen u morgen terug."}, {"lang", "nl"}, {"contact_hours", "09:00-12:30"}});
  ASSERT_EQ(mornings.status, 200) << mornings.body;
  EXPECT_EQ(mornings.Json()["due"]["grain"], "part_of_day") << mornings.body;
  EXPECT_NE(mornings.Json()["due"]["start"].get<std::string>().find(":00:00"), std::string::npos);
  EXPECT_EQ(client_
                ->Post("/api/v1/promises/suggest",
                       {{"text", "We bellen u morgen terug."}, {"contact_hours", "9 tot 5"}})
                .status,
            400);
  auto none = client_->Post("/api/v1/promises/suggest",
                            {{"text", "Kunt u mij morgen terugbellen?"}, {"lang", "nl"}});
  EXPECT_EQ(none.Json()["commitment"], false) << "a question promises nothing";

  WsClient live(server_->port(), client_->cookie(), "/api/v1/live");
  ASSERT_FALSE(live.error()) << live.error().message();
  ASSERT_EQ(live.Next()["type"], "hello");

  const std::string due = InHours(26);
  auto made = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                 {"conversation_id", conv},
                                                 {"message_id", out},
                                                 {"kind", "callback"},
                                                 {"what", "Terugbellen over de levering"},
                                                 {"due_end", due}});
  ASSERT_EQ(made.status, 201) << made.body;
  const json p = made.Json();
  const int64_t id = p["id"];
  EXPECT_EQ(p["status"], "open");
  EXPECT_EQ(p["by"], "us");
  EXPECT_EQ(p["channel"], "email") << "from the conversation";
  EXPECT_FALSE(p["owner_user_id"].is_null()) << "the one who made it owns it";
  EXPECT_FALSE(p["owner_department_id"].is_null());
  EXPECT_EQ(p["version"], 1);
  json event = live.NextOfType("promise.changed");
  ASSERT_TRUE(event.is_object());
  EXPECT_EQ(event["customer_id"], customer);

  // Moved by agreement: the first due moment stays, and it counts.
  const std::string later = InHours(50);
  auto moved = client_->Post("/api/v1/promises/" + std::to_string(id) + "/renegotiate",
                             {{"version", 1}, {"due_end", later}, {"note", "klant vroeg dinsdag"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["status"], "renegotiated");
  EXPECT_EQ(moved.Json()["renegotiations"], 1);
  EXPECT_EQ(moved.Json()["original_due_end"], p["due_end"]);
  EXPECT_EQ(moved.Json()["version"], 2);

  // Someone who still saw version 1: refused, and told how it is now.
  auto stale = client_->Post("/api/v1/promises/" + std::to_string(id) + "/break",
                             {{"version", 1}, {"note", "niet gebeld"}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.Json()["current"]["version"], 2);
  EXPECT_EQ(stale.Json()["current"]["status"], "renegotiated");

  // Kept only with evidence of this customer's.
  const int64_t other_conv = Conversation(Customer("Andere Klant"));
  const int64_t foreign = Message(other_conv, "out", "Iets anders");
  auto wrong =
      client_->Post("/api/v1/promises/" + std::to_string(id) + "/keep",
                    {{"version", 2}, {"evidence_kind", "message"}, {"evidence_id", foreign}});
  ASSERT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(Fields(wrong), std::set<std::string>{"evidence_id"});
  const int64_t note = Message(conv, "out", "Klant gebeld, levering besproken.");
  auto kept = client_->Post("/api/v1/promises/" + std::to_string(id) + "/keep",
                            {{"version", 2}, {"evidence_kind", "message"}, {"evidence_id", note}});
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.Json()["status"], "kept");
  EXPECT_EQ(kept.Json()["evidence_id"], note);
  EXPECT_FALSE(kept.Json()["closed_at"].is_null());
  auto again = client_->Post("/api/v1/promises/" + std::to_string(id) + "/cancel",
                             {{"version", 3}, {"note", "toch niet"}});
  EXPECT_EQ(again.status, 409) << "a closed promise stays as it was";

  // The history and the timeline tell every step.
  auto one = client_->Get("/api/v1/promises/" + std::to_string(id));
  ASSERT_EQ(one.status, 200) << one.body;
  std::vector<std::string> actions;
  const json promise = one.Json();
  for (const auto& h : promise["history"]) actions.push_back(h["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"made", "renegotiated", "kept"}));
  EXPECT_EQ(promise["history"][1]["note"], "klant vroeg dinsdag");
  auto timeline = client_->Get("/api/v1/customers/" + std::to_string(customer) + "/timeline");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  int promise_entries = 0;
  const json entries = timeline.Json();
  for (const auto& a : entries["items"])
    if (a["kind"] == "promise") ++promise_entries;
  EXPECT_EQ(promise_entries, 3);

  // Lists: the customer's, the live ones (this one is closed), mine.
  auto all = client_->Get("/api/v1/promises?status=all&customer_id=" + std::to_string(customer));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.Json()["items"].size(), 1u);
  auto live_list = client_->Get("/api/v1/promises?customer_id=" + std::to_string(customer));
  EXPECT_EQ(live_list.Json()["items"].size(), 0u);

  // The measures: counts and rates per kind, no customer in them.
  auto measures = client_->Get("/api/v1/promises/measures?group=kind");
  ASSERT_EQ(measures.status, 200) << measures.body;
  const json rows = measures.Json()["rows"];
  bool callbacks = false;
  for (const auto& row : rows)
    if (row["key"] == "callback") {
      callbacks = true;
      EXPECT_GE(row["kept"].get<int>(), 1);
      EXPECT_GE(row["made"].get<int>(), row["kept"].get<int>());
    }
  EXPECT_TRUE(callbacks) << measures.body;
  EXPECT_EQ(measures.body.find("Belofte Klant"), std::string::npos) << "aggregates only";
  EXPECT_EQ(client_->Get("/api/v1/promises/measures?group=month").status, 400);
  EXPECT_EQ(
      client_->Get("/api/v1/promises/measures?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z")
          .status,
      400);
}

TEST_F(PromisesTest, BadInputIsNamedAndAMergedCustomerTakesItsPromisesAlong) {
  const int64_t customer = Customer("Fout Invoer");
  const int64_t conv = Conversation(customer);
  const int64_t other = Customer("Iemand Anders");
  auto past = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                 {"kind", "callback"},
                                                 {"what", "Terugbellen"},
                                                 {"due_end", InHours(-2)}});
  ASSERT_EQ(past.status, 400) << past.body;
  EXPECT_EQ(Fields(past), std::set<std::string>{"due_end"});
  auto bad = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                {"kind", "bribe"},
                                                {"what", ""},
                                                {"due_end", "tomorrow"},
                                                {"extra", 1}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(Fields(bad), (std::set<std::string>{"kind", "due_end", "extra"}));
  auto foreign = client_->Post(
      "/api/v1/promises",
      {{"customer_id", other}, {"conversation_id", conv}, {"kind", "other"}, {"what", "Iets"}});
  EXPECT_EQ(Fields(foreign), std::set<std::string>{"conversation_id"});
  auto owner = client_->Post(
      "/api/v1/promises",
      {{"customer_id", customer}, {"kind", "other"}, {"what", "Iets"}, {"owner_user_id", 987654}});
  EXPECT_EQ(Fields(owner), std::set<std::string>{"owner_user_id"});
  auto nobody = client_->Post("/api/v1/promises",
                              {{"customer_id", 987654}, {"kind", "other"}, {"what", "Iets"}});
  EXPECT_EQ(Fields(nobody), std::set<std::string>{"customer_id"});
  EXPECT_EQ(client_->Send("POST", "/api/v1/promises", "{not json").status, 400);
  EXPECT_EQ(client_->Get("/api/v1/promises/987654").status, 404);
  EXPECT_EQ(client_->Get("/api/v1/promises?due=someday").status, 400);

  // The customer's own obligation, asap (no moment), moves with a merge.
  auto owes = client_->Post("/api/v1/promises", {{"customer_id", other},
                                                 {"by", "customer"},
                                                 {"kind", "payment"},
                                                 {"what", "Betaalt de openstaande factuur"}});
  ASSERT_EQ(owes.status, 201) << owes.body;
  EXPECT_TRUE(owes.Json()["owner_user_id"].is_null()) << "the customer's own, no owner of ours";
  auto merged = client_->Post("/api/v1/customers/" + std::to_string(customer) + "/merge",
                              {{"source_id", other}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  auto theirs =
      client_->Get("/api/v1/promises?by=customer&customer_id=" + std::to_string(customer));
  ASSERT_EQ(theirs.Json()["items"].size(), 1u) << theirs.body;
  auto gone = client_->Post("/api/v1/promises",
                            {{"customer_id", other}, {"kind", "other"}, {"what", "Iets"}});
  ASSERT_EQ(gone.status, 400) << gone.body;
  EXPECT_EQ(Fields(gone), std::set<std::string>{"customer_id"});
}

TEST_F(PromisesTest, AMissedCallBecomesACallbackPromiseThatTheCallBackKeeps) {
  const std::string number = "+3162" + std::to_string(1000000 + std::time(nullptr) % 8999999);
  auto missed = [&](const std::string& id) {
    auto r = client_->Post("/api/v1/channels/phone/calls", {{"call_id", id},
                                                            {"from", number},
                                                            {"started_at", InHours(0)},
                                                            {"outcome", "abandoned"},
                                                            {"wait_seconds", 95}});
    EXPECT_TRUE(r.status == 201 || r.status == 200) << r.body;
    return r.Json();
  };
  const json first = missed(number + "-1");
  const int64_t customer = first["customer_id"];
  const std::string list = "/api/v1/promises?by=us&customer_id=" + std::to_string(customer);
  auto promises = client_->Get(list);
  ASSERT_EQ(promises.status, 200) << promises.body;
  ASSERT_EQ(promises.Json()["items"].size(), 1u) << promises.body;
  const json p = promises.Json()["items"][0];
  EXPECT_EQ(p["kind"], "callback");
  EXPECT_EQ(p["channel"], "phone");
  EXPECT_TRUE(p["created_by"].is_null()) << "made by the desk";
  EXPECT_FALSE(p["due_end"].is_null()) << "by the end of the next business day";

  // The same report again, and another missed call: still one promise.
  missed(number + "-1");
  missed(number + "-2");
  EXPECT_EQ(client_->Get(list).Json()["items"].size(), 1u);

  // The call back, logged by an agent, keeps it with the call as evidence.
  auto back = client_->Post("/api/v1/calls", {{"customer_id", customer},
                                              {"direction", "out"},
                                              {"outcome", "answered"},
                                              {"duration_seconds", 120}});
  ASSERT_EQ(back.status, 201) << back.body;
  auto all = client_->Get(list + "&status=all");
  ASSERT_EQ(all.Json()["items"].size(), 1u);
  const json kept = all.Json()["items"][0];
  EXPECT_EQ(kept["status"], "kept");
  EXPECT_EQ(kept["evidence_kind"], "call");
  EXPECT_EQ(kept["evidence_id"], back.Json()["id"]);
}

TEST_F(PromisesTest, AReplyThatDeliversThePromisedInformationKeepsIt) {
  const int64_t customer = Customer("Formulier Klant");
  const int64_t conv = Conversation(customer);
  auto make = [&](const std::string& kind, const std::string& what) {
    auto r = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                {"conversation_id", conv},
                                                {"kind", kind},
                                                {"what", what},
                                                {"due_end", InHours(30)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.Json().value("id", int64_t{0});
  };
  const int64_t form = make("send_information", "Het retourformulier sturen");
  const int64_t call = make("callback", "Terugbellen over het retourformulier");
  auto status = [&](int64_t id) {
    return client_->Get("/api/v1/promises/" + std::to_string(id)).Json()["status"];
  };

  // The customer's message closes none of ours, nor does a reply that
  // promises it again.
  Message(conv, "in", "Hierbij mijn vraag: waar blijft het retourformulier?");
  Message(conv, "out", "Het retourformulier stuur ik u morgen op.");
  EXPECT_EQ(status(form), "open");
  // The reply that hands it over keeps it, with itself as evidence.
  const int64_t delivered =
      Message(conv, "out", "Hierbij het retourformulier, zoals beloofd. Vult u het in?");
  auto kept = client_->Get("/api/v1/promises/" + std::to_string(form));
  ASSERT_EQ(kept.status, 200) << kept.body;
  const json p = kept.Json();
  EXPECT_EQ(p["status"], "kept");
  EXPECT_EQ(p["evidence_kind"], "message");
  EXPECT_EQ(p["evidence_id"], delivered);
  EXPECT_EQ(p["history"].back()["action"], "kept");
  EXPECT_FALSE(p["history"].back()["user_id"].is_null()) << "the author of the reply";
  EXPECT_EQ(status(call), "open") << "a callback is kept by a call, not by a mail";
}

TEST_F(PromisesTest, TheCustomerHearsOfItByTheirOwnChannelOrByEmail) {
  const int64_t me = client_->Get("/api/v1/session").Json()["user"]["id"];
  auto c =
      client_->Post("/api/v1/customers",
                    {{"name", "Karel Bel"},
                     {"language", "nl"},
                     {"preferred_channel", "phone"},
                     {"account_manager_id", me},
                     {"identities", {{{"kind", "email"}, {"value", "karel.bel@example.nl"}}}}});
  ASSERT_EQ(c.status, 201) << c.body;
  const int64_t customer = c.Json()["id"];
  auto ours = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                 {"kind", "callback"},
                                                 {"what", "Terugbellen over de offerte"},
                                                 {"owner_department_id", Department()},
                                                 {"due_start", InHours(25)},
                                                 {"due_end", InHours(27)}});
  ASSERT_EQ(ours.status, 201) << ours.body;
  const std::string ours_url =
      "/api/v1/promises/" + std::to_string(ours.Json()["id"].get<int64_t>());

  // The phone carries no written message: by e-mail, said so.
  auto confirmed = client_->Post(ours_url + "/confirm", json::object());
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  const json notice = confirmed.Json()["notice"];
  EXPECT_EQ(notice["channel"], "email");
  EXPECT_EQ(notice["fallback"], true);
  EXPECT_EQ(confirmed.Json()["version"], 2);
  auto thread =
      client_->Get("/api/v1/conversations/" +
                   std::to_string(notice["conversation_id"].get<int64_t>()) + "/messages");
  ASSERT_EQ(thread.status, 200) << thread.body;
  const json messages = thread.Json()["items"];
  ASSERT_EQ(messages.size(), 1u) << thread.body;
  const std::string body = messages[0]["body_text"];
  EXPECT_NE(body.find("Beste Karel Bel"), std::string::npos) << body;
  EXPECT_NE(body.find("We bellen u terug "), std::string::npos) << body;
  EXPECT_NE(body.find(" tussen "), std::string::npos) << body;
  EXPECT_EQ(messages[0]["delivery"], "queued");
  auto history = client_->Get(ours_url).Json()["history"];
  EXPECT_EQ(history.back()["action"], "confirmed");
  EXPECT_EQ(client_->Post(ours_url + "/remind-customer", json::object()).status, 400)
      << "our own promise is confirmed, not recalled to the customer";
  EXPECT_EQ(client_->Post(ours_url + "/confirm", {{"extra", 1}}).status, 400);

  // What the customer took on: one gentle reminder a day.
  auto theirs = client_->Post("/api/v1/promises", {{"customer_id", customer},
                                                   {"by", "customer"},
                                                   {"kind", "payment"},
                                                   {"what", "Betaalt factuur 2026-118"},
                                                   {"due_end", InHours(48)}});
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  const std::string theirs_url =
      "/api/v1/promises/" + std::to_string(theirs.Json()["id"].get<int64_t>());
  auto reminded = client_->Post(theirs_url + "/remind-customer", json::object());
  ASSERT_EQ(reminded.status, 200) << reminded.body;
  EXPECT_EQ(client_->Get(theirs_url).Json()["history"].back()["action"], "customer_reminded");
  auto again = client_->Post(theirs_url + "/remind-customer", json::object());
  EXPECT_EQ(again.status, 409) << again.body;

  // The account manager's accounts: both sides, and no one else's.
  auto mine = client_->Get("/api/v1/promises?account_manager=me");
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::set<std::string> sides;
  const json items = mine.Json()["items"];
  for (const auto& p : items) {
    EXPECT_EQ(p["customer_id"], customer);
    sides.insert(p["by"].get<std::string>());
  }
  EXPECT_EQ(sides, (std::set<std::string>{"us", "customer"}));

  // No way to write: said so, nothing sent.
  const int64_t silent = Customer("Zonder Adres");
  auto owed = client_->Post(
      "/api/v1/promises", {{"customer_id", silent}, {"kind", "refund"}, {"what", "Terugbetaling"}});
  ASSERT_EQ(owed.status, 201) << owed.body;
  auto nowhere = client_->Post(
      "/api/v1/promises/" + std::to_string(owed.Json()["id"].get<int64_t>()) + "/confirm",
      json::object());
  EXPECT_EQ(nowhere.status, 409) << nowhere.body;
  EXPECT_EQ(nowhere.Json()["current"]["version"], 1);
  EXPECT_EQ(client_->Post("/api/v1/promises/987654/confirm", json::object()).status, 404);
}

}  // namespace
}  // namespace luister::e2e
