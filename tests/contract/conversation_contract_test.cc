#include <gtest/gtest.h>

#include <set>

#include "contract_test.h"

namespace luister::contract {
namespace {

using ConversationRepoTest = ContractTest;

TEST_P(ConversationRepoTest, CreateGetAndUnknownReferences) {
  int64_t dept = MakeDepartment();
  int64_t cust = MakeCustomer("Klant");
  NewConversation n;
  n.customer_id = cust;
  n.department_id = dept;
  n.subject = "Where is my order?";
  n.channel = Channel::kChat;
  n.priority = Priority::kHigh;
  n.tags = {"billing", "vip"};
  n.created_at = T(100);
  auto c = store_->conversations().Create(n, Opened(std::nullopt));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->status, ConversationStatus::kNew);
  EXPECT_EQ(c->last_message_at, T(100));
  EXPECT_EQ(c->tags, (std::vector<std::string>{"billing", "vip"}));
  auto got = store_->conversations().Get(c->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->priority, Priority::kHigh);
  EXPECT_EQ(got->channel, Channel::kChat);

  n.customer_id = 999;
  EXPECT_EQ(store_->conversations().Create(n, Opened(std::nullopt)).status().code(),
            StatusCode::kNotFound);
  n.customer_id = cust;
  n.department_id = 999;
  EXPECT_EQ(store_->conversations().Create(n, Opened(std::nullopt)).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(store_->conversations().Get(999).status().code(), StatusCode::kNotFound);
}

TEST_P(ConversationRepoTest, UpdateChangesFieldsAndTags) {
  int64_t dept = MakeDepartment();
  int64_t agent = MakeUser("agent@example.com", "Agent Smith");
  auto queue = store_->directory().CreateQueue(dept, "First line", T(0));
  ASSERT_TRUE(queue.ok());
  Conversation c = MakeConversation(MakeCustomer("K"), dept);

  ConversationPatch p;
  p.status = ConversationStatus::kResolved;
  p.assignee_id = agent;
  p.queue_id = queue->id;
  p.tags = std::vector<std::string>{"refund"};
  auto u = Update(c.id, p, agent, T(50));
  ASSERT_TRUE(u.ok()) << u.status().ToString();
  EXPECT_EQ(u->status, ConversationStatus::kResolved);
  EXPECT_EQ(u->resolved_at, T(50));
  EXPECT_EQ(u->assignee_id, agent);
  EXPECT_EQ(u->queue_id, queue->id);
  EXPECT_EQ(u->tags, std::vector<std::string>{"refund"});

  ConversationPatch reopen;
  reopen.status = ConversationStatus::kOpen;
  reopen.clear_assignee = true;
  reopen.clear_queue = true;
  u = Update(c.id, reopen, agent, T(60));
  ASSERT_TRUE(u.ok());
  EXPECT_FALSE(u->resolved_at);
  EXPECT_FALSE(u->assignee_id);
  EXPECT_FALSE(u->queue_id);
  EXPECT_EQ(u->tags, std::vector<std::string>{"refund"});

  ConversationPatch bad;
  bad.assignee_id = 999;
  EXPECT_EQ(Update(c.id, bad, agent, T(70)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->conversations().Get(c.id)->assignee_id, std::nullopt);
}

TEST_P(ConversationRepoTest, ChangePersistsThePlanAsGivenOrNothing) {
  int64_t dept = MakeDepartment();
  int64_t agent = MakeUser("agent@example.com");
  Conversation c = MakeConversation(MakeCustomer("K"), dept, "Old subject");

  // Storage decides nothing: whatever state and entries the plan returns
  // are what is stored, tags included.
  Conversation seen;
  auto changed = store_->conversations().Change(c.id, [&](const Conversation& now) {
    seen = now;
    ConversationChange change{now, {}};
    change.next.subject = "New subject";
    change.next.priority = Priority::kUrgent;
    change.next.tags = {"a", "b"};
    Activity a = ConversationActivity(now, ActivityKind::kAssigned, T(7), agent);
    a.params.Set("assignee_id", agent);
    change.activities.push_back(a);
    return Result<ConversationChange>(change);
  });
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(seen.id, c.id);
  EXPECT_EQ(seen.subject, "Old subject") << "the plan sees the conversation as it stands";
  EXPECT_EQ(changed->subject, "New subject");
  EXPECT_EQ(changed->priority, Priority::kUrgent);
  EXPECT_EQ(changed->tags, (std::vector<std::string>{"a", "b"}));
  auto timeline = store_->timeline().Timeline(c.customer_id, {}, {});
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->items.size(), 2u);
  EXPECT_EQ(timeline->items[0].kind, ActivityKind::kAssigned);
  EXPECT_EQ(timeline->items[0].at, T(7));
  EXPECT_EQ(timeline->items[0].params, ActivityParams().Set("assignee_id", agent));

  // A plan that refuses writes nothing.
  auto refused = store_->conversations().Change(
      c.id, [](const Conversation&) { return Result<ConversationChange>(Conflict("not now")); });
  EXPECT_EQ(refused.status().code(), StatusCode::kConflict);
  EXPECT_EQ(store_->conversations().Get(c.id)->subject, "New subject");
  EXPECT_EQ(store_->timeline().Timeline(c.customer_id, {}, {})->items.size(), 2u);

  // Unknown ids never reach the plan.
  bool asked = false;
  auto unknown = store_->conversations().Change(999, [&](const Conversation& now) {
    asked = true;
    return Result<ConversationChange>(ConversationChange{now, {}});
  });
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(asked);
}

TEST_P(ConversationRepoTest, TransferMovesAndClearsAssignee) {
  int64_t support = MakeDepartment("Support");
  int64_t sales = MakeDepartment("Sales");
  int64_t agent = MakeUser("agent@example.com");
  auto queue = store_->directory().CreateQueue(sales, "Leads", T(0));
  Conversation c = MakeConversation(MakeCustomer("K"), support);
  ConversationPatch p;
  p.assignee_id = agent;
  ASSERT_TRUE(Update(c.id, p, agent, T(1)).ok());

  Handover h{c.id, support, sales, queue->id, "Wants a quote", agent, T(10)};
  auto t = Transfer(h);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->department_id, sales);
  EXPECT_EQ(t->queue_id, queue->id);
  EXPECT_FALSE(t->assignee_id);

