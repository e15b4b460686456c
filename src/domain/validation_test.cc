#include "domain/validation.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

struct Case {
  const char* in;
  const char* want;  // nullptr: must be rejected
};

TEST(NormaliseEmailTest, Table) {
  const Case cases[] = {
      {"  Anna.de.Vries@Example.NL ", "anna.de.vries@example.nl"},
      {"a+tag@sub.example.com", "a+tag@sub.example.com"},
      {"", nullptr},
      {"no-at.example.com", nullptr},
      {"two@@example.com", nullptr},
      {"a@b@example.com", nullptr},
      {"user@localhost", nullptr},
      {".lead@example.com", nullptr},
      {"double..dot@example.com", nullptr},
      {"space in@example.com", nullptr},
      {"user@-bad.example.com", nullptr},
      {"user@example..com", nullptr},
  };
  for (const auto& c : cases) {
    auto r = NormaliseEmail(c.in);
    if (c.want) {
      ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
      EXPECT_EQ(*r, c.want);
    } else {
      EXPECT_FALSE(r.ok()) << c.in;
    }
  }
}

TEST(NormaliseSocialHandleTest, Table) {
  const Case cases[] = {
      {"Twitter:@Luister_NL", "twitter:luister_nl"},
      {"mastodon:anna@social.example", "mastodon:anna@social.example"},
      {"@anna", nullptr},
      {"twitter:", nullptr},
      {"twitter:@", nullptr},
      {"twit ter:anna", nullptr},
  };
  for (const auto& c : cases) {
    auto r = NormaliseSocialHandle(c.in);
    if (c.want) {
      ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
      EXPECT_EQ(*r, c.want);
    } else {
      EXPECT_FALSE(r.ok()) << c.in;
    }
  }
}

TEST(Utf8Test, ValidatesAndCutsSafely) {
  EXPECT_TRUE(IsValidUtf8("geïnteresseerd café €"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  EXPECT_FALSE(IsValidUtf8(std::string_view("a\0b", 3)));
  EXPECT_EQ(Utf8Prefix("café", 4), "caf");  // does not split the 2-byte é
  EXPECT_EQ(Utf8Prefix("café", 5), "café");
}

TEST(NormaliseTagTest, LowerCasesAndRejectsPunctuation) {
  EXPECT_EQ(*NormaliseTag(" Refund "), "refund");
  EXPECT_EQ(*NormaliseTag("late-delivery_2"), "late-delivery_2");
  EXPECT_FALSE(NormaliseTag("").ok());
  EXPECT_FALSE(NormaliseTag("a,b").ok());
  EXPECT_FALSE(NormaliseTag(std::string(41, 'a')).ok());
}

TEST(WithoutControlCharactersTest, KeepsTextLineBreaksAndTabs) {
  const std::string marked = std::string("a") + '\x02' + "b" + '\x03' + "c" + '\0' + "d" + '\x7f';
  EXPECT_EQ(WithoutControlCharacters(marked), "abcd");
  EXPECT_EQ(WithoutControlCharacters("regel 1\r\n\tregel 2 caf\u00e9"),
            "regel 1\r\n\tregel 2 caf\u00e9");
}

TEST(CheckImportedTimeTest, SaneYearsOnly) {
  const Timestamp now = FromMillis(1'800'000'000'000);
  EXPECT_FALSE(CheckImportedTime(FromMillis(0), now));
  EXPECT_FALSE(CheckImportedTime(now + std::chrono::hours(23), now));
  EXPECT_TRUE(CheckImportedTime(now + std::chrono::hours(25), now));
  EXPECT_TRUE(CheckImportedTime(FromMillis(-1), now));
}

}  // namespace
}  // namespace luister

namespace luister {
namespace {

TEST(TextHelpersTest, RepairUtf8ReplacesOnlyWhatIsInvalid) {
  EXPECT_EQ(RepairUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(RepairUtf8("caf\xE9!"), "caf\xEF\xBF\xBD!");
  EXPECT_EQ(RepairUtf8(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  // A sequence cut short at the end, and an overlong encoding of '/'.
  EXPECT_EQ(RepairUtf8("x\xE2\x82"), "x\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(RepairUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(RepairUtf8("\xFF\xFE\xF0\x9F\x98\x80")));
}

TEST(TextHelpersTest, AsciiLowerLeavesOtherBytes) {
  EXPECT_EQ(AsciiLower("Ré SUMÉ Mail"), "ré sumÉ mail");
}

}  // namespace
}  // namespace luister
