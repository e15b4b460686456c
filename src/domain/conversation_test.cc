// Status rules of conversations that need no store (the services' rules
// over a store are in conversation_service_test.cc).
#include <gtest/gtest.h>

#include "domain/conversation_service.h"

namespace luister {
namespace {

TEST(NextStatusTest, MessagesMoveTheBall) {
  using S = ConversationStatus;
  EXPECT_EQ(NextStatusAfterMessage(S::kNew, Direction::kOut, false), S::kWaitingOnCustomer);
  EXPECT_EQ(NextStatusAfterMessage(S::kWaitingOnCustomer, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kResolved, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kOpen, Direction::kOut, true), S::kOpen);
}

Conversation Sample() {
  Conversation v;
  v.id = 5;
  v.customer_id = 9;
  v.channel = Channel::kChat;
  v.department_id = 2;
  v.status = ConversationStatus::kNew;
  v.subject = "Where is   my order?";
  v.created_at = Timestamp(std::chrono::milliseconds(1000));
  return v;
}

TEST(ConversationActivityTest, StatusChangeIsDataAndKeepsResolvedAtInStep) {
  Conversation v = Sample();
  Timestamp at(std::chrono::milliseconds(2000));
  EXPECT_FALSE(MoveStatus(&v, ConversationStatus::kNew, at, 1));
  auto a = MoveStatus(&v, ConversationStatus::kResolved, at, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->kind, ActivityKind::kStatusChanged);
  EXPECT_EQ(a->params, ActivityParams().Set("from", "new").Set("to", "resolved"));
  EXPECT_EQ(a->summary, "");
  EXPECT_EQ(a->customer_id, 9);
  EXPECT_EQ(a->conversation_id, 5);
  EXPECT_EQ(v.resolved_at, at);
  ASSERT_TRUE(MoveStatus(&v, ConversationStatus::kWaitingOnUs, at, 1));
  EXPECT_FALSE(v.resolved_at);
}

TEST(ConversationActivityTest, AssignmentOnlyWhenTheAssigneeChanges) {
  Conversation before = Sample();
  Conversation after = before;
  Timestamp at(std::chrono::milliseconds(3000));
  EXPECT_FALSE(AssignmentActivity(before, after, at, 1));
  after.assignee_id = 4;
  auto a = AssignmentActivity(before, after, at, 1);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->params, ActivityParams().Set("assignee_id", int64_t{4}));
  auto back = AssignmentActivity(after, before, at, 1);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->params, ActivityParams().Set("previous_assignee_id", int64_t{4}));
}

TEST(ConversationActivityTest, OpenedAndHandoverCarryOnlyPeoplesWords) {
  Conversation v = Sample();
  Activity opened = OpenedActivity(v, std::nullopt);
  EXPECT_EQ(opened.summary, "Where is my order?");
  EXPECT_EQ(opened.at, v.created_at);
  EXPECT_TRUE(opened.params.empty());

  Handover h{5,
             2,
             3,
             int64_t{8},
             "Customer wants a refund",
             1,
             Timestamp(std::chrono::milliseconds(4000))};
  auto moved = HandOver(&v, h);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->summary, "Customer wants a refund");
  EXPECT_EQ(moved->params, ActivityParams()
                               .Set("from_department_id", int64_t{2})
                               .Set("to_department_id", int64_t{3})
                               .Set("to_queue_id", int64_t{8}));
  EXPECT_EQ(v.department_id, 3);
  h.from_department_id = 2;  // it is in 3 now
  EXPECT_EQ(HandOver(&v, h).status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace luister
