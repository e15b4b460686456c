#include "domain/staffing_plan.h"

#include <gtest/gtest.h>

#include <set>

namespace luister {
namespace {

ZoneClock Amsterdam() { return *ZoneClock::Open("Europe/Amsterdam"); }

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

std::set<std::string> Fields(const Status& s) {
  std::set<std::string> out;
  for (const FieldError& e : s.fields()) out.insert(e.field);
  return out;
}

TEST(ShiftCsvTest, ReadsLocalTimesAnyColumnOrderAndShiftsPastMidnight) {
  auto shifts = ParseShiftCsv(
      "label,agents,date,start,end,channel,department_id\n"
      "Ochtend,3,2026-03-29,08:00,16:30,phone,4\n"  // the day summer time begins
      "\"Nacht, laat\",1,2026-12-07,22:00,06:00,,\n",
      Amsterdam());
  ASSERT_TRUE(shifts.ok()) << shifts.status().ToString();
  ASSERT_EQ(shifts->size(), 2u);
  const Shift& morning = (*shifts)[0];
  EXPECT_EQ(morning.starts_at, At("2026-03-29T06:00:00Z"));  // CEST: UTC+2
  EXPECT_EQ(morning.ends_at, At("2026-03-29T14:30:00Z"));
  EXPECT_EQ(morning.agents, 3);
  EXPECT_EQ(morning.channel, Channel::kPhone);
  EXPECT_EQ(morning.department_id, 4);
  EXPECT_EQ(morning.label, "Ochtend");
  const Shift& night = (*shifts)[1];
  EXPECT_EQ(night.starts_at, At("2026-12-07T21:00:00Z"));
  EXPECT_EQ(night.ends_at, At("2026-12-08T05:00:00Z"));
  EXPECT_FALSE(night.channel.has_value());
  EXPECT_EQ(night.label, "Nacht, laat");
}

TEST(ShiftCsvTest, NamesEveryBadLineAndFieldAndImportsNothing) {
  auto bad = ParseShiftCsv(
      "date,start,end,agents,channel,queue_id\n"
      "2026-12-07,09:00,17:00,2,phone,\n"
      "2026-02-30,09:00,17:00,2,,\n"
      "2026-12-07,9h,17:00,0,fax,\n"
      "2026-12-07,09:00,17:00,2,,7\n",
      Amsterdam());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Fields(bad.status()),
            (std::set<std::string>{"line 3: date", "line 4: start", "line 4: channel",
                                   "line 5: department_id"}));
  auto zero = ParseShiftCsv("date,start,end,agents\n2026-12-07,09:00,17:00,0\n", Amsterdam());
  EXPECT_EQ(Fields(zero.status()), (std::set<std::string>{"line 2: agents"}));
  auto header = ParseShiftCsv("date,start,agents,colour\n", Amsterdam());
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().fields().size(), 2u);  // no "end", unknown "colour"
  EXPECT_FALSE(ParseShiftCsv("", Amsterdam()).ok());
  EXPECT_FALSE(ParseShiftCsv("date,start,end,agents\n\"2026", Amsterdam()).ok());
}

TEST(ShiftTest, ValidationNamesEachField) {
  Shift s;
  s.starts_at = At("2026-12-07T09:00:00Z");
  s.ends_at = At("2026-12-08T10:00:00Z");
  s.agents = 10'001;
  s.label = std::string(201, 'x');
  EXPECT_EQ(Fields(ValidateShift(s)), (std::set<std::string>{"ends_at", "agents", "label"}));
  s.ends_at = At("2026-12-07T17:00:00Z");
  s.agents = 4;
  s.label = "Dag";
  EXPECT_TRUE(ValidateShift(s).ok());
}

TEST(ShiftTest, CountsWhenEachPlaceMatchesOrIsLeftOpen) {
  Shift any;
  Shift phone;
  phone.channel = Channel::kPhone;
  Shift queue;
  queue.department_id = 2;
  queue.queue_id = 5;
  const ShiftFilter phones{Channel::kPhone, std::nullopt, std::nullopt};
  EXPECT_TRUE(ShiftCounts(any, phones));
  EXPECT_TRUE(ShiftCounts(phone, phones));
  EXPECT_FALSE(ShiftCounts(phone, {Channel::kChat, std::nullopt, std::nullopt}));
  EXPECT_FALSE(ShiftCounts(queue, phones));  // for queue 5 only
  EXPECT_TRUE(ShiftCounts(queue, {std::nullopt, 2, 5}));
}

