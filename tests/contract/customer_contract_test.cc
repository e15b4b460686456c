#include <gtest/gtest.h>

#include <set>

#include "contract_test.h"

namespace luister::contract {
namespace {

using CustomerRepoTest = ContractTest;

TEST_P(CustomerRepoTest, CreateGetAndUpdate) {
  int64_t manager = MakeUser("am@example.com");
  NewCustomer n;
  n.name = "Anna de Vries";
  n.segment = "smb";
  n.language = Language::kNl;
  n.preferred_channel = Channel::kPhone;
  n.contact_hours = ContactHours{540, 1050};
  n.account_manager_id = manager;
  n.identities = {{IdentityKind::kEmail, "anna@example.com"},
                  {IdentityKind::kPhone, "+31612345678"}};
  n.created_at = T(5);
  auto created = store_->customers().Create(n);
  ASSERT_TRUE(created.ok()) << created.status().ToString();

  auto got = store_->customers().Get(created->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "Anna de Vries");
  EXPECT_EQ(got->segment, "smb");
  EXPECT_EQ(got->language, Language::kNl);
  EXPECT_EQ(got->preferred_channel, Channel::kPhone);
  ASSERT_TRUE(got->contact_hours);
  EXPECT_EQ(got->contact_hours->to_minute, 1050);
  EXPECT_EQ(got->account_manager_id, manager);
  EXPECT_EQ(got->created_at, T(5));
  ASSERT_EQ(got->identities.size(), 2u);
  EXPECT_EQ(got->identities[1].value, "+31612345678");

  CustomerPatch p;
  p.name = "Anna Jansen";
  p.clear_preferred_channel = true;
  p.clear_contact_hours = true;
  p.clear_account_manager = true;
  auto updated = UpdateCustomer(created->id, p, T(10));
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  EXPECT_EQ(updated->name, "Anna Jansen");
  EXPECT_EQ(updated->segment, "smb");
  EXPECT_FALSE(updated->preferred_channel);
  EXPECT_FALSE(updated->contact_hours);
  EXPECT_FALSE(updated->account_manager_id);
  EXPECT_EQ(updated->updated_at, T(10));

  EXPECT_EQ(store_->customers().Get(999).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(UpdateCustomer(999, p, T(1)).status().code(), StatusCode::kNotFound);
}

TEST_P(CustomerRepoTest, IdentityConflictAndLookup) {
  int64_t a = MakeCustomer("A", "a@example.com");
  int64_t b = MakeCustomer("B", "b@example.com");

  auto clash = store_->customers().AddIdentity(b, {IdentityKind::kEmail, "a@example.com"}, T(1));
  EXPECT_EQ(clash.status().code(), StatusCode::kConflict);

  auto phone = store_->customers().AddIdentity(b, {IdentityKind::kPhone, "+3120"}, T(1));
  ASSERT_TRUE(phone.ok());
  EXPECT_EQ(phone->customer_id, b);

  auto found = store_->customers().FindByIdentity(IdentityKind::kEmail, "a@example.com");
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->id, a);
  auto none = store_->customers().FindByIdentity(IdentityKind::kPhone, "a@example.com");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  EXPECT_EQ(store_->customers().RemoveIdentity(a, phone->id).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store_->customers().RemoveIdentity(b, phone->id).ok());
  EXPECT_FALSE(store_->customers().FindByIdentity(IdentityKind::kPhone, "+3120")->has_value());
  EXPECT_EQ(
      store_->customers().AddIdentity(999, {IdentityKind::kPhone, "+1"}, T(1)).status().code(),
      StatusCode::kNotFound);
}

TEST_P(CustomerRepoTest, FailedCreateLeavesNothingBehind) {
  MakeCustomer("Existing", "taken@example.com");
  NewCustomer n;
  n.name = "Newcomer";
  n.identities = {{IdentityKind::kEmail, "fresh@example.com"},
                  {IdentityKind::kEmail, "taken@example.com"}};
  auto r = store_->customers().Create(n);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kConflict);
  EXPECT_EQ(*store_->customers().Count(), 1);
  auto fresh = store_->customers().FindByIdentity(IdentityKind::kEmail, "fresh@example.com");
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE(fresh->has_value());
  auto all = store_->customers().List({}, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->items.size(), 1u);
  EXPECT_EQ(all->items[0].name, "Existing");
}

TEST_P(CustomerRepoTest, ListPaginatesWithoutDuplicatesOrGaps) {
  std::set<int64_t> created;
  for (int i = 0; i < 23; ++i) created.insert(MakeCustomer("C" + std::to_string(i)));
  std::set<int64_t> seen;
  PageRequest p;
  p.limit = 5;
  int pages = 0;
  int64_t last = 0;
  while (true) {
    auto page = store_->customers().List({}, p);
    ASSERT_TRUE(page.ok());
    ++pages;
    for (const auto& c : page->items) {
      EXPECT_GT(c.id, last);
      last = c.id;
      EXPECT_TRUE(seen.insert(c.id).second) << "duplicate " << c.id;
    }
    if (!page->next) break;
    p.after = page->next;
  }
  EXPECT_EQ(seen, created);
  EXPECT_EQ(pages, 5);

  // An exact multiple of the page size must not promise a further page.
  p = PageRequest{};
  p.limit = 23;
  auto exact = store_->customers().List({}, p);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact->items.size(), 23u);
  EXPECT_FALSE(exact->next);
}

TEST_P(CustomerRepoTest, ListFilters) {
  int64_t manager = MakeUser("am@example.com");
  NewCustomer org;
  org.name = "Acme";
  org.kind = CustomerKind::kOrganisation;
  org.segment = "key_account";
  org.account_manager_id = manager;
  auto acme = store_->customers().Create(org);
  ASSERT_TRUE(acme.ok());
  NewCustomer person;
  person.name = "Piet";
  person.organisation_id = acme->id;
  auto piet = store_->customers().Create(person);
  ASSERT_TRUE(piet.ok());
  MakeCustomer("Other");

  CustomerFilter f;
  f.segment = "key_account";
  auto r = store_->customers().List(f, {});
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].id, acme->id);

  f = {};
  f.kind = CustomerKind::kOrganisation;
  EXPECT_EQ(store_->customers().List(f, {})->items.size(), 1u);
  f = {};
  f.organisation_id = acme->id;
  r = store_->customers().List(f, {});
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].id, piet->id);
  f = {};
  f.account_manager_id = manager;
  EXPECT_EQ(store_->customers().List(f, {})->items.size(), 1u);
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(CustomerRepoTest);

}  // namespace
}  // namespace luister::contract
