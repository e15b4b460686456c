#include "domain/opening_hours.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

// A moment given as UTC "YYYY-MM-DDTHH:MM".
Timestamp Utc(const std::string& s) {
  auto t = ParseIso8601(s + ":00Z");
  EXPECT_TRUE(t.has_value()) << s;
  return t.value_or(Timestamp{});
}

// A Dutch desk: weekdays 09:00-12:30 and 13:30-17:00, Saturday morning,
// Dutch public holidays and one closed date.
OpeningHours DutchDesk() {
  OpeningHours h;
  h.time_zone = "Europe/Amsterdam";
  for (int d = 0; d < 5; ++d) h.week[d] = {{13 * 60 + 30, 17 * 60}, {9 * 60, 12 * 60 + 30}};
  h.week[5] = {{10 * 60, 12 * 60}};
  h.closed_dates = {"2026-12-31", "2026-12-24", "2026-12-31"};
  h.public_holidays = "NL";
  return h;
}

TEST(OpeningHoursTest, ValidationNamesEachMistakeAndSortsWhatIsRight) {
  OpeningHours ok = DutchDesk();
  ASSERT_TRUE(ValidateOpeningHours(&ok).ok());
  EXPECT_EQ(ok.week[0][0].from_minute, 9 * 60) << "spans sorted";
  EXPECT_EQ(ok.closed_dates, (std::vector<std::string>{"2026-12-24", "2026-12-31"}));

  OpeningHours bad = DutchDesk();
  bad.time_zone = "Europe/Atlantis";
  bad.week[0] = {{9 * 60, 12 * 60}, {11 * 60, 13 * 60}};
  bad.week[2] = {{17 * 60, 9 * 60}};
  bad.week[6] = {{0, 25 * 60}};
  bad.closed_dates = {"2026-02-30"};
  bad.public_holidays = "XX";
  Status s = ValidateOpeningHours(&bad);
  ASSERT_EQ(s.code(), StatusCode::kInvalidArgument);
  std::vector<std::string> fields;
  for (const FieldError& f : s.fields()) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"time_zone", "week.monday", "week.wednesday",
                                              "week.sunday", "closed_dates", "public_holidays"}));
}

TEST(OpeningHoursTest, SpansAndMinutesReadWhatTheyWrite) {
  auto spans = ParseSpans("09:00-12:30,13:30-24:00");
  ASSERT_TRUE(spans.ok());
  EXPECT_EQ(*spans, (std::vector<OpenSpan>{{540, 750}, {810, 1440}}));
  EXPECT_EQ(FormatSpans(*spans), "09:00-12:30,13:30-24:00");
  EXPECT_TRUE(ParseSpans("")->empty());
  EXPECT_FALSE(ParseSpans("9-17").ok());
  EXPECT_FALSE(ParseSpans("09:00").ok());
  EXPECT_FALSE(ParseMinute("24:30"));
  EXPECT_FALSE(ParseMinute("12:60"));
  EXPECT_EQ(ParseMinute("00:00"), 0);
}

TEST(OpeningHoursTest, DutchHolidaysFollowEasterAndKingsDayAvoidsSunday) {
  auto has = [](int year, const std::string& date, std::string_view name) {
    for (const PublicHoliday& h : DutchPublicHolidays(year))
      if (h.date == date) return h.name_nl == name;
    return false;
  };
  EXPECT_TRUE(has(2026, "2026-04-05", "Eerste Paasdag"));
  EXPECT_TRUE(has(2026, "2026-04-06", "Tweede Paasdag"));
  EXPECT_TRUE(has(2026, "2026-05-14", "Hemelvaartsdag"));
  EXPECT_TRUE(has(2026, "2026-05-25", "Tweede Pinksterdag"));
  EXPECT_TRUE(has(2026, "2026-04-27", "Koningsdag"));
  EXPECT_TRUE(has(2025, "2025-04-26", "Koningsdag")) << "27 April 2025 was a Sunday";
  EXPECT_TRUE(has(2024, "2024-03-31", "Eerste Paasdag"));
  EXPECT_TRUE(has(2027, "2027-03-28", "Eerste Paasdag"));
  EXPECT_EQ(DutchPublicHolidays(2026).size(), 10u);
}

