#include <gtest/gtest.h>

#include <set>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/location.h"

namespace luister::contract {
namespace {

// Shops and walk-ins over each engine: locations per department, a walk-in
// as a conversation at the location, the visitor found by any door.
class LocationContractTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    auto found = store_->Find<LocationRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    service_ = std::make_unique<LocationService>(*store_, **found, clock_);
  }
  ManualClock clock_{T(1'000'000)};
  std::unique_ptr<LocationService> service_;
};

TEST_P(LocationContractTest, LocationsBelongToADepartmentByUniqueName) {
  int64_t shops = MakeDepartment("Winkels");
  auto utrecht = service_->Create(
      {.department_id = shops, .name = " Utrecht Centrum ", .address = "Oudegracht 1"});
  ASSERT_TRUE(utrecht.ok()) << utrecht.status().ToString();
  EXPECT_EQ(utrecht->name, "Utrecht Centrum");
  EXPECT_TRUE(utrecht->active);
  EXPECT_EQ(utrecht->created_at, T(1'000'000));
  EXPECT_EQ(service_->Create({.department_id = shops, .name = "Utrecht Centrum"}).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(service_->Create({.department_id = 999, .name = "Nergens"}).status().code(),
            StatusCode::kInvalidArgument);
  auto closed = service_->Update(utrecht->id, {.active = false});
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  EXPECT_FALSE(closed->active);
  EXPECT_EQ(closed->address, "Oudegracht 1");
  auto list = store_->Find<LocationRepository>().value()->List();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(service_->Update(999, {.active = true}).status().code(), StatusCode::kNotFound);
}

TEST_P(LocationContractTest, AWalkInIsAConversationAtTheLocationWithTheKnownCustomer) {
  int64_t shops = MakeDepartment("Winkels");
  int64_t agent = MakeUser("balie@example.com", "Balie");
  auto loc = service_->Create({.department_id = shops, .name = "Amersfoort"});
  ASSERT_TRUE(loc.ok());
  // She e-mailed before; at the counter she gives her address.
  int64_t known = MakeCustomer("Ineke Bos", "ineke@example.nl");

  NewWalkIn w;
  w.location_id = loc->id;
  w.email = "Ineke@Example.nl";
  w.question = "Mijn fiets maakt een tikkend geluid bij het trappen.";
  w.resolved = true;
  auto logged = service_->LogWalkIn(w, agent);
  ASSERT_TRUE(logged.ok()) << logged.status().ToString();
  EXPECT_EQ(logged->customer_id, known);
  EXPECT_FALSE(logged->new_customer);
  const Conversation& c = logged->conversation;
  EXPECT_EQ(c.channel, Channel::kShop);
  EXPECT_EQ(c.location_id, loc->id);
  EXPECT_EQ(c.department_id, shops);
  EXPECT_EQ(c.assignee_id, agent);
  EXPECT_EQ(c.status, ConversationStatus::kResolved) << "answered at the counter";
  EXPECT_EQ(c.subject, "Mijn fiets maakt een tikkend geluid bij het trappen.");
  auto again = store_->conversations().Get(c.id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->location_id, loc->id) << "stored, not only returned";
  auto timeline = store_->timeline().Timeline(known, {}, {});
  ASSERT_TRUE(timeline.ok());
  bool shop_contact = false;
  for (const Activity& a : timeline->items)
    shop_contact |= a.channel == Channel::kShop && a.kind == ActivityKind::kMessage;
  EXPECT_TRUE(shop_contact);

  // Someone new: a customer by name, with the number they gave.
  NewWalkIn fresh;
  fresh.location_id = loc->id;
  fresh.name = "Kees Smit";
  fresh.phone = "06 1111 2222";
  fresh.question = "Kan ik hier een bestelling ophalen?";
  auto made = service_->LogWalkIn(fresh, agent);
  ASSERT_TRUE(made.ok()) << made.status().ToString();
  EXPECT_TRUE(made->new_customer);
  EXPECT_EQ(made->conversation.status, ConversationStatus::kWaitingOnUs)
      << "the desk owes an answer";
  auto kees = store_->customers().FindByIdentity(IdentityKind::kPhone, "+31611112222");
  ASSERT_TRUE(kees.ok() && kees->has_value());
  EXPECT_EQ((*kees)->id, made->customer_id);
  EXPECT_EQ((*kees)->preferred_channel, Channel::kShop);
}

TEST_P(LocationContractTest, ARefusedWalkInNamesEveryFieldAndMakesNoCustomer) {
  int64_t shops = MakeDepartment("Winkels");
  int64_t other = MakeDepartment("Verkoop");
  auto other_queue = store_->directory().CreateQueue(other, "Offertes", T(0));
  ASSERT_TRUE(other_queue.ok());
  int64_t agent = MakeUser("balie@example.com", "Balie");
  auto loc = service_->Create({.department_id = shops, .name = "Zwolle"});
  ASSERT_TRUE(loc.ok());
  NewWalkIn bad;
  bad.location_id = loc->id;
  bad.name = "Nieuw Persoon";
  bad.question = "  ";
  bad.queue_id = other_queue->id;
  auto r = service_->LogWalkIn(bad, agent);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  std::set<std::string> fields;
  for (const FieldError& e : r.status().fields()) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"question", "queue_id"}));

  bad.queue_id.reset();
  bad.question = "Waar is mijn pakket?";
  bad.email = "niet-een-adres";
  bad.phone = "12";
  r = service_->LogWalkIn(bad, agent);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  fields.clear();
  for (const FieldError& e : r.status().fields()) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"email", "phone"}));

  ASSERT_TRUE(service_->Update(loc->id, {.active = false}).ok());
  bad.email.clear();
  bad.phone.clear();
  r = service_->LogWalkIn(bad, agent);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().at(0).field, "location_id");
  EXPECT_EQ(*store_->customers().Count(), 0) << "no customer for a refused walk-in";
}

LUISTER_CONTRACT_ENGINES(LocationContractTest);

}  // namespace
}  // namespace luister::contract
