#include "common/time.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(TimeTest, FormatsUtcWithMilliseconds) {
  EXPECT_EQ(FormatIso8601(FromMillis(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIso8601(FromMillis(1795685400123)), "2026-11-26T09:30:00.123Z");
}

TEST(TimeTest, ParsesWhatItFormats) {
  auto t = FromMillis(1795685400123);
  auto parsed = ParseIso8601(FormatIso8601(t));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(*parsed, t);
}

TEST(TimeTest, ParsesDatesAndOffsets) {
  EXPECT_EQ(ToMillis(*ParseIso8601("2026-11-26")), 1795651200000);
  EXPECT_EQ(*ParseIso8601("2026-11-26T10:30:00+01:00"), *ParseIso8601("2026-11-26T09:30:00Z"));
  EXPECT_EQ(*ParseIso8601("2026-11-26T09:30Z"), *ParseIso8601("2026-11-26T09:30:00.000Z"));
}

TEST(TimeTest, RejectsMalformed) {
  for (const char* bad : {"", "2026", "2026-13-01", "2026-02-30", "2026-11-26T25:00:00Z",
                          "2026-11-26T09:30:00", "2026-11-26T09:30:00Zjunk", "26-11-2026",
                          "2026-11-26T09:30:00.Z"}) {
    EXPECT_FALSE(ParseIso8601(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace luister
