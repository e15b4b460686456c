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

TEST_P(AuditContract, ABatchKeepsEveryValueAndItsOrder) {
  // Values that an array literal or a multi-row statement could mangle.
  const std::vector<std::string> awkward = {
      R"(GET /api/v1/search?q="quoted")", R"(back\slash)", "{braces},commas", "NULL", "",
      "Zoë \xE2\x98\x83 caf\xC3\xA9",     "tab\there"};
  std::vector<AuditEntry> batch;
  for (int i = 0; i < 4500; ++i) {  // more than one statement's worth
    AuditEntry e = Entry(1000 + i, i % 3 ? std::optional<int64_t>(i) : std::nullopt, "read",
                         i % 5 ? std::optional<int64_t>(i % 50) : std::nullopt);
    e.endpoint = awkward[i % awkward.size()];
    e.ip = i % 2 ? "::1" : "10.0.0." + std::to_string(i % 250);
    batch.push_back(e);
  }
  ASSERT_TRUE(store_->audit().AppendBatch(batch).ok());
  ASSERT_TRUE(store_->audit().AppendBatch({}).ok());

  std::vector<AuditEntry> back;
  PageRequest p;
  p.limit = kMaxPageSize;
  while (true) {
    auto page = store_->audit().List({}, p);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    back.insert(back.end(), page->items.begin(), page->items.end());
    if (!page->next) break;
    p.after = page->next;
  }
  ASSERT_EQ(back.size(), batch.size());
  for (size_t i = 0; i < batch.size(); ++i) {
    const AuditEntry& want = batch[batch.size() - 1 - i];  // newest first
    const AuditEntry& got = back[i];
    ASSERT_EQ(got.at, want.at) << i;
    EXPECT_EQ(got.user_id, want.user_id) << i;
    EXPECT_EQ(got.entity_id, want.entity_id) << i;
    EXPECT_EQ(got.customer_id, want.customer_id) << i;
    EXPECT_EQ(got.endpoint, want.endpoint) << i;
    EXPECT_EQ(got.ip, want.ip) << i;
    EXPECT_EQ(got.action, "read");
  }
  EXPECT_LT(back[1].id, back[0].id) << "ids follow the batch's order";
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

LUISTER_CONTRACT_ENGINES_AND_MEMORY(AuditContract);

}  // namespace
}  // namespace luister::contract
