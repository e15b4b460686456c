// The plans and status rules of conversations, as pure functions (the
// services over the in-memory store are in conversation_service_test.cc).
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

TEST(PlanTest, AnUpdateRecordsOnlyWhatReallyChanged) {
  Conversation v;
  v.id = 5;
  v.customer_id = 9;
  v.department_id = 2;
  v.status = ConversationStatus::kWaitingOnUs;
  v.assignee_id = 3;
  v.tags = {"old"};
  const Timestamp at(std::chrono::milliseconds(7000));

  ConversationPatch same;
  same.status = ConversationStatus::kWaitingOnUs;
  same.assignee_id = 3;
  auto quiet = PlanUpdate(v, same, 1, at);
  ASSERT_TRUE(quiet.ok());
  EXPECT_TRUE(quiet->activities.empty()) << "nothing moved, nothing to record";
  EXPECT_EQ(quiet->next.updated_at, at);

  ConversationPatch p;
  p.status = ConversationStatus::kResolved;
  p.clear_assignee = true;
  p.tags = std::vector<std::string>{"refund"};
  auto plan = PlanUpdate(v, p, 1, at);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->next.id, 5);
  EXPECT_EQ(plan->next.status, ConversationStatus::kResolved);
  EXPECT_EQ(plan->next.resolved_at, at);
  EXPECT_FALSE(plan->next.assignee_id);
  EXPECT_EQ(plan->next.tags, std::vector<std::string>{"refund"});
  ASSERT_EQ(plan->activities.size(), 2u);
  EXPECT_EQ(plan->activities[0].kind, ActivityKind::kStatusChanged);
  EXPECT_EQ(plan->activities[1].kind, ActivityKind::kAssigned);
  EXPECT_EQ(plan->activities[1].params, ActivityParams().Set("previous_assignee_id", int64_t{3}));
  EXPECT_EQ(v.status, ConversationStatus::kWaitingOnUs) << "a plan leaves its input alone";
}

TEST(PlanTest, AMessageIsCountedAndMovesTheStatusByTheRule) {
  Conversation v;
  v.id = 5;
  v.customer_id = 9;
  v.status = ConversationStatus::kWaitingOnUs;
  NewMessage reply;
  reply.direction = Direction::kOut;
  reply.body_text = "Here you go";
  const Timestamp at(std::chrono::milliseconds(9000));
  ConversationChange c = PlanMessageByRule(v, reply, 77, at);
  EXPECT_EQ(c.next.message_count, 1);
  EXPECT_EQ(c.next.first_response_at, at);
  EXPECT_EQ(c.next.status, ConversationStatus::kWaitingOnCustomer);
  ASSERT_EQ(c.activities.size(), 2u);
  EXPECT_EQ(c.activities[0].message_id, 77);
  EXPECT_EQ(c.activities[0].summary, "Here you go");
  EXPECT_EQ(c.activities[1].params,
            ActivityParams().Set("from", "waiting_on_us").Set("to", "waiting_on_customer"));

  NewMessage note = reply;
  note.internal = true;
  ConversationChange n = PlanMessageByRule(v, note, 78, at);
  EXPECT_EQ(n.next.status, ConversationStatus::kWaitingOnUs) << "notes leave the status";
  EXPECT_FALSE(n.next.first_response_at) << "a note is no response";
  ASSERT_EQ(n.activities.size(), 1u);
  EXPECT_EQ(n.activities[0].kind, ActivityKind::kNote);

  EXPECT_EQ(PlanOpening(v, 4).front().kind, ActivityKind::kConversationOpened);
}

}  // namespace
}  // namespace luister
