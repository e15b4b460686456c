#include "auth/authenticator.h"

#include <gtest/gtest.h>

#include "auth/tokens.h"
#include "common/manual_clock.h"
#include "tests/contract/engine.h"

namespace luister::auth {
namespace {

// On SQLite and on PostgreSQL: sessions and rate limits live in the database.
class AuthenticatorTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = contract::MakeEngine(GetParam());
    ASSERT_FALSE(::testing::Test::HasFailure()) << "the " << GetParam() << " engine did not start";
    store_ = &engine_->store();
    AuthOptions o;
    o.password_cost = PasswordCost::Minimal();
    o.free_failures = 3;
    o.max_attempts_per_ip = 8;
    auth_ = std::make_unique<Authenticator>(*store_, clock_, o);
    NewUser u;
    u.email = "Agent@Example.org";
    u.name = "Agent";
    auto created = auth_->CreateUser(u, "a-good-passphrase-42");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    user_id_ = created->id;
  }
  void TearDown() override {
    auth_.reset();
    store_ = nullptr;
    engine_.reset();
  }

  ManualClock clock_;
  std::unique_ptr<contract::Engine> engine_;
  Store* store_ = nullptr;
  std::unique_ptr<Authenticator> auth_;
  int64_t user_id_ = 0;
};

TEST_P(AuthenticatorTest, LoginCreatesASessionThatExpires) {
  auto login = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->user.email, "agent@example.org");
  auto who = auth_->AuthenticateSession(login->session_token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, user_id_);
  EXPECT_EQ(who->csrf_token, login->csrf_token);
  clock_.Advance(std::chrono::hours(13));
  auto expired = auth_->AuthenticateSession(login->session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().code(), StatusCode::kUnauthorized);
}

