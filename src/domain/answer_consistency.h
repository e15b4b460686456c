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

// What one rule of the check saw, before it is weighed: `signal` names the
// rule and how far it went ("fact.amount" is a differing amount about the
// same thing; "fact.within_bound" one the answer's limit would allow;
// "procedure.other_way_weak" another way in a clause little about the
// answer's). Every name is in ConsistencySignalNames().
struct ConflictSignal {
  std::string_view signal;
  AnswerConflict conflict;
};

// Every signal the rules can give, in a fixed order (the features of the
// model that weighs them).
const std::vector<std::string_view>& ConsistencySignalNames();

// All the rules' findings for a reply, in the reply's order.
std::vector<ConflictSignal> ConflictSignals(std::string_view published, std::string_view reply);

// How the findings are weighed: a logistic model over which signals a pair
// gives (one feature per name, present or not), learnt from labelled pairs
// (tests/data/consistency) with `luister answers consistency-learn`.
struct ConsistencyModel {
  double bias = 0;
  std::vector<double> weights;  // one per ConsistencySignalNames(), in order
  double threshold = 0.5;       // a contradiction from this probability up
};

// The model built into Luister (src/domain/answer_consistency_model.inc).
const ConsistencyModel& DefaultConsistencyModel();

// The probability that a reply with these findings contradicts the answer.
double ContradictionProbability(const ConsistencyModel& model,
                                const std::vector<ConflictSignal>& signals);

// One labelled pair, already read into its findings.
struct LabelledSignals {
  std::vector<ConflictSignal> signals;
  bool contradiction = false;
};

// Learns the weights from labelled pairs (L2-regularised logistic
// regression, full-batch gradient descent; deterministic).
ConsistencyModel LearnConsistencyModel(const std::vector<LabelledSignals>& pairs);

// The reply's conflicts with the published answer, in the reply's order;
// none when it agrees (or says nothing the answer states). The findings of
// the rules, weighed by `model`: when it judges the pair a contradiction,
// the findings it trusts most.
std::vector<AnswerConflict> FindConflicts(std::string_view published, std::string_view reply,
                                          const ConsistencyModel& model);
std::vector<AnswerConflict> FindConflicts(std::string_view published, std::string_view reply);

}  // namespace luister
