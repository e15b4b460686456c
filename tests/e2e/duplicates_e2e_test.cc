// One customer across doors, through the real server: what one door cannot
// settle by an exact identity becomes a suggested duplicate with its
// evidence (a walk-in who gives one customer's address and another's
// number, a chat visitor who asks to be called back on a known number,
// namesakes at one e-mail domain found by the scan job), and a person
// merges or dismisses it. Nothing is merged by itself.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"
#include "ws_client.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class DuplicatesTest : public ServerTest<DuplicatesTest> {
 protected:
  static std::string Stamp() { return std::to_string(++n_); }
  int64_t Customer(const std::string& name, const std::string& kind, const std::string& value) {
    auto c = client_->Post("/api/v1/customers",
                           {{"name", name}, {"identities", {{{"kind", kind}, {"value", value}}}}});
    EXPECT_EQ(c.status, 201) << c.body;
    return c.Json().value("id", int64_t{0});
  }
  json DuplicatesOf(int64_t customer) {
    auto r = client_->Get("/api/v1/customers/" + std::to_string(customer) + "/duplicates");
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json()["items"];
  }
  static inline int n_ = 0;
};

TEST_F(DuplicatesTest, AWalkInWithOneCustomersAddressAndAnothersNumberIsSuggestedNotMerged) {
  const std::string s = Stamp();
  const int64_t anna = Customer("Anna Visser", "email", "anna.visser" + s + "@example.nl");
  const int64_t other =
      Customer("A. Visser", "phone", "06 5555 01" + std::string(s.size() < 2 ? "0" : "") + s);
  const json other_record = client_->Get("/api/v1/customers/" + std::to_string(other)).Json();
  const std::string number = other_record["identities"][0]["value"];
  auto d = client_->Post("/api/v1/departments", {{"name", "Winkels dup " + s}});
  ASSERT_EQ(d.status, 201);
  auto loc =
      client_->Post("/api/v1/locations", {{"department_id", d.Json()["id"]}, {"name", "Gouda"}});
  ASSERT_EQ(loc.status, 201) << loc.body;
  auto w = client_->Post("/api/v1/walk-ins", {{"location_id", loc.Json()["id"]},
                                              {"email", "anna.visser" + s + "@example.nl"},
                                              {"phone", number},
                                              {"question", "Mijn bestelling klopt niet"}});
  ASSERT_EQ(w.status, 201) << w.body;
  EXPECT_EQ(w.Json()["customer_id"], anna) << "the address decides; nothing merged";

  const json found = DuplicatesOf(anna);
  ASSERT_EQ(found.size(), 1u) << found.dump();
  EXPECT_EQ(found[0]["customer"]["id"], anna) << "the older customer first";
  EXPECT_EQ(found[0]["other"]["id"], other);
  ASSERT_EQ(found[0]["evidence"].size(), 1u);
  EXPECT_EQ(found[0]["evidence"][0]["reason"], "same_phone");
  EXPECT_EQ(found[0]["evidence"][0]["detail"], number);
  EXPECT_EQ(found[0]["evidence"][0]["door"], "shop");
  EXPECT_EQ(DuplicatesOf(other).size(), 1u) << "both customers show it";
  EXPECT_TRUE(client_->Get("/api/v1/customers/" + std::to_string(other))
                  .Json()["merged_into_id"]
                  .is_null());
  const std::string metrics = client_->Get("/metrics").body;
  EXPECT_NE(metrics.find("\nluister_duplicate_suggestions "), std::string::npos) << metrics;

  const std::string id = std::to_string(found[0]["id"].get<int64_t>());
  auto dismissed = client_->Post("/api/v1/duplicates/" + id + "/dismiss", json::object());
  ASSERT_EQ(dismissed.status, 200) << dismissed.body;
  EXPECT_EQ(dismissed.Json()["status"], "dismissed");
  EXPECT_FALSE(dismissed.Json()["decided_by"].is_null());
  EXPECT_EQ(client_->Post("/api/v1/duplicates/" + id + "/dismiss", json::object()).status, 409);
  EXPECT_EQ(client_->Post("/api/v1/duplicates/" + id + "/merge", json::object()).status, 409);
  EXPECT_TRUE(DuplicatesOf(anna).empty());
  // The same walk-in again: a person said no, and it stays so.
  ASSERT_EQ(client_
                ->Post("/api/v1/walk-ins", {{"location_id", loc.Json()["id"]},
                                            {"email", "anna.visser" + s + "@example.nl"},
                                            {"phone", number},
                                            {"question", "Nog een vraag"}})
                .status,
            201);
  EXPECT_TRUE(DuplicatesOf(anna).empty());
  EXPECT_EQ(client_->Post("/api/v1/duplicates/999999999/dismiss", json::object()).status, 404);
  EXPECT_EQ(client_->Get("/api/v1/customers/999999999/duplicates").status, 404);
}

