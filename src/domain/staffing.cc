#include "domain/staffing.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace luister {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// Rows shown on each side of the requirement.
constexpr int kRowsAround = 3;
// Erlang A's queue is followed until its states are this much less likely
// than the likeliest (e^-40 in natural log), far below any figure shown.
const double kNegligible = std::exp(-40.0);
// Scaled sums are brought back to 1 past this, so they never overflow.
constexpr double kRescaleAbove = 1e100;
// The most agents a plan looks for (a million Erlangs is no desk).
constexpr int kMostAgents = 10'000'000;
// Erlang B values a plan keeps (32 MB); past this it recomputes them.
constexpr int kMostKept = 1 << 22;

// Erlang B's blocking probability for n servers, and 1 - B apart (it is
// small and would lose its digits as 1 - B when B nears 1). Carried from
// n - 1 by the recurrence B(0) = 1, B(n) = A·B(n-1) / (n + A·B(n-1)):
// stable at any size, every step between 0 and 1.
struct Blocking {
  double b = 1;
  double not_b = 0;
};

Blocking NextBlocking(double erlangs, double previous_b, int n) {
  const double ab = erlangs * previous_b;
  return {ab / (n + ab), n / (n + ab)};
}

Blocking ErlangB(double erlangs, int servers) {
  Blocking at;
  for (int n = 1; n <= servers; ++n) at = NextBlocking(erlangs, at.b, n);
  return at;
}

StaffingRow ErlangC(const StaffingInput& in, double erlangs, int agents, double b) {
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
  const double spare = servers - erlangs;
  row.p_wait = servers * b / (servers - erlangs * (1 - b));
  row.service_level = 1 - row.p_wait * std::exp(-spare * in.target_seconds / in.aht_seconds);
  row.asa_seconds = row.p_wait * in.aht_seconds / spare;
  row.occupancy = erlangs / servers;
  return row;
}

// Erlang A (M/M/n+M): arrivals λ, service μ per server, patience θ. The
// number in the system is a birth-death chain (deaths min(k,n)·μ +
// max(k-n,0)·θ). Relative to state n, the states below it weigh
// (1 - B)/B with B Erlang B's blocking for n servers and A = λ/μ, and the
// waiting states n+m weigh r_m = Π_{j=1..m} ρ/(s+j), with s = nμ/θ and
// ρ = λ/θ; these are carried term by term, scaled so they never
// overflow. A contact arriving to m waiting ahead is answered after m+1
// phases with rates θ(s+j) (j = m..0) unless its own patience runs out
// first: it is answered with probability w = Π (s+j)/(s+j+1) = s/(s+m+1),
// and its wait, when answered, is a sum of exponentials with rates
// θ(s+1+j), longer than T with probability I_x(s+1, m+1) at x = e^(-θT),
// the negative binomial's P(K ≤ m) with K's terms
// q_k = q_{k-1}·(1-x)(s+k)/k, q_0 = x^(s+1): also carried term by term.
// O(m) per call, with no special function.
StaffingRow ErlangA(const StaffingInput& in, double erlangs, int agents, Blocking at) {
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
  const double s = n * mu / theta, rho = lambda / theta;
  const double y = -std::expm1(-theta * in.target_seconds);  // 1 - x
  // The states below n, and the waiting ones' sums, all scaled by e^-shift:
  // of r_m, of r_m·w_m (answered), of r_m·w_m·(the mean wait) and of
  // r_m·w_m·P(wait ≤ T).
  double below = at.not_b / at.b, shift = 0;
  double r = 1, r_most = 1, waiting = 0, answered = 0, waited = 0, within = 0;
  // The negative binomial's terms and sum, scaled by e^q_shift.
  double q_shift = -(s + 1) * theta * in.target_seconds, q_scale = std::exp(q_shift);
  double q = 1, cumulative = 0, mean = 0;
  if (std::isfinite(below)) {
    for (int m = 0;; ++m) {
      const double inv = 1 / (s + m + 1);
      const double rw = r * s * inv;
      if (m > 0) q *= y * (s + m) / m;
      cumulative += q;
      mean += inv;
      waiting += r;
      answered += rw;
      waited += rw * mean;
      within += rw * (1 - cumulative * q_scale);
      // Beyond n the chances only fall once the departures outpace λ.
      if (s + m > rho && r < kNegligible * std::max(r_most, below)) break;
      r *= rho * inv;
      r_most = std::max(r_most, r);
      if (r > kRescaleAbove) {
        for (double* v : {&waiting, &answered, &waited, &within, &r_most, &below}) *v /= r;
        shift += std::log(r);
        r = 1;
      }
      if (cumulative > kRescaleAbove) {
        q_shift += std::log(cumulative);
        q_scale = std::exp(q_shift);
        q /= cumulative;
        cumulative = 1;
      }
    }
  }
  // Normalised: the states below n answered at once.
  const double total = below + waiting;
  const double p_none = std::isfinite(below) ? below / total : 1;
  const double per = std::isfinite(below) ? 1 / total : 0;
  const double p_answered = p_none + answered * per;
  row.p_wait = std::min(1.0, waiting * per);
  row.p_abandon = std::clamp(1 - p_answered, 0.0, 1.0);
  row.service_level = std::clamp(p_none + within * per, 0.0, 1.0);
  row.asa_seconds = p_answered > 0 ? waited * per / theta / p_answered : kInfinity;
  row.occupancy = n > 0 ? std::min(1.0, erlangs * p_answered / n) : 1;
  return row;
}

