// The AuditRepository contract, on every engine.
#include "contract_test.h"

namespace luister::contract {
namespace {

using AuditContract = ContractTest;

AuditEntry Entry(int64_t at_ms, std::optional<int64_t> user, const std::string& action,
                 std::optional<int64_t> customer) {
  AuditEntry e;
  e.at = FromMillis(at_ms);
  e.user_id = user;
  e.action = action;
  e.entity = "customer";
  e.entity_id = customer;
  e.customer_id = customer;
  e.endpoint = "GET /api/v1/customers/{id}";
  e.ip = "127.0.0.1";
  return e;
}

TEST_P(AuditContract, ListsNewestFirstWithFilters) {
  ASSERT_TRUE(store_->audit().Append(Entry(10, 1, "read", 7)).ok());
  ASSERT_TRUE(store_->audit().Append(Entry(20, 2, "update", 7)).ok());
  ASSERT_TRUE(store_->audit().Append(Entry(30, 1, "read", 8)).ok());
  ASSERT_TRUE(store_->audit().Append(Entry(40, std::nullopt, "merge", 8)).ok());

  auto all = store_->audit().List({}, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->items.size(), 4u);
  EXPECT_EQ(all->items[0].action, "merge");
  EXPECT_FALSE(all->items[0].user_id);
  EXPECT_EQ(all->items[3].at, FromMillis(10));
  EXPECT_EQ(all->items[3].endpoint, "GET /api/v1/customers/{id}");

  AuditFilter f;
  f.user_id = 1;
  EXPECT_EQ(store_->audit().List(f, {})->items.size(), 2u);
  f = {};
  f.customer_id = 7;
  EXPECT_EQ(store_->audit().List(f, {})->items.size(), 2u);
  f = {};
  f.action = "read";
  f.customer_id = 8;
  auto one = store_->audit().List(f, {});
  ASSERT_EQ(one->items.size(), 1u);
  EXPECT_EQ(one->items[0].at, FromMillis(30));
  f = {};
  f.from = FromMillis(20);
  f.to = FromMillis(40);
  EXPECT_EQ(store_->audit().List(f, {})->items.size(), 2u);

  PageRequest p;
  p.limit = 3;
  auto first = store_->audit().List({}, p);
  ASSERT_TRUE(first->next);
  p.after = first->next;
  auto second = store_->audit().List({}, p);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].at, FromMillis(10));
  EXPECT_FALSE(second->next);
}

LUISTER_CONTRACT_ENGINES(AuditContract);

}  // namespace
}  // namespace luister::contract
