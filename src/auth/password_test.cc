#include "auth/password.h"

#include <gtest/gtest.h>

#include "auth/tokens.h"

namespace luister::auth {
namespace {

TEST(PasswordTest, HashesWithArgon2idAndVerifies) {
  auto h = HashPassword("correct horse battery", PasswordCost::Minimal());
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*h, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("not a hash", "correct horse battery"));
}

TEST(PasswordTest, SaltsEveryHash) {
  auto a = HashPassword("same password", PasswordCost::Minimal());
  auto b = HashPassword("same password", PasswordCost::Minimal());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
}

TEST(PasswordTest, RejectsShortAndHugePasswords) {
  auto s = HashPassword("short", PasswordCost::Minimal());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  ASSERT_EQ(s.status().fields().size(), 1u);
  EXPECT_EQ(s.status().fields()[0].field, "password");
  EXPECT_FALSE(HashPassword(std::string(2000, 'x'), PasswordCost::Minimal()).ok());
}

TEST(TokensTest, RandomTokensDifferAndHashIsSha256) {
  EXPECT_NE(RandomToken(), RandomToken());
  EXPECT_EQ(RandomToken(32).size(), 43u);
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(SecretsEqual("abc", "abc"));
  EXPECT_FALSE(SecretsEqual("abc", "abd"));
  EXPECT_FALSE(SecretsEqual("abc", "abcd"));
}

}  // namespace
}  // namespace luister::auth
