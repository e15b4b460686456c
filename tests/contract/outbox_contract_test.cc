#include <gtest/gtest.h>

#include "contract_test.h"
#include "domain/mail_outbox.h"

namespace luister::contract {
namespace {

class OutboxRepoTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<OutboxRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    outbox_ = *found;
    customer_ = MakeCustomer("Carla", "carla@example.nl");
    conversation_ = MakeConversation(customer_, MakeDepartment()).id;
    agent_ = MakeUser("agent@desk.example");
  }

  // An agent's reply the desk sends, as the conversation service writes it.
  Result<AddedMessage> Reply(const std::string& text, std::optional<int64_t> replaces = {},
                             std::string to = "") {
    NewMessage m;
    m.conversation_id = conversation_;
    m.direction = Direction::kOut;
    m.author_user_id = agent_;
    m.body_text = text;
    m.send = true;
    m.replaces_id = replaces;
    m.send_to = std::move(to);
    return Append(m, std::nullopt);
  }

  // A reply whose one attempt ended as `state`.
  int64_t Attempted(const std::string& text, Delivery state) {
    auto r = Reply(text);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    const int64_t id = r.ok() ? r->message.id : 0;
    EXPECT_TRUE(
        outbox_->Begin(id, "luister." + std::to_string(id) + "@desk.example", std::nullopt, T(100))
            .ok());
    EXPECT_TRUE(outbox_->Finish(id, state, "550 no such user", std::nullopt, T(200)).ok());
    return id;
  }

  OutboxRepository* outbox_ = nullptr;
  int64_t customer_ = 0;
  int64_t conversation_ = 0;
  int64_t agent_ = 0;
};

TEST_P(OutboxRepoTest, AFailedReplyIsReplacedOnceByAnEditedOneToAnotherAddress) {
  const int64_t failed = Attempted("Met een tikfout.", Delivery::kFailed);
  auto resent = Reply("Zonder tikfout.", failed, "carla@nieuw.example");
  ASSERT_TRUE(resent.ok()) << resent.status().ToString();
  EXPECT_EQ(resent->message.delivery, Delivery::kQueued);

  auto old = outbox_->Get(failed);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->delivery, Delivery::kCancelled);
  EXPECT_EQ(old->last_error, "550 no such user") << "why it failed stays";
  auto fresh = outbox_->Get(resent->message.id);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->replaces_message_id, failed);
  EXPECT_EQ(fresh->customer_id, customer_) << "for the audit log, without another read";
  EXPECT_EQ(fresh->to_address, "carla@nieuw.example");
  EXPECT_EQ(fresh->attempts, 0);
  EXPECT_TRUE(fresh->rfc_message_id.empty());

  // Due now, once; the cancelled one never.
  auto due =
      outbox_->Due(FromMillis(4'000'000'000'000), 10, OutboxLane::kMail);  // after the store's now
  ASSERT_TRUE(due.ok());
  ASSERT_EQ(due->size(), 1u);
  EXPECT_EQ((*due)[0].message_id, resent->message.id);
  EXPECT_EQ((*due)[0].to_address, "carla@nieuw.example");
  auto begun = outbox_->Begin(resent->message.id, "luister.x@desk.example", std::nullopt, T(300));
  ASSERT_TRUE(begun.ok()) << begun.status().ToString();
  EXPECT_EQ(begun->to_address, "carla@nieuw.example") << "kept across attempts";
  EXPECT_EQ(begun->attempts, 1);

  // Replaced already: a second edit of it conflicts and adds nothing.
  auto again = Reply("Nog eens.", failed);
  EXPECT_EQ(again.status().code(), StatusCode::kConflict);
  auto thread = store_->conversations().ListMessages(conversation_, false, {});
  ASSERT_TRUE(thread.ok());
  EXPECT_EQ(thread->items.size(), 2u);
  // Only a failed or uncertain reply of the same conversation is replaced.
  EXPECT_EQ(Reply("x", resent->message.id).status().code(), StatusCode::kConflict);
  const Conversation other = MakeConversation(customer_, MakeDepartment("Sales"));
  const int64_t elsewhere = Attempted("y", Delivery::kFailed);
  NewMessage m;
  m.conversation_id = other.id;
  m.direction = Direction::kOut;
  m.author_user_id = agent_;
  m.body_text = "z";
  m.send = true;
  m.replaces_id = elsewhere;
  EXPECT_EQ(Append(m, std::nullopt).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(outbox_->Get(elsewhere)->delivery, Delivery::kFailed) << "untouched";
}

