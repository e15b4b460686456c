#include "domain/conversation_service.h"

#include "domain/testing/service_fixture.h"

namespace luister {
namespace {

using ConversationServiceTest = ServiceTest;

TEST_F(ConversationServiceTest, MessagesMoveTheStatusAndNotesDoNot) {
  int64_t cust = Customer("Bram", "bram@x.nl");
  NewConversation nc;
  nc.customer_id = cust;
  nc.channel = Channel::kChat;
  nc.department_id = dept_;
  nc.tags = {"Refund", "refund", " late "};
  auto conv = conversations_->Create(nc, agent_);
  ASSERT_TRUE(conv.ok()) << conv.status().ToString();
  EXPECT_EQ(conv->tags, (std::vector<std::string>{"late", "refund"}));
  EXPECT_EQ(conv->status, ConversationStatus::kNew);

  MessageInput in;
  in.direction = Direction::kIn;
  in.body_text = "Waar blijft mijn pakket?";
  ASSERT_TRUE(conversations_->AddMessage(conv->id, in, std::nullopt).ok());
  EXPECT_EQ(store_->conversations().Get(conv->id)->status, ConversationStatus::kWaitingOnUs);

  MessageInput note;
  note.internal = true;
  note.body_text = "Pakket ligt bij PostNL";
  ASSERT_TRUE(conversations_->AddMessage(conv->id, note, agent_).ok());
  auto after_note = store_->conversations().Get(conv->id);
  EXPECT_EQ(after_note->status, ConversationStatus::kWaitingOnUs);
  EXPECT_FALSE(after_note->first_response_at.has_value());

  clock_.Advance(std::chrono::minutes(7));
  MessageInput reply;
  reply.body_html = "<p>Uw pakket komt <b>morgen</b>.</p><img src=x onerror=alert(1)>";
  auto sent = conversations_->AddMessage(conv->id, reply, agent_);
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(sent->body_html, "<p>Uw pakket komt <b>morgen</b>.</p>");
  EXPECT_EQ(sent->body_text, "Uw pakket komt morgen.");
  auto after = store_->conversations().Get(conv->id);
  EXPECT_EQ(after->status, ConversationStatus::kWaitingOnCustomer);
  ASSERT_TRUE(after->first_response_at.has_value());
  EXPECT_EQ(*after->first_response_at, clock_.Now());

  MessageInput resolve;
  resolve.body_text = "Fijne dag!";
  resolve.status = ConversationStatus::kResolved;
  ASSERT_TRUE(conversations_->AddMessage(conv->id, resolve, agent_).ok());
  auto resolved = store_->conversations().Get(conv->id);
  EXPECT_EQ(resolved->status, ConversationStatus::kResolved);
  EXPECT_TRUE(resolved->resolved_at.has_value());
}

TEST_F(ConversationServiceTest, EmptyOrInvalidMessagesAreRejected) {
  int64_t cust = Customer("C", "c@x.nl");
  NewConversation nc{.customer_id = cust, .channel = Channel::kEmail, .department_id = dept_};
  auto conv = conversations_->Create(nc, agent_);
  ASSERT_TRUE(conv.ok());
  MessageInput empty;
  empty.body_text = "   ";
  EXPECT_EQ(conversations_->AddMessage(conv->id, empty, agent_).status().code(),
            StatusCode::kInvalidArgument);
  MessageInput bad_utf8;
  bad_utf8.body_text = "\xC3";
  EXPECT_EQ(conversations_->AddMessage(conv->id, bad_utf8, agent_).status().code(),
            StatusCode::kInvalidArgument);
  MessageInput ok;
  ok.body_text = "hi";
  EXPECT_EQ(conversations_->AddMessage(424242, ok, agent_).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->conversations().Get(conv->id)->message_count, 0);
}

TEST_F(ConversationServiceTest, CreateChecksEveryReference) {
  NewConversation nc;
  nc.customer_id = 777;
  nc.department_id = 888;
  nc.queue_id = 999;
  nc.assignee_id = 555;
  nc.subject = std::string(400, 'x');
  auto r = conversations_->Create(nc, agent_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().fields().size(), 5u) << r.status().ToString();
}

TEST_F(ConversationServiceTest, TransferNeedsANoteAndAnotherPlace) {
  int64_t cust = Customer("D", "d@x.nl");
  NewConversation nc{.customer_id = cust,
                     .channel = Channel::kPhone,
                     .department_id = dept_,
                     .assignee_id = agent_};
  auto conv = conversations_->Create(nc, agent_);
  ASSERT_TRUE(conv.ok());
  EXPECT_EQ(
      conversations_->Transfer(conv->id, billing_, std::nullopt, "  ", agent_).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(conversations_->Transfer(conv->id, dept_, std::nullopt, "note", agent_).status().code(),
            StatusCode::kConflict);
  auto moved = conversations_->Transfer(conv->id, billing_, std::nullopt, "Factuurvraag", agent_);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->department_id, billing_);
  EXPECT_FALSE(moved->assignee_id.has_value());
  auto tl = store_->timeline().Timeline(cust, {}, {});
  ASSERT_TRUE(tl.ok());
  ASSERT_FALSE(tl->items.empty());
  EXPECT_EQ(tl->items[0].kind, ActivityKind::kHandover);
  EXPECT_EQ(tl->items[0].summary.find("Factuurvraag") != std::string::npos, true);
}

TEST_F(ConversationServiceTest, ImportWritesABatchInOrderWithTheSameStatusRules) {
  int64_t cust = Customer("Imke", "imke@x.nl");
  NewConversation nc{.customer_id = cust, .channel = Channel::kEmail, .department_id = dept_};
  auto a = conversations_->Create(nc, agent_);
  auto b = conversations_->Create(nc, agent_);
  ASSERT_TRUE(a.ok() && b.ok());
  auto item = [](int64_t conv, Direction d, std::string text) {
    ImportedMessageInput i;
    i.conversation_id = conv;
    i.message.direction = d;
    i.message.body_text = std::move(text);
    return i;
  };
  std::vector<ImportedMessageInput> batch = {
      item(a->id, Direction::kIn, "Mijn factuur klopt niet"),
      item(b->id, Direction::kIn, "Where is my parcel?"),
      item(a->id, Direction::kOut, "We passen de factuur aan"),
  };
  batch.push_back(item(b->id, Direction::kOut, "It arrives tomorrow."));
  batch.back().message.status = ConversationStatus::kResolved;
  auto added = conversations_->ImportMessages(batch, agent_);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_EQ(added->size(), 4u);
  EXPECT_LT((*added)[0].message.id, (*added)[2].message.id);
  EXPECT_FALSE((*added)[0].message.author_user_id.has_value()) << "inbound has no staff author";
  EXPECT_EQ((*added)[2].message.author_user_id, agent_);
  // Each message saw the conversation as the previous one left it.
  EXPECT_EQ((*added)[0].conversation.status, ConversationStatus::kWaitingOnUs);
  EXPECT_EQ((*added)[2].conversation.status, ConversationStatus::kWaitingOnCustomer);
  auto after_a = store_->conversations().Get(a->id);
  auto after_b = store_->conversations().Get(b->id);
  EXPECT_EQ(after_a->status, ConversationStatus::kWaitingOnCustomer);
  EXPECT_EQ(after_a->message_count, 2);
  EXPECT_TRUE(after_a->first_response_at.has_value());
  EXPECT_EQ(after_b->status, ConversationStatus::kResolved);
  EXPECT_TRUE(after_b->resolved_at.has_value());
}

TEST_F(ConversationServiceTest, ImportIsAllOrNothing) {
  int64_t cust = Customer("Noor", "noor@x.nl");
  NewConversation nc{.customer_id = cust, .channel = Channel::kChat, .department_id = dept_};
  auto conv = conversations_->Create(nc, agent_);
  ASSERT_TRUE(conv.ok());
  ImportedMessageInput good;
  good.conversation_id = conv->id;
  good.message.body_text = "Goed";

  ImportedMessageInput empty = good;
  empty.message.body_text = " ";
  auto invalid = conversations_->ImportMessages({good, empty, good}, agent_);
  ASSERT_EQ(invalid.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(invalid.status().fields().size(), 1u);
  EXPECT_EQ(invalid.status().fields()[0].field, "messages[1].body_text");

  ImportedMessageInput unknown = good;
  unknown.conversation_id = 987654;
  auto missing = conversations_->ImportMessages({good, good, unknown}, agent_);
  ASSERT_EQ(missing.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(missing.status().fields().size(), 1u);
  EXPECT_EQ(missing.status().fields()[0].field, "messages[2].conversation_id");
  EXPECT_EQ(store_->conversations().Get(conv->id)->message_count, 0)
      << "the first two messages were rolled back with the third";

  EXPECT_EQ(conversations_->ImportMessages({}, agent_).status().code(),
            StatusCode::kInvalidArgument);
  std::vector<ImportedMessageInput> too_many(ConversationService::kMaxImportBatch + 1, good);
  EXPECT_EQ(conversations_->ImportMessages(too_many, agent_).status().code(),
            StatusCode::kInvalidArgument);
}

// Listeners hear of every committed change, with the conversation as the
// change left it, and of nothing that was refused.
TEST_F(ConversationServiceTest, EventsFollowCommittedChangesOnly) {
  struct Recorder final : EventPublisher {
    void Publish(const DomainEvent& e) override { events.push_back(e); }
    std::vector<DomainEvent> events;
  } heard;
  ConversationService service(*store_, clock_, &heard);
  int64_t cust = Customer("Eva", "eva@x.nl");
  auto conv = service.Create({.customer_id = cust, .department_id = dept_}, agent_);
  ASSERT_TRUE(conv.ok());
  MessageInput in;
  in.direction = Direction::kIn;
  in.body_text = "Hallo";
  auto added = service.AddMessage(conv->id, in, std::nullopt);
  ASSERT_TRUE(added.ok());
  MessageInput note;
  note.internal = true;
  note.body_text = "intern";
  ASSERT_TRUE(service.AddMessage(conv->id, note, agent_).ok());
  EXPECT_EQ(service.Transfer(conv->id, dept_, std::nullopt, "same place", agent_).status().code(),
            StatusCode::kConflict);

  std::vector<EventType> types;
  for (const DomainEvent& e : heard.events) {
    types.push_back(e.type);
    EXPECT_EQ(e.conversation_id, conv->id);
    EXPECT_EQ(e.customer_id, cust);
  }
  EXPECT_EQ(types,
            (std::vector<EventType>{EventType::kConversationCreated, EventType::kMessageCreated,
                                    EventType::kConversationUpdated, EventType::kMessageCreated}))
      << "a note moves no status, a refused hand-over tells nobody";
  EXPECT_EQ(heard.events[1].message_id, added->id);

  // A reply's delivery changed: the thread is told; a conversation that is
  // gone tells nobody and is no error.
  heard.events.clear();
  ASSERT_TRUE(service.DeliveryChanged(conv->id, added->id).ok());
  ASSERT_EQ(heard.events.size(), 1u);
  EXPECT_EQ(heard.events[0].type, EventType::kMessageUpdated);
  EXPECT_EQ(heard.events[0].message_id, added->id);
  EXPECT_EQ(heard.events[0].customer_id, cust);
  EXPECT_TRUE(service.DeliveryChanged(987654, 1).ok());
  EXPECT_EQ(heard.events.size(), 1u);
}

}  // namespace
}  // namespace luister