  // A stale from_department means someone else moved it first.
  EXPECT_EQ(Transfer(h).status().code(), StatusCode::kConflict);
  h.conversation_id = 999;
  EXPECT_EQ(Transfer(h).status().code(), StatusCode::kNotFound);
}

TEST_P(ConversationRepoTest, AddMessageMaintainsCountersAndFirstResponse) {
  int64_t dept = MakeDepartment();
  Conversation c = MakeConversation(MakeCustomer("K"), dept);
  AddMessage(c.id, "Hello?", 10, Direction::kIn, false, ConversationStatus::kWaitingOnUs);
  AddMessage(c.id, "internal remark", 20, Direction::kOut, /*internal=*/true);
  auto after_note = store_->conversations().Get(c.id);
  EXPECT_FALSE(after_note->first_response_at);
  EXPECT_EQ(after_note->status, ConversationStatus::kWaitingOnUs);

  NewMessage reply;
  reply.conversation_id = c.id;
  reply.direction = Direction::kOut;
  reply.body_text = "Here you go";
  reply.attachments = {{"invoice.pdf", "application/pdf", 1234}, {"a.png", "image/png", 5}};
  reply.created_at = T(30);
  auto m = Append(reply, ConversationStatus::kResolved);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->message.attachments.size(), 2u);
  EXPECT_EQ(m->message.attachments[0].filename, "invoice.pdf");
  EXPECT_EQ(m->message.attachments[1].size_bytes, 5);
  EXPECT_EQ(m->message.customer_id, c.customer_id);
  EXPECT_TRUE(m->status_changed);
  EXPECT_EQ(m->conversation.message_count, 3);
  AddMessage(c.id, "second reply", 40, Direction::kOut);

  auto got = store_->conversations().Get(c.id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->message_count, 4);
  EXPECT_EQ(got->last_message_at, T(40));
  EXPECT_EQ(got->first_response_at, T(30));
  EXPECT_EQ(got->status, ConversationStatus::kResolved);
  EXPECT_EQ(got->resolved_at, T(30));
  EXPECT_EQ(*store_->conversations().CountMessages(), 4);

  auto fetched = store_->conversations().GetMessage(m->message.id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->body_text, "Here you go");
  EXPECT_EQ(fetched->attachments.size(), 2u);

  NewMessage orphan;
  orphan.conversation_id = 999;
  orphan.body_text = "x";
  EXPECT_EQ(Append(orphan, std::nullopt).status().code(), StatusCode::kNotFound);
}

