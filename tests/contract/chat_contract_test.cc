// The chat's rules over each engine (domain/chat.h with its repository):
// a start makes the visitor and the chat; the place in the queue and the
// expected wait from real waits; one agent accepts; a chat nobody accepts
// in time continues by e-mail, and its answers then go out by mail; a quiet
// chat ends; a visitor's history is their own.
#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/chat.h"
#include "domain/mail_outbox.h"

namespace luister::contract {
namespace {

class ChatRulesTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<ChatRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<ChatService>(*store_, *repo_, clock_);
    const int64_t dept = MakeDepartment("Webshop");
    auto q = store_->directory().CreateQueue(dept, "Chat", clock_.Now());
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    ChatWidget w;
    w.slug = "webshop";
    w.name = "Klantenservice";
    w.queue_id = q->id;
    w.accept_seconds = 120;
    w.idle_seconds = 600;
    auto made = service_->CreateWidget(w);
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    widget_ = *made;
    agent_ = MakeUser("chat.agent@desk.example");
  }

  StartedChat Start(const std::string& text, const std::string& email = "") {
    ChatStart s;
    s.text = text;
    s.email = email;
    auto started = service_->Start(widget_, s);
    EXPECT_TRUE(started.ok()) << started.status().ToString();
    return started.ok() ? *started : StartedChat{};
  }

  ManualClock clock_;
  ChatRepository* repo_ = nullptr;
  std::unique_ptr<ChatService> service_;
  ChatWidget widget_;
  int64_t agent_ = 0;
};

TEST_P(ChatRulesTest, TheQueueAcceptingAndTheExpectedWait) {
  StartedChat first = Start("Eerste vraag");
  clock_.Advance(std::chrono::seconds(30));
  StartedChat second = Start("Tweede vraag");
  EXPECT_EQ(first.chat.state, ChatState::kWaiting);
  EXPECT_NE(first.visitor.id, second.visitor.id);

  auto standing = service_->Standing(second.chat);
  ASSERT_TRUE(standing.ok());
  EXPECT_EQ(standing->position, 2);
  EXPECT_FALSE(standing->expected_wait) << "no real waits yet: no guess";

  // The first is accepted after 60 s of waiting: that is the queue's wait now.
  clock_.Advance(std::chrono::seconds(30));
  auto accepted = service_->Accept(first.chat.conversation_id, agent_);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->state, ChatState::kActive);
  EXPECT_EQ(accepted->agent_id, agent_);
  EXPECT_EQ(service_->Accept(first.chat.conversation_id, agent_).status().code(),
            StatusCode::kConflict);
  auto conv = store_->conversations().Get(first.chat.conversation_id);
  EXPECT_EQ(conv->assignee_id, agent_);

  standing = service_->Standing(second.chat);
  ASSERT_TRUE(standing.ok());
  EXPECT_EQ(standing->position, 1);
  ASSERT_TRUE(standing->expected_wait);
  // One wait of 60 s, and the second has waited 30 s of it.
  EXPECT_EQ(*standing->expected_wait, std::chrono::seconds(30));

  // Handed over to another department's queue, with context: it waits again
  // there, for an agent of that queue.
  const int64_t sales = MakeDepartment("Verkoop");
  auto sales_queue = store_->directory().CreateQueue(sales, "Chat verkoop", clock_.Now());
  ASSERT_TRUE(sales_queue.ok());
  ConversationService conversations(*store_, clock_);
  ASSERT_TRUE(conversations
                  .Transfer(first.chat.conversation_id, sales, sales_queue->id,
                            "Vraag over een offerte", agent_)
                  .ok());
  auto moved = repo_->GetChat(first.chat.conversation_id);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->state, ChatState::kWaiting);
  EXPECT_EQ(moved->queue_id, sales_queue->id);
  EXPECT_FALSE(moved->agent_id);
  ASSERT_TRUE(service_->Accept(first.chat.conversation_id, agent_).ok()) << "taken there";
}