TEST(PlanWindowTest, HistoryIsWholeLocalDaysAndHolidaysComeFromTheCalendar) {
  // Wednesday 23 December 2026, 10:00 in Amsterdam.
  const PlanWindow w = MakePlanWindow(Amsterdam(), At("2026-12-23T09:00:00Z"), 30, 2, 7);
  EXPECT_EQ(w.history_days, 14);
  EXPECT_EQ(FormatLocalDate(w.first_history_day), "2026-12-09");
  EXPECT_EQ(FormatLocalDate(w.first_day()), "2026-12-23");
  EXPECT_EQ(w.HistoryStart(), At("2026-12-08T23:00:00Z"));
  EXPECT_EQ(w.IntervalStart(w.first_day(), 20), At("2026-12-23T09:00:00Z"));
  // Two contacts at 10:05 local on the 9th, one a quarter later, one
  // before the window (dropped).
  std::vector<VolumeRow> rows(3);
  rows[0].key.bucket = At("2026-12-09T09:00:00Z");
  rows[0].counts.opened = 2;
  rows[1].key.bucket = At("2026-12-09T09:15:00Z");
  rows[1].counts.calls_offered = 1;
  rows[2].key.bucket = At("2026-12-08T22:45:00Z");
  rows[2].counts.opened = 9;
  const VolumeHistory h = HistoryOf(rows, w, BusinessCalendar::OfficeWeek(Amsterdam()));
  EXPECT_EQ(h.intervals_per_day, 48);
  EXPECT_EQ(h.first_weekday, 3);  // Wednesday
  ASSERT_EQ(h.counts.size(), 14u * 48u);
  EXPECT_EQ(h.counts[20], 3);
  double total = 0;
  for (double c : h.counts) total += c;
  EXPECT_EQ(total, 3);
  // Christmas Day and Boxing Day are holidays in the horizon.
  ASSERT_EQ(h.holidays.size(), 21u);
  std::vector<int> holidays;
  for (size_t d = 0; d < h.holidays.size(); ++d)
    if (h.holidays[d]) holidays.push_back(static_cast<int>(d));
  EXPECT_EQ(holidays, (std::vector<int>{16, 17}));
  const BusinessCalendar nl = BusinessCalendar::OfficeWeek(Amsterdam());
  EXPECT_EQ(HolidayName(nl, w.first_day() + 2, "nl"), "Eerste Kerstdag");
  EXPECT_EQ(HolidayName(nl, w.first_day() + 2, "en"), "Christmas Day");
  EXPECT_FALSE(HolidayName(nl, w.first_day(), "en").has_value());
}

// Weeks of a flat day with a noisy Monday: the model and the baseline.
VolumeHistory Steady(int weeks, bool wild_weeks) {
  VolumeHistory h;
  h.intervals_per_day = 4;
  for (int d = 0; d < 7 * weeks; ++d) {
    // Every other week is twice as busy: last week is the worst guide.
    const double level = wild_weeks && (d / 7) % 2 ? 40 : 20;
    for (int s = 0; s < 4; ++s) h.counts.push_back(s == 1 || s == 2 ? level : 0);
  }
  return h;
}

TEST(ForecastWindowTest, TheModelShipsOnlyWhenItBeatsTheBaseline) {
  auto calm = ForecastWindow(Steady(6, false), 7);
  ASSERT_TRUE(calm.ok());
  ASSERT_TRUE(calm->backtest.has_value());
  EXPECT_EQ(calm->backtest->origins, 14);
  // An exact repeat: the baseline is perfect, the model has nothing to beat.
  EXPECT_EQ(calm->backtest->naive_wape, 0);
  EXPECT_EQ(calm->forecast.intervals.size(), 28u);
  EXPECT_NEAR(calm->forecast.intervals[1].expected, 20, 1);

  auto wild = ForecastWindow(Steady(6, true), 7);
  ASSERT_TRUE(wild.ok());
  ASSERT_TRUE(wild->backtest.has_value());
  EXPECT_EQ(wild->method == ForecastMethod::kSeasonalNaive,
            wild->backtest->naive_wape < wild->backtest->wape);
  // Too short for a back-test: the model, without one.
  auto short_history = ForecastWindow(Steady(3, false), 7);
  ASSERT_TRUE(short_history.ok());
  EXPECT_FALSE(short_history->backtest.has_value());
  EXPECT_EQ(short_history->method, ForecastMethod::kWeekdayTrend);
  EXPECT_FALSE(ForecastWindow(Steady(1, false), 7).ok());
}

TEST(ForecastWindowTest, SeasonalNaiveRepeatsLastWeekWithABand) {
  VolumeHistory h = Steady(3, true);  // weeks of 20, 40, 20
  auto f = SeasonalNaiveForecast(h, 8);
  ASSERT_TRUE(f.ok());
  ASSERT_EQ(f->intervals.size(), 32u);
  EXPECT_EQ(f->intervals[1].expected, 20);
  EXPECT_EQ(f->intervals[7 * 4 + 1].expected, 20);  // the 8th day repeats the 1st
  EXPECT_EQ(f->daily[0], 40);
  EXPECT_LT(f->intervals[1].low, 20);
  EXPECT_GT(f->intervals[1].high, 20);
  EXPECT_GE(f->intervals[0].low, 0);
}

