#include "auth/visitor_token.h"

#include <gtest/gtest.h>

#include "auth/secret_box.h"

namespace luister::auth {
namespace {

TEST(VisitorTokens, NameTheirVisitorAndNothingChangedOrForeignPasses) {
  SecretBox box = SecretBox::Ephemeral();
  VisitorTokens tokens(box.DeriveKey("visitors"));
  const Timestamp at = FromMillis(1'780'000'000'000);
  const std::string t = tokens.Issue(42, at);
  auto id = tokens.Verify(t, at + std::chrono::hours(1));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, 42);

  // Another visitor's number with the same MAC, a changed MAC, a token of
  // another desk, and rubbish are all refused.
  std::string other = t;
  other.replace(3, 2, "43");
  EXPECT_EQ(tokens.Verify(other, at).status().code(), StatusCode::kUnauthorized);
  std::string flipped = t;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(tokens.Verify(flipped, at).ok());
  VisitorTokens elsewhere(SecretBox::Ephemeral().DeriveKey("visitors"));
  EXPECT_FALSE(elsewhere.Verify(t, at).ok());
  VisitorTokens other_use(box.DeriveKey("sessions"));
  EXPECT_FALSE(other_use.Verify(t, at).ok()) << "a key derived for another use";
  for (const char* junk : {"", ".", "v1..", "v1.1.2", "v1.-1.5.xyz", "x.y.z.w"})
    EXPECT_FALSE(tokens.Verify(junk, at).ok()) << junk;

  // Too old, or from the future.
  EXPECT_FALSE(tokens.Verify(t, at + std::chrono::hours(24 * 401)).ok());
  EXPECT_FALSE(tokens.Verify(tokens.Issue(42, at + std::chrono::hours(1)), at).ok());
}

}  // namespace
}  // namespace luister::auth