TEST_F(DuplicatesTest, TheScanFindsNamesakesAtOneDomainAndAPersonMergesThem) {
  const std::string s = Stamp();
  const std::string domain = "smit-advies-" + s + ".nl";
  const int64_t karin = Customer("Karin Smit", "email", "karin@" + domain);
  const int64_t again = Customer("KARIN  smit", "email", "k.smit@" + domain);
  json found;
  for (int i = 0; i < 150 && found.empty(); ++i) {
    found = DuplicatesOf(again);
    if (found.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(found.size(), 1u) << "the scan job looks at new customers within seconds";
  EXPECT_EQ(found[0]["evidence"][0]["reason"], "same_name_and_email_domain");
  EXPECT_EQ(found[0]["evidence"][0]["detail"], domain);
  EXPECT_EQ(found[0]["evidence"][0]["door"], "scan");
  auto listed = client_->Get("/api/v1/duplicates?limit=200");
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_GE(listed.Json()["open"], 1);

  const std::string id = std::to_string(found[0]["id"].get<int64_t>());
  auto bad = client_->Post("/api/v1/duplicates/" + id + "/merge", {{"keep", 999999999}});
  EXPECT_EQ(bad.status, 400) << "keep names one of the two: " << bad.body;
  EXPECT_EQ(client_->Post("/api/v1/duplicates/" + id + "/merge", {{"kept", karin}}).status, 400);
  auto merged = client_->Post("/api/v1/duplicates/" + id + "/merge", json::object());
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.Json()["status"], "merged");
  EXPECT_EQ(client_->Get("/api/v1/customers/" + std::to_string(again)).Json()["merged_into_id"],
            karin)
      << "the newer into the older";
  auto merges = client_->Get("/api/v1/customers/" + std::to_string(karin) + "/merges");
  ASSERT_EQ(merges.status, 200);
  EXPECT_EQ(merges.Json()["items"].size(), 1u);
  EXPECT_TRUE(DuplicatesOf(karin).empty());
}

TEST_F(DuplicatesTest, AChatVisitorWhoAsksForACallBackOnAKnownNumberIsSuggested) {
  const std::string s = Stamp();
  const std::string phone = "06 2777 10" + std::string(s.size() < 2 ? "0" : "") + s;
  const int64_t known = Customer("Bram Kok", "phone", phone);
  auto d = client_->Post("/api/v1/departments", {{"name", "Chat dup " + s}});
  auto q = client_->Post("/api/v1/queues", {{"department_id", d.Json()["id"]}, {"name", "Chat"}});
  ASSERT_EQ(client_
                ->Post("/api/v1/chat-widgets",
                       {{"slug", "dup-" + s}, {"name", "Chat"}, {"queue_id", q.Json()["id"]}})
                .status,
            201);
  WsClient visitor(server_->port(), "", "/api/v1/widget/dup-" + s + "/live?lang=nl");
  ASSERT_TRUE(visitor.Send({{"type", "start"}, {"text", "Kunt u mij bellen?"}}));
  const json started = visitor.NextOfType("started");
  ASSERT_TRUE(started.is_object());
  const int64_t conversation = started["chat"]["conversation_id"];
  const int64_t chatter =
      client_->Get("/api/v1/conversations/" + std::to_string(conversation)).Json()["customer_id"];
  ASSERT_TRUE(visitor.Send({{"type", "callback"}, {"phone", phone}}));
  ASSERT_EQ(visitor.NextOfType("callback_requested")["type"], "callback_requested");
  const json found = DuplicatesOf(chatter);
  ASSERT_EQ(found.size(), 1u) << found.dump();
  EXPECT_EQ(found[0]["customer"]["id"], known);
  EXPECT_EQ(found[0]["other"]["id"], chatter);
  EXPECT_EQ(found[0]["evidence"][0]["reason"], "same_phone");
  EXPECT_EQ(found[0]["evidence"][0]["door"], "chat");

  // A number nobody has becomes the visitor's: their next call finds them.
  WsClient second(server_->port(), "", "/api/v1/widget/dup-" + s + "/live?lang=nl");
  ASSERT_TRUE(second.Send({{"type", "start"}, {"text", "Bel mij"}}));
  const json other = second.NextOfType("started");
  const int64_t second_customer =
      client_
          ->Get("/api/v1/conversations/" +
                std::to_string(other["chat"]["conversation_id"].get<int64_t>()))
          .Json()["customer_id"];
  const std::string fresh = "06 2777 20" + std::string(s.size() < 2 ? "0" : "") + s;
  ASSERT_TRUE(second.Send({{"type", "callback"}, {"phone", fresh}}));
  ASSERT_EQ(second.NextOfType("callback_requested")["type"], "callback_requested");
  const json record = client_->Get("/api/v1/customers/" + std::to_string(second_customer)).Json();
  bool has_phone = false;
  for (const json& i : record["identities"]) has_phone |= i["kind"] == "phone";
  EXPECT_TRUE(has_phone) << record.dump();
  EXPECT_TRUE(DuplicatesOf(second_customer).empty());
}

}  // namespace
}  // namespace luister::e2e
