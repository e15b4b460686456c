#include "domain/time_expression.h"

#include <gtest/gtest.h>

#include "domain/commitment.h"

namespace luister {
namespace {

struct Case {
  const char* text;
  const char* start;  // nullptr: no time
  const char* end;
  const char* grain;
};

// Reads each case against `now` in `zone` and compares the three fields.
void Check(const char* now, const char* zone, Language lang, std::initializer_list<Case> cases) {
  auto at = ParseIso8601(now);
  ASSERT_TRUE(at) << now;
  auto ref = OfficeReference(*at, zone, lang);
  ASSERT_TRUE(ref.ok()) << ref.status().ToString();
  for (const Case& c : cases) {
    auto found = FindTime(c.text, *ref);
    if (!c.start) {
      EXPECT_TRUE(!found || !found->span)
          << c.text << " holds no time, read as "
          << (found && found->span ? ref->clock.FormatIso(found->span->start) : "");
      continue;
    }
    ASSERT_TRUE(found && found->span) << c.text;
    EXPECT_EQ(ref->clock.FormatIso(found->span->start), c.start) << c.text;
    EXPECT_EQ(ref->clock.FormatIso(found->span->end), c.end) << c.text;
    EXPECT_EQ(ToString(found->span->grain), c.grain) << c.text;
  }
}

// Friday 4 December 2026, 10:15 in Amsterdam (UTC+1).
constexpr char kFriday[] = "2026-12-04T10:15:00+01:00";

TEST(TimeExpressionTest, DutchDaysClocksAndPartsOfTheDay) {
  Check(kFriday, "Europe/Amsterdam", Language::kNl,
        {
            {"we bellen u morgen voor 12 uur terug", "2026-12-05T00:00:00+01:00",
             "2026-12-05T12:00:00+01:00", "hour"},
            {"Morgenochtend", "2026-12-05T04:00:00+01:00", "2026-12-05T12:00:00+01:00",
             "part_of_day"},
            {"vrijdag", "2026-12-11T00:00:00+01:00", "2026-12-12T00:00:00+01:00", "day"},
            {"deze vrijdag", "2026-12-04T00:00:00+01:00", "2026-12-05T00:00:00+01:00", "day"},
            {"dinsdag tussen 8 en 12 uur", "2026-12-08T08:00:00+01:00", "2026-12-08T12:00:00+01:00",
             "hour"},
            {"om half 3", "2026-12-04T14:30:00+01:00", "2026-12-04T14:31:00+01:00", "minute"},
            {"kwart over 4", "2026-12-04T16:15:00+01:00", "2026-12-04T16:16:00+01:00", "minute"},
            {"om 09.30 uur", "2026-12-05T09:30:00+01:00", "2026-12-05T09:31:00+01:00", "minute"},
            {"vanavond", "2026-12-04T18:00:00+01:00", "2026-12-05T00:00:00+01:00", "part_of_day"},
            {"vrijdagmiddag om 3 uur", "2026-12-11T15:00:00+01:00", "2026-12-11T16:00:00+01:00",
             "hour"},
            {"15 maart", "2027-03-15T00:00:00+01:00", "2027-03-16T00:00:00+01:00", "day"},
            {"op 5-12", "2026-12-05T00:00:00+01:00", "2026-12-06T00:00:00+01:00", "day"},
            {"zo snel mogelijk", nullptr, nullptr, nullptr},
            {"Goedemorgen, wat kan ik voor u doen?", nullptr, nullptr, nullptr},
            {"Het duurt een uur", nullptr, nullptr, nullptr},
            {"U heeft 2 stuks besteld, order 12345", nullptr, nullptr, nullptr},
            {"Dat kost 10.30 euro", nullptr, nullptr, nullptr},
        });
}

TEST(TimeExpressionTest, DutchSpansBoundsAndBusinessDays) {
  Check(kFriday, "Europe/Amsterdam", Language::kNl,
        {
            {"u ontvangt binnen 2 werkdagen een nieuwe fles", "2026-12-04T10:15:00+01:00",
             "2026-12-09T00:00:00+01:00", "day"},
            {"binnen 3 dagen", "2026-12-04T10:15:00+01:00", "2026-12-08T00:00:00+01:00", "day"},
            {"over 2 uur", "2026-12-04T12:15:00+01:00", "2026-12-04T12:16:00+01:00", "minute"},
            {"binnen het uur", "2026-12-04T10:15:00+01:00", "2026-12-04T11:15:00+01:00", "minute"},
            {"uiterlijk vrijdag", "2026-12-04T10:15:00+01:00", "2026-12-12T00:00:00+01:00", "day"},
            {"voor vrijdag", "2026-12-04T10:15:00+01:00", "2026-12-11T00:00:00+01:00", "day"},
            {"na 15:00", "2026-12-04T15:00:00+01:00", "2026-12-05T00:00:00+01:00", "hour"},
            {"eind van de maand", "2026-12-31T00:00:00+01:00", "2027-01-01T00:00:00+01:00", "day"},
            {"na het weekend", "2026-12-07T00:00:00+01:00", "2026-12-08T00:00:00+01:00", "day"},
            {"volgende week", "2026-12-07T00:00:00+01:00", "2026-12-14T00:00:00+01:00", "week"},
            {"vandaag nog", "2026-12-04T10:15:00+01:00", "2026-12-05T00:00:00+01:00", "hour"},
            {"dit kwartaal", "2026-10-01T00:00:00+02:00", "2027-01-01T00:00:00+01:00", "quarter"},
        });
  // Two business days from 23 December skip both Christmas days and the weekend.
  Check("2026-12-23T09:00:00+01:00", "Europe/Amsterdam", Language::kNl,
        {{"binnen 2 werkdagen", "2026-12-23T09:00:00+01:00", "2026-12-29T00:00:00+01:00", "day"}});
}

TEST(TimeExpressionTest, EnglishDaysClocksAndBounds) {
  Check(kFriday, "Europe/Amsterdam", Language::kEn,
        {
            {"I'll call you back tomorrow afternoon", "2026-12-05T12:00:00+01:00",
             "2026-12-05T19:00:00+01:00", "part_of_day"},
            {"I'll send you the form by Friday", "2026-12-04T10:15:00+01:00",
             "2026-12-12T00:00:00+01:00", "day"},
            {"within 3 business days", "2026-12-04T10:15:00+01:00", "2026-12-10T00:00:00+01:00",
             "day"},
            {"at 3pm", "2026-12-04T15:00:00+01:00", "2026-12-04T16:00:00+01:00", "hour"},
            {"at half past three", "2026-12-04T15:30:00+01:00", "2026-12-04T15:31:00+01:00",
             "minute"},
            {"on Monday at 10am", "2026-12-07T10:00:00+01:00", "2026-12-07T11:00:00+01:00", "hour"},
            {"between 10 and 12 tomorrow", "2026-12-05T10:00:00+01:00", "2026-12-05T12:00:00+01:00",
             "hour"},
            {"the 3rd of January", "2027-01-03T00:00:00+01:00", "2027-01-04T00:00:00+01:00", "day"},
            {"in two weeks", "2026-12-18T00:00:00+01:00", "2026-12-19T00:00:00+01:00", "day"},
            {"at noon tomorrow", "2026-12-05T12:00:00+01:00", "2026-12-05T13:00:00+01:00", "hour"},
            {"before noon", "2026-12-04T10:15:00+01:00", "2026-12-04T12:00:00+01:00", "hour"},
            {"by the end of the day", "2026-12-04T10:15:00+01:00", "2026-12-05T00:00:00+01:00",
             "hour"},
            {"early next week", "2026-12-07T00:00:00+01:00", "2026-12-10T00:00:00+01:00", "day"},
            {"as soon as possible", nullptr, nullptr, nullptr},
            {"Thanks for waiting, we have 12 in stock", nullptr, nullptr, nullptr},
            {"You may want to restart it", nullptr, nullptr, nullptr},
        });
}

TEST(TimeExpressionTest, OffsetsFollowTheZoneAcrossTheClockChange) {
  // Saturday 27 March 2027: Amsterdam moves to UTC+2 on Sunday at 02:00.
  Check("2027-03-27T11:00:00+01:00", "Europe/Amsterdam", Language::kNl,
        {{"morgen om 10 uur", "2027-03-28T10:00:00+02:00", "2027-03-28T11:00:00+02:00", "hour"},
         {"morgen", "2027-03-28T00:00:00+01:00", "2027-03-29T00:00:00+02:00", "day"}});
  Check("2026-12-04T10:15:00-05:00", "America/New_York", Language::kEn,
        {{"tomorrow at 9am", "2026-12-05T09:00:00-05:00", "2026-12-05T10:00:00-05:00", "hour"}});
}

TEST(TimeExpressionTest, AnUnknownZoneIsRefused) {
  EXPECT_EQ(OfficeReference(Timestamp{}, "Mars/Olympus", Language::kEn).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace luister

namespace luister {
namespace {

// Numbers too long for an int (a fuzzer's find: "Q44444444044") are no
// time, and no exception.
TEST(TimeExpressionTest, NumbersTooLongForAnIntAreNoTime) {
  auto ref = OfficeReference(*ParseIso8601(kFriday), "Europe/Amsterdam", Language::kNl);
  ASSERT_TRUE(ref.ok());
  // The fuzzer's input held a control byte after the first 4.
  const std::string found =
      std::string("Kunt u mij morgen 4") + '\x14' + "4444Q44444444044terugbellen?";
  for (const std::string& text :
       {found, std::string("in Q99999999999"), std::string("om 99999999999:30"),
        std::string("op 99999999999-12-2026"), std::string("binnen 444444444444 werkdagen")}) {
    EXPECT_NO_THROW(FindTime(text, *ref)) << text;
    EXPECT_NO_THROW(DetectCommitment(text, *ref)) << text;
  }
}

}  // namespace
}  // namespace luister
