#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/enums.h"
#include "domain/events.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/repositories.h"

namespace luister {

// The canonical answer library (C6, C7; docs/answers.md): per topic one
// answer, in Dutch and English, with variables ({{customer.name}},
// {{order_number}}), versioned: every published version is kept with who
// changed what, when and why; a new version is written as a draft, sent
// for review and published by a manager (the one it replaces is then
// superseded); an owner and a review-by date.

enum class AnswerState { kDraft, kInReview, kPublished, kSuperseded };
std::string_view ToString(AnswerState s);
std::optional<AnswerState> ParseAnswerState(std::string_view s);

struct AnswerText {
  std::string title;
  std::string body;
  bool empty() const { return title.empty() && body.empty(); }
};

struct AnswerVersion {
  int64_t id = 0;
  int64_t answer_id = 0;
  int number = 1;
  AnswerState state = AnswerState::kDraft;
  AnswerText nl;
  AnswerText en;
  std::string change_note;  // why it changed
  // It changes what customers were told (an amount, a period, a yes or
  // no): those who got the version before may need a correction.
  bool material = false;
  std::optional<int64_t> created_by;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<int64_t> reviewed_by;
  std::optional<Timestamp> published_at;
};

struct Answer {
  int64_t id = 0;
  std::string topic;
  std::optional<int64_t> owner_user_id;
  std::optional<Timestamp> review_by;  // past it, the answer is flagged and its owner reminded
  std::optional<Timestamp> retired_at;
  std::optional<int64_t> created_by;
  Timestamp created_at{};
  Timestamp updated_at{};
  int64_t version = 1;  // every change adds one; a change names the version it saw
  // Filled when read: the live version's number, and the newest version.
  std::optional<int> published_number;
  int latest_number = 1;
  AnswerState latest_state = AnswerState::kDraft;
};

// A question that asks for an answer (the matcher learns from these).
struct AnswerQuestion {
  int64_t id = 0;
  int64_t answer_id = 0;
  std::string text;
  std::optional<int64_t> created_by;
  Timestamp created_at{};
};

enum class AnswerListState { kAll, kPublished, kDraft, kInReview, kStale, kRetired };
std::optional<AnswerListState> ParseAnswerListState(std::string_view s);

struct AnswerFilter {
  std::optional<std::string> topic;  // the start of the topic, case-insensitive
  AnswerListState state = AnswerListState::kAll;
  std::optional<int64_t> owner_user_id;
  Timestamp now{};  // for kStale
};

// A published answer as the matcher and the suggestions read it.
struct LibraryAnswer {
  int64_t answer_id = 0;
  int number = 0;
  std::string topic;
  AnswerText nl;
  AnswerText en;
  std::vector<std::string> questions;
};

// A reply that used a version of an answer: who was told what.
struct AnswerUseRecord {
  int64_t id = 0;  // the message
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  Channel channel = Channel::kEmail;
  int number = 0;
  std::optional<int64_t> author_user_id;
  Timestamp at{};
  // A later reply in the conversation used the version asked about or a
  // newer one (a correction went out).
  bool corrected = false;
};

// A knowledge gap: a customer's question no published answer matched well
// (answer_library.h, kGoodAnswerMatch): asked of the assistant, or a
// message agents looked up suggestions for.
enum class AnswerGapSource { kAssistant, kMessage };
std::string_view ToString(AnswerGapSource s);

struct AnswerGap {
  int64_t id = 0;
  AnswerGapSource source = AnswerGapSource::kAssistant;
  std::string text;
  Language language = Language::kNl;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> message_id;  // a message is a gap once
  Timestamp at{};
};

// A capability repository: `store.Find<AnswerRepository>()`.
class AnswerRepository {
 public:
  virtual ~AnswerRepository() = default;
  // The answer with its first version, in one transaction.
  virtual Result<Answer> Create(const Answer& a, const AnswerVersion& first) = 0;
  virtual Result<Answer> Get(int64_t id) = 0;
  // Oldest first.
  virtual Result<std::vector<AnswerVersion>> Versions(int64_t id) = 0;
  // By topic, then id (keyset on id within the order).
  virtual Result<Page<Answer>> List(const AnswerFilter& f, const PageRequest& page) = 0;
  // Writes `next` if it is still at `next.version - 1`, with the versions
  // given (id 0: a new one; else its state, texts and review); Conflict
  // otherwise.
  virtual Result<Answer> Update(const Answer& next, const std::vector<AnswerVersion>& versions) = 0;
  virtual Result<std::vector<AnswerQuestion>> Questions(int64_t answer_id) = 0;
  // Adds or removes a question, and counts as a change of the answer (the
  // library's generation moves on).
  virtual Result<AnswerQuestion> AddQuestion(const AnswerQuestion& q) = 0;
  virtual Status RemoveQuestion(int64_t answer_id, int64_t question_id, Timestamp at) = 0;
  // Every live (published, not retired) answer with its questions.
  virtual Result<std::vector<LibraryAnswer>> Library() = 0;
  // Changes whenever the library does (for caches of the matcher).
  virtual Result<std::string> Generation() = 0;
  // The replies that used a version of answer `id` older than `below`, by
  // message id (keyset); with `uncorrected`, only those not corrected yet.
  virtual Result<Page<AnswerUseRecord>> Told(int64_t id, int below, bool uncorrected,
                                             const PageRequest& page) = 0;

