#include "common/csv.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(CsvTest, ReadsQuotedFieldsWithCommasQuotesAndLineBreaks) {
  auto rows = ParseCsv("date,label\r\n2026-12-07,\"Sinterklaas, \"\"vroeg\"\"\nshift\"\n\n,\n");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (CsvRow{"date", "label"}));
  EXPECT_EQ((*rows)[1], (CsvRow{"2026-12-07", "Sinterklaas, \"vroeg\"\nshift"}));
  EXPECT_EQ((*rows)[2], (CsvRow{"", ""}));  // a line of empty fields is not blank
}

TEST(CsvTest, LastLineWithoutBreakAndUnclosedQuote) {
  auto rows = ParseCsv("a,b\n1,2");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->back(), (CsvRow{"1", "2"}));
  auto bad = ParseCsv("a,b\n\"1,2\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST(CsvTest, TellsTheLineEachRowStartsOn) {
  std::vector<int> lines;
  auto rows = ParseCsv("a,b\r\n\n\"x\ny\",1\nz,2\n", &lines);
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ(lines, (std::vector<int>{1, 3, 5}));
  auto bad = ParseCsv("a,b\n1,2\n3,\"4\n5\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 3"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace luister
