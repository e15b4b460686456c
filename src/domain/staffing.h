#pragma once

#include <optional>
#include <vector>

#include "common/result.h"

namespace luister {

// The staff a queue needs in one interval (C8): Erlang C from the contacts
// expected, their average handle time and the service-level target ("80 %
// answered within 20 s"), bounded by the highest occupancy agents can keep
// up; Erlang A (M/M/n+M, Palm) when customers give up, from their average
// patience; chat agents who handle several conversations at once count as
// that many servers. Numerically stable at any size: Erlang B by its
// recurrence (no factorials or powers), Erlang A's queue term by term,
// scaled so it never overflows. A plan carries Erlang B from one agent
// count to the next and evaluates each count once. Pure; docs/staffing.md.

struct StaffingInput {
  double contacts = 0;             // offered in the interval
  double interval_seconds = 1800;  // the interval's length
  double aht_seconds = 0;          // average handle time
  double target_seconds = 20;      // answered within this ...
  double service_level = 0.8;      // ... this share of contacts (0..1)
  double max_occupancy = 1;        // the busiest agents may be (0..1]
  double shrinkage = 0;            // share of rostered time not on contacts [0..1)
  // Average time customers wait before they give up: Erlang A. None:
  // Erlang C (nobody gives up).
  std::optional<double> patience_seconds;
  int concurrency = 1;  // contacts an agent handles at once (chat)
};

// InvalidArgument naming the first value out of range.
Status Validate(const StaffingInput& in);

// The offered load in Erlangs: contacts × handle time / interval.
double OfferedErlangs(const StaffingInput& in);

struct StaffingRow {
  int agents = 0;
  double p_wait = 0;                // a contact waits at all
  double service_level = 0;         // share of contacts answered within the target
  double asa_seconds = 0;           // average speed of answer (of those answered)
  double occupancy = 0;             // share of agents' time on contacts
  std::optional<double> p_abandon;  // Erlang A: share of contacts that give up
};

// What `agents` achieve. With Erlang C and no more servers than Erlangs
// the queue grows without end: p_wait 1, service level 0, ASA infinite.
StaffingRow EvaluateStaffing(const StaffingInput& in, int agents);

struct StaffingPlan {
  double erlangs = 0;
  int required = 0;                 // the fewest agents meeting target and occupancy
  int required_with_shrinkage = 0;  // rostered, so that `required` are on contacts
  std::vector<StaffingRow> rows;    // around `required`, fewest first
};

// The plan, with rows from a few agents below the requirement to a few
// above it; `agents` instead gives that one row.
Result<StaffingPlan> PlanStaffing(const StaffingInput& in, std::optional<int> agents = {});

}  // namespace luister
