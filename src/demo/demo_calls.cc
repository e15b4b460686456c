#include "demo/demo_calls.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <span>

#include "demo/demo_pattern.h"

namespace luister::demo {

namespace {

constexpr std::array<const char*, 3> kLines = {"Klantenservice", "Technische dienst", "Verkoop"};
constexpr std::array<const char*, 3> kMenu = {"1", "2", "3"};

// What an agent writes down after calling back, per language.
constexpr std::array<const char*, 6> kNotesNl = {
    "Teruggebeld: vraag over de factuur, uitgelegd en akkoord.",
    "Teruggebeld: bezorging loopt vertraging op, nieuwe datum doorgegeven.",
    "Teruggebeld: retour aangemeld, label wordt gemaild.",
    "Teruggebeld: storing opgelost na herstart van het apparaat.",
    "Teruggebeld: wachtwoord opnieuw ingesteld.",
    "Teruggebeld: afspraak voor de monteur ingepland.",
};
constexpr std::array<const char*, 6> kNotesEn = {
    "Called back: question about the invoice, explained and agreed.",
    "Called back: delivery delayed, gave the new date.",
    "Called back: return registered, label will be e-mailed.",
    "Called back: fault solved after restarting the device.",
    "Called back: password reset.",
    "Called back: booked an engineer visit.",
};

std::string FirstPhone(const PlannedCustomer& c) {
  for (const NewIdentity& i : c.customer.identities)
    if (i.kind == IdentityKind::kPhone) return i.value;
  return "";
}

std::string NewCaller(Rng& rng) {
  std::string n = "+316" + std::to_string(1 + rng.Below(5));
  for (int i = 0; i < 7; ++i) n += static_cast<char>('0' + rng.Below(10));
  return n;
}

CallOutcome DrawMissed(Rng& rng) {
  double u = rng.Unit();
  if (u < 0.55) return CallOutcome::kAbandoned;
  if (u < 0.80) return CallOutcome::kCallbackRequested;
  return CallOutcome::kVoicemail;
}

}  // namespace

std::vector<PlannedCall> PlanCalls(const DemoPlan& plan, uint32_t seed, Timestamp now, int weeks) {
  // Its own stream: the rest of the plan stays as it was for a seed.
  Rng rng(seed ^ 0x9e3779b9u);
  std::vector<int> callers;
  for (size_t i = 0; i < plan.customers.size(); ++i)
    if (plan.customers[i].customer.kind == CustomerKind::kPerson &&
        !FirstPhone(plan.customers[i]).empty())
      callers.push_back(static_cast<int>(i));
  std::vector<int> agents;
  for (size_t i = 0; i < plan.users.size(); ++i)
    if (plan.users[i].role == Role::kAgent) agents.push_back(static_cast<int>(i));
  std::vector<PlannedCall> out;
  if (callers.empty() || agents.empty()) return out;

  const Timestamp from = now - std::chrono::weeks(weeks);
  // About twenty-two calls on an ordinary day, busier with the plan's busy
  // days (the incident, the sale), none on the days the desk was closed.
  const int total = std::max(40, 22 * 7 * weeks);
  std::span<const double> factors;
  if (plan.window_start == from) factors = plan.day_factors;
  const auto first_day = ToLocal(from).date;
  auto day_of = [&](Timestamp t) {
    return static_cast<int>((ToLocal(t).date - first_day).count());
  };
  for (int n = 0; n < total; ++n) {
    PlannedCall call;
    // One in ten callers is new to the desk, one in forty withholds the number.
    if (rng.Chance(0.025)) {
      call.number = "anonymous";
    } else if (rng.Chance(0.1)) {
      call.number = NewCaller(rng);
    } else {
      call.customer = callers[rng.Below(static_cast<uint32_t>(callers.size()))];
      call.number = FirstPhone(plan.customers[*call.customer]);
    }
    call.started_at = SampleContactTime(rng, Channel::kPhone, from, now, factors);
    const int day = day_of(call.started_at);
    if (std::find(plan.closed_days.begin(), plan.closed_days.end(), day) != plan.closed_days.end())
      continue;  // the line was closed
    // On busy days callers wait longer and more of them give up.
    const double busy = day >= 0 && static_cast<size_t>(day) < factors.size() ? factors[day] : 1;
    const size_t menu = rng.Below(kLines.size());
    call.line = kLines[menu];
    call.ivr_path = kMenu[menu];
    // A new caller got through (the desk met them on that call).
    const bool missed = rng.Chance(std::min(0.5, 0.15 * busy * busy)) &&
                        (call.customer || call.number == "anonymous");
    if (!missed) {
      call.outcome = CallOutcome::kAnswered;
      call.wait_seconds = static_cast<int>(rng.Exponential(45 * busy * busy));
      call.talk_seconds = 30 + static_cast<int>(rng.LogNormal(240, 0.6));
      call.agent = agents[rng.Below(static_cast<uint32_t>(agents.size()))];
    } else {
      call.outcome = DrawMissed(rng);
      call.wait_seconds = 20 + static_cast<int>(rng.Exponential(150));
    }
    if (call.started_at + std::chrono::seconds(call.wait_seconds + call.talk_seconds) >= now)
      continue;
    out.push_back(call);

    // A missed caller with a number is called back within a few hours;
    // the last three days' are still waiting.
    const bool callable = missed && call.number != "anonymous";
    const Timestamp back_at =
        call.started_at + std::chrono::minutes(20 + static_cast<int>(rng.Below(220)));
    if (!callable || !call.customer || back_at > now - std::chrono::hours(72)) continue;
    PlannedCall back;
    back.customer = call.customer;
    back.number = call.number;
    back.direction = Direction::kOut;
    back.by_hand = true;
    back.started_at = back_at;
    back.agent = agents[rng.Below(static_cast<uint32_t>(agents.size()))];
    // Now and then nobody picks up, and the agent tries again an hour or so later.
    if (rng.Chance(0.15)) {
      back.outcome = CallOutcome::kNoAnswer;
      out.push_back(back);
      back.started_at += std::chrono::minutes(45 + static_cast<int>(rng.Below(60)));
    }
    back.outcome = CallOutcome::kAnswered;
    back.talk_seconds = 60 + static_cast<int>(rng.LogNormal(180, 0.5));
    const bool dutch = plan.customers[*call.customer].customer.language == Language::kNl;
    back.notes =
        dutch ? kNotesNl[rng.Below(kNotesNl.size())] : kNotesEn[rng.Below(kNotesEn.size())];
    out.push_back(back);
  }
  // However the draws fell, this week's list has work on it: a few callers
  // of the last three days nobody reached yet.
  const int waiting = 3 + static_cast<int>(callers.size()) / 60;
  for (int n = 0; n < waiting; ++n) {
    PlannedCall call;
    call.customer = callers[rng.Below(static_cast<uint32_t>(callers.size()))];
    call.number = FirstPhone(plan.customers[*call.customer]);
    call.started_at = SampleContactTime(rng, Channel::kPhone, now - std::chrono::hours(72), now);
    call.outcome = DrawMissed(rng);
    call.wait_seconds = 20 + static_cast<int>(rng.Exponential(150));
    const size_t menu = rng.Below(kLines.size());
    call.line = kLines[menu];
    call.ivr_path = kMenu[menu];
    if (call.started_at + std::chrono::seconds(call.wait_seconds) < now) out.push_back(call);
  }
  std::stable_sort(out.begin(), out.end(), [](const PlannedCall& a, const PlannedCall& b) {
    return a.started_at < b.started_at;
  });
  return out;
}

}  // namespace luister::demo