  // Live answers past their review date whose owner was not reminded since
  // it passed, the longest past first.
  virtual Result<std::vector<Answer>> DueForReview(Timestamp now, int limit) = 0;
  // Marks the owner reminded and enqueues `then` (the mail) in the same
  // transaction; false (nothing enqueued) when another node did.
  virtual Result<bool> MarkReviewReminded(int64_t id, Timestamp at,
                                          const std::optional<NewJob>& then) = 0;
  // Live answers past their review date (for /metrics).
  virtual Result<int64_t> CountStale(Timestamp now) = 0;
  // Keeps a knowledge gap; a message already kept is kept once (false).
  virtual Result<bool> AddGap(const AnswerGap& gap) = 0;
  // The gaps since `since`, newest first, at most `limit`.
  virtual Result<std::vector<AnswerGap>> Gaps(Timestamp since, int limit) = 0;
  virtual Result<std::optional<int64_t>> ReviewJobId() = 0;
  virtual Result<bool> SetReviewJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The recurring job that reminds owners of answers to review, and the
// one-off job that mails one reminder ("answer_id/user_id").
inline constexpr char kAnswerReviewJob[] = "answers.review";
inline constexpr char kAnswerReviewMailJob[] = "answers.review_mail";
// The one-off job that corrects everyone told an older version
// ("answer_id/number/user_id").
inline constexpr char kAnswerCorrectJob[] = "answers.correct";

// What a round of corrections did.
struct CorrectionRound {
  int sent = 0;
  std::vector<int64_t> unreachable;  // customers the desk has no way to write to
};

inline constexpr size_t kMaxAnswerTitle = 300;
inline constexpr size_t kMaxAnswerBody = 20000;
inline constexpr size_t kMaxAnswerTopic = 200;
inline constexpr size_t kMaxAnswerNote = 2000;

// The variables a text uses ("customer.name", "order_number"), in order of
// first use; InvalidArgument naming `field` for a malformed one ("{{ }}",
// "{{order number}}", an unclosed "{{").
Result<std::vector<std::string>> AnswerVariables(std::string_view text, const std::string& field);
// `text` with each variable replaced by its value; one without a value
// stays as it is written, for the agent to fill in.
std::string RenderAnswer(std::string_view text, const std::map<std::string, std::string>& values);

struct NewAnswer {
  std::string topic;
  std::optional<int64_t> owner_user_id;
  std::optional<Timestamp> review_by;
  AnswerText nl;
  AnswerText en;
  std::string change_note;
};

struct AnswerDraft {
  AnswerText nl;
  AnswerText en;
  std::string change_note;
  bool material = false;
};

struct AnswerPatch {
  std::optional<std::string> topic;
  std::optional<int64_t> owner_user_id;
  bool clear_owner = false;
  std::optional<Timestamp> review_by;
  bool clear_review_by = false;
};

// The rules of the library. Thread-safe.
class AnswerService {
 public:
  AnswerService(Store& store, AnswerRepository& answers, const Clock& clock)
      : store_(store), answers_(answers), clock_(clock) {}

  // The answer and its first version, a draft; the owner is the maker
  // unless named.
  Result<Answer> Create(const NewAnswer& in, int64_t by_user);
  Result<Answer> Patch(int64_t id, int64_t version, const AnswerPatch& patch, int64_t by_user);
  // Writes the newest version while it is a draft; after a published one,
  // starts the next version. Conflict while one is in review.
  Result<Answer> SaveDraft(int64_t id, int64_t version, const AnswerDraft& draft, int64_t by_user);
  // The draft goes to review.
  Result<Answer> Submit(int64_t id, int64_t version, int64_t by_user);
  // The version in review is published (the live one before it is
  // superseded). A reviewer other than its writer; an administrator may
  // publish their own (a desk of one).
  Result<Answer> Publish(int64_t id, int64_t version, int64_t by_user, bool may_publish_own);
  // Back to draft, with why.
  Result<Answer> SendBack(int64_t id, int64_t version, const std::string& note, int64_t by_user);
  // No longer suggested or shown; its versions stay.
  Result<Answer> Retire(int64_t id, int64_t version, int64_t by_user);
  Result<AnswerQuestion> AddQuestion(int64_t id, const std::string& text, int64_t by_user);
  // A draft answer from a resolved (or closed) conversation: the
  // customer's first question becomes a question of the answer, the
  // team's last reply its text, in the customer's language, under `topic`
  // (the conversation's subject when empty). Conflict while the
  // conversation is still open, or when it has no reply.
  Result<Answer> DraftFromConversation(int64_t conversation_id, std::string topic, int64_t by_user);

  // Everyone told a version before the live one gets the live one, in one
  // action: a job (kAnswerCorrectJob) enqueued for `by_user`; how many
  // conversations wait for it. Conflict when nothing is published or
  // nobody waits.
  Result<std::pair<int64_t, int64_t>> StartCorrections(int64_t id, int64_t by_user);
  // The job: each conversation that got an older version (and no newer
  // one since) gets a reply from `by_user` with the live version in the
  // customer's language, through their own channel where the desk can
  // write there (else e-mail), recorded as using the live version.
  Result<CorrectionRound> SendCorrections(int64_t id, int number, int64_t by_user,
                                          EventPublisher* events);

  // Reminds the owner of each live answer past its review date, once per
  // date (a new date reminds again): a mail job (`mail` on) enqueued with
  // the mark, across nodes once. How many.
  Result<int> RunReviewReminders(bool mail);
  Result<bool> EnsureReviewJob();
  // The recurring job's handler: a round, the next in an hour.
  Result<std::optional<Timestamp>> RunReviewJob(const Job& job, bool mail);

 private:
  // The answer at `version` (Conflict otherwise) with its versions.
  Result<std::pair<Answer, std::vector<AnswerVersion>>> Load(int64_t id, int64_t version);
  Status CheckTexts(const AnswerText& nl, const AnswerText& en, std::vector<FieldError>* errors);
  Status CheckOwner(std::optional<int64_t> owner, std::vector<FieldError>* errors);

  Store& store_;
  AnswerRepository& answers_;
  const Clock& clock_;
};

}  // namespace luister
