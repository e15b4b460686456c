#include "domain/staffing.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <vector>

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

// Erlang A evaluated from scratch, as it is written down: every state of
// the birth-death chain in log space, the answered contacts' waits by
// Boost's incomplete beta function. The fast evaluation must agree.
StaffingRow ReferenceErlangA(const StaffingInput& in, int agents) {
  StaffingRow row;
  row.agents = agents;
  row.p_abandon = 0;
  const int n = agents * in.concurrency;
  const double erlangs = OfferedErlangs(in);
  if (erlangs <= 0) {
    row.service_level = 1;
    return row;
  }
  const double mu = 1 / in.aht_seconds;
  const double lambda = in.contacts / in.interval_seconds;
  const double theta = 1 / *in.patience_seconds;
  double log_p = 0, log_max = 0;
  std::vector<double> below, waiting;
  for (int k = 0;; ++k) {
    const int m = std::max(0, k - n);
    if (k > 0) log_p += std::log(lambda / (std::min(k, n) * mu + m * theta));
    (k < n ? below : waiting).push_back(log_p);
    log_max = std::max(log_max, log_p);
    if (k >= n && log_p < log_max - 40 && n * mu + m * theta > lambda) break;
  }
  double total = 0;
  for (double l : below) total += std::exp(l - log_max);
  for (double l : waiting) total += std::exp(l - log_max);
  double p_none = 0;
  for (double l : below) p_none += std::exp(l - log_max) / total;
  const double a = n * mu + theta;
  const double x = std::exp(-theta * in.target_seconds);
  double p_wait = 0, answered = p_none, within = p_none, waited = 0, w = 1, mean = 0;
  for (size_t m = 0; m < waiting.size(); ++m) {
    const double p = std::exp(waiting[m] - log_max) / total;
    const double r = n * mu + static_cast<double>(m) * theta;
    w *= r / (r + theta);
    mean += 1 / (r + theta);
    p_wait += p;
    answered += p * w;
    waited += p * w * mean;
    if (p > 0) within += p * w * (1 - boost::math::ibeta(a / theta, static_cast<double>(m) + 1, x));
  }
  row.p_wait = std::min(1.0, p_wait);
  row.p_abandon = std::clamp(1 - answered, 0.0, 1.0);
  row.service_level = std::clamp(within, 0.0, 1.0);
  row.asa_seconds = answered > 0 ? waited / answered : std::numeric_limits<double>::infinity();
  row.occupancy = n > 0 ? std::min(1.0, erlangs * answered / n) : 1;
  return row;
}

// Within `relative` of the reference; chances that come out of a
// difference from 1 (who gave up, who waited too long) to 1e-13 as well.
void ExpectSameRow(const StaffingRow& got, const StaffingRow& want, double relative) {
  auto same = [&](double g, double w, const char* what) {
    if (std::isinf(w)) {
      EXPECT_TRUE(std::isinf(g)) << what << " at " << want.agents;
      return;
    }
    EXPECT_NEAR(g, w, relative * std::abs(w) + 1e-13) << what << " at " << want.agents;
  };
  EXPECT_EQ(got.agents, want.agents);
  same(got.p_wait, want.p_wait, "p_wait");
  same(got.service_level, want.service_level, "service level");
  same(got.asa_seconds, want.asa_seconds, "ASA");
  same(got.occupancy, want.occupancy, "occupancy");
  ASSERT_TRUE(got.p_abandon.has_value());
  same(*got.p_abandon, *want.p_abandon, "p_abandon");
}