TEST_P(ConversationRepoTest, OpenWritesConversationAndFirstMessageTogether) {
  int64_t dept = MakeDepartment();
  int64_t cust = MakeCustomer("K", "k@example.com");
  NewConversation n;
  n.customer_id = cust;
  n.department_id = dept;
  n.subject = "Levering";
  n.created_at = T(10);
  NewMessage first;
  first.direction = Direction::kIn;
  first.body_text = "Waar blijft mijn pakket?";
  first.external_id = "abc@mail.example.com";
  first.attachments = {{"foto.png", "image/png", 70, std::string(64, 'a'), "img1@x", true}};
  first.created_at = T(10);
  auto opened =
      store_->conversations().Open(n, Opened(std::nullopt), first, ToStatus(std::nullopt));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(opened->conversation.message_count, 1);
  EXPECT_EQ(opened->conversation.status, ConversationStatus::kNew);
  EXPECT_EQ(opened->message.conversation_id, opened->conversation.id);
  EXPECT_EQ(opened->message.external_id, "abc@mail.example.com");

  auto fetched = store_->conversations().GetMessage(opened->message.id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->external_id, "abc@mail.example.com");
  ASSERT_EQ(fetched->attachments.size(), 1u);
  EXPECT_EQ(fetched->attachments[0].sha256, std::string(64, 'a'));
  EXPECT_EQ(fetched->attachments[0].content_id, "img1@x");
  EXPECT_TRUE(fetched->attachments[0].inline_part);

  // The same external id again: refused, and nothing of the second
  // conversation is left behind.
  auto before = store_->conversations().List({}, {});
  ASSERT_TRUE(before.ok());
  auto again = store_->conversations().Open(n, Opened(std::nullopt), first, ToStatus(std::nullopt));
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  auto after = store_->conversations().List({}, {});
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->items.size(), before->items.size());
  NewMessage reply = first;
  reply.conversation_id = opened->conversation.id;
  EXPECT_EQ(Append(reply, std::nullopt).status().code(), StatusCode::kConflict);
  // Messages without an external id never clash.
  reply.external_id.clear();
  ASSERT_TRUE(Append(reply, std::nullopt).ok());
  ASSERT_TRUE(Append(reply, std::nullopt).ok());

  // An unknown customer: nothing written.
  n.customer_id = 999;
  first.external_id = "other@mail.example.com";
  EXPECT_EQ(store_->conversations()
                .Open(n, Opened(std::nullopt), first, ToStatus(std::nullopt))
                .status()
                .code(),
            StatusCode::kNotFound);
  auto none = store_->conversations().FindByExternalIds({"other@mail.example.com"});
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(*none);
}

TEST_P(ConversationRepoTest, FindByExternalIdsGivesTheNewestKnown) {
  int64_t dept = MakeDepartment();
  Conversation a = MakeConversation(MakeCustomer("A"), dept);
  Conversation b = MakeConversation(MakeCustomer("B"), dept);
  NewMessage m;
  m.conversation_id = a.id;
  m.body_text = "first";
  m.external_id = "one@x";
  m.created_at = T(1);
  auto first = Append(m, std::nullopt);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  m.conversation_id = b.id;
  m.external_id = "two@x";
  auto second = Append(m, std::nullopt);
  ASSERT_TRUE(second.ok());

  auto found = store_->conversations().FindByExternalIds({"unknown@x", "one@x"});
  ASSERT_TRUE(found.ok());
  ASSERT_TRUE(*found);
  EXPECT_EQ((*found)->conversation_id, a.id);
  EXPECT_EQ((*found)->message_id, first->message.id);
  found = store_->conversations().FindByExternalIds({"one@x", "two@x"});
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->conversation_id, b.id);
  found = store_->conversations().FindByExternalIds({});
  ASSERT_TRUE(found.ok());
  EXPECT_FALSE(*found);
  // The batch import keeps external ids too, and refuses a known one.
  NewMessage batch;
  batch.conversation_id = a.id;
  batch.body_text = "batch";
  batch.external_id = "three@x";
  auto added = store_->conversations().AddMessages({batch}, ToStatus(std::nullopt));
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  found = store_->conversations().FindByExternalIds({"three@x"});
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->message_id, added->front().message.id);
  EXPECT_EQ(store_->conversations().AddMessages({batch}, ToStatus(std::nullopt)).status().code(),
            StatusCode::kConflict);
}

