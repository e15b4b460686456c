#pragma once

// The consistency check over what was actually answered (C6): every
// agent's reply about a topic of the library — whether it used the library
// or not — is compared with the answer's live version soon after it was
// sent (a recurring job, incremental by message id), so managers see per
// topic and channel where replies say something else than the published
// answer and than each other, and how consistent each channel is over
// time. The check before sending is ConversationService::CheckAnswer; this
// is the record of what went out. docs/answers.md.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/answer_consistency.h"
#include "domain/answer_library.h"
#include "domain/enums.h"
#include "domain/repositories.h"

namespace luister {

// A sent reply and what the customer asked before it.
struct ReplyToCheck {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  Channel channel = Channel::kEmail;
  std::optional<int64_t> author_user_id;
  Timestamp sent_at{};
  std::string text;  // body_text, else the HTML as text
  std::string html;
  std::string question;              // the customer's last message before it; may be empty
  std::optional<int64_t> answer_id;  // the answer it used, if it used one
  std::optional<int> answer_number;
  std::string override_reason;  // sent despite a warning, and why
};

// One reply checked against one answer's live version.
struct ReplyCheck {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  Channel channel = Channel::kEmail;
  std::optional<int64_t> author_user_id;
  Timestamp sent_at{};
  int64_t answer_id = 0;
  int answer_number = 0;      // the live version it was checked against
  bool used_library = false;  // the reply inserted the answer
  bool overridden = false;    // sent over the warning, with a reason
  // The first conflict, if any (the report shows one per reply).
  std::optional<AnswerConflict> conflict;
};

// The reply checked against the answer it used or — when it used none —
// the answer its question (else its own text) matches well; nullopt when it
// is about no topic of the library. Pure.
std::optional<ReplyCheck> CheckReply(const ReplyToCheck& reply,
                                     const AnswerLibrary::Snapshot& library);

// Checks of one answer on one channel over a period.
struct CheckTally {
  int64_t answer_id = 0;
  Channel channel = Channel::kEmail;
  int64_t checked = 0;
  int64_t contradictions = 0;
  int64_t without_library = 0;  // replies on the topic that did not use the answer
  int64_t overridden = 0;
};

// Checks on one channel on one day (UTC).
struct CheckDay {
  Channel channel = Channel::kEmail;
  Timestamp day{};
  int64_t checked = 0;
  int64_t contradictions = 0;
};

// Where replies on one topic disagree: a value written instead of the
// published one, and how often per channel ("30 dagen": e-mail 3, chat 1).
struct Disagreement {
  ConflictKind kind = ConflictKind::kAmount;
  std::string published;
  std::string written;
  std::map<Channel, int64_t> channels;
  int64_t total = 0;
};
// The conflicts of one answer's checks grouped by what was written, the
// most frequent first.
std::vector<Disagreement> Disagreements(const std::vector<ReplyCheck>& checks);

// A capability repository: `store.Find<AnswerCheckRepository>()`.
class AnswerCheckRepository {
 public:
  virtual ~AnswerCheckRepository() = default;
  // Agent replies (outgoing, not internal, written by a person) after
  // message `after`, by id, at most `limit`.
  virtual Result<std::vector<ReplyToCheck>> RepliesAfter(int64_t after, int limit) = 0;
  // The last message looked at (0 at first).
  virtual Result<int64_t> Watermark() = 0;
  // Keeps the checks and moves the watermark from `from` to `to` in one
  // transaction; false (nothing kept) when another runner moved it first.
  virtual Result<bool> Save(const std::vector<ReplyCheck>& checks, int64_t from, int64_t to) = 0;
  virtual Result<std::vector<CheckTally>> Tallies(Timestamp from, Timestamp to) = 0;
  virtual Result<std::vector<CheckDay>> Days(Timestamp from, Timestamp to) = 0;
  // The contradicting checks, newest first, at most `limit`; of one answer
  // and one channel when given.
  virtual Result<std::vector<ReplyCheck>> Conflicts(Timestamp from, Timestamp to,
                                                    std::optional<int64_t> answer_id,
                                                    std::optional<Channel> channel, int limit) = 0;
  virtual Result<std::optional<int64_t>> JobId() = 0;
  virtual Result<bool> SetJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The recurring job that checks the replies sent since its last round.
inline constexpr char kAnswerCheckJob[] = "answers.check";

class AnswerCheckService {
 public:
  AnswerCheckService(Store& store, AnswerCheckRepository& checks, const Clock& clock)
      : store_(store), checks_(checks), clock_(clock) {}

  // Checks up to `max_replies` replies after the watermark; how many were
  // looked at.
  Result<int> RunRound(const AnswerLibrary::Snapshot& library, int max_replies);
  Result<bool> EnsureJob();
  // One round of the job; it comes back soon while there is a backlog.
  Result<std::optional<Timestamp>> RunJob(const Job& job, const AnswerLibrary::Snapshot& library);

 private:
  Store& store_;
  AnswerCheckRepository& checks_;
  const Clock& clock_;
};

}  // namespace luister