TEST_P(ChatRulesTest, UnacceptedChatsContinueByEmailAndQuietOnesEnd) {
  StartedChat waiting = Start("Is er iemand?", "wachter@example.nl");
  StartedChat talking = Start("Hallo!");
  ASSERT_TRUE(service_->Accept(talking.chat.conversation_id, agent_).ok());

  clock_.Advance(std::chrono::seconds(119));
  auto swept = service_->Sweep();
  ASSERT_TRUE(swept.ok());
  EXPECT_TRUE(swept->empty()) << "not yet";

  clock_.Advance(std::chrono::seconds(2));
  swept = service_->Sweep();
  ASSERT_TRUE(swept.ok());
  ASSERT_EQ(swept->size(), 1u);
  EXPECT_EQ((*swept)[0].conversation_id, waiting.chat.conversation_id);
  EXPECT_EQ((*swept)[0].state, ChatState::kByEmail);

  // The answer to it now goes out by e-mail (the mail lane of the outbox);
  // an answer in a live chat does not.
  ConversationService conversations(*store_, clock_);
  MessageInput answer;
  answer.body_text = "Sorry voor het wachten: uw pakket komt morgen.";
  auto mailed = conversations.AddMessage(waiting.chat.conversation_id, answer, agent_);
  ASSERT_TRUE(mailed.ok()) << mailed.status().ToString();
  EXPECT_EQ(mailed->delivery, Delivery::kQueued);
  auto live = conversations.AddMessage(talking.chat.conversation_id, answer, agent_);
  ASSERT_TRUE(live.ok());
  EXPECT_FALSE(live->delivery) << "answered over the chat";
  auto outbox = store_->Find<OutboxRepository>();
  ASSERT_TRUE(outbox.ok());
  auto due = (*outbox)->Due(clock_.Now() + std::chrono::hours(1), 10, OutboxLane::kMail);
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].message_id, mailed->id);

  // The transcript goes by e-mail too; the live chat's visitor gave no address.
  auto transcript = service_->SendTranscript(waiting.chat.conversation_id);
  ASSERT_TRUE(transcript.ok()) << transcript.status().ToString();
  EXPECT_NE(transcript->body_text.find("Is er iemand?"), std::string::npos);
  EXPECT_NE(transcript->body_text.find("uw pakket komt morgen"), std::string::npos);
  EXPECT_TRUE(IsAutomatic(*transcript));
  EXPECT_EQ(service_->SendTranscript(talking.chat.conversation_id).status().code(),
            StatusCode::kConflict);

  // The live chat, quiet for its idle time, ends.
  clock_.Advance(std::chrono::seconds(601));
  swept = service_->Sweep();
  ASSERT_TRUE(swept.ok());
  ASSERT_EQ(swept->size(), 1u);
  EXPECT_EQ((*swept)[0].state, ChatState::kEnded);
  // A word from the visitor after the end puts it back in the queue.
  auto visitor = repo_->GetVisitor(talking.visitor.id);
  ASSERT_TRUE(visitor.ok());
  ASSERT_TRUE(service_->Say(*visitor, talking.chat.conversation_id, "Nog een vraag").ok());
  EXPECT_EQ(repo_->GetChat(talking.chat.conversation_id)->state, ChatState::kWaiting);
}