TEST_P(OutboxRepoTest, DismissCancelsAndArrivedMarksAnUncertainReplySent) {
  const int64_t failed = Attempted("a", Delivery::kFailed);
  EXPECT_EQ(outbox_->Dismiss(failed, /*arrived=*/true, T(400)).code(), StatusCode::kConflict)
      << "a refused reply cannot have arrived";
  ASSERT_TRUE(outbox_->Dismiss(failed, false, T(400)).ok());
  EXPECT_EQ(outbox_->Get(failed)->delivery, Delivery::kCancelled);
  EXPECT_EQ(outbox_->Dismiss(failed, false, T(500)).code(), StatusCode::kConflict);
  EXPECT_EQ(outbox_->Retry(failed, T(500)).code(), StatusCode::kConflict);

  const int64_t uncertain = Attempted("b", Delivery::kUncertain);
  ASSERT_TRUE(outbox_->Dismiss(uncertain, true, T(600)).ok());
  auto sent = outbox_->Get(uncertain);
  ASSERT_TRUE(sent.ok());
  EXPECT_EQ(sent->delivery, Delivery::kSent);
  EXPECT_EQ(sent->sent_at, T(600));

  // A reply that failed before any attempt (no outbox row yet) too.
  auto never = Reply("c");
  ASSERT_TRUE(never.ok());
  ASSERT_TRUE(
      outbox_->Finish(never->message.id, Delivery::kFailed, "no mailbox", std::nullopt, T(700))
          .ok());
  ASSERT_TRUE(outbox_->Dismiss(never->message.id, false, T(800)).ok());
  EXPECT_EQ(outbox_->Get(never->message.id)->delivery, Delivery::kCancelled);

  PageRequest page;
  auto cancelled = outbox_->List(Delivery::kCancelled, page);
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->items.size(), 2u);
  EXPECT_EQ(outbox_->Dismiss(424242, false, T(900)).code(), StatusCode::kNotFound);
}

TEST_P(OutboxRepoTest, EachLaneSeesItsOwnRepliesAndKeepsItsOwnJob) {
  auto mail = Reply("per mail");
  ASSERT_TRUE(mail.ok());
  const int64_t social_conv =
      MakeConversation(customer_, MakeDepartment("Web"), "Post", Channel::kSocial).id;
  NewMessage m;
  m.conversation_id = social_conv;
  m.direction = Direction::kOut;
  m.author_user_id = agent_;
  m.body_text = "op het forum";
  m.send = true;
  auto social = Append(m, std::nullopt);
  ASSERT_TRUE(social.ok()) << social.status().ToString();

  const Timestamp later = FromMillis(4'000'000'000'000);
  auto mail_due = outbox_->Due(later, 10, OutboxLane::kMail);
  auto social_due = outbox_->Due(later, 10, OutboxLane::kSocial);
  ASSERT_TRUE(mail_due.ok() && social_due.ok());
  ASSERT_EQ(mail_due->size(), 1u);
  EXPECT_EQ((*mail_due)[0].message_id, mail->message.id);
  ASSERT_EQ(social_due->size(), 1u);
  EXPECT_EQ((*social_due)[0].message_id, social->message.id);

  // The platform's post id replaces the event id the attempt began with.
  ASSERT_TRUE(outbox_->Begin(social->message.id, "luister-reply-x", std::nullopt, T(10)).ok());
  ASSERT_TRUE(outbox_->SetExternalId(social->message.id, "social:forum:p-1").ok());
  auto found = store_->conversations().FindByExternalIds({"social:forum:p-1"});
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->conversation_id, social_conv);
  EXPECT_EQ(outbox_->SetExternalId(mail->message.id, "social:forum:p-1").code(),
            StatusCode::kConflict);

  // One job per lane, set by compare and set.
  ASSERT_TRUE(outbox_->SetJob(OutboxLane::kMail, std::nullopt, 11).value());
  ASSERT_TRUE(outbox_->SetJob(OutboxLane::kSocial, std::nullopt, 22).value());
  EXPECT_EQ(outbox_->JobId(OutboxLane::kMail).value(), 11);
  EXPECT_EQ(outbox_->JobId(OutboxLane::kSocial).value(), 22);
  EXPECT_FALSE(outbox_->SetJob(OutboxLane::kSocial, 11, 33).value()) << "another node got there";
  EXPECT_TRUE(outbox_->SetJob(OutboxLane::kSocial, 22, 33).value());
  EXPECT_EQ(outbox_->JobId(OutboxLane::kMail).value(), 11);
}

LUISTER_CONTRACT_ENGINES(OutboxRepoTest);

}  // namespace
}  // namespace luister::contract
