#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/social.h"

namespace luister::contract {
namespace {

// Social sources and posts over each engine: the event log that makes
// deliveries idempotent, threads by parent post, the public flag.
class SocialContractTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    auto found = store_->Find<SocialRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<SocialService>(*store_, *repo_, clock_);
    int64_t dept = MakeDepartment("Social");
    auto q = store_->directory().CreateQueue(dept, "Posts", T(0));
    ASSERT_TRUE(q.ok());
    SocialSource s;
    s.slug = "forum";
    s.name = "Forum";
    s.sealed_secret = "sealed";
    s.queue_id = q->id;
    auto made = service_->Create(s);
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    source_ = *made;
  }
  SocialPost Post(const std::string& event, const std::string& id, SocialKind kind,
                  const std::string& text, const std::string& parent = "") {
    SocialPost p;
    p.event_id = event;
    p.post_id = id;
    p.kind = kind;
    p.author_handle = "@Anna_NL";
    p.author_name = "Anna";
    p.text = text;
    p.in_reply_to = parent;
    return p;
  }
  ManualClock clock_{T(1'000'000)};
  SocialRepository* repo_ = nullptr;
  std::unique_ptr<SocialService> service_;
  SocialSource source_;
};

TEST_P(SocialContractTest, PostsThreadByParentAndAreTakenOncePerEventAndPost) {
  EXPECT_EQ(source_.slug, "forum");
  EXPECT_TRUE(source_.active);
  // The slug is the network of every author's handle: 32 characters at most.
  SocialSource long_slug = source_;
  long_slug.slug = std::string(33, 'a');
  EXPECT_EQ(service_->Create(long_slug).status().code(), StatusCode::kInvalidArgument);
  auto first =
      service_->Receive(source_, Post("e1", "p1", SocialKind::kPost, "Waar is mijn pakket?"));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_FALSE(first->duplicate);
  auto conv = store_->conversations().Get(first->conversation_id);
  ASSERT_TRUE(conv.ok());
  EXPECT_TRUE(conv->public_thread);
  EXPECT_EQ(conv->channel, Channel::kSocial);
  auto author = store_->customers().FindByIdentity(IdentityKind::kSocial, "forum:anna_nl");
  ASSERT_TRUE(author.ok() && author->has_value());
  EXPECT_EQ((*author)->id, first->customer_id);

  auto again =
      service_->Receive(source_, Post("e1", "p1", SocialKind::kPost, "Waar is mijn pakket?"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->duplicate);
  EXPECT_EQ(again->message_id, first->message_id);
  // The same post under another event id is taken once too.
  auto resent =
      service_->Receive(source_, Post("e9", "p1", SocialKind::kPost, "Waar is mijn pakket?"));
  ASSERT_TRUE(resent.ok()) << resent.status().ToString();
  EXPECT_TRUE(resent->duplicate);

  auto reply = service_->Receive(source_, Post("e2", "p2", SocialKind::kReply, "Order 12.", "p1"));
  ASSERT_TRUE(reply.ok()) << reply.status().ToString();
  EXPECT_EQ(reply->conversation_id, first->conversation_id);
  auto dm = service_->Receive(source_, Post("e3", "d1", SocialKind::kDirectMessage, "Mijn adres"));
  ASSERT_TRUE(dm.ok());
  EXPECT_NE(dm->conversation_id, first->conversation_id);
  EXPECT_FALSE(store_->conversations().Get(dm->conversation_id)->public_thread);

  auto seen = repo_->FindEvent(source_.id, "e2");
  ASSERT_TRUE(seen.ok() && seen->has_value());
  EXPECT_EQ(**seen, reply->message_id);
  EXPECT_EQ(repo_->RecordEvent(source_.id, "e2", std::nullopt, T(5)).code(), StatusCode::kConflict);

  auto bad = service_->Receive(source_, Post("e4", "p4", SocialKind::kReply, " ", ""));
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().fields().size(), 2u) << "no text and no parent";

  auto closed = service_->Update(source_.id, {.active = false});
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed->active);
  auto by_slug = repo_->FindBySlug("forum");
  ASSERT_TRUE(by_slug.ok() && by_slug->has_value());
  EXPECT_FALSE((*by_slug)->active);
}

LUISTER_CONTRACT_ENGINES(SocialContractTest);

}  // namespace
}  // namespace luister::contract
