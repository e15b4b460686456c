#include "auth/authenticator.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "auth/tokens.h"
#include "storage/sqlite/sqlite_store.h"

namespace luister::auth {
namespace {

class FakeClock final : public Clock {
 public:
  Timestamp Now() const override { return now; }
  Timestamp now = FromMillis(1'800'000'000'000);
};

class AuthenticatorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "luister-auth-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto store = SqliteStore::Open(dir_ + "/auth.db", SqliteOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    AuthOptions o;
    o.password_cost = PasswordCost::Minimal();
    o.max_attempts_per_account = 3;
    o.max_attempts_per_ip = 5;
    auth_ = std::make_unique<Authenticator>(*store_, clock_, o);
    NewUser u;
    u.email = "Agent@Example.org";
    u.name = "Agent";
    auto created = auth_->CreateUser(u, "a-good-password");
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    user_id_ = created->id;
  }
  void TearDown() override {
    auth_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  FakeClock clock_;
  std::string dir_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<Authenticator> auth_;
  int64_t user_id_ = 0;
};

TEST_F(AuthenticatorTest, LoginCreatesASessionThatExpires) {
  auto login = auth_->Login("agent@example.org", "a-good-password", "10.0.0.1");
  ASSERT_TRUE(login.ok()) << login.status().ToString();
  EXPECT_EQ(login->user.email, "agent@example.org");
  auto who = auth_->AuthenticateSession(login->session_token);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(who->user.id, user_id_);
  EXPECT_EQ(who->csrf_token, login->csrf_token);
  clock_.now += std::chrono::hours(13);
  auto expired = auth_->AuthenticateSession(login->session_token);
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.status().code(), StatusCode::kUnauthorized);
}

TEST_F(AuthenticatorTest, WrongPasswordAndUnknownUserLookAlike) {
  auto wrong = auth_->Login("agent@example.org", "nope-nope-nope", "10.0.0.1");
  auto unknown = auth_->Login("ghost@example.org", "nope-nope-nope", "10.0.0.1");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.status().code(), StatusCode::kUnauthorized);
  EXPECT_EQ(wrong.status().message(), unknown.status().message());
}

TEST_F(AuthenticatorTest, AccountIsLimitedThenFreedByTheNextWindow) {
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(auth_->Login("agent@example.org", "bad", "10.0.0.2").ok());
  auto locked = auth_->Login("agent@example.org", "a-good-password", "10.0.0.3");
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.status().code(), StatusCode::kResourceExhausted);
  EXPECT_GT(auth_->RetryAfterSeconds(), 0);
  clock_.now += std::chrono::minutes(16);
  EXPECT_TRUE(auth_->Login("agent@example.org", "a-good-password", "10.0.0.3").ok());
}

TEST_F(AuthenticatorTest, AddressIsLimitedAcrossAccounts) {
  for (int i = 0; i < 5; ++i) (void)auth_->Login("user" + std::to_string(i) + "@x.org", "bad", "10.9.9.9");
  auto r = auth_->Login("agent@example.org", "a-good-password", "10.9.9.9");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_TRUE(auth_->Login("agent@example.org", "a-good-password", "10.0.0.8").ok());
}

TEST_F(AuthenticatorTest, LogoutEndsTheSession) {
  auto login = auth_->Login("agent@example.org", "a-good-password", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  ASSERT_TRUE(auth_->Logout(login->session_token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(login->session_token).ok());
}

TEST_F(AuthenticatorTest, ApiTokensAreStoredHashedAndRevocable) {
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

TEST_F(AuthenticatorTest, PrincipalsAreCachedBrieflyAndForgottenOnChange) {
  auto login = auth_->Login("agent@example.org", "a-good-password", "10.0.0.1");
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
  auto again = auth_->Login("agent@example.org", "a-good-password", "10.0.0.1");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(auth_->AuthenticateSession(again->session_token).ok());
  ASSERT_TRUE(auth_->Logout(again->session_token).ok());
  EXPECT_FALSE(auth_->AuthenticateSession(again->session_token).ok());
}

TEST_F(AuthenticatorTest, DisabledUsersLoseAccess) {
  auto login = auth_->Login("agent@example.org", "a-good-password", "10.0.0.1");
  ASSERT_TRUE(login.ok());
  UserPatch p;
  p.active = false;
  ASSERT_TRUE(store_->directory().UpdateUser(user_id_, p).ok());
  EXPECT_EQ(auth_->AuthenticateSession(login->session_token).status().code(),
            StatusCode::kUnauthorized);
  EXPECT_FALSE(auth_->Login("agent@example.org", "a-good-password", "10.0.0.1").ok());
}

TEST_F(AuthenticatorTest, CreateUserValidatesEverythingAtOnce) {
  NewUser u;
  u.email = "not-an-email";
  u.name = " ";
  auto r = auth_->CreateUser(u, "short");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().fields().size(), 3u);
  NewUser dup;
  dup.email = "AGENT@example.org";
  dup.name = "Dup";
  EXPECT_EQ(auth_->CreateUser(dup, "a-good-password").status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace luister::auth