StaffingInput WithErlangs(double erlangs, double aht, double patience) {
  StaffingInput in;
  in.interval_seconds = 1800;
  in.aht_seconds = aht;
  in.contacts = erlangs * in.interval_seconds / aht;
  in.patience_seconds = patience;
  return in;
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

TEST(StaffingTest, ErlangAAgreesWithTheStraightforwardEvaluation) {
  // Loads light to heavy, customers impatient to patient, targets none to
  // long, from no agents to twice the load: under- and overloaded alike.
  for (double erlangs : {0.02, 0.7, 4.0, 13.5, 61.0, 240.0})
    for (double patience : {3.0, 45.0, 120.0, 900.0, 20000.0})
      for (double target : {0.0, 20.0, 180.0})
        for (int concurrency : {1, 3}) {
          StaffingInput in = WithErlangs(erlangs, 300, patience);
          in.target_seconds = target;
          in.concurrency = concurrency;
          const int most = static_cast<int>(2 * erlangs / concurrency) + 4;
          for (int agents = 0; agents <= most; agents += std::max(1, most / 12)) {
            SCOPED_TRACE(testing::Message()
                         << erlangs << " E, patience " << patience << " s, target " << target
                         << " s, concurrency " << concurrency);
            ExpectSameRow(EvaluateStaffing(in, agents), ReferenceErlangA(in, agents), 1e-9);
          }
        }
}

TEST(StaffingTest, ErlangAPlanFindsTheFewestMeetingAndItsRowsAgree) {
  for (double erlangs : {0.3, 2.5, 9.0, 37.0, 150.0})
    for (double patience : {10.0, 120.0, 1200.0})
      for (double max_occupancy : {1.0, 0.7}) {
        StaffingInput in = WithErlangs(erlangs, 240, patience);
        in.max_occupancy = max_occupancy;
        SCOPED_TRACE(testing::Message() << erlangs << " E, patience " << patience
                                        << " s, occupancy " << max_occupancy);
        auto plan = PlanStaffing(in);
        ASSERT_TRUE(plan.ok());
        auto meets = [&](const StaffingRow& r) {
          return r.service_level >= in.service_level - 1e-12 &&
                 r.occupancy <= in.max_occupancy + 1e-12;
        };
        // Service level and occupancy are monotone in the agents.
        const int fewest = plan->required;
        EXPECT_TRUE(meets(ReferenceErlangA(in, fewest)));
        if (fewest > 0) {
          EXPECT_FALSE(meets(ReferenceErlangA(in, fewest - 1)));
        }
        EXPECT_EQ(plan->rows.front().agents, std::max(0, fewest - 3));
        EXPECT_EQ(plan->rows.back().agents, fewest + 3);
        for (const StaffingRow& r : plan->rows)
          ExpectSameRow(r, ReferenceErlangA(in, r.agents), 1e-9);
      }
}

TEST(StaffingTest, ErlangAStaysExactAndFiniteAtLargeLoads) {
  // 1,000 and 10,000 Erlangs, patient and impatient, checked against the
  // straightforward evaluation around the requirement; 100,000 Erlangs
  // (where the reference would be slow) checked for sense.
  for (double erlangs : {1000.0, 10000.0})
    for (double patience : {60.0, 600.0}) {
      StaffingInput in = WithErlangs(erlangs, 180, patience);
      auto plan = PlanStaffing(in);
      ASSERT_TRUE(plan.ok());
      EXPECT_GT(plan->required, erlangs * 0.8);
      EXPECT_LT(plan->required, erlangs * 1.05);
      for (int agents : {plan->required - 1, plan->required})
        ExpectSameRow(*RowFor(*plan, agents), ReferenceErlangA(in, agents), 1e-9);
      EXPECT_LT(RowFor(*plan, plan->required - 1)->service_level, 0.8 - 1e-12);
      EXPECT_GE(RowFor(*plan, plan->required)->service_level, 0.8 - 1e-12);
      // Heavily overloaded: most give up, the figures stay exact.
      const int few = static_cast<int>(erlangs / 2);
      ExpectSameRow(EvaluateStaffing(in, few), ReferenceErlangA(in, few), 1e-9);
    }
  // The command line's heavy case: 3,333,333 calls of 18 s in half an hour
  // (33,333 Erlangs), a minute's patience, and 100,000 Erlangs.
  StaffingInput cli = WithErlangs(33333.33, 18, 60);
  cli.contacts = 3333333;
  auto plan = PlanStaffing(cli);
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->required, 26667);
  ExpectSameRow(*RowFor(*plan, 26667), ReferenceErlangA(cli, 26667), 1e-9);
  for (double patience : {60.0, 3600.0}) {
    StaffingInput in = WithErlangs(100000, 18, patience);
    auto huge = PlanStaffing(in);
    ASSERT_TRUE(huge.ok());
    for (const StaffingRow& r : huge->rows) {
      EXPECT_TRUE(std::isfinite(r.p_wait) && r.p_wait >= 0 && r.p_wait <= 1);
      EXPECT_TRUE(std::isfinite(r.service_level) && r.service_level >= 0 && r.service_level <= 1);
      EXPECT_TRUE(std::isfinite(r.asa_seconds) && r.asa_seconds >= 0);
      EXPECT_TRUE(*r.p_abandon >= 0 && *r.p_abandon <= 1);
    }
    for (size_t i = 1; i < huge->rows.size(); ++i)
      EXPECT_GT(huge->rows[i].service_level, huge->rows[i - 1].service_level);
    EXPECT_GE(RowFor(*huge, huge->required)->service_level, 0.8 - 1e-12);
    EXPECT_LT(RowFor(*huge, huge->required - 1)->service_level, 0.8 - 1e-12);
  }
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