TEST_P(ConversationRepoTest, AddMessagesWritesABatchAsSingleMessagesWould) {
  int64_t dept = MakeDepartment();
  int64_t ann = MakeCustomer("Ann", "ann@example.com");
  int64_t bob = MakeCustomer("Bob", "bob@example.com");
  Conversation a = MakeConversation(ann, dept, "Parcel", Channel::kEmail, 0);
  Conversation b = MakeConversation(bob, dept, "Invoice", Channel::kChat, 0);
  auto msg = [](int64_t conv, Direction d, const std::string& text, int64_t at_ms) {
    NewMessage m;
    m.conversation_id = conv;
    m.direction = d;
    m.body_text = text;
    m.created_at = T(at_ms);
    return m;
  };
  std::vector<NewMessage> batch = {
      msg(a.id, Direction::kIn, "Where is my parcel?", 10),
      msg(b.id, Direction::kIn, "Invoice \"Q3\" is wrong, {see} \\", 20),
      msg(a.id, Direction::kOut, "It ships today.", 30), msg(a.id, Direction::kIn, "Thanks!", 40)};
  batch[1].attachments = {{"invoice.pdf", "application/pdf", 1234},
                          {"foto, 1.jpg", "image/jpeg", 99}};
  batch[2].body_html = "<p>It ships <b>today</b>.</p>";
  // Moves each conversation the way the service's rule does: inbound waits
  // on us, outbound on the customer.
  std::vector<ConversationStatus> seen;
  MessagePlan plan = [&](const Conversation& now, const NewMessage& m, int64_t id, Timestamp at) {
    seen.push_back(now.status);
    return PlanMessage(now, m, id, at,
                       m.direction == Direction::kIn ? ConversationStatus::kWaitingOnUs
                                                     : ConversationStatus::kWaitingOnCustomer);
  };
  auto added = store_->conversations().AddMessages(batch, plan);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_EQ(added->size(), 4u);
  EXPECT_EQ(seen, (std::vector<ConversationStatus>{
                      ConversationStatus::kNew, ConversationStatus::kNew,
                      ConversationStatus::kWaitingOnUs, ConversationStatus::kWaitingOnCustomer}))
      << "the rule sees each conversation as the messages before left it";
  for (size_t i = 0; i < 4; ++i) {
    const Message& m = (*added)[i].message;
    auto stored = store_->conversations().GetMessage(m.id);
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->body_text, batch[i].body_text);
    EXPECT_EQ(stored->body_html, m.body_html);
    EXPECT_EQ(stored->created_at, T(10 * (static_cast<int64_t>(i) + 1)));
    EXPECT_EQ(stored->customer_id, i == 1 ? bob : ann);
    EXPECT_EQ(stored->attachments.size(), m.attachments.size());
    if (i > 0) EXPECT_GT(m.id, (*added)[i - 1].message.id) << "ids follow the batch's order";
  }
  auto invoice = store_->conversations().GetMessage((*added)[1].message.id);
  ASSERT_EQ(invoice->attachments.size(), 2u);
  EXPECT_EQ(invoice->attachments[1].filename, "foto, 1.jpg");
  EXPECT_EQ(invoice->attachments[0].size_bytes, 1234);
  EXPECT_EQ((*added)[3].conversation.message_count, 3);
  EXPECT_TRUE((*added)[1].status_changed);

  auto after_a = store_->conversations().Get(a.id);
  EXPECT_EQ(after_a->message_count, 3);
  EXPECT_EQ(after_a->status, ConversationStatus::kWaitingOnUs);
  EXPECT_EQ(after_a->last_message_at, T(40));
  EXPECT_EQ(after_a->first_response_at, T(30));
  auto after_b = store_->conversations().Get(b.id);
  EXPECT_EQ(after_b->message_count, 1);
  EXPECT_FALSE(after_b->first_response_at.has_value());
  auto timeline = store_->timeline().Timeline(ann, {}, {});
  int messages = 0, status_changes = 0;
  for (const auto& act : timeline->items) {
    messages += act.kind == ActivityKind::kMessage;
    status_changes += act.kind == ActivityKind::kStatusChanged;
  }
  EXPECT_EQ(messages, 3);
  EXPECT_EQ(status_changes, 3) << "new to waiting_on_us, to waiting_on_customer and back";

  // One unknown conversation: nothing of the batch is written.
  std::vector<NewMessage> bad = {msg(a.id, Direction::kIn, "lost", 50),
                                 msg(424242, Direction::kIn, "nowhere", 60)};
  auto refused = store_->conversations().AddMessages(bad, plan);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(refused.status().fields().size(), 1u);
  EXPECT_EQ(refused.status().fields()[0].field, "messages[1].conversation_id");
  EXPECT_EQ(store_->conversations().Get(a.id)->message_count, 3);
}

