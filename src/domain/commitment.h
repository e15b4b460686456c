#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/time_expression.h"

namespace luister {

// Commitments in a message (C4): "we bellen u morgen voor 12 uur terug",
// "u ontvangt binnen 2 werkdagen een nieuwe fles", "I'll send the photos
// tomorrow". Read by rules, sentence by sentence, in Dutch and English:
// who commits (the desk or the customer), to what kind of thing, and by
// when (time_expression.h). Questions, conditions, negations, past events,
// quoted text, habits and requests to the other side commit nobody.

enum class PromiseKind {
  kCallback,
  kSendInformation,
  kRepairReplace,
  kRefund,
  kVisit,
  kPayment,
  kDocuments,
  kOther,
};
std::string_view ToString(PromiseKind k);
std::optional<PromiseKind> ParsePromiseKind(std::string_view s);

enum class PromiseParty { kUs, kCustomer };
std::string_view ToString(PromiseParty p);

struct Commitment {
  PromiseParty by = PromiseParty::kUs;
  PromiseKind kind = PromiseKind::kOther;
  // When it is due; none when no time was named or "as soon as possible".
  std::optional<TimeSpan> due;
  bool asap = false;
  // The sentence that commits (bytes of the text).
  size_t begin = 0;
  size_t end = 0;
};

// The first commitment in `text`, or none.
std::optional<Commitment> DetectCommitment(std::string_view text, const TimeReference& ref);

}  // namespace luister
