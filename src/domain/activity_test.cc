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

TEST(ActivityParamsTest, KeepsOrderReplacesAndReadsTyped) {
  ActivityParams p;
  EXPECT_TRUE(p.empty());
  p.Set("to", "open").Set("from", "new").Set("assignee_id", int64_t{7});
  ASSERT_EQ(p.items().size(), 3u);
  EXPECT_EQ(p.items()[0].first, "to");
  p.Set("to", "resolved");
  EXPECT_EQ(p.items().size(), 3u);
  EXPECT_EQ(p.Text("to"), "resolved");
  EXPECT_EQ(p.Int("assignee_id"), 7);
  EXPECT_EQ(p.Int("to"), std::nullopt);  // a text is not an integer
  EXPECT_EQ(p.Text("assignee_id"), std::nullopt);
  EXPECT_EQ(p.Find("missing"), nullptr);
}

}  // namespace
}  // namespace luister