TEST_P(AuthenticatorTest, WrongPasswordAndUnknownUserLookAlike) {
  auto wrong = auth_->Login("agent@example.org", "nope-nope-nope", "10.0.0.1");
  auto unknown = auth_->Login("ghost@example.org", "nope-nope-nope", "10.0.0.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthorized);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
}

// Wrong passwords from one address make that address wait ever longer for
// that account; the owner elsewhere is not slowed (nobody can lock anyone
// out), and a success starts over.
TEST_P(AuthenticatorTest, FailuresSlowThatAddressForThatAccountOnly) {
  const std::string good = "a-good-passphrase-42";
  for (int i = 0; i < 3; ++i) {
    auto r = auth_->Login("agent@example.org", "bad", "10.0.0.2");
    EXPECT_EQ(r.status().code(), StatusCode::kUnauthorized) << "free failure " << i;
  }
  int retry = 0;
  auto waiting = auth_->Login("agent@example.org", good, "10.0.0.2", &retry);
  ASSERT_EQ(waiting.status().code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(retry, 1) << "after the free failures: one second";
  EXPECT_TRUE(auth_->Login("agent@example.org", good, "10.0.0.3").ok())
      << "the owner, elsewhere, logs in at once";

  clock_.Advance(std::chrono::milliseconds(1001));
  EXPECT_EQ(auth_->Login("agent@example.org", "bad", "10.0.0.2").status().code(),
            StatusCode::kUnauthorized);
  EXPECT_EQ(auth_->Login("agent@example.org", good, "10.0.0.2", &retry).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_EQ(retry, 2) << "each failure doubles the wait";
  clock_.Advance(std::chrono::seconds(2));
  EXPECT_TRUE(auth_->Login("agent@example.org", good, "10.0.0.2").ok());
  // The success started over: failures are free again.
  EXPECT_EQ(auth_->Login("agent@example.org", "bad", "10.0.0.2").status().code(),
            StatusCode::kUnauthorized);
}

TEST_P(AuthenticatorTest, WaitsAreCappedAndForgottenAfterTheWindow) {
  AuthOptions o;
  o.password_cost = PasswordCost::Minimal();
  o.max_attempts_per_ip = 10000;  // only the account-and-address waits here
  Authenticator auth(*store_, clock_, o);
  // Wrong passwords, each as soon as allowed, until the wait stops growing.
  int failures = 0, retry = 0, longest = 0;
  while (failures < 20) {
    auto r = auth.Login("agent@example.org", "bad", "10.0.0.4", &retry);
    if (r.status().code() == StatusCode::kUnauthorized) {
      ++failures;
    } else {
      ASSERT_EQ(r.status().code(), StatusCode::kResourceExhausted);
      longest = std::max(longest, retry);
      clock_.Advance(std::chrono::seconds(retry));
    }
  }
  EXPECT_EQ(longest, 15 * 60) << "the wait grows to max_failure_delay and no further";
  clock_.Advance(std::chrono::minutes(16));
  EXPECT_TRUE(auth.Login("agent@example.org", "a-good-passphrase-42", "10.0.0.4").ok())
      << "a window without failures forgets them";
}

// One address trying many accounts is stopped, over a sliding window: the
// attempts just before a window boundary still count just after it.
TEST_P(AuthenticatorTest, AddressIsLimitedAcrossAccountsOverASlidingWindow) {
  // Just before a window boundary.
  const auto window =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::minutes(15));
  auto into =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()) %
      window;
  clock_.Advance(window - into - std::chrono::seconds(1));
  for (int i = 0; i < 8; ++i)
    (void)auth_->Login("user" + std::to_string(i) + "@x.org", "bad", "10.9.9.9");
  clock_.Advance(std::chrono::seconds(2));  // into the next window
  int retry = 0;
  auto r = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.9.9.9", &retry);
  ASSERT_EQ(r.status().code(), StatusCode::kResourceExhausted)
      << "a fixed window would allow twice the limit around its boundary";
  EXPECT_GT(retry, 0);
  EXPECT_TRUE(auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.8").ok());
  clock_.Advance(std::chrono::minutes(15));
  EXPECT_TRUE(auth_->Login("agent@example.org", "a-good-passphrase-42", "10.9.9.9").ok());
}

TEST_P(AuthenticatorTest, LogoutEndsTheSession) {
  auto login = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Logout(login->session_token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(login->session_token).ok());
}

TEST_P(AuthenticatorTest, ApiTokensAreStoredHashedAndRevocable) {
  auto t = auth_->CreateApiToken(user_id_, "webshop");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const std::string& token = t->second;
  EXPECT_EQ(token.rfind("lst_", 0), 0u);
  EXPECT_EQ(t->first.token_hash, Sha256Hex(token));
  EXPECT_NE(t->first.token_hash.find(token), 0u);
  auto who = auth_->AuthenticateBearer(token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->via, Principal::Via::kApiToken);
  ASSERT_TRUE(auth_->RevokeApiToken(t->first.id).ok());
  EXPECT_EQ(auth_->AuthenticateBearer(token).status().code(), StatusCode::kUnauthorized);
  EXPECT_EQ(auth_->AuthenticateBearer("not-a-token").status().code(), StatusCode::kUnauthorized);
}

TEST_P(AuthenticatorTest, PrincipalsAreCachedBrieflyAndForgottenOnChange) {
  auto login = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->AuthenticateSession(login->session_token).ok());
  // Another node ends the session: this node trusts its cache for at most
  // kPrincipalTtl ...
  ASSERT_TRUE(store_->auth().DeleteSession(Sha256Hex(login->session_token)).ok());
  EXPECT_TRUE(auth_->AuthenticateSession(login->session_token).ok());
  // ... and asks the database again once it forgets.
  auth_->ForgetPrincipals();
  EXPECT_EQ(auth_->AuthenticateSession(login->session_token).status().code(),
            StatusCode::kUnauthorized);

  // A logout through this node takes effect at once.
  auto again = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(auth_->AuthenticateSession(again->session_token).ok());
  ASSERT_TRUE(auth_->Logout(again->session_token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(again->session_token).ok());
}

TEST_P(AuthenticatorTest, DisabledUsersLoseAccess) {
  auto login = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  UserPatch p;
  p.active = false;
  ASSERT_TRUE(store_->directory()
                  .UpdateUser(user_id_, [&](const User& u) { return PlanUserUpdate(u, p); })
                  .ok());
  EXPECT_EQ(auth_->AuthenticateSession(login->session_token).status().code(),
            StatusCode::kUnauthorized);
  EXPECT_FALSE(auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1").ok());
}

// A new password ends every session and API token of the user, and so does
// ending their access on deactivation; nothing comes back with the old
// password or on reactivation.
TEST_P(AuthenticatorTest, ANewPasswordEndsSessionsAndTokens) {
  auto login = auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  auto token = auth_->CreateApiToken(user_id_, "webshop");
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(auth_->AuthenticateBearer(token->second).ok());
  ASSERT_TRUE(auth_->SetPassword(user_id_, "paarse-olifant-fietst-7").ok());
  EXPECT_EQ(auth_->AuthenticateSession(login->session_token).status().code(),
            StatusCode::kUnauthorized);
  EXPECT_EQ(auth_->AuthenticateBearer(token->second).status().code(), StatusCode::kUnauthorized);
  EXPECT_FALSE(auth_->Login("agent@example.org", "a-good-passphrase-42", "10.0.0.1").ok());

  auto second = auth_->CreateApiToken(user_id_, "crm");
  ASSERT_TRUE(second.ok());
  ASSERT_TRUE(auth_->EndAccess(user_id_).ok());
  EXPECT_EQ(auth_->AuthenticateBearer(second->second).status().code(), StatusCode::kUnauthorized);
}

TEST_P(AuthenticatorTest, CreateUserValidatesEverythingAtOnce) {
  NewUser u;
  u.email = "not-an-email";
  u.name = " ";
  auto r = auth_->CreateUser(u, "short");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().size(), 3u);
  NewUser dup;
  dup.email = "AGENT@example.org";
  dup.name = "Dup";
  EXPECT_EQ(auth_->CreateUser(dup, "a-good-passphrase-42").status().code(), StatusCode::kConflict);
}

LUISTER_CONTRACT_ENGINES(AuthenticatorTest);

}  // namespace
}  // namespace luister::auth