TEST_P(ConversationRepoTest, ListMessagesPaginatesAndHidesNotes) {
  Conversation c = MakeConversation(MakeCustomer("K"), MakeDepartment());
  for (int i = 0; i < 7; ++i)
    AddMessage(c.id, "m" + std::to_string(i), 10 + i, Direction::kIn,
               /*internal=*/i == 3);
  PageRequest p;
  p.limit = 3;
  std::vector<std::string> bodies;
  while (true) {
    auto page = store_->conversations().ListMessages(c.id, true, p);
    ASSERT_TRUE(page.ok());
    for (auto& m : page->items) bodies.push_back(m.body_text);
    if (!page->next) break;
    p.after = page->next;
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"m0", "m1", "m2", "m3", "m4", "m5", "m6"}));
  auto public_only = store_->conversations().ListMessages(c.id, false, {});
  ASSERT_TRUE(public_only.ok());
  EXPECT_EQ(public_only->items.size(), 6u);
  for (auto& m : public_only->items) EXPECT_FALSE(m.internal);
  EXPECT_EQ(store_->conversations().ListMessages(999, true, {}).status().code(),
            StatusCode::kNotFound);
}

TEST_P(ConversationRepoTest, ListFiltersSortsAndPaginates) {
  int64_t support = MakeDepartment("Support");
  int64_t sales = MakeDepartment("Sales");
  int64_t agent = MakeUser("a@example.com");
  int64_t k1 = MakeCustomer("K1");
  int64_t k2 = MakeCustomer("K2");
  std::vector<int64_t> ids;
  for (int i = 0; i < 9; ++i) {
    Conversation c = MakeConversation(i % 2 ? k1 : k2, i < 6 ? support : sales, "S",
                                      i % 3 == 0 ? Channel::kPhone : Channel::kEmail, i * 10);
    ids.push_back(c.id);
  }
  // Messages reorder by last_message_at: conversation 0 becomes the latest.
  AddMessage(ids[0], "bump", 1000);
  ConversationPatch p;
  p.assignee_id = agent;
  p.tags = std::vector<std::string>{"vip"};
  ASSERT_TRUE(Update(ids[4], p, agent, T(5)).ok());

  auto all = store_->conversations().List({}, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->items.size(), 9u);
  EXPECT_EQ(all->items[0].id, ids[0]);
  EXPECT_EQ(all->items[1].id, ids[8]);

  ConversationFilter f;
  f.department_id = sales;
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 3u);
  f = {};
  f.customer_id = k1;
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 4u);
  f = {};
  f.channel = Channel::kPhone;
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 3u);
  f = {};
  f.assignee_id = agent;
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 1u);
  f = {};
  f.unassigned = true;
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 8u);
  f = {};
  f.tag = "vip";
  auto tagged = store_->conversations().List(f, {});
  ASSERT_EQ(tagged->items.size(), 1u);
  EXPECT_EQ(tagged->items[0].id, ids[4]);
  f = {};
  f.status_in = {ConversationStatus::kWaitingOnUs, ConversationStatus::kClosed};
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 0u);
  f.status_in.push_back(ConversationStatus::kNew);
  EXPECT_EQ(store_->conversations().List(f, {})->items.size(), 9u);

  for (auto sort : {ConversationSort::kLastMessageDesc, ConversationSort::kCreatedDesc,
                    ConversationSort::kCreatedAsc}) {
    ConversationFilter sf;
    sf.sort = sort;
    PageRequest pr;
    pr.limit = 2;
    std::vector<int64_t> seen;
    while (true) {
      auto page = store_->conversations().List(sf, pr);
      ASSERT_TRUE(page.ok());
      for (auto& c : page->items) seen.push_back(c.id);
      if (!page->next) break;
      pr.after = page->next;
    }
    EXPECT_EQ(std::set<int64_t>(seen.begin(), seen.end()).size(), 9u);
    EXPECT_EQ(seen.size(), 9u);
    int64_t expected_first = sort == ConversationSort::kCreatedDesc ? ids[8] : ids[0];
    EXPECT_EQ(seen.front(), expected_first);
  }
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(ConversationRepoTest);

}  // namespace
}  // namespace luister::contract
