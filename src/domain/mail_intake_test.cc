#include "domain/mail_intake.h"

#include "domain/testing/service_fixture.h"

namespace luister {
namespace {

class MailIntakeTest : public ServiceTest {
 protected:
  void SetUp() override {
    ServiceTest::SetUp();
    intake_ = std::make_unique<MailIntakeService>(*store_, clock_, *customers_, *conversations_);
    to_.department_id = dept_;
    to_.own_addresses = {"support@desk.example"};
  }

  static InboundMail Mail(const std::string& from, const std::string& id,
                          const std::string& subject = "Mijn bestelling") {
    InboundMail m;
    m.from = MailAddress{"Piet Jansen", from};
    m.message_id = id;
    m.subject = subject;
    m.text = "Waar blijft mijn bestelling?";
    m.new_text = m.text;
    return m;
  }

  IntakeResult Take(const InboundMail& m) {
    auto r = intake_->Intake(m, to_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : IntakeResult{};
  }

  std::unique_ptr<MailIntakeService> intake_;
  MailDestination to_;
};

TEST_F(MailIntakeTest, AnUnknownSenderBecomesACustomerWithAConversation) {
  IntakeResult r = Take(Mail("piet@example.nl", "m1@example.nl"));
  EXPECT_EQ(r.outcome, IntakeOutcome::kOpened);
  ASSERT_TRUE(r.customer_id && r.conversation_id && r.message_id);
  auto customer = store_->customers().Get(*r.customer_id);
  ASSERT_TRUE(customer.ok());
  EXPECT_EQ(customer->name, "Piet Jansen");
  EXPECT_EQ(customer->language, Language::kNl);
  auto conversation = store_->conversations().Get(*r.conversation_id);
  ASSERT_TRUE(conversation.ok());
  EXPECT_EQ(conversation->subject, "Mijn bestelling");
  EXPECT_EQ(conversation->channel, Channel::kEmail);
  EXPECT_EQ(conversation->department_id, dept_);
  EXPECT_EQ(conversation->message_count, 1);
  auto message = store_->conversations().GetMessage(*r.message_id);
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(message->external_id, "m1@example.nl");
  EXPECT_EQ(message->direction, Direction::kIn);
}

TEST_F(MailIntakeTest, AKnownAddressLandsOnThatCustomer) {
  int64_t known = Customer("Anna", "anna@example.com");
  IntakeResult r = Take(Mail("ANNA@example.com", "m1@example.com"));
  EXPECT_EQ(r.customer_id, known);
}

TEST_F(MailIntakeTest, TheSameMessageIdIsStoredOnce) {
  IntakeResult first = Take(Mail("piet@example.nl", "m1@example.nl"));
  IntakeResult second = Take(Mail("piet@example.nl", "m1@example.nl"));
  EXPECT_EQ(second.outcome, IntakeOutcome::kDuplicate);
  EXPECT_EQ(second.conversation_id, first.conversation_id);
  EXPECT_EQ(second.message_id, first.message_id);
  EXPECT_EQ(*store_->conversations().CountMessages(), 1);

  // Without a Message-ID the bytes' hash stands in for it.
  InboundMail bare = Mail("piet@example.nl", "");
  bare.raw_sha256 = std::string(64, 'c');
  EXPECT_EQ(Take(bare).outcome, IntakeOutcome::kOpened);
  EXPECT_EQ(Take(bare).outcome, IntakeOutcome::kDuplicate);
}

TEST_F(MailIntakeTest, RepliesJoinByInReplyToOrReferences) {
  IntakeResult first = Take(Mail("piet@example.nl", "m1@example.nl"));
  InboundMail reply = Mail("piet@example.nl", "m2@example.nl", "Re: iets anders");
  reply.in_reply_to = "m1@example.nl";
  IntakeResult r = Take(reply);
  EXPECT_EQ(r.outcome, IntakeOutcome::kAppended);
  EXPECT_EQ(r.conversation_id, first.conversation_id);

  // Outlook drops In-Reply-To sometimes; References still carry the thread.
  InboundMail later = Mail("piet@example.nl", "m3@example.nl", "Re: Mijn bestelling");
  later.references = {"unknown@elsewhere", "m2@example.nl"};
  EXPECT_EQ(Take(later).conversation_id, first.conversation_id);
  auto conversation = store_->conversations().Get(*first.conversation_id);
  EXPECT_EQ(conversation->message_count, 3);
}

TEST_F(MailIntakeTest, ASubjectReferenceCountsOnlyForTheSameCustomer) {
  IntakeResult piet = Take(Mail("piet@example.nl", "m1@example.nl"));
  const std::string ref = "[#" + std::to_string(*piet.conversation_id) + "]";
  IntakeResult again = Take(Mail("piet@example.nl", "m2@example.nl", "Re: " + ref + " bestelling"));
  EXPECT_EQ(again.outcome, IntakeOutcome::kAppended);
  EXPECT_EQ(again.conversation_id, piet.conversation_id);
  // A stranger quoting the number opens a conversation of their own.
  IntakeResult stranger = Take(Mail("kees@example.com", "m3@example.com", "Re: " + ref));
  EXPECT_EQ(stranger.outcome, IntakeOutcome::kOpened);
  EXPECT_NE(stranger.conversation_id, piet.conversation_id);
  // And the same subject text without a reference is never enough.
  IntakeResult same_subject = Take(Mail("piet@example.nl", "m4@example.nl", "Mijn bestelling"));
  EXPECT_EQ(same_subject.outcome, IntakeOutcome::kOpened);
}

TEST_F(MailIntakeTest, AReplyReopensAResolvedConversation) {
  IntakeResult first = Take(Mail("piet@example.nl", "m1@example.nl"));
  ConversationPatch resolve;
  resolve.status = ConversationStatus::kResolved;
  ASSERT_TRUE(conversations_->Update(*first.conversation_id, resolve, agent_).ok());
  InboundMail reply = Mail("piet@example.nl", "m2@example.nl");
  reply.in_reply_to = "m1@example.nl";
  EXPECT_EQ(Take(reply).outcome, IntakeOutcome::kAppended);
  auto conversation = store_->conversations().Get(*first.conversation_id);
  EXPECT_EQ(conversation->status, ConversationStatus::kWaitingOnUs);
}

TEST_F(MailIntakeTest, AnswersToAClosedConversationReopenItOrFollowItUpAsConfigured) {
  IntakeResult first = Take(Mail("piet@example.nl", "m1@example.nl"));
  ConversationPatch close;
  close.status = ConversationStatus::kClosed;
  ASSERT_TRUE(conversations_->Update(*first.conversation_id, close, agent_).ok());
  InboundMail reply = Mail("piet@example.nl", "m2@example.nl", "Re: Mijn bestelling");
  reply.in_reply_to = "m1@example.nl";
  // The default: the closed conversation is open again.
  EXPECT_EQ(Take(reply).outcome, IntakeOutcome::kAppended);
  EXPECT_EQ(store_->conversations().Get(*first.conversation_id)->status,
            ConversationStatus::kWaitingOnUs);

  // A mailbox set to follow up: a new conversation that names the closed one.
  ASSERT_TRUE(conversations_->Update(*first.conversation_id, close, agent_).ok());
  to_.new_after_closed = true;
  InboundMail again = Mail("piet@example.nl", "m3@example.nl", "Re: Mijn bestelling");
  again.references = {"m1@example.nl", "m2@example.nl"};
  IntakeResult followed = Take(again);
  EXPECT_EQ(followed.outcome, IntakeOutcome::kOpened);
  ASSERT_TRUE(followed.conversation_id);
  EXPECT_NE(followed.conversation_id, first.conversation_id);
  auto follow_up = store_->conversations().Get(*followed.conversation_id);
  ASSERT_TRUE(follow_up.ok());
  EXPECT_EQ(follow_up->follows_id, first.conversation_id);
  EXPECT_EQ(follow_up->customer_id, first.customer_id);
  EXPECT_EQ(store_->conversations().Get(*first.conversation_id)->status,
            ConversationStatus::kClosed)
      << "the closed one stays closed";

  // A resolved (not closed) conversation still takes the answer.
  ConversationPatch resolve;
  resolve.status = ConversationStatus::kResolved;
  ASSERT_TRUE(conversations_->Update(*followed.conversation_id, resolve, agent_).ok());
  InboundMail third = Mail("piet@example.nl", "m4@example.nl", "Re: Mijn bestelling");
  third.in_reply_to = "m3@example.nl";
  IntakeResult appended = Take(third);
  EXPECT_EQ(appended.outcome, IntakeOutcome::kAppended);
  EXPECT_EQ(appended.conversation_id, followed.conversation_id);
}

TEST_F(MailIntakeTest, AutoRepliesBouncesAndOwnMailOpenNothing) {
  InboundMail vacation = Mail("piet@example.nl", "a1@example.nl");
  vacation.kind = MailKind::kAutoReply;
  vacation.kind_reason = "Auto-Submitted: auto-replied";
  IntakeResult r = Take(vacation);
  EXPECT_EQ(r.outcome, IntakeOutcome::kAutoReply);
  EXPECT_EQ(r.reason, "Auto-Submitted: auto-replied");
  InboundMail bounce = Mail("mailer-daemon@mx.example.nl", "b1@mx.example.nl");
  bounce.kind = MailKind::kBounce;
  EXPECT_EQ(Take(bounce).outcome, IntakeOutcome::kBounce);
  EXPECT_EQ(Take(Mail("Support@Desk.Example", "o1@desk.example")).outcome, IntakeOutcome::kOwnMail);
  EXPECT_EQ(*store_->conversations().CountMessages(), 0);
  EXPECT_EQ(*store_->customers().Count(), 0);
}

TEST_F(MailIntakeTest, MailDatesAreUsedOnlyForImportsAndOnlyWhenSane) {
  clock_.Set(FromMillis(1'800'000'000'000));
  InboundMail old = Mail("piet@example.nl", "d1@example.nl");
  old.date = FromMillis(1'700'000'000'000);
  IntakeResult live = Take(old);
  EXPECT_EQ(store_->conversations().GetMessage(*live.message_id)->created_at, clock_.Now());
  to_.use_mail_date = true;
  old.message_id = "d2@example.nl";
  IntakeResult imported = Take(old);
  EXPECT_EQ(store_->conversations().GetMessage(*imported.message_id)->created_at, *old.date);
  InboundMail future = Mail("piet@example.nl", "d3@example.nl");
  future.date = FromMillis(1'900'000'000'000);
  IntakeResult r = Take(future);
  EXPECT_EQ(store_->conversations().GetMessage(*r.message_id)->created_at, clock_.Now());
}

TEST_F(MailIntakeTest, SubjectOnlyMailAndNamelessAttachmentsAreKept) {
  InboundMail m = Mail("piet@example.nl", "s1@example.nl", "Bel mij terug aub");
  m.text.clear();
  IntakeResult r = Take(m);
  EXPECT_EQ(store_->conversations().GetMessage(*r.message_id)->body_text, "Bel mij terug aub");

  InboundMail many = Mail("piet@example.nl", "s2@example.nl");
  for (int i = 0; i < 70; ++i) {
    MailAttachment a;
    a.content_type = "image/jpeg";
    a.size = 10;
    a.sha256 = std::string(64, 'f');
    many.attachments.push_back(a);
  }
  IntakeResult stored = Take(many);
  auto message = store_->conversations().GetMessage(*stored.message_id);
  ASSERT_TRUE(message.ok());
  ASSERT_EQ(message->attachments.size(), ConversationService::kMaxAttachments);
  EXPECT_EQ(message->attachments[0].filename, "attachment-1");
}

TEST_F(MailIntakeTest, MailWithoutSenderIsRefused) {
  InboundMail m = Mail("", "x@example.nl");
  m.from.reset();
  EXPECT_EQ(intake_->Intake(m, to_).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(MailIntakeTest, AStaffReplyFromTheirOwnClientJoinsAsTheirAnswer) {
  IntakeResult first = Take(Mail("piet@example.nl", "m1@example.nl"));
  InboundMail reply = Mail("Agent@Example.org", "outlook-1@example.org", "RE: Mijn bestelling");
  reply.from->name = "Agent";
  reply.to = {{"Piet Jansen", "piet@example.nl"}};
  reply.cc = {{"Support", "support@desk.example"}};
  reply.in_reply_to = "m1@example.nl";
  IntakeResult r = Take(reply);
  EXPECT_EQ(r.outcome, IntakeOutcome::kAppended);
  EXPECT_EQ(r.conversation_id, first.conversation_id);
  EXPECT_EQ(r.customer_id, first.customer_id);
  auto message = store_->conversations().GetMessage(*r.message_id);
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(message->direction, Direction::kOut);
  EXPECT_EQ(message->author_user_id, agent_);
  auto conversation = store_->conversations().Get(*first.conversation_id);
  EXPECT_TRUE(conversation->first_response_at);
  // The agent is no customer.
  EXPECT_EQ(*store_->customers().Count(), 1);
}

TEST_F(MailIntakeTest, AStaffMailToACustomerWithTheQueueInCcOpensTheirConversation) {
  InboundMail m = Mail("agent@example.org", "outlook-2@example.org", "Uw offerte");
  m.to = {{"Kees", "kees@example.com"}};
  m.cc = {{"Support", "support@desk.example"}};
  IntakeResult r = Take(m);
  EXPECT_EQ(r.outcome, IntakeOutcome::kOpened);
  auto customer = store_->customers().Get(*r.customer_id);
  ASSERT_TRUE(customer.ok());
  EXPECT_EQ(customer->name, "Kees");
  EXPECT_EQ(store_->conversations().GetMessage(*r.message_id)->direction, Direction::kOut);

  // Addressed to the desk alone, it answers nothing and names no customer.
  InboundMail lost = Mail("agent@example.org", "outlook-3@example.org", "Fwd: iets");
  lost.to = {{"Support", "support@desk.example"}};
  auto refused = intake_->Intake(lost, to_);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("agent@example.org"), std::string::npos);
}

TEST_F(MailIntakeTest, TheRawMailAndTheAttachmentsBytesAreKept) {
  InboundMail m = Mail("piet@example.nl", "raw1@example.nl");
  m.raw_sha256 = "rawhash";
  MailAttachment pdf;
  pdf.filename = "factuur.pdf";
  pdf.content_type = "application/pdf";
  pdf.data = "%PDF-1.4";
  pdf.size = pdf.data.size();
  pdf.sha256 = "pdfhash";
  MailAttachment too_large = pdf;  // listed, bytes not kept by the parser
  too_large.filename = "video.mp4";
  too_large.data.clear();
  too_large.size = 80u << 20;
  too_large.sha256 = "videohash";
  m.attachments = {pdf, too_large};
  IntakeResult r = intake_->Intake(m, to_, "From: piet@example.nl\r\n\r\nraw").value();
  EXPECT_EQ(*blobs_->Get("rawhash"), "From: piet@example.nl\r\n\r\nraw");
  EXPECT_EQ(*blobs_->Get("pdfhash"), "%PDF-1.4");
  EXPECT_EQ(blobs_->Get("videohash").status().code(), StatusCode::kNotFound);
  auto message = store_->conversations().GetMessage(*r.message_id);
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(message->raw_sha256, "rawhash");
  ASSERT_EQ(message->attachments.size(), 2u);
  EXPECT_EQ(message->attachments[1].size_bytes, int64_t{80} << 20);
  // Mail that is not stored keeps nothing.
  InboundMail vacation = Mail("piet@example.nl", "raw2@example.nl");
  vacation.kind = MailKind::kAutoReply;
  vacation.raw_sha256 = "vacationhash";
  ASSERT_TRUE(intake_->Intake(vacation, to_, "raw").ok());
  EXPECT_EQ(blobs_->size(), 2u);
}

TEST_F(MailIntakeTest, TheSenderIsToldWhichAttachmentsWereTooLargeWithoutAnsweringThem) {
  InboundMail m = Mail("piet@example.nl", "big1@example.nl");
  MailAttachment photo;
  photo.filename = "foto.jpg";
  photo.content_type = "image/jpeg";
  photo.data = "jpeg";
  photo.size = 4;
  photo.sha256 = "photohash";
  MailAttachment video = photo;
  video.filename = "video.mp4";
  video.data.clear();
  video.size = 31'240'000;
  video.sha256 = "videohash";
  m.attachments = {photo, video};

  // Not where replies cannot be sent, nor for an archive.
  IntakeResult quiet = Take(m);
  EXPECT_EQ(store_->conversations().Get(*quiet.conversation_id)->message_count, 1);

  to_.tell_dropped_attachments = true;
  m.message_id = "big2@example.nl";
  IntakeResult r = Take(m);
  ASSERT_TRUE(r.conversation_id);
  auto c = store_->conversations().Get(*r.conversation_id);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->message_count, 2);
  EXPECT_EQ(c->status, ConversationStatus::kWaitingOnUs) << "a notice answers nothing";
  EXPECT_FALSE(c->first_response_at);
  auto thread = store_->conversations().ListMessages(*r.conversation_id, false, {});
  ASSERT_TRUE(thread.ok());
  ASSERT_EQ(thread->items.size(), 2u);
  const Message& notice = thread->items[1];
  EXPECT_EQ(notice.direction, Direction::kOut);
  EXPECT_FALSE(notice.author_user_id);
  EXPECT_EQ(notice.delivery, Delivery::kQueued) << "sent through the outbox";
  // The customer (an .nl address) reads Dutch; only the dropped file is named.
  EXPECT_NE(notice.body_text.find("- video.mp4 (31,2 MB)"), std::string::npos) << notice.body_text;
  EXPECT_EQ(notice.body_text.find("foto.jpg"), std::string::npos);
  EXPECT_NE(notice.body_text.find("automatisch bericht"), std::string::npos);

  // Nothing dropped, or an import with the mail's own date: no notice.
  InboundMail small = Mail("piet@example.nl", "small@example.nl");
  small.attachments = {photo};
  IntakeResult plain = Take(small);
  EXPECT_EQ(store_->conversations().Get(*plain.conversation_id)->message_count, 1);
  to_.use_mail_date = true;
  m.message_id = "big3@example.nl";
  m.date = clock_.Now() - std::chrono::hours(24);
  IntakeResult archived = Take(m);
  EXPECT_EQ(store_->conversations().Get(*archived.conversation_id)->message_count, 1);

  InboundMail english = m;
  english.from = MailAddress{"Jane", "jane@example.com"};
  EXPECT_NE(DroppedAttachmentsNotice(english, Language::kEn).find("- video.mp4 (31.2 MB)"),
            std::string::npos);
  english.attachments = {photo};
  EXPECT_EQ(DroppedAttachmentsNotice(english, Language::kEn), "");
}

TEST(SubjectReferenceTest, FindsTheFirstWellFormedNumber) {
  EXPECT_EQ(SubjectReference("Re: [#1042] Storing"), 1042);
  EXPECT_EQ(SubjectReference("[#abc] [#7]"), 7);
  EXPECT_FALSE(SubjectReference("Order #1042"));
  EXPECT_FALSE(SubjectReference("[#] [#-3] [#99999999999999999999]"));
}

}  // namespace
}  // namespace luister

namespace luister {
namespace {

TEST_F(MailIntakeTest, ASenderWritingFasterThanAPersonIsHeldAsALoop) {
  intake_->set_max_per_sender_per_hour(3);
  for (int i = 0; i < 3; ++i)
    EXPECT_NE(Take(Mail("robot@example.nl", "r" + std::to_string(i) + "@example.nl")).outcome,
              IntakeOutcome::kDuplicate);
  auto fourth = intake_->Intake(Mail("robot@example.nl", "r3@example.nl"), to_);
  EXPECT_EQ(fourth.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(fourth.status().message().find("possible mail loop"), std::string::npos);
  // Others are not held back by it; an hour later the robot is heard again.
  EXPECT_EQ(Take(Mail("mens@example.nl", "h1@example.nl")).outcome, IntakeOutcome::kOpened);
  clock_.Advance(std::chrono::hours(2));
  EXPECT_NE(Take(Mail("robot@example.nl", "r4@example.nl")).outcome, IntakeOutcome::kDuplicate);
  // An archive being imported is not live mail.
  to_.use_mail_date = true;
  for (int i = 5; i < 10; ++i)
    EXPECT_TRUE(
        intake_->Intake(Mail("robot@example.nl", "r" + std::to_string(i) + "@x"), to_).ok());
}

TEST_F(MailIntakeTest, ABounceOfOurReplyIsLinkedToItAndTheConversationIsBackWithUs) {
  IntakeResult first = Take(Mail("piet@example.nl", "q1@example.nl"));
  ASSERT_TRUE(first.conversation_id);
  MessageInput reply;
  reply.direction = Direction::kOut;
  reply.body_text = "We sturen het vandaag.";
  reply.external_id = "reply-1@desk.example";
  reply.status = ConversationStatus::kWaitingOnCustomer;
  auto sent = conversations_->AddMessage(*first.conversation_id, reply, agent_);
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  InboundMail bounce = Mail("mailer-daemon@mx.example.nl", "b2@mx.example.nl");
  bounce.kind = MailKind::kBounce;
  bounce.kind_reason = "a delivery status report";
  bounce.bounced_message_id = "reply-1@desk.example";
  bounce.failed_recipients = {"piet@example.nl"};
  IntakeResult r = Take(bounce);
  EXPECT_EQ(r.outcome, IntakeOutcome::kBounce);
  EXPECT_EQ(r.conversation_id, first.conversation_id);
  EXPECT_EQ(r.message_id, sent->id);
  EXPECT_NE(r.reason.find("bounced for piet@example.nl"), std::string::npos) << r.reason;
  EXPECT_EQ(store_->conversations().Get(*first.conversation_id)->status,
            ConversationStatus::kWaitingOnUs);
  // The address is failing on the customer, with why.
  auto piet = store_->customers().Get(*first.customer_id);
  ASSERT_TRUE(piet.ok());
  ASSERT_EQ(piet->identities.size(), 1u);
  ASSERT_TRUE(piet->identities[0].failing.has_value());
  EXPECT_NE(piet->identities[0].failing->find("a delivery status report"), std::string::npos);
  EXPECT_TRUE(piet->identities[0].failing_at.has_value());
  // Piet writes again from it: it works, the mark goes.
  Take(Mail("piet@example.nl", "q9@example.nl", "Nieuw adres werkt"));
  piet = store_->customers().Get(*first.customer_id);
  EXPECT_FALSE(piet->identities[0].failing.has_value());
  EXPECT_FALSE(piet->identities[0].failing_at.has_value());
  // A bounce of something the desk never sent links nothing.
  bounce.message_id = "b3@mx.example.nl";
  bounce.bounced_message_id = "someone-else@example.org";
  EXPECT_FALSE(Take(bounce).conversation_id.has_value());
}

}  // namespace
}  // namespace luister