TEST(OpeningHoursTest, OpenInItsOwnZoneWithLunchHolidaysAndClosedDates) {
  auto cal = BusinessCalendar::Make(DutchDesk());
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  // Thursday 3 December 2026; Amsterdam is UTC+1 in winter.
  EXPECT_FALSE(cal->IsOpen(Utc("2026-12-03T07:59")));  // 08:59 local
  EXPECT_TRUE(cal->IsOpen(Utc("2026-12-03T08:00")));   // 09:00
  EXPECT_TRUE(cal->IsOpen(Utc("2026-12-03T11:29")));   // 12:29
  EXPECT_FALSE(cal->IsOpen(Utc("2026-12-03T11:30")));  // lunch
  EXPECT_EQ(cal->NextOpen(Utc("2026-12-03T11:45")), Utc("2026-12-03T12:30"));
  EXPECT_EQ(cal->OpenUntil(Utc("2026-12-03T13:00")), Utc("2026-12-03T16:00"));
  EXPECT_FALSE(cal->OpenUntil(Utc("2026-12-03T11:45")));
  // Friday evening: Saturday 10:00 is next; Saturday noon: Monday 09:00.
  EXPECT_EQ(cal->NextOpen(Utc("2026-12-04T18:00")), Utc("2026-12-05T09:00"));
  EXPECT_EQ(cal->NextOpen(Utc("2026-12-05T11:00")), Utc("2026-12-07T08:00"));
  // Christmas Eve is a closed date, then two Christmas days, then Sunday.
  EXPECT_FALSE(cal->IsOpen(Utc("2026-12-24T10:00")));
  EXPECT_EQ(cal->NextOpen(Utc("2026-12-23T17:00")), Utc("2026-12-28T08:00"));
  // In summer Amsterdam is UTC+2: King's Day 2026 is a Monday, closed.
  EXPECT_FALSE(cal->IsOpen(Utc("2026-04-27T08:00")));
  EXPECT_TRUE(cal->IsOpen(Utc("2026-04-28T07:00")));  // 09:00 local
  EXPECT_FALSE(cal->IsOpen(Utc("2026-04-28T06:59")));

  std::optional<PublicHoliday> why;
  EXPECT_TRUE(cal->ClosedDate("2026-12-25", &why));
  ASSERT_TRUE(why);
  EXPECT_EQ(why->name_en, "Christmas Day");
  auto ahead = cal->ClosuresAhead(Utc("2026-12-20T12:00"), 14);
  ASSERT_EQ(ahead.size(), 5u);  // 24 (closed), 25, 26, 31 (closed), 1 January
  EXPECT_EQ(ahead[0].date, "2026-12-24");
  EXPECT_EQ(ahead[0].name_nl, "") << "a closed date has no holiday's name";
  EXPECT_EQ(ahead[3].date, "2026-12-31");
  EXPECT_EQ(ahead[4].date, "2027-01-01");
  EXPECT_EQ(ahead[4].name_en, "New Year's Day");
  EXPECT_EQ(cal->LocalDate(Utc("2026-12-03T23:30")), "2026-12-04");
}

TEST(OpeningHoursTest, TheClockChangesAndANightShiftAcrossMidnight) {
  OpeningHours h;
  h.time_zone = "Europe/Amsterdam";
  for (auto& day : h.week) day = {{0, 2 * 60}, {20 * 60, 24 * 60}};
  auto cal = BusinessCalendar::Make(h);
  ASSERT_TRUE(cal.ok());
  // Sunday 29 March 2026 the clocks go from 02:00 to 03:00 local.
  EXPECT_TRUE(cal->IsOpen(Utc("2026-03-29T00:30")));   // 01:30 CET
  EXPECT_FALSE(cal->IsOpen(Utc("2026-03-29T01:30")));  // 03:30 CEST
  EXPECT_EQ(cal->NextOpen(Utc("2026-03-29T01:30")), Utc("2026-03-29T18:00"));
  // Open 20:00 to 02:00: one stretch across midnight.
  EXPECT_EQ(cal->OpenUntil(Utc("2026-06-10T19:00")), Utc("2026-06-11T00:00"));

  OpeningHours never;
  auto closed = BusinessCalendar::Make(never);
  ASSERT_TRUE(closed.ok());
  EXPECT_FALSE(closed->IsOpen(Utc("2026-06-10T10:00")));
  EXPECT_FALSE(closed->NextOpen(Utc("2026-06-10T10:00"))) << "never opens: no moment";

  BusinessCalendar always;
  EXPECT_TRUE(always.always_open());
  EXPECT_TRUE(always.IsOpen(Utc("2026-12-25T03:00")));
  EXPECT_EQ(always.NextOpen(Utc("2026-12-25T03:00")), Utc("2026-12-25T03:00"));

  OpeningHours tokyo;
  tokyo.time_zone = "Asia/Tokyo";
  tokyo.week[3] = {{9 * 60, 18 * 60}};  // Thursday
  auto jp = BusinessCalendar::Make(tokyo);
  ASSERT_TRUE(jp.ok());
  EXPECT_TRUE(jp->IsOpen(Utc("2026-12-03T00:00")));  // 09:00 JST Thursday
  EXPECT_FALSE(jp->IsOpen(Utc("2026-12-02T23:59")));
}

}  // namespace
}  // namespace luister
