#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/answer_library.h"
#include "domain/enums.h"
#include "domain/events.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

// The self-service assistant (C7, docs/assistant.md). In the chat widget and
// on the public help page a customer asks in their own words; the assistant
// answers only from the published library (answer_library.h) — the text of
// a published version, never words of its own — says which answer it used
// and asks whether it helped. A person is always one click away, and the
// assistant hands over by itself after an answer that did not help, when
// nothing matched well enough, when the customer sounds angry, or when they
// ask for a person. The hand-over starts a chat whose first note is the
// whole transcript, so the customer never repeats the story.
//
// A session is one browser's: its token (kept in the browser once the
// customer asked something) is stored only as a hash. Every turn records
// the answer version it showed, so the assistant too is part of "who was
// told what".

enum class AssistantOutcome { kAnswered, kNoMatch, kHandover };
std::string_view ToString(AssistantOutcome o);
std::optional<AssistantOutcome> ParseAssistantOutcome(std::string_view s);

enum class HandoverReason {
  kAsked,      // the customer asked for a person in words ("mens", "medewerker")
  kButton,     // the customer pressed "talk to a person"
  kNotHelped,  // an answer did not help
  kNoMatch,    // nothing matched well enough
  kAngry,      // the customer sounds angry
};
std::string_view ToString(HandoverReason r);
std::optional<HandoverReason> ParseHandoverReason(std::string_view s);

struct AssistantSession {
  int64_t id = 0;
  int64_t widget_id = 0;
  std::string token_hash;
  Language language = Language::kNl;
  Timestamp started_at{};
  // Why the assistant (or the customer) wants a person; set before the
  // chat exists.
  std::optional<HandoverReason> handover_reason;
  std::optional<Timestamp> handed_over_at;
  std::optional<int64_t> conversation_id;  // the chat it was handed to
};

struct AssistantTurn {
  int64_t id = 0;
  int64_t session_id = 0;
  Timestamp at{};
  std::string question;
  Language language = Language::kNl;
  AssistantOutcome outcome = AssistantOutcome::kNoMatch;
  std::optional<int64_t> answer_id;  // the answer shown (answered)
  int answer_number = 0;             // and its version
  std::string topic;                 // the answer's topic, for repeat contacts
  double score = 0;                  // the best match's score
  std::optional<HandoverReason> handover;
  std::optional<bool> helped;  // the customer's word on the answer
};

// What the assistant did, measured over turns asked in [from, to).
struct AssistantAnswerStats {
  int64_t answer_id = 0;
  std::string topic;
  int64_t shown = 0, helped = 0, not_helped = 0;
};
struct AssistantStats {
  int64_t sessions = 0;
  int64_t turns = 0;
  int64_t answered = 0;
  int64_t no_match = 0;
  int64_t handed_over = 0;  // sessions handed to a person
  std::vector<std::pair<HandoverReason, int64_t>> handover_reasons;
  // Answered turns not marked unhelpful, after which the session neither
  // went to a person nor asked about the same topic again within 7 days
  // (only turns 7 days old or more count: `settled`).
  int64_t resolved = 0;
  int64_t settled = 0;
  std::vector<AssistantAnswerStats> answers;  // the most shown first
};

inline constexpr auto kRepeatContactWindow = std::chrono::hours(24 * 7);

// A capability repository: `store.Find<AssistantRepository>()`.
class AssistantRepository {
 public:
  virtual ~AssistantRepository() = default;
  virtual Result<AssistantSession> CreateSession(const AssistantSession& s) = 0;
  // NotFound for a token of no session.
  virtual Result<AssistantSession> SessionByToken(std::string_view token_hash) = 0;
  // The turn as stored (its id). A hand-over turn sets the session's reason.
  virtual Result<AssistantTurn> AddTurn(const AssistantTurn& t) = 0;
  virtual Result<std::vector<AssistantTurn>> Turns(int64_t session_id) = 0;
  // NotFound when the turn is not the session's or showed no answer.
  virtual Status SetHelped(int64_t session_id, int64_t turn_id, bool helped) = 0;
  virtual Status SetHandoverReason(int64_t session_id, HandoverReason reason) = 0;
  // Links the session to the chat it went to; false when it was handed over
  // before (the first hand-over stays).
  virtual Result<bool> MarkHandedOver(int64_t session_id, int64_t conversation_id,
                                      HandoverReason reason, Timestamp at) = 0;
  // Over [from, to); turns before `settled_before` (7 days ago) are
  // settled: whether they resolved the question is known.
  virtual Result<AssistantStats> Stats(Timestamp from, Timestamp to, Timestamp settled_before) = 0;
};

// Whether the customer asks for a person: "mens", "medewerker", "iemand
// spreken", "human", "agent", "real person", and the like (nl and en).
bool AsksForPerson(std::string_view text);
// Whether the customer sounds angry: abuse, "belachelijk", "schandalig",
// "ridiculous", "unacceptable", shouting (capitals, "!!!").
bool SoundsAngry(std::string_view text);

// The assistant's reply to one question.
struct AssistantReply {
  AssistantTurn turn;
  // When answered: the answer as the customer reads it.
  std::string title;
  std::string text;
  Language shown_language = Language::kNl;
};

// What the assistant says when it hands over, in the customer's language:
// honest about whether a person is there now.
std::string HandoverText(HandoverReason reason, bool someone_available, Language lang);

// The transcript an agent reads when the chat begins: every question, the
// answer shown (title and version), the customer's word on it, and why it
// came to a person.
std::string AssistantTranscript(const std::vector<AssistantTurn>& turns,
                                const AnswerLibrary::Snapshot& library, HandoverReason reason,
                                Language staff_language);

inline constexpr size_t kMaxAssistantQuestion = 2000;

class AssistantService {
 public:
  AssistantService(Store& store, AssistantRepository& repo, const Clock& clock,
                   EventPublisher* events = nullptr)
      : store_(store), repo_(repo), clock_(clock), events_(events) {}

  // A new session for `widget_id` under `token_hash`.
  Result<AssistantSession> Begin(int64_t widget_id, std::string token_hash, Language lang);
  // One question: answered from the library when a published answer
  // matches well enough, else handed over (and kept as a knowledge gap).
  Result<AssistantReply> Ask(const AssistantSession& session, std::string question, Language lang,
                             const AnswerLibrary::Snapshot& library);
  // The customer's word on an answer; one that did not help hands over.
  // The hand-over reason, when there is one now.
  Result<std::optional<HandoverReason>> Feedback(const AssistantSession& session, int64_t turn_id,
                                                 bool helped);
  // The customer pressed "talk to a person".
  Status WantPerson(const AssistantSession& session);
  // The chat the session was handed to: its transcript as an internal note
  // (by the desk, no author) in `conversation_id`. Nothing when handed over
  // before.
  Status HandOver(const AssistantSession& session, int64_t conversation_id,
                  const AnswerLibrary::Snapshot& library);

 private:
  Store& store_;
  AssistantRepository& repo_;
  const Clock& clock_;
  EventPublisher* events_;
};

}  // namespace luister
