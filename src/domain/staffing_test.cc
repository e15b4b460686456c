#include "domain/staffing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace luister {
namespace {

// The published worked example: 100 calls in 30 minutes, 180 s each, 80 %
// answered within 20 s.
StaffingInput Example() {
  StaffingInput in;
  in.contacts = 100;
  in.interval_seconds = 1800;
  in.aht_seconds = 180;
  in.target_seconds = 20;
  in.service_level = 0.8;
  return in;
}

const StaffingRow* RowFor(const StaffingPlan& plan, int agents) {
  for (const StaffingRow& r : plan.rows)
    if (r.agents == agents) return &r;
  return nullptr;
}

TEST(StaffingTest, ErlangCMatchesThePublishedWorkedExample) {
  StaffingInput in = Example();
  in.shrinkage = 0.3;
  auto plan = PlanStaffing(in);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_DOUBLE_EQ(plan->erlangs, 10);
  EXPECT_EQ(plan->required, 14);
  EXPECT_EQ(plan->required_with_shrinkage, 20);
  const StaffingRow* r14 = RowFor(*plan, 14);
  ASSERT_NE(r14, nullptr);
  EXPECT_NEAR(r14->p_wait, 0.1741, 5e-5);
  EXPECT_NEAR(r14->service_level, 0.8884, 5e-5);
  EXPECT_NEAR(r14->asa_seconds, 7.83, 0.01);  // 7.8 s in the example's rounding
  EXPECT_NEAR(r14->occupancy, 0.7143, 5e-5);
  EXPECT_FALSE(r14->p_abandon.has_value());
  const StaffingRow* r13 = RowFor(*plan, 13);
  ASSERT_NE(r13, nullptr);
  EXPECT_NEAR(r13->service_level, 0.7956, 5e-5);
  // Rows around the requirement, fewest first, all keeping up with the load.
  EXPECT_EQ(plan->rows.front().agents, 11);
  EXPECT_EQ(plan->rows.back().agents, 17);
  for (size_t i = 1; i < plan->rows.size(); ++i)
    EXPECT_GT(plan->rows[i].service_level, plan->rows[i - 1].service_level);
}

TEST(StaffingTest, OneAgentCountGivesThatRowAndTooFewNeverCatchUp) {
  auto plan = PlanStaffing(Example(), 14);
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->rows.size(), 1u);
  EXPECT_EQ(plan->rows[0].agents, 14);
  EXPECT_EQ(plan->required, 14);
  const StaffingRow ten = EvaluateStaffing(Example(), 10);
  EXPECT_EQ(ten.p_wait, 1);
  EXPECT_EQ(ten.service_level, 0);
  EXPECT_TRUE(std::isinf(ten.asa_seconds));
}

TEST(StaffingTest, MaximumOccupancyCanRaiseTheRequirement) {
  StaffingInput in = Example();
  in.max_occupancy = 0.65;  // 10 Erlangs at most 65 % busy: 16 agents
  auto plan = PlanStaffing(in);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->required, 16);
  EXPECT_LE(RowFor(*plan, 16)->occupancy, 0.65);
  EXPECT_GT(RowFor(*plan, 15)->occupancy, 0.65);
}

TEST(StaffingTest, LargeLoadsStayFiniteAndSensible) {
  for (double erlangs : {1000.0, 10000.0}) {
    StaffingInput in = Example();
    in.contacts = erlangs * in.interval_seconds / in.aht_seconds;
    auto plan = PlanStaffing(in);
    ASSERT_TRUE(plan.ok());
    EXPECT_NEAR(plan->erlangs, erlangs, 1e-6);
    // Economies of scale: a few agents above the load meet the target.
    EXPECT_GT(plan->required, erlangs);
    EXPECT_LT(plan->required, erlangs * 1.05);
    for (const StaffingRow& r : plan->rows) {
      EXPECT_TRUE(std::isfinite(r.p_wait) && r.p_wait >= 0 && r.p_wait <= 1);
      EXPECT_TRUE(std::isfinite(r.service_level) && r.service_level >= 0 && r.service_level <= 1);
      EXPECT_TRUE(std::isfinite(r.asa_seconds));
    }
    const StaffingRow* at = RowFor(*plan, plan->required);
    const StaffingRow* below = RowFor(*plan, plan->required - 1);
    ASSERT_NE(at, nullptr);
    ASSERT_NE(below, nullptr);
    EXPECT_GE(at->service_level, 0.8);
    EXPECT_LT(below->service_level, 0.8);
  }
}

