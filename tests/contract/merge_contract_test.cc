#include <gtest/gtest.h>

#include "contract_test.h"

namespace luister::contract {
namespace {

using MergeTest = ContractTest;

TEST_P(MergeTest, MovesEverythingAndRecordsIt) {
  int64_t dept = MakeDepartment();
  int64_t admin = MakeUser("admin@example.com");
  int64_t source = MakeCustomer("Jan (duplicate)", "jan@home.example");
  ASSERT_TRUE(store_->customers().AddIdentity(source, {IdentityKind::kPhone, "+31611"}, T(1)).ok());
  int64_t target = MakeCustomer("Jan Jansen", "jan@work.example");
  Conversation c1 = MakeConversation(source, dept, "One", Channel::kEmail, 10);
  Conversation c2 = MakeConversation(source, dept, "Two", Channel::kChat, 20);
  Message m = AddMessage(c1.id, "hello", 30);
  MakeConversation(target, dept, "Own", Channel::kEmail, 40);

  auto r = Merge(source, target, admin, T(100));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->source_id, source);
  EXPECT_EQ(r->target_id, target);
  EXPECT_EQ(r->source_name, "Jan (duplicate)");
  EXPECT_EQ(r->moved_identities, 2);
  EXPECT_EQ(r->moved_conversations, 2);
  EXPECT_EQ(r->moved_activities, 3);
  EXPECT_GT(r->id, 0);

  auto src = store_->customers().Get(source);
  ASSERT_TRUE(src.ok());
  EXPECT_EQ(src->merged_into_id, target);
  EXPECT_TRUE(src->identities.empty());
  auto tgt = store_->customers().Get(target);
  EXPECT_EQ(tgt->identities.size(), 3u);
  EXPECT_EQ(store_->conversations().Get(c2.id)->customer_id, target);
  EXPECT_EQ(store_->conversations().GetMessage(m.id)->customer_id, target);
  auto found = store_->customers().FindByIdentity(IdentityKind::kEmail, "jan@home.example");
  EXPECT_EQ((*found)->id, target);

  auto timeline = store_->timeline().Timeline(target, {}, {});
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->items.size(), 5u);
  EXPECT_EQ(timeline->items[0].kind, ActivityKind::kMerged);
  EXPECT_EQ(timeline->items[0].actor_user_id, admin);
  EXPECT_EQ(timeline->items[0].params,
            ActivityParams().Set("source_id", source).Set("source_name", "Jan (duplicate)"));
  EXPECT_EQ(timeline->items[0].summary, "");
  EXPECT_TRUE(store_->timeline().Timeline(source, {}, {})->items.empty());

  auto merges = store_->customers().ListMerges(target);
  ASSERT_TRUE(merges.ok());
  ASSERT_EQ(merges->size(), 1u);
  EXPECT_EQ((*merges)[0].moved_conversations, 2);
  EXPECT_EQ((*merges)[0].at, T(100));

  auto listed = store_->customers().List({}, {});
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, target);
  CustomerFilter with_merged;
  with_merged.include_merged = true;
  EXPECT_EQ(store_->customers().List(with_merged, {})->items.size(), 2u);
  EXPECT_EQ(*store_->customers().Count(), 1);
}

TEST_P(MergeTest, RefusesSelfDoubleAndUnknown) {
  int64_t admin = MakeUser("admin@example.com");
  int64_t a = MakeCustomer("A");
  int64_t b = MakeCustomer("B");
  int64_t c = MakeCustomer("C");
  EXPECT_EQ(Merge(a, a, admin, T(1)).status().code(), StatusCode::kConflict);
  ASSERT_TRUE(Merge(a, b, admin, T(1)).ok());
  EXPECT_EQ(Merge(a, b, admin, T(2)).status().code(), StatusCode::kConflict);
  EXPECT_EQ(Merge(a, c, admin, T(2)).status().code(), StatusCode::kConflict);
  EXPECT_EQ(Merge(c, a, admin, T(2)).status().code(), StatusCode::kConflict);
  EXPECT_EQ(Merge(999, b, admin, T(2)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Merge(c, 999, admin, T(2)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->customers().ListMerges(b)->size(), 1u);
  EXPECT_FALSE(store_->customers().Get(c)->merged_into_id);
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(MergeTest);

}  // namespace
}  // namespace luister::contract
