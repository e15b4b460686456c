#include <gtest/gtest.h>

#include <set>

#include "contract_test.h"

namespace luister::contract {
namespace {

class TimelineTest : public ContractTest {
 protected:
  std::vector<Activity> All(int64_t customer, const TimelineFilter& f = {}) {
    auto page = store_->timeline().Timeline(customer, f, PageRequest{kMaxPageSize, {}});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->items : std::vector<Activity>{};
  }
};

TEST_P(TimelineTest, RecordsEveryChangeNewestFirst) {
  int64_t support = MakeDepartment("Support");
  int64_t sales = MakeDepartment("Sales");
  int64_t agent = MakeUser("agent@example.com", "Agent Smith");
  int64_t cust = MakeCustomer("K");
  Conversation c = MakeConversation(cust, support, "Broken kettle", Channel::kEmail, 10);
  AddMessage(c.id, "My kettle is broken", 20, Direction::kIn);
  AddMessage(c.id, "check warranty", 30, Direction::kOut, /*internal=*/true);
  ConversationPatch p;
  p.assignee_id = agent;
  p.status = ConversationStatus::kOpen;
  ASSERT_TRUE(Update(c.id, p, agent, T(40)).ok());
  ASSERT_TRUE(
      Transfer({c.id, support, sales, std::nullopt, "Needs a replacement", agent, T(50)}).ok());

  auto items = All(cust);
  std::vector<ActivityKind> kinds;
  for (auto& a : items) kinds.push_back(a.kind);
  EXPECT_EQ(kinds,
            (std::vector<ActivityKind>{ActivityKind::kHandover, ActivityKind::kAssigned,
                                       ActivityKind::kStatusChanged, ActivityKind::kNote,
                                       ActivityKind::kMessage, ActivityKind::kConversationOpened}));
  EXPECT_EQ(items[0].summary, "Needs a replacement");
  EXPECT_EQ(items[0].department_id, sales);
  EXPECT_EQ(items[0].params,
            ActivityParams().Set("from_department_id", support).Set("to_department_id", sales));
  // Events are data, never English text: the readers word them.
  EXPECT_EQ(items[1].summary, "");
  EXPECT_EQ(items[1].params, ActivityParams().Set("assignee_id", agent));
  EXPECT_EQ(items[1].actor_user_id, agent);
  EXPECT_EQ(items[2].summary, "");
  EXPECT_EQ(items[2].params, ActivityParams().Set("from", "new").Set("to", "open"));
  EXPECT_TRUE(items[3].params.empty());
  EXPECT_EQ(items[4].summary, "My kettle is broken");
  EXPECT_EQ(items[4].direction, Direction::kIn);
  EXPECT_TRUE(items[4].message_id);
  EXPECT_EQ(items[4].department_id, support);
  EXPECT_EQ(items[4].channel, Channel::kEmail);
  EXPECT_EQ(items[5].conversation_id, c.id);
  EXPECT_EQ(items[5].at, T(10));
  EXPECT_EQ(items[5].summary, "Broken kettle");

  // Unassigning records the previous assignee and no new one (the
  // hand-over above cleared the assignee: assign again first).
  ConversationPatch assign;
  assign.assignee_id = agent;
  ASSERT_TRUE(Update(c.id, assign, agent, T(60)).ok());
  ConversationPatch unassign;
  unassign.clear_assignee = true;
  ASSERT_TRUE(Update(c.id, unassign, agent, T(70)).ok());
  items = All(cust);
  ASSERT_EQ(items[0].kind, ActivityKind::kAssigned);
  EXPECT_EQ(items[0].params, ActivityParams().Set("previous_assignee_id", agent));

  EXPECT_EQ(store_->timeline().Timeline(999, {}, {}).status().code(), StatusCode::kNotFound);
}

TEST_P(TimelineTest, StatusChangeFromMessageIsInSameTransaction) {
  Conversation c = MakeConversation(MakeCustomer("K"), MakeDepartment());
  NewMessage m;
  m.conversation_id = c.id;
  m.direction = Direction::kOut;
  m.body_text = "done";
  m.author_user_id = 999;  // unknown author: the whole write must roll back
  m.created_at = T(5);
  auto r = Append(m, ConversationStatus::kResolved);
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  auto got = store_->conversations().Get(c.id);
  EXPECT_EQ(got->status, ConversationStatus::kNew);
  EXPECT_EQ(got->message_count, 0);
  EXPECT_EQ(All(c.customer_id).size(), 1u);

  m.author_user_id.reset();
  ASSERT_TRUE(Append(m, ConversationStatus::kResolved).ok());
  auto items = All(c.customer_id);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].kind, ActivityKind::kStatusChanged);
  EXPECT_EQ(items[0].params.Text("from"), "new");
  EXPECT_EQ(items[0].params.Text("to"), "resolved");
}

TEST_P(TimelineTest, PaginatesWithTiesWithoutGaps) {
  int64_t cust = MakeCustomer("K");
  Conversation c = MakeConversation(MakeCustomer("Other"), MakeDepartment());
  c = MakeConversation(cust, c.department_id, "S", Channel::kEmail, 0);
  // Pairs of messages share a timestamp, so the id must break ties.
  for (int i = 0; i < 12; ++i) AddMessage(c.id, "m" + std::to_string(i), 100 + i / 2);
  std::vector<int64_t> ids;
  PageRequest p;
  p.limit = 4;
  while (true) {
    auto page = store_->timeline().Timeline(cust, {}, p);
    ASSERT_TRUE(page.ok());
    for (auto& a : page->items) ids.push_back(a.id);
    if (!page->next) break;
    p.after = page->next;
  }
  ASSERT_EQ(ids.size(), 13u);
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), 13u);
  auto all = All(cust);
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], all[i].id);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_TRUE(all[i - 1].at > all[i].at ||
                (all[i - 1].at == all[i].at && all[i - 1].id > all[i].id));
  }
}

TEST_P(TimelineTest, Filters) {
  int64_t support = MakeDepartment("Support");
  int64_t sales = MakeDepartment("Sales");
  int64_t cust = MakeCustomer("K");
  Conversation mail = MakeConversation(cust, support, "Mail", Channel::kEmail, 10);
  Conversation phone = MakeConversation(cust, sales, "Call", Channel::kPhone, 20);
  AddMessage(mail.id, "mail in", 30);
  AddMessage(phone.id, "call notes", 40, Direction::kOut, /*internal=*/true);
  AddMessage(phone.id, "called back", 50, Direction::kOut);

  TimelineFilter f;
  f.channel = Channel::kPhone;
  auto items = All(cust, f);
  ASSERT_EQ(items.size(), 3u);
  for (auto& a : items) EXPECT_EQ(a.channel, Channel::kPhone);

  f = {};
  f.department_id = support;
  items = All(cust, f);
  ASSERT_EQ(items.size(), 2u);
  for (auto& a : items) EXPECT_EQ(a.conversation_id, mail.id);

  f = {};
  f.from = T(20);
  f.to = T(50);
  items = All(cust, f);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items.front().at, T(40));
  EXPECT_EQ(items.back().at, T(20));

  f = {};
  f.include_internal = false;
  items = All(cust, f);
  EXPECT_EQ(items.size(), 4u);
  for (auto& a : items) EXPECT_NE(a.kind, ActivityKind::kNote);
  EXPECT_EQ(All(cust).size(), 5u);
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(TimelineTest);

}  // namespace
}  // namespace luister::contract
