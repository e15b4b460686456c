#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/enums.h"

namespace luister {

// Whether a reply says something else than the published answer (C6):
// "the published answer says 14 days, you wrote 30". Both texts are read
// for the facts customers act on — amounts (money, percentages, limits),
// periods ("14 dagen", "two weeks", "48 uur"), deadlines (a time of day:
// "vóór 22.00 uur", "by 5 pm"), dates ("26 december", "on Mondays"), yes
// or no ("cancelling is not possible") and procedure (the form, e-mail,
// the phone, the shop) — in Dutch and English, with numbers in digits or
// words and units converted ("two weeks" is "14 days"). A fact of the reply
// conflicts when the published answer states one of the same kind about
// the same thing and none with the reply's value. Facts that are only the
// customer's own (an order number, the date they ordered, "3 days ago")
// do not count. Pure and thread-safe; docs/answers.md.

enum class ConflictKind { kAmount, kPeriod, kDeadline, kDate, kYesNo, kProcedure };
std::string_view ToString(ConflictKind k);
std::optional<ConflictKind> ParseConflictKind(std::string_view s);

struct AnswerConflict {
  ConflictKind kind = ConflictKind::kAmount;
  std::string published;  // what the answer states: "14 dagen", "niet mogelijk", "formulier"
  std::string written;    // what the reply states instead
  std::string published_sentence;
  std::string written_sentence;
};

// What one rule of the check saw: `signal` names the rule and how far it
// went. A strong finding is a conflict ("fact.amount": a different amount
// about the same thing; "procedure.steps_reordered"); a weak one is what a
// guard let pass ("fact.within_bound": a value the answer's limit allows;
// "yesno.turned_loosely": a clause turned around that shares few words),
// kept to explain and study the check (`luister answers consistency
// --findings`).
struct ConflictSignal {
  std::string_view signal;
  bool strong = false;
  AnswerConflict conflict;
};

// All the rules' findings for a reply, strong and weak.
std::vector<ConflictSignal> ConflictSignals(std::string_view published, std::string_view reply);

// How the check read both texts, one line per fact and per clause ("reply
// fact period hours 'twee weken' 336..336 own=0 bound=0", "published clause
// 'Retourneren kan niet' neg=1 cond=0 ... stance=0,-1,0 things=retourner"):
// to see why a pair is judged as it is (`luister answers consistency
// --reading`). Empty when either text says nothing.
std::vector<std::string> DescribeReading(std::string_view published, std::string_view reply);

// The reply's conflicts with the published answer (the strong findings,
// one per thing written); none when it agrees (or says nothing the answer
// states).
std::vector<AnswerConflict> FindConflicts(std::string_view published, std::string_view reply);

}  // namespace luister
