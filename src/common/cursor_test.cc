#include "common/cursor.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(CursorTest, RoundTrips) {
  for (Cursor c : {Cursor{0, 0}, Cursor{1795685400123, 42}, Cursor{-5, 9007199254740993}}) {
    auto d = Cursor::Decode(c.Encode());
    ASSERT_TRUE(d.has_value());
    EXPECT_EQ(d->key, c.key);
    EXPECT_EQ(d->id, c.id);
  }
}

TEST(CursorTest, RejectsGarbage) {
  for (const char* bad : {"", "!!!!", "abc", "MTIz", "MS4", "YS5i"}) {
    EXPECT_FALSE(Cursor::Decode(bad).has_value()) << bad;
  }
}

TEST(Base64UrlTest, MatchesKnownVectors) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("\xff\xfe"), "__4");
  EXPECT_EQ(*Base64UrlDecode("Zm9vYg"), "foob");
}

}  // namespace
}  // namespace luister
