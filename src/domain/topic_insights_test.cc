#include "domain/topic_insights.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace luister {
namespace {

TEST(TopicTrendTest, ADoublingWeekRisesAndAnOrdinaryOneDoesNot) {
  std::vector<int64_t> weeks = {20, 22, 19, 21, 20, 18, 22, 20, 21};
  TopicTrend ordinary = JudgeTrend(weeks);
  EXPECT_FALSE(ordinary.rising);
  EXPECT_NEAR(ordinary.expected, 20.25, 1e-9);
  EXPECT_EQ(ordinary.observed, 21);

  weeks.back() = 44;  // "levering te laat" doubling this week
  const TopicTrend doubled = JudgeTrend(weeks);
  EXPECT_TRUE(doubled.rising);
  EXPECT_NEAR(doubled.ratio, 44 / 20.25, 1e-9);
  EXPECT_GT(doubled.z, 3);
  EXPECT_FALSE(doubled.seasonal);
}

TEST(TopicTrendTest, SmallNumbersAndShortHistoriesAreNoAlarm) {
  // From 1 to 4 a week is four times as many, but four contacts.
  EXPECT_FALSE(JudgeTrend({1, 1, 1, 1, 1, 1, 1, 1, 4}).rising);
  // Not enough weeks to know what is normal.
  EXPECT_FALSE(JudgeTrend({5, 5, 80}).rising);
  EXPECT_FALSE(JudgeTrend({}).rising);
  // A topic that was never asked about and now is, often: rising.
  EXPECT_TRUE(JudgeTrend({0, 0, 0, 0, 0, 0, 0, 0, 25}).rising);
}

TEST(TopicTrendTest, TheSeasonExplainsARushThatCameLastYearToo) {
  // Two years of 20 a week, with a December week of 60 in both years.
  std::vector<int64_t> weeks(2 * 52, 20);
  weeks[50] = 60;
  weeks[102] = 60;
  weeks.resize(103);
  const TopicTrend rush = JudgeTrend(weeks);
  EXPECT_TRUE(rush.seasonal);
  EXPECT_NEAR(rush.expected, 60, 1e-9);
  EXPECT_FALSE(rush.rising);
  // Without last year's rush the same week is news.
  weeks[50] = 20;
  EXPECT_TRUE(JudgeTrend(weeks).rising);
}

TEST(TopicDifficultyTest, HardTopicsRankByVolumeTimesDifficultyWithTheirDrivers) {
  TopicEffort easy{.volume = 300,
                   .handle_minutes = 4,
                   .messages_to_resolve = 2,
                   .contacts_to_resolve = 1,
                   .transfer_rate = 0.02,
                   .reopen_rate = 0.01,
                   .repeat_rate = 0.05,
                   .complaint_rate = 0.0,
                   .satisfaction = 4.6};
  TopicEffort typical{.volume = 100,
                      .handle_minutes = 8,
                      .messages_to_resolve = 4,
                      .contacts_to_resolve = 1.2,
                      .transfer_rate = 0.05,
                      .reopen_rate = 0.03,
                      .repeat_rate = 0.1,
                      .complaint_rate = 0.01,
                      .satisfaction = 4.0};
  TopicEffort hard{.volume = 120,
                   .handle_minutes = 25,
                   .messages_to_resolve = 9,
                   .contacts_to_resolve = 2.5,
                   .transfer_rate = 0.4,
                   .reopen_rate = 0.03,
                   .repeat_rate = 0.3,
                   .complaint_rate = 0.08,
                   .satisfaction = 2.5};
  const auto ranked = RankDifficulty({easy, typical, hard});
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_NEAR(ranked[1].difficulty, 1.0, 1e-9);  // the median topic
  EXPECT_LT(ranked[0].difficulty, 1.0);
  EXPECT_GT(ranked[2].difficulty, 2.0);
  EXPECT_GT(ranked[2].priority, ranked[0].priority);  // fewer, but far harder
  EXPECT_NEAR(ranked[2].priority, 120 * ranked[2].difficulty, 1e-9);
  ASSERT_FALSE(ranked[2].drivers.empty());
  EXPECT_EQ(ranked[2].drivers.front(), "transfer_rate");  // 8 times, capped at 5
  EXPECT_TRUE(std::find(ranked[2].drivers.begin(), ranked[2].drivers.end(), "reopen_rate") ==
              ranked[2].drivers.end());
  EXPECT_TRUE(ranked[1].drivers.empty());
}

TEST(TopicDifficultyTest, MissingSatisfactionAndZeroMediansAreHandled) {
  TopicEffort a;
  a.volume = 10;
  a.handle_minutes = 5;
  TopicEffort b = a;
  TopicEffort c = a;
  c.complaint_rate = 0.2;
  const auto ranked = RankDifficulty({a, b, c});
  EXPECT_NEAR(ranked[0].difficulty, 1.0, 1e-9);
  EXPECT_GT(ranked[2].difficulty, 1.0);
  EXPECT_EQ(ranked[2].drivers, std::vector<std::string>{"complaint_rate"});
  EXPECT_TRUE(RankDifficulty({}).empty());
}

TEST(TopicDifficultyTest, AHandleTimeNobodyMeasuredIsLeftOutNotCountedAsEasy) {
  TopicEffort timed;
  timed.volume = 10;
  timed.handle_minutes = 6;
  timed.hours_to_resolve = 4;
  TopicEffort untimed = timed;  // e-mail only: no call or chat to time
  untimed.handle_minutes.reset();
  TopicEffort slow = timed;
  slow.handle_minutes = 30;
  const auto ranked = RankDifficulty({timed, untimed, slow});
  // The median handle time is 18 (of the two timed topics).
  EXPECT_NEAR(ranked[0].difficulty, (6.0 / 18 + 7) / 8, 1e-9);  // eight measures known
  EXPECT_NEAR(ranked[1].difficulty, 1.0, 1e-9);                 // only hours_to_resolve counts
  EXPECT_TRUE(ranked[1].drivers.empty());
}

}  // namespace
}  // namespace luister