bool Meets(const StaffingInput& in, const StaffingRow& row) {
  return row.service_level >= in.service_level - 1e-12 && row.occupancy <= in.max_occupancy + 1e-12;
}

// One input's rows, each evaluated once, so the search and the rows around
// the requirement share them; Erlang B is carried from n-1 servers to n
// and kept, so a row costs Erlang A's waiting states only.
class RowsOf {
 public:
  explicit RowsOf(const StaffingInput& in) : in_(in), erlangs_(OfferedErlangs(in)) {}

  const StaffingRow& Row(int agents) {
    for (const auto& [n, row] : rows_)
      if (n == agents) return row;
    const Blocking at = BlockingAt(agents * in_.concurrency);
    rows_.emplace_back(agents, in_.patience_seconds ? ErlangA(in_, erlangs_, agents, at)
                                                    : ErlangC(in_, erlangs_, agents, at.b));
    return rows_.back().second;
  }

  bool Meets(int agents) { return luister::Meets(in_, Row(agents)); }

 private:
  Blocking BlockingAt(int servers) {
    if (servers >= kMostKept) return ErlangB(erlangs_, servers);
    while (static_cast<int>(b_.size()) <= servers)
      b_.push_back(NextBlocking(erlangs_, b_.back(), static_cast<int>(b_.size())).b);
    if (servers == 0) return {};
    return NextBlocking(erlangs_, b_[servers - 1], servers);
  }

  const StaffingInput& in_;
  const double erlangs_;
  std::vector<double> b_ = {1};                    // Erlang B by servers
  std::vector<std::pair<int, StaffingRow>> rows_;  // a few dozen at most
};

// The fewest agents meeting the target, above `lo` (which does not), from
// `start`: service level rises and occupancy falls with every agent
// added, so steps doubling away from `start` bracket it and a bisection
// finds it. InvalidArgument past kMostAgents.
Result<int> FewestMeeting(RowsOf& rows, int lo, int start) {
  int hi = start;
  if (rows.Meets(start)) {
    for (int step = 1; hi - step > lo; step *= 2) {
      if (!rows.Meets(hi - step)) {
        lo = hi - step;
        break;
      }
      hi -= step;
    }
  } else {
    lo = start;
    for (int step = 1;; step *= 2) {
      if (lo >= kMostAgents) return InvalidArgument("the target cannot be met by any staff");
      hi = static_cast<int>(std::min<long long>(kMostAgents, static_cast<long long>(lo) + step));
      if (rows.Meets(hi)) break;
      lo = hi;
    }
  }
  while (hi - lo > 1) {
    const int mid = lo + (hi - lo) / 2;
    (rows.Meets(mid) ? hi : lo) = mid;
  }
  return hi;
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
  const Blocking at = ErlangB(erlangs, agents * in.concurrency);
  return in.patience_seconds ? ErlangA(in, erlangs, agents, at)
                             : ErlangC(in, erlangs, agents, at.b);
}

Result<StaffingPlan> PlanStaffing(const StaffingInput& in, std::optional<int> agents) {
  if (Status s = Validate(in); !s.ok()) return s;
  if (agents && (*agents < 0 || *agents > kMostAgents))
    return InvalidArgument("agents must be between 0 and " + std::to_string(kMostAgents));
  StaffingPlan plan;
  plan.erlangs = OfferedErlangs(in);
  RowsOf rows(in);
  if (plan.erlangs <= 0) {
    plan.required = 0;
  } else {
    // Nobody meets a target with no agents, nor with Erlang C with fewer
    // servers than Erlangs; with Erlang A the requirement is near the load.
    const int keeps_up = static_cast<int>(std::floor(plan.erlangs / in.concurrency));
    const int lo = in.patience_seconds ? 0 : keeps_up;
    const int start = in.patience_seconds ? std::max(1, keeps_up) : keeps_up + 1;
    LUISTER_ASSIGN_OR_RETURN(plan.required, FewestMeeting(rows, lo, start));
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
  for (int n = first; n <= plan.required + kRowsAround; ++n) plan.rows.push_back(rows.Row(n));
  return plan;
}

}  // namespace luister
