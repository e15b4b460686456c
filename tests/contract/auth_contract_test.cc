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

TEST_P(AuthContract, WindowCountersKeepThePreviousWindow) {
  const std::chrono::milliseconds w(60000);
  auto hit = [&](const std::string& key, int64_t at) {
    auto r = store_->auth().Hit(key, T(at), w);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::make_pair(r->current, r->previous) : std::make_pair(-1, -1);
  };
  EXPECT_EQ(hit("login:1.2.3.4", 0), std::make_pair(1, 0));
  EXPECT_EQ(hit("login:1.2.3.4", 0), std::make_pair(2, 0));
  EXPECT_EQ(hit("login:1.2.3.4", 0), std::make_pair(3, 0));
  EXPECT_EQ(hit("login:5.6.7.8", 0), std::make_pair(1, 0));
  EXPECT_EQ(hit("login:1.2.3.4", 60000), std::make_pair(1, 3)) << "the window before counts";
  EXPECT_EQ(hit("login:1.2.3.4", 60000), std::make_pair(2, 3));
  EXPECT_EQ(hit("login:1.2.3.4", 180000), std::make_pair(1, 0)) << "two windows on: forgotten";
  ASSERT_TRUE(store_->auth().ResetCounter("login:1.2.3.4").ok());
  EXPECT_EQ(hit("login:1.2.3.4", 180000), std::make_pair(1, 0));
  EXPECT_EQ(hit("login:5.6.7.8", 0), std::make_pair(2, 0));
}

TEST_P(AuthContract, FailureStreaksGrowAndAreForgotten) {
  const std::chrono::milliseconds forget(15 * 60000);
  const std::string key = "login:pair:a@b.nl|1.2.3.4";
  auto none = store_->auth().GetFailures(key);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->failures, 0);
  EXPECT_FALSE(none->last);
  for (int i = 1; i <= 3; ++i) {
    auto s = store_->auth().AddFailure(key, T(i * 1000), forget);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    EXPECT_EQ(s->failures, i);
    EXPECT_EQ(s->last, T(i * 1000));
  }
  EXPECT_EQ(store_->auth().GetFailures(key)->failures, 3);
  EXPECT_EQ(store_->auth().GetFailures("login:pair:other")->failures, 0);
  // A failure long after the last starts a new streak.
  auto fresh = store_->auth().AddFailure(key, T(3000 + 16 * 60000), forget);
  EXPECT_EQ(fresh->failures, 1);
  ASSERT_TRUE(store_->auth().ResetCounter(key).ok());
  EXPECT_EQ(store_->auth().GetFailures(key)->failures, 0);
}

TEST_P(AuthContract, CountersPruneOldWindows) {
  const std::chrono::milliseconds w(60000);
  for (int i = 0; i < 5; ++i)
    ASSERT_TRUE(store_->auth().Hit("k" + std::to_string(i), T(0), w).ok());
  // Far in the future: a full prune eventually drops the old windows.
  for (int i = 0; i < kPruneEvery; ++i)
    ASSERT_TRUE(store_->auth().Hit("busy", T(10LL * 24 * 3600 * 1000), w).ok());
  // If the stale windows were gone, hitting them again in the old window
  // starts from one.
  EXPECT_EQ(store_->auth().Hit("k0", T(0), w)->current, 1);
}

LUISTER_CONTRACT_ENGINES(AuthContract);

}  // namespace
}  // namespace luister::contract
