#include "domain/staffing.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <limits>
#include <string>

namespace luister {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Rows shown on each side of the requirement.
constexpr int kRowsAround = 3;
// Erlang A's queue is followed until its states are this much (in natural
// log) less likely than the likeliest: e^-40, far below any figure shown.
constexpr double kNegligibleLog = 40;
// The most agents a plan looks for (a million Erlangs is no desk).
constexpr int kMostAgents = 10'000'000;

// Erlang B's blocking probability for `servers` and `erlangs`, by the
// recurrence B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)): stable at any
// size, every step between 0 and 1.
double ErlangB(double erlangs, int servers) {
  double b = 1;
  for (int n = 1; n <= servers; ++n) b = erlangs * b / (n + erlangs * b);
  return b;
}

StaffingRow ErlangC(const StaffingInput& in, double erlangs, int agents) {
  StaffingRow row;
  row.agents = agents;
  const int servers = agents * in.concurrency;
  if (erlangs <= 0) {
    row.service_level = 1;
    return row;
  }
  if (servers <= erlangs) {  // more work than hands: the queue only grows
    row.p_wait = 1;
    row.asa_seconds = kInfinity;
    row.occupancy = 1;
    return row;
  }
  const double b = ErlangB(erlangs, servers);
  const double spare = servers - erlangs;
  row.p_wait = servers * b / (servers - erlangs * (1 - b));
  row.service_level = 1 - row.p_wait * std::exp(-spare * in.target_seconds / in.aht_seconds);
  row.asa_seconds = row.p_wait * in.aht_seconds / spare;
  row.occupancy = erlangs / servers;
  return row;
}

// Erlang A (M/M/n+M): arrivals λ, service μ per server, patience θ. The
// number in the system is a birth-death chain (deaths min(k,n)·μ +
// max(k-n,0)·θ), solved in log space. A contact arriving to m waiting
// ahead is answered after m+1 phases with rates n·μ + j·θ (j = m..0) unless
// its own patience runs out first: it is answered with probability
// w = Π r_j/(r_j+θ), and its wait, when answered, is the sum of
// exponentials with rates a + j·θ (a = n·μ + θ), whose distribution is
// P(≤ T) = 1 - I_x(a/θ, m+1) with x = e^(-θT) (the regularised incomplete
// beta function).
StaffingRow ErlangA(const StaffingInput& in, double erlangs, int agents) {
  StaffingRow row;
  row.agents = agents;
  row.p_abandon = 0;
  const int n = agents * in.concurrency;
  if (erlangs <= 0) {
    row.service_level = 1;
    return row;
  }
  const double mu = 1 / in.aht_seconds;
  const double lambda = in.contacts / in.interval_seconds;
  const double theta = 1 / *in.patience_seconds;
  // Log-probabilities (unnormalised): below n summed as they come, from n
  // on kept for the waiting contacts.
  double log_p = 0, log_max = 0;
  std::vector<double> below;    // k < n
  std::vector<double> waiting;  // k = n + m
  below.reserve(static_cast<size_t>(n));
  for (int k = 0;; ++k) {
    const int m = std::max(0, k - n);
    if (k > 0) log_p += std::log(lambda / (std::min(k, n) * mu + m * theta));
    (k < n ? below : waiting).push_back(log_p);
    log_max = std::max(log_max, log_p);
    // Beyond n the chances only fall once the departures outpace λ.
    if (k >= n && log_p < log_max - kNegligibleLog && n * mu + m * theta > lambda) break;
  }
  double total = 0;
  for (double l : below) total += std::exp(l - log_max);
  for (double l : waiting) total += std::exp(l - log_max);
  double p_none = 0;  // answered at once
  for (double l : below) p_none += std::exp(l - log_max) / total;
  const double a = n * mu + theta;
  const double x = std::exp(-theta * in.target_seconds);
  double p_wait = 0, answered = p_none, within = p_none, waited = 0;
  double w = 1, mean = 0;  // for m ahead: P(answered), and the mean of its wait
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
  row.asa_seconds = answered > 0 ? waited / answered : kInfinity;
  row.occupancy = n > 0 ? std::min(1.0, erlangs * answered / n) : 1;
  return row;
}

bool Meets(const StaffingInput& in, const StaffingRow& row) {
  return row.service_level >= in.service_level - 1e-12 && row.occupancy <= in.max_occupancy + 1e-12;
}

}  // namespace

