// The AuthRepository contract, on every engine.
#include "contract_test.h"

namespace luister::contract {
namespace {

// Both engines prune all old counter windows every this many hits.
constexpr int kPruneEvery = 1000;

using AuthContract = ContractTest;

TEST_P(AuthContract, SessionsExpire) {
  int64_t user = MakeUser("u@example.com");
  SessionRecord s{"hash1", user, "csrf", T(0), T(1000)};
  ASSERT_TRUE(store_->auth().CreateSession(s).ok());
  auto got = store_->auth().GetSession("hash1", T(999));
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->user_id, user);
  EXPECT_EQ(got->csrf_token, "csrf");
  EXPECT_EQ(got->expires_at, T(1000));
  EXPECT_EQ(store_->auth().GetSession("hash1", T(1000)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->auth().GetSession("nope", T(0)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->auth().CreateSession(s).code(), StatusCode::kConflict);

  ASSERT_TRUE(store_->auth().CreateSession({"hash2", user, "c", T(0), T(5000)}).ok());
  ASSERT_TRUE(store_->auth().DeleteSession("hash2").ok());
  EXPECT_FALSE(store_->auth().GetSession("hash2", T(1)).ok());
  ASSERT_TRUE(store_->auth().CreateSession({"hash3", user, "c", T(0), T(5000)}).ok());
  ASSERT_TRUE(store_->auth().CreateSession({"hash4", user, "c", T(0), T(5000)}).ok());
  ASSERT_TRUE(store_->auth().DeleteUserSessions(user).ok());
  EXPECT_FALSE(store_->auth().GetSession("hash3", T(1)).ok());
  EXPECT_FALSE(store_->auth().GetSession("hash4", T(1)).ok());
  EXPECT_EQ(store_->auth().CreateSession({"hash5", 999, "c", T(0), T(5000)}).code(),
            StatusCode::kNotFound);
}

TEST_P(AuthContract, ApiTokens) {
  int64_t user = MakeUser("u@example.com");
  ApiTokenRecord t;
  t.user_id = user;
  t.name = "CI";
  t.token_hash = "th";
  t.prefix = "lst_ab";
  t.created_at = T(0);
  auto created = store_->auth().CreateApiToken(t);
  ASSERT_TRUE(created.ok());
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(store_->auth().CreateApiToken(t).status().code(), StatusCode::kConflict);

  auto used = store_->auth().UseApiToken("th", T(50));
  ASSERT_TRUE(used.ok());
  EXPECT_EQ(used->last_used_at, T(50));
  auto listed = store_->auth().ListApiTokens();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].last_used_at, T(50));
  EXPECT_EQ((*listed)[0].prefix, "lst_ab");

  ASSERT_TRUE(store_->auth().RevokeApiToken(created->id, T(60)).ok());
  EXPECT_EQ(store_->auth().UseApiToken("th", T(70)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*store_->auth().ListApiTokens())[0].revoked_at, T(60));
  EXPECT_EQ(store_->auth().RevokeApiToken(999, T(60)).code(), StatusCode::kNotFound);

  // All of a user's live tokens at once; revoked ones keep their time.
  t.token_hash = "th2";
  ASSERT_TRUE(store_->auth().CreateApiToken(t).ok());
  t.token_hash = "th3";
  ASSERT_TRUE(store_->auth().CreateApiToken(t).ok());
  EXPECT_EQ(*store_->auth().RevokeUserApiTokens(user, T(80)), 2);
  EXPECT_EQ(store_->auth().UseApiToken("th2", T(90)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ((*store_->auth().ListApiTokens())[0].revoked_at, T(60));
  EXPECT_EQ(*store_->auth().RevokeUserApiTokens(user, T(90)), 0);
}

TEST_P(AuthContract, FixedWindowCounters) {
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(0)), 1);
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(0)), 2);
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(0)), 3);
  EXPECT_EQ(*store_->auth().Hit("login:5.6.7.8", T(0)), 1);
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(60000)), 1);
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(60000)), 2);
  ASSERT_TRUE(store_->auth().ResetCounter("login:1.2.3.4").ok());
  EXPECT_EQ(*store_->auth().Hit("login:1.2.3.4", T(60000)), 1);
  EXPECT_EQ(*store_->auth().Hit("login:5.6.7.8", T(0)), 2);
}

TEST_P(AuthContract, CountersPruneOldWindows) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(store_->auth().Hit("k" + std::to_string(i), T(0)).ok());
  // Far in the future: a full prune eventually drops the old windows.
  for (int i = 0; i < kPruneEvery; ++i)
    ASSERT_TRUE(store_->auth().Hit("busy", T(10LL * 24 * 3600 * 1000)).ok());
  // If the stale windows were gone, hitting them again in the old window
  // starts from one.
  EXPECT_EQ(*store_->auth().Hit("k0", T(0)), 1);
}

LUISTER_CONTRACT_ENGINES(AuthContract);

}  // namespace
}  // namespace luister::contract
