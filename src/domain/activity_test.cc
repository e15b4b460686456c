#include "domain/activity.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(SummarizeTest, CutsAtCodePointsAndCollapsesWhitespace) {
  EXPECT_EQ(Summarize("  hello \n\n world  "), "hello world");
  std::string long_text(300, 'a');
  std::string s = Summarize(long_text);
  EXPECT_EQ(s, std::string(200, 'a') + "\u2026");
  std::string accents;
  for (int i = 0; i < 150; ++i) accents += "\u00e9";  // two bytes each
  s = Summarize(accents, 101);
  EXPECT_EQ(s.size(), 101u * 2 + 3);
  EXPECT_EQ(s.substr(0, 4), "\u00e9\u00e9");
  EXPECT_EQ(Summarize("\u20ac5", 1), "\u20ac\u2026");
}

}  // namespace
}  // namespace luister