TEST(StaffingTest, ErlangAWithPatientCustomersApproachesErlangC) {
  StaffingInput in = Example();
  const StaffingRow c = EvaluateStaffing(in, 14);
  in.patience_seconds = 1e7;  // nobody gives up in practice
  const StaffingRow a = EvaluateStaffing(in, 14);
  ASSERT_TRUE(a.p_abandon.has_value());
  EXPECT_NEAR(*a.p_abandon, 0, 1e-5);
  EXPECT_NEAR(a.p_wait, c.p_wait, 1e-4);
  EXPECT_NEAR(a.service_level, c.service_level, 1e-4);
  EXPECT_NEAR(a.asa_seconds, c.asa_seconds, 1e-2);
}

TEST(StaffingTest, ErlangAWithImpatientCustomersNeedsFewerAgentsAndSomeGiveUp) {
  StaffingInput in = Example();
  in.patience_seconds = 60;
  auto plan = PlanStaffing(in);
  ASSERT_TRUE(plan.ok());
  // Those who give up shorten the queue for the rest.
  EXPECT_LE(plan->required, 14);
  const StaffingRow a = EvaluateStaffing(in, 12);
  const StaffingRow c = EvaluateStaffing(Example(), 12);
  ASSERT_TRUE(a.p_abandon.has_value());
  EXPECT_GT(*a.p_abandon, 0.005);
  EXPECT_LT(*a.p_abandon, 0.2);
  EXPECT_LT(a.p_wait, c.p_wait);
  EXPECT_GT(a.service_level, c.service_level);
  // Even fewer agents than Erlangs hold a finite queue when customers leave.
  const StaffingRow few = EvaluateStaffing(in, 8);
  EXPECT_TRUE(std::isfinite(few.asa_seconds));
  EXPECT_GT(*few.p_abandon, 0.1);
  EXPECT_LE(few.occupancy, 1);
  // More agents: fewer give up.
  EXPECT_LT(*EvaluateStaffing(in, 14).p_abandon, *a.p_abandon);
}

TEST(StaffingTest, ChatAgentsHandlingSeveralAtOnceCountAsThatManyServers) {
  StaffingInput in = Example();
  in.concurrency = 2;
  auto plan = PlanStaffing(in);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->required, 7);  // 14 servers
  EXPECT_NEAR(EvaluateStaffing(in, 7).service_level, EvaluateStaffing(Example(), 14).service_level,
              1e-12);
}

TEST(StaffingTest, NoContactsNeedNobodyAndBadInputIsNamed) {
  StaffingInput none = Example();
  none.contacts = 0;
  auto plan = PlanStaffing(none);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->required, 0);
  EXPECT_EQ(plan->rows.front().service_level, 1);

  auto fails = [](StaffingInput in, const std::string& word) {
    auto p = PlanStaffing(in);
    ASSERT_FALSE(p.ok());
    EXPECT_NE(p.status().message().find(word), std::string::npos) << p.status().message();
  };
  StaffingInput in = Example();
  in.aht_seconds = 0;
  fails(in, "handle time");
  in = Example();
  in.service_level = 1;
  fails(in, "service level");
  in = Example();
  in.shrinkage = 1;
  fails(in, "shrinkage");
  in = Example();
  in.patience_seconds = -5;
  fails(in, "patience");
  in = Example();
  in.contacts = std::nan("");
  fails(in, "contacts");
  in = Example();
  in.max_occupancy = 0;
  fails(in, "occupancy");
  EXPECT_FALSE(PlanStaffing(Example(), -1).ok());
}

}  // namespace
}  // namespace luister
