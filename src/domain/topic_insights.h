#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace luister {

// What the topic overview (C9) says of each topic beyond its volume: is it
// rising faster than its season explains, and how hard is it for the
// customer and the desk. Pure functions of counts the storage layer rolls
// up; the topics module decides when to alert and whom.

// ---- trend ------------------------------------------------------------------

struct TrendOptions {
  int history_weeks = 8;   // the recent norm: the mean of this many weeks before
  double min_ratio = 1.5;  // rising: at least this many times the norm...
  int64_t min_count = 10;  // ...with at least this many contacts this week...
  double min_z = 3.0;      // ...and this far above it in Poisson standard deviations
};

struct TopicTrend {
  int64_t observed = 0;   // this week
  double expected = 0;    // the norm for this week, season included
  double ratio = 0;       // observed / expected (observed when expected is 0)
  double z = 0;           // (observed - expected) / sqrt(max(expected, 1))
  bool seasonal = false;  // a year of history set the norm's season
  bool rising = false;
};

// `weekly`: a topic's contacts per week, oldest first; the last is the week
// to judge. The norm is the mean of the `history_weeks` weeks before it;
// with a year more of history, times how the same week a year earlier
// stood against its own weeks before (clamped to 0.5–3), so that the
// December rush or the summer dip is no alarm. Nothing is rising without
// `history_weeks` weeks before the current one.
TopicTrend JudgeTrend(const std::vector<int64_t>& weekly, const TrendOptions& options = {});

// ---- difficulty -------------------------------------------------------------

// A topic's conversations over a period. Rates are shares of its
// conversations, 0–1; messages and hours to resolve are means over those
// resolved; satisfaction is the mean score on 1–5 where surveys answered.
struct TopicEffort {
  int64_t volume = 0;
  // Mean agent time per conversation where it is timed (calls and chats);
  // none when none of the topic's conversations was.
  std::optional<double> handle_minutes;
  double hours_to_resolve = 0;         // mean time from the first message to resolved
  double messages_to_resolve = 0;      // mean messages
  double contacts_to_resolve = 0;      // mean contacts (conversations of the customer) to resolve
  double transfer_rate = 0;            // moved to another department at least once
  double reopen_rate = 0;              // reopened after being resolved
  double repeat_rate = 0;              // the customer came back on the topic within 7 days
  double complaint_rate = 0;           // became a complaint
  std::optional<double> satisfaction;  // 1–5
};

struct TopicDifficulty {
  // 1 is a topic as hard as the desk's typical topic; 2 twice as hard.
  double difficulty = 0;
  double priority = 0;  // volume × difficulty: the list of processes to fix
  // What makes it hard, hardest first: "handle_minutes", "transfer_rate", ...
  std::vector<std::string> drivers;
};

// Each topic's difficulty against the median topic of `topics` (so the
// figure means the same on a small desk and a large one): the mean over
// the measures of the topic's value over the median's (capped at 5, a
// median of 0 counting as no difference unless the topic has some: then
// 2), satisfaction turned around (5 - score); a measure a topic has no
// value for (no timed contact, no survey) is left out of its mean and of
// the median. Drivers: the measures at least 1.5 times the median. The
// same order as `topics`.
std::vector<TopicDifficulty> RankDifficulty(const std::vector<TopicEffort>& topics);

}  // namespace luister
