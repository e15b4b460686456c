// Shops and counters through the real server: locations per department and
// walk-ins that land on the customer's timeline, whatever door they used.
#include <gtest/gtest.h>

#include <string>

#include "http_client.h"
#include "luister_process.h"
#include "server_test.h"

namespace luister::e2e {
namespace {

using nlohmann::json;

class ShopTest : public ServerTest<ShopTest> {
 protected:
  static std::string Stamp() {
    return std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
           std::to_string(++n_);
  }
  static inline int n_ = 0;
};

TEST_F(ShopTest, AWalkInLandsOnTheTimelineOfTheCustomerWhoMailedBefore) {
  auto d = client_->Post("/api/v1/departments", {{"name", "Winkels " + Stamp()}});
  ASSERT_EQ(d.status, 201) << d.body;
  int64_t dept = d.Json()["id"];
  auto loc =
      client_->Post("/api/v1/locations",
                    {{"department_id", dept}, {"name", "Utrecht"}, {"address", "Oudegracht 1"}});
  ASSERT_EQ(loc.status, 201) << loc.body;
  int64_t location = loc.Json()["id"];
  EXPECT_EQ(
      client_->Post("/api/v1/locations", {{"department_id", dept}, {"name", "Utrecht"}}).status,
      409);
  auto list = client_->Get("/api/v1/locations");
  ASSERT_EQ(list.status, 200);
  bool listed = false;
  const json items = list.Json()["items"];
  for (const json& l : items) listed |= l["id"] == location && l["address"] == "Oudegracht 1";
  EXPECT_TRUE(listed);

  std::string email = "ineke." + Stamp() + "@example.nl";
  auto c = client_->Post(
      "/api/v1/customers",
      {{"name", "Ineke Bos"}, {"identities", {{{"kind", "email"}, {"value", email}}}}});
  ASSERT_EQ(c.status, 201) << c.body;
  int64_t customer = c.Json()["id"];

  auto w = client_->Post("/api/v1/walk-ins", {{"location_id", location},
                                              {"email", email},
                                              {"question", "Mijn fiets tikt bij het trappen."},
                                              {"resolved", true}});
  ASSERT_EQ(w.status, 201) << w.body;
  json walk_in = w.Json();
  EXPECT_EQ(walk_in["customer_id"], customer);
  EXPECT_EQ(walk_in["new_customer"], false);
  EXPECT_EQ(walk_in["conversation"]["channel"], "shop");
  EXPECT_EQ(walk_in["conversation"]["location_id"], location);
  EXPECT_EQ(walk_in["conversation"]["status"], "resolved");
  auto timeline = client_->Get("/api/v1/customers/" + std::to_string(customer) + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  int shop = 0;
  const json entries = timeline.Json()["items"];
  for (const json& a : entries) shop += a["channel"] == "shop" && a["kind"] == "message";
  EXPECT_EQ(shop, 1);

  // A closed location takes no walk-ins; nothing is made for a refused one.
  auto closed =
      client_->Patch("/api/v1/locations/" + std::to_string(location), {{"active", false}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json()["active"], false);
  auto refused = client_->Post(
      "/api/v1/walk-ins",
      {{"location_id", location}, {"name", "Nieuw " + Stamp()}, {"question", "Open?"}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json()["errors"][0]["field"], "location_id");
  auto both = client_->Post("/api/v1/walk-ins", {{"location_id", location},
                                                 {"customer_id", customer},
                                                 {"name", "Iemand"},
                                                 {"question", "?"}});
  EXPECT_EQ(both.status, 400) << both.body;
  EXPECT_EQ(client_->Patch("/api/v1/locations/987654", {{"active", true}}).status, 404);
}

}  // namespace
}  // namespace luister::e2e
