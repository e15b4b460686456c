#include "domain/phone.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

struct Case {
  const char* in;
  const char* want;  // nullptr: refused
};

TEST(NormalisePhoneTest, OneNumberHoweverItIsWritten) {
  const Case cases[] = {
      {"+31 6 1234 5678", "+31612345678"},
      {"06 12345678", "+31612345678"},
      {"06-12345678", "+31612345678"},
      {"0031612345678", "+31612345678"},
      {"(020) 794 6095", "+31207946095"},
      {"+31 (0)20 794 6095", "+31207946095"},
      {"0044 20 7946 0958", "+442079460958"},
      {"+1 (415) 555-0132", "+14155550132"},
      {"+32 470 12 34 56", "+32470123456"},
      {"", nullptr},
      {"12345", nullptr},
      {"+0 123456789", nullptr},
      {"+31 6 1234", nullptr},             // too short for a Dutch mobile
      {"+31 6 1234 5678 ext 5", nullptr},  // an extension
      {"+1234567890123456", nullptr},
      {"0800-FLOWERS", nullptr},
      {"06 1234 5678 9999 0000 1111", nullptr},
  };
  for (const auto& c : cases) {
    auto r = NormalisePhone(c.in);
    if (c.want) {
      ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
      EXPECT_EQ(*r, c.want) << c.in;
    } else {
      EXPECT_FALSE(r.ok()) << c.in << " gave " << (r.ok() ? *r : "");
    }
  }
}

TEST(NormalisePhoneTest, ANationalNumberIsReadInTheRegionGiven) {
  EXPECT_EQ(*NormalisePhone("0470 12 34 56", "BE"), "+32470123456");
  EXPECT_EQ(*NormalisePhone("020 7946 0958", "GB"), "+442079460958");
  EXPECT_FALSE(NormalisePhone("0470 12 34 56", "NL").ok()) << "not a Dutch number";
}

TEST(NormalisePhoneTest, TheDefaultRegionIsSetOnceForTheProcess) {
  EXPECT_EQ(DefaultPhoneRegion(), "NL");
  EXPECT_FALSE(SetDefaultPhoneRegion("Narnia").ok());
  EXPECT_FALSE(SetDefaultPhoneRegion("").ok());
  EXPECT_EQ(DefaultPhoneRegion(), "NL") << "unchanged by a refusal";
  ASSERT_TRUE(SetDefaultPhoneRegion("be").ok());
  EXPECT_EQ(DefaultPhoneRegion(), "BE");
  EXPECT_EQ(*NormalisePhone("0470 12 34 56"), "+32470123456");
  ASSERT_TRUE(SetDefaultPhoneRegion("NL").ok());
  EXPECT_EQ(*NormalisePhone("06 12345678"), "+31612345678");
}

TEST(FormatPhoneTest, NationalAtHomeInternationalAbroad) {
  EXPECT_EQ(FormatPhone("+31612345678"), "06 12345678");
  EXPECT_EQ(FormatPhone("+31207946095"), "020 794 6095");
  EXPECT_EQ(FormatPhone("+442079460958"), "+44 20 7946 0958");
  EXPECT_EQ(FormatPhone("+442079460958", "GB"), "020 7946 0958");
  EXPECT_EQ(FormatPhone("not a number"), "not a number");
}

}  // namespace
}  // namespace luister