TEST_P(ChatRulesTest, AVisitorSeesOnlyTheirOwnChatsAndCannotWriteInAnother) {
  StartedChat a = Start("Vraag van A");
  StartedChat b = Start("Vraag van B");
  auto history = service_->History(b.visitor, std::nullopt);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].body_text, "Vraag van B");
  EXPECT_EQ(service_->Say(b.visitor, a.chat.conversation_id, "inbreker").status().code(),
            StatusCode::kNotFound);
  auto restarted = service_->Restart(widget_, a.visitor, {.text = "Nog iets"});
  ASSERT_TRUE(restarted.ok());
  history = service_->History(a.visitor, std::nullopt);
  ASSERT_TRUE(history.ok());
  EXPECT_EQ(history->size(), 2u) << "both of A's chats";
  EXPECT_EQ(service_->Start(widget_, {.text = "  "}).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(ChatRulesTest, ReadMarksOnlyMoveForwardAndFilesAreToldByTheirBytes) {
  StartedChat a = Start("Hallo");
  StartedChat b = Start("Ander gesprek");
  const int64_t chat = a.chat.conversation_id;
  auto read = service_->Read(chat, ChatReader::kAgent, a.message.id);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(read->agent_read_id, a.message.id);
  EXPECT_FALSE(read->visitor_read_id);
  EXPECT_EQ(service_->Read(chat, ChatReader::kAgent, b.message.id).status().code(),
            StatusCode::kNotFound)
      << "a message of another chat";
  auto more = service_->Say(a.visitor, chat, "Nog een vraag");
  ASSERT_TRUE(more.ok());
  ASSERT_TRUE(service_->Read(chat, ChatReader::kAgent, more->id).ok());
  auto back = service_->Read(chat, ChatReader::kAgent, a.message.id);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->agent_read_id, more->id) << "a mark never moves back";
  auto visitor_read = repo_->MarkRead(chat, ChatReader::kVisitor, more->id);
  ASSERT_TRUE(visitor_read.ok());
  EXPECT_TRUE(*visitor_read);
  EXPECT_FALSE(*repo_->MarkRead(chat, ChatReader::kVisitor, more->id)) << "already there";
  EXPECT_EQ(repo_->MarkRead(987654, ChatReader::kVisitor, 1).status().code(),
            StatusCode::kNotFound);

  // A file: its bytes decide its type, and what is not allowed stays out.
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + "pixels";
  auto sent = service_->SendFile(a.visitor, chat, {"kapot.png", png, "ab12"});
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  ASSERT_EQ(sent->attachments.size(), 1u);
  EXPECT_EQ(sent->attachments[0].content_type, "image/png");
  EXPECT_EQ(sent->direction, Direction::kIn);
  EXPECT_EQ(service_->SendFile(a.visitor, chat, {"x.exe", "MZ\x90", "cd34"}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(service_->SendFile(b.visitor, chat, {"k.png", png, "ab12"}).status().code(),
            StatusCode::kNotFound)
      << "not B's chat";
  ChatFileLimits small;
  small.max_bytes = 4;
  EXPECT_EQ(service_->SendFile(a.visitor, chat, {"k.png", png, "ab12"}, small).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_P(ChatRulesTest, PresenceIsEachNodesLatestWordAndFadesWhenItStops) {
  const int64_t other = MakeUser("chat.other@desk.example");
  const Timestamp t0 = clock_.Now();
  ASSERT_TRUE(repo_->BeatPresence("node-a", {agent_}, t0).ok());
  ASSERT_TRUE(repo_->BeatPresence("node-b", {other, agent_}, t0).ok());
  auto present = repo_->PresentUsers(t0, "node-c");
  ASSERT_TRUE(present.ok()) << present.status().ToString();
  EXPECT_EQ(*present, (std::vector<int64_t>{std::min(agent_, other), std::max(agent_, other)}))
      << "one agent on two nodes is one agent";

  EXPECT_EQ(*repo_->PresentUsers(t0, "node-b"), std::vector<int64_t>{agent_})
      << "a node asks about the others: its own agents it knows first-hand";

  // node-b's next beat no longer has `other`: its word replaces its last one.
  clock_.Advance(std::chrono::seconds(5));
  ASSERT_TRUE(repo_->BeatPresence("node-b", {}, clock_.Now()).ok());
  EXPECT_EQ(*repo_->PresentUsers(t0, "node-c"), std::vector<int64_t>{agent_});

  // node-a stops beating: once its word is older than `since`, its agent is gone.
  clock_.Advance(std::chrono::seconds(20));
  EXPECT_TRUE(repo_->PresentUsers(clock_.Now() - std::chrono::seconds(15), "node-c")->empty());
  EXPECT_EQ(*repo_->PresentUsers(t0, "node-c"), std::vector<int64_t>{agent_});

  // A node that stops says so at once.
  ASSERT_TRUE(repo_->LeavePresence("node-a").ok());
  EXPECT_TRUE(repo_->PresentUsers(t0, "node-c")->empty());
  ASSERT_TRUE(repo_->LeavePresence("node-never-seen").ok());
}

TEST(SniffChatFileTypeTest, KnowsPicturesPdfAndTextAndNothingElse) {
  EXPECT_EQ(SniffChatFileType("\xff\xd8\xff\xe0JFIF"), "image/jpeg");
  EXPECT_EQ(SniffChatFileType("GIF89a..."), "image/gif");
  EXPECT_EQ(SniffChatFileType(std::string_view("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(SniffChatFileType("%PDF-1.7\n"), "application/pdf");
  EXPECT_EQ(SniffChatFileType("Bestelnummer 123\r\nGraag terugbellen.\n"), "text/plain");
  EXPECT_EQ(SniffChatFileType("caf\xc3\xa9"), "text/plain");
  EXPECT_FALSE(SniffChatFileType("MZ\x90\x00"));
  EXPECT_FALSE(SniffChatFileType("PK\x03\x04zip"));
  EXPECT_FALSE(SniffChatFileType("caf\xe9"));
  EXPECT_FALSE(SniffChatFileType(std::string_view("a\0b", 3)));
  EXPECT_FALSE(SniffChatFileType(std::string_view("RIFF\x10\x00\x00\x00WAVE", 12)));
}

LUISTER_CONTRACT_ENGINES(ChatRulesTest);

}  // namespace
}  // namespace luister::contract