TEST(MeasureTimesTest, HandleTimeAndPatienceFromTheCalls) {
  std::vector<VolumeRow> rows(2);
  rows[0].counts.handled = 4;
  rows[0].counts.handle_seconds = 800;
  rows[0].counts.wait_seconds = 300;
  rows[1].counts.calls_abandoned = 2;
  rows[1].counts.wait_seconds = 100;
  const MeasuredTimes m = MeasureTimes(rows);
  EXPECT_EQ(m.aht_seconds, 200);
  EXPECT_EQ(m.patience_seconds, 200);  // 400 s waited by all, 2 gave up
  const MeasuredTimes none = MeasureTimes({});
  EXPECT_FALSE(none.aht_seconds.has_value());
  EXPECT_FALSE(none.patience_seconds.has_value());
}

TEST(PlanIntervalsTest, ErlangPerIntervalAgainstShiftsAndAgentsOnline) {
  const PlanWindow w =
      MakePlanWindow(*ZoneClock::Open("UTC"), At("2026-12-07T10:40:00Z"), 60, 2, 1);
  VolumeForecast f;
  f.intervals.resize(24);
  f.intervals[9] = {200, 180, 220};   // 09:00: 200 calls of 180 s in an hour = 10 Erlangs
  f.intervals[11] = {200, 180, 220};  // 11:00
  f.intervals[14] = {200, 180, 220};  // 14:00
  f.daily = {600};
  StaffingInput in;
  in.aht_seconds = 180;
  in.shrinkage = 0.3;
  Shift day;
  day.starts_at = At("2026-12-07T08:00:00Z");
  day.ends_at = At("2026-12-07T12:00:00Z");
  day.agents = 20;
  Shift chat = day;
  chat.channel = Channel::kChat;
  chat.agents = 50;
  Shift late = day;
  late.starts_at = At("2026-12-07T14:31:00Z");  // after 14:00-15:00's middle
  late.ends_at = At("2026-12-07T18:00:00Z");
  late.agents = 5;
  const std::vector<OnlineSample> online = {{At("2026-12-07T09:00:00Z"), 1, 9},
                                            {At("2026-12-07T09:15:00Z"), 1, 13},
                                            {At("2026-12-07T09:15:00Z"), 2, 1}};
  auto plan = PlanIntervals(w, f, in, {day, chat, late}, {Channel::kPhone, {}, {}}, online,
                            At("2026-12-07T10:40:00Z"));
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  ASSERT_EQ(plan->size(), 24u);
  const IntervalStaffing& nine = (*plan)[9];
  EXPECT_EQ(nine.start, At("2026-12-07T09:00:00Z"));
  EXPECT_DOUBLE_EQ(nine.need.erlangs, 10);
  EXPECT_EQ(nine.need.required, 14);  // the worked example
  EXPECT_EQ(nine.need.required_with_shrinkage, 20);
  ASSERT_EQ(nine.need.rows.size(), 1u);
  EXPECT_NEAR(nine.need.rows[0].service_level, 0.8884, 5e-5);
  EXPECT_EQ(nine.scheduled, 20);  // the chat shift does not count for phones
  EXPECT_EQ(nine.online, 14);     // the busiest quarter: 13 + 1
  EXPECT_EQ(nine.status, StaffStatus::kOk);
  // 11:00 is still to come: judged by the shifts, 20 scheduled for 20.
  const IntervalStaffing& eleven = (*plan)[11];
  EXPECT_FALSE(eleven.online.has_value());
  EXPECT_EQ(eleven.status, StaffStatus::kOk);
  // 14:00: the late shift starts after the interval's middle.
  const IntervalStaffing& two = (*plan)[14];
  EXPECT_EQ(two.scheduled, 0);
  EXPECT_EQ(two.status, StaffStatus::kUnder);
  // 16:00: nothing expected, five scheduled: over by at least two.
  EXPECT_EQ((*plan)[16].need.required, 0);
  EXPECT_EQ((*plan)[16].scheduled, 5);
  EXPECT_EQ((*plan)[16].status, StaffStatus::kOver);
  // 10:00 has begun and nobody was sampled online then: under against 0.
  EXPECT_EQ((*plan)[10].online, 0);
  EXPECT_EQ((*plan)[10].status, StaffStatus::kOk);  // nothing expected, nobody needed

  // Likely no contact at all (a band under one): not called short.
  f.intervals[20] = {0.2, 0, 0.9};
  f.intervals[21] = {0.2, 0, 1.5};
  auto quiet =
      PlanIntervals(w, f, in, {day}, {Channel::kPhone, {}, {}}, {}, At("2026-12-07T10:40:00Z"));
  ASSERT_TRUE(quiet.ok());
  EXPECT_EQ((*quiet)[20].need.required, 1);
  EXPECT_EQ((*quiet)[20].status, StaffStatus::kOk);
  EXPECT_EQ((*quiet)[21].status, StaffStatus::kUnder);
  // Without any shift or sample: none.
  auto bare = PlanIntervals(w, f, in, {}, {}, {}, At("2026-12-07T10:40:00Z"));
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ((*bare)[14].status, StaffStatus::kNone);
  // A forecast of the wrong length is refused.
  f.intervals.pop_back();
  EXPECT_FALSE(PlanIntervals(w, f, in, {}, {}, {}, At("2026-12-07T10:40:00Z")).ok());
}

}  // namespace
}  // namespace luister
