#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "demo/demo_plan.h"
#include "domain/phone_call.h"

// The demo desk's phone traffic: calls the telephone system reported and
// calls agents logged, over the plan's weeks, in the phone line's opening
// hours and busy times. Callers nobody answered were called back within a
// few hours, except in the last three days: those wait in the call back list.
namespace luister::demo {

struct PlannedCall {
  std::optional<int> customer;  // index into plan.customers; nullopt: `number` is new
  std::string number;           // the customer's (first phone identity) or a new caller's
  Direction direction = Direction::kIn;
  CallOutcome outcome = CallOutcome::kAnswered;
  Timestamp started_at{};
  int wait_seconds = 0;
  int talk_seconds = 0;      // 0 unless answered
  std::optional<int> agent;  // index into plan.users
  bool by_hand = false;      // logged by the agent (calls out)
  std::string line;          // the number the customer dialled, as the PBX names it
  std::string ivr_path;
  std::string notes;
};

// Deterministic for equal plan, seed and now; ordered by started_at, all
// before `now`.
std::vector<PlannedCall> PlanCalls(const DemoPlan& plan, uint32_t seed, Timestamp now, int weeks);

}  // namespace luister::demo
