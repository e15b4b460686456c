#include <gtest/gtest.h>

#include "contract_test.h"
#include "domain/mail_quarantine.h"

namespace luister::contract {
namespace {

using QuarantineRepoTest = ContractTest;

TEST_P(QuarantineRepoTest, HoldsListsAndResolvesOnce) {
  auto found = store_->Find<QuarantineRepository>();
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  QuarantineRepository& held = **found;
  int64_t dept = MakeDepartment();
  auto queue = store_->directory().CreateQueue(dept, "Mail", T(0));
  ASSERT_TRUE(queue.ok());

  NewQuarantinedMail m;
  m.source = "mailgate";
  m.queue_id = queue->id;
  m.raw_sha256 = std::string(64, 'a');
  m.size_bytes = 23;
  m.reason = "not an e-mail message";
  m.received_at = T(10);
  auto first = held.Add(m);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->state, QuarantineState::kHeld);
  EXPECT_EQ(first->queue_id, queue->id);
  EXPECT_EQ(first->received_at, T(10));
  m.source = "import";
  m.queue_id.reset();
  m.received_at = T(20);
  auto second = held.Add(m);
  ASSERT_TRUE(second.ok());

  PageRequest page;
  page.limit = 1;
  auto list = held.List(QuarantineState::kHeld, page);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id, second->id) << "newest first";
  ASSERT_TRUE(list->next);
  page.after = list->next;
  list = held.List(QuarantineState::kHeld, page);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id, first->id);
  EXPECT_FALSE(list->next);

  int64_t admin = MakeUser("admin@example.com", "Admin");
  auto discarded = held.Resolve(first->id, QuarantineState::kDiscarded, admin, T(30));
  ASSERT_TRUE(discarded.ok()) << discarded.status().ToString();
  EXPECT_EQ(discarded->state, QuarantineState::kDiscarded);
  EXPECT_EQ(discarded->resolved_at, T(30));
  EXPECT_EQ(discarded->resolved_by, admin);
  EXPECT_EQ(held.Resolve(first->id, QuarantineState::kReprocessed, admin, T(40)).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(held.Resolve(999, QuarantineState::kDiscarded, admin, T(40)).status().code(),
            StatusCode::kNotFound);
  auto still = held.List(QuarantineState::kHeld, {});
  ASSERT_TRUE(still.ok());
  ASSERT_EQ(still->items.size(), 1u);
  EXPECT_EQ(still->items[0].id, second->id);
  auto all = held.List(std::nullopt, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->items.size(), 2u);
}

LUISTER_CONTRACT_ENGINES(QuarantineRepoTest);

}  // namespace
}  // namespace luister::contract