Status Validate(const StaffingInput& in) {
  auto bad = [](const std::string& what) { return InvalidArgument(what); };
  if (!std::isfinite(in.contacts) || in.contacts < 0) return bad("contacts must be 0 or more");
  if (!std::isfinite(in.interval_seconds) || in.interval_seconds <= 0)
    return bad("the interval must be longer than 0 seconds");
  if (!std::isfinite(in.aht_seconds) || in.aht_seconds <= 0)
    return bad("the average handle time must be more than 0 seconds");
  if (!std::isfinite(in.target_seconds) || in.target_seconds < 0)
    return bad("the target time must be 0 seconds or more");
  if (!(in.service_level > 0 && in.service_level < 1))
    return bad("the service level must be more than 0 and less than 100 %");
  if (!(in.max_occupancy > 0 && in.max_occupancy <= 1))
    return bad("the maximum occupancy must be more than 0 and at most 100 %");
  if (!(in.shrinkage >= 0 && in.shrinkage < 1))
    return bad("shrinkage must be 0 or more and less than 100 %");
  if (in.patience_seconds && !(std::isfinite(*in.patience_seconds) && *in.patience_seconds > 0))
    return bad("the average patience must be more than 0 seconds");
  if (in.concurrency < 1 || in.concurrency > 100)
    return bad("an agent handles 1 to 100 contacts at once");
  if (OfferedErlangs(in) > 1e6) return bad("more than a million Erlangs is no desk");
  return Status::Ok();
}

double OfferedErlangs(const StaffingInput& in) {
  return in.contacts * in.aht_seconds / in.interval_seconds;
}

StaffingRow EvaluateStaffing(const StaffingInput& in, int agents) {
  const double erlangs = OfferedErlangs(in);
  return in.patience_seconds ? ErlangA(in, erlangs, agents) : ErlangC(in, erlangs, agents);
}

Result<StaffingPlan> PlanStaffing(const StaffingInput& in, std::optional<int> agents) {
  if (Status s = Validate(in); !s.ok()) return s;
  if (agents && (*agents < 0 || *agents > kMostAgents))
    return InvalidArgument("agents must be between 0 and " + std::to_string(kMostAgents));
  StaffingPlan plan;
  plan.erlangs = OfferedErlangs(in);
  // The fewest meeting the target: service level rises and occupancy falls
  // with every agent added, so a doubling then a bisection find it.
  int lo = 0;  // does not meet
  if (!in.patience_seconds)
    lo = static_cast<int>(std::floor(plan.erlangs / in.concurrency));  // not stable
  if (plan.erlangs <= 0) {
    plan.required = 0;
  } else {
    int hi = std::max(1, lo + 1);
    while (!Meets(in, EvaluateStaffing(in, hi))) {
      lo = hi;
      if (hi >= kMostAgents) return InvalidArgument("the target cannot be met by any staff");
      hi = std::min(kMostAgents, hi * 2);
    }
    while (hi - lo > 1) {
      const int mid = lo + (hi - lo) / 2;
      (Meets(in, EvaluateStaffing(in, mid)) ? hi : lo) = mid;
    }
    plan.required = hi;
  }
  plan.required_with_shrinkage =
      static_cast<int>(std::ceil(plan.required / (1 - in.shrinkage) - 1e-9));
  if (agents) {
    plan.rows.push_back(EvaluateStaffing(in, *agents));
    return plan;
  }
  // Around the requirement; with Erlang C, only staff that keeps up.
  int first = std::max(0, plan.required - kRowsAround);
  if (!in.patience_seconds && plan.erlangs > 0)
    first = std::max(first, static_cast<int>(std::floor(plan.erlangs / in.concurrency)) + 1);
  for (int n = first; n <= plan.required + kRowsAround; ++n)
    plan.rows.push_back(EvaluateStaffing(in, n));
  return plan;
}

}  // namespace luister
