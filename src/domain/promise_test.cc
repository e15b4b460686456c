#include "domain/promise.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

TEST(PromiseMeasuresTest, KeptRateLatenessOverdueAndChasingPerGroup) {
  auto zone = ZoneClock::Open("Europe/Amsterdam");
  ASSERT_TRUE(zone.ok());
  const Timestamp now = At("2026-12-10T12:00:00Z");
  auto fact = [](PromiseKind kind, PromiseStatus status, const char* due, const char* closed,
                 bool chased = false) {
    PromiseFact f;
    f.kind = kind;
    f.status = status;
    f.created_at = At("2026-12-01T09:00:00Z");
    if (due) f.due_end = At(due);
    if (closed) f.closed_at = At(closed);
    f.chased = chased;
    f.owner_user_id = 7;
    f.channel = Channel::kEmail;
    return f;
  };
  const std::vector<PromiseFact> facts = {
      // callbacks: on time, 30 min late, 90 min late, broken (chased), overdue
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-02T12:00:00Z",
           "2026-12-02T11:00:00Z"),
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-03T12:00:00Z",
           "2026-12-03T12:30:00Z"),
      fact(PromiseKind::kCallback, PromiseStatus::kKept, "2026-12-04T12:00:00Z",
           "2026-12-04T13:30:00Z", true),
      fact(PromiseKind::kCallback, PromiseStatus::kBroken, "2026-12-05T12:00:00Z",
           "2026-12-06T09:00:00Z", true),
      fact(PromiseKind::kCallback, PromiseStatus::kOpen, "2026-12-09T12:00:00Z", nullptr),
      // a refund: cancelled; a document: renegotiated, not yet due; one asap
      fact(PromiseKind::kRefund, PromiseStatus::kCancelled, "2026-12-08T12:00:00Z",
           "2026-12-07T09:00:00Z"),
      fact(PromiseKind::kDocuments, PromiseStatus::kRenegotiated, "2026-12-20T12:00:00Z", nullptr),
      fact(PromiseKind::kDocuments, PromiseStatus::kOpen, nullptr, nullptr),
  };
  const auto rows = MeasurePromises(facts, PromiseGroup::kKind, now, *zone);
  ASSERT_EQ(rows.size(), 3u);
  const PromiseMeasure& callback = rows[0];
  EXPECT_EQ(callback.key, "callback");
  EXPECT_EQ(callback.made, 5);
  EXPECT_EQ(callback.kept, 3);
  EXPECT_EQ(callback.kept_on_time, 1);
  EXPECT_EQ(callback.broken, 1);
  EXPECT_EQ(callback.live, 1);
  EXPECT_EQ(callback.overdue, 1);
  EXPECT_EQ(callback.chased, 2);
  ASSERT_TRUE(callback.kept_rate);
  EXPECT_DOUBLE_EQ(*callback.kept_rate, 0.75);
  EXPECT_EQ(callback.median_lateness_minutes, 30) << "0, 30 and 90 minutes late";
  const PromiseMeasure& documents = rows[1];
  EXPECT_EQ(documents.key, "documents");
  EXPECT_EQ(documents.live, 2);
  EXPECT_EQ(documents.overdue, 0);
  EXPECT_FALSE(documents.kept_rate) << "nothing kept or broken yet";
  EXPECT_FALSE(documents.median_lateness_minutes);
  EXPECT_EQ(rows[2].key, "refund");
  EXPECT_EQ(rows[2].cancelled, 1);

  // By week of the due moment (ISO weeks, in the desk's zone).
  const auto weeks = MeasurePromises(facts, PromiseGroup::kWeek, now, *zone);
  ASSERT_FALSE(weeks.empty());
  EXPECT_EQ(weeks.front().key, "2026-W49");
  EXPECT_EQ(weeks.back().key, "2026-W51");
  const auto agents = MeasurePromises(facts, PromiseGroup::kAgent, now, *zone);
  ASSERT_EQ(agents.size(), 1u);
  EXPECT_EQ(agents[0].key, "7");
  EXPECT_EQ(ParsePromiseGroup("week"), PromiseGroup::kWeek);
  EXPECT_FALSE(ParsePromiseGroup("month"));
}

}  // namespace
}  // namespace luister
