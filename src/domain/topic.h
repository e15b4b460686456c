#pragma once

// What customers ask about (C9), as the desk keeps it: the topics, each
// conversation's topic with where it came from, the classifier models
// trained from the labelled conversations, and the candidate topics that
// discovery proposes from the questions no topic fits. The rules that read
// text are topic_classifier.h, topic_discovery.h and topic_insights.h;
// this file is what the topics module stores and does with them.
// docs/topics.md.
//
// Where a conversation's topic comes from (TopicSource):
//  - the classifier, on arrival: each customer message of a conversation
//    that has no topic yet is read by the newest model (a recurring job,
//    incremental by message id, like the consistency check); below the
//    confidence threshold the conversation stays without a topic and is
//    a question for discovery;
//  - an agent, with one click: that is a label, and the classifier never
//    overwrites it;
//  - discovery, when a person accepts a candidate topic (or merges one into
//    a topic): its questions get the topic and count as labels too.
// Models learn from the labels only (agents' and accepted), never from
// their own guesses.

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/jobs.h"
#include "domain/page.h"
#include "domain/repositories.h"
#include "domain/topic_classifier.h"
#include "domain/topic_discovery.h"
#include "domain/topic_insights.h"

namespace luister {

enum class TopicStatus {
  kActive,     // a topic conversations get
  kCandidate,  // proposed by discovery, waiting for a person
  kMerged,     // folded into another (merged_into)
  kDismissed,  // a candidate nobody wanted, or one that was split
};
std::string_view ToString(TopicStatus s);
std::optional<TopicStatus> ParseTopicStatus(std::string_view s);

enum class TopicSource { kClassifier, kAgent, kDiscovery };
std::string_view ToString(TopicSource s);
std::optional<TopicSource> ParseTopicSource(std::string_view s);

struct Topic {
  int64_t id = 0;
  std::string name;
  TopicStatus status = TopicStatus::kActive;
  bool discovered = false;  // proposed by discovery (accepted or not)
  std::optional<int64_t> owner_user_id;
  // A candidate's most distinctive words, as discovery found them.
  std::vector<std::string> terms;
  std::optional<int64_t> merged_into;
  // A candidate: its questions, and how many of them came in the last
  // seven days before the discovery (a new theme: most of them).
  int64_t size = 0;
  int64_t recent = 0;
  Timestamp created_at{};
  Timestamp updated_at{};
  int version = 1;
};

inline constexpr size_t kMaxTopicName = 120;  // characters
// The name trimmed; InvalidArgument (field "name") when empty, longer than
// kMaxTopicName characters or not UTF-8.
Result<std::string> CheckTopicName(std::string_view name);
// How names are compared: case and accents folded.
std::string TopicNameKey(std::string_view name);
// What the classifier and discovery read of a customer's message: an
// e-mail's subject (without "Re:") before its text, at most 1,000 bytes.
std::string QuestionText(std::string_view channel, std::string_view subject, std::string_view body);

// A candidate is a new theme when at least this share of its questions
// came in during the last week, and at least kNewThemeMin of them.
inline constexpr double kNewThemeShare = 0.6;
inline constexpr int64_t kNewThemeMin = 5;
bool IsNewTheme(const Topic& candidate);

struct ConversationTopic {
  int64_t conversation_id = 0;
  std::optional<int64_t> topic_id;  // none: no topic fits well enough (yet)
  TopicSource source = TopicSource::kClassifier;
  double confidence = 0;            // the classifier's, 0–1; 1 for a person's
  std::optional<int64_t> model_id;  // the classifier's model
  std::optional<int64_t> assigned_by;
  Timestamp assigned_at{};
  Timestamp opened_at{};   // the conversation's start, for the weekly counts
  int64_t message_id = 0;  // the customer's message that was read
};

// A customer's message, as classification and discovery read it.
struct TopicQuestion {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  Timestamp opened_at{};
  std::string text;  // the subject (e-mail) and the message, as read
  // The conversation's topic so far (none: no row yet).
  std::optional<ConversationTopic> current;
};

// A labelled question for training.
struct TopicLabel {
  int64_t conversation_id = 0;
  int64_t topic_id = 0;
  std::string text;
};

struct TopicModel {
  int64_t id = 0;
  // Learnt from the open candidates' questions (their ids as labels): it
  // puts a new question no topic fits in the candidate it is most like,
  // until the next discovery. Otherwise learnt from the labels.
  bool candidates = false;
  Timestamp created_at{};
  std::optional<int64_t> created_by;
  int64_t examples = 0;  // labelled questions it learnt from
  int topics = 0;
  // Accuracy on a held-out fifth of the labels (a model trained on the
  // rest), when there were enough; the deployed model learns from all.
  std::optional<double> accuracy;
  // Below this confidence a question gets no topic: it is about something
  // the model does not know. The confidence that 95 % of the held-out
  // labelled questions reach (at least kTopicConfidence): the calibrated
  // probabilities sum to 1 over the known topics even for a question about
  // none of them, and with few topics they are high for everything
  // (docs/benchmarks.md, "Topics: questions about no known topic").
  double threshold = 0.5;
  int64_t bytes = 0;  // the saved classifier's size
};

// A candidate topic to keep: its name, terms and questions (the most
// typical first).
struct NewCandidate {
  std::string name;
  std::vector<std::string> terms;
  // (conversation, message, opened) of each question; the first
  // `examples` are the representative ones.
  struct Member {
    int64_t conversation_id = 0;
    int64_t message_id = 0;
    Timestamp opened_at{};
  };
  std::vector<Member> members;
  size_t examples = 0;
};

// One conversation of a topic, for the drill-down.
struct TopicConversation {
  int64_t id = 0;  // the conversation's
  int64_t customer_id = 0;
  std::string subject;
  std::string channel;
  std::string status;
  TopicSource source = TopicSource::kClassifier;
  double confidence = 0;
  Timestamp opened_at{};
  std::string question;  // the message that was read
};

// A topic's conversations in one week.
struct TopicWeekCount {
  std::optional<int64_t> topic_id;  // none: conversations without a topic
  int64_t week = 0;                 // weeks since the epoch (Thursday 1970-01-01 + 4 days: Monday)
  int64_t conversations = 0;
};

// What a topic's conversations opened in a period cost the customer and
// the desk (none: the conversations without a topic).
struct TopicEffortRow {
  std::optional<int64_t> topic_id;
  TopicEffort effort;
};

// A rise a topic's owner was told of, once per topic and week.
struct TopicAlert {
  int64_t id = 0;
  int64_t topic_id = 0;
  int64_t week = 0;
  int64_t observed = 0;
  double expected = 0;
  Timestamp created_at{};
  std::optional<int64_t> owner_user_id;
};

// The Monday-based week of `t` (UTC), counted from Monday 1969-12-29.
int64_t WeekOf(Timestamp t);
Timestamp WeekStart(int64_t week);

struct TopicCounts {
  int64_t labelled = 0;      // by agents or accepted discovery
  int64_t classified = 0;    // by the classifier, with a topic
  int64_t unclassified = 0;  // no topic fits
};

// A capability repository: `store.Find<TopicRepository>()`.
class TopicRepository {
 public:
  virtual ~TopicRepository() = default;

  // ---- topics ----
  // Conflict when an active topic has the name (case and accents folded);
  // candidates may share a name until one is accepted.
  virtual Result<Topic> Create(const Topic& t) = 0;
  virtual Result<Topic> Get(int64_t id) = 0;
  // By status then name; all statuses when none given.
  virtual Result<std::vector<Topic>> List(std::optional<TopicStatus> status) = 0;
  // Writes name, owner and status if the topic is still at
  // `next.version - 1`; Conflict otherwise (or when the name is taken).
  virtual Result<Topic> Update(const Topic& next) = 0;
  // A candidate becomes `next` (active, its name): its questions without a
  // person's label get the topic from discovery, in one transaction.
  virtual Result<Topic> Accept(const Topic& next, std::optional<int64_t> by) = 0;
  // `from` (at `from_version`) folds into `into`: an active topic's
  // conversations, or a candidate's questions (as labels from discovery
  // when `into` is active, as its questions when `into` is a candidate),
  // move; `from` becomes merged. One transaction.
  virtual Result<Topic> Merge(int64_t from, int from_version, int64_t into, Timestamp at,
                              std::optional<int64_t> by) = 0;
  // Open candidates are dismissed and `candidates` kept instead, in one
  // transaction; returns them.
  virtual Result<std::vector<Topic>> ReplaceCandidates(const std::vector<NewCandidate>& candidates,
                                                       Timestamp at) = 0;
  // Candidate `id` (at `version`) is dismissed and `parts` kept instead.
  virtual Result<std::vector<Topic>> Split(int64_t id, int version,
                                           const std::vector<NewCandidate>& parts,
                                           Timestamp at) = 0;
  // A candidate's questions, its examples first, at most `limit`.
  virtual Result<std::vector<TopicQuestion>> CandidateQuestions(int64_t id, int limit) = 0;

  // ---- conversations ----
  // Customer messages after message `after`, by id, at most `limit`, of
  // conversations that have no topic or only the classifier's "none"
  // (agents' and accepted topics are never read again).
  virtual Result<std::vector<TopicQuestion>> QuestionsAfter(int64_t after, int limit) = 0;
  virtual Result<int64_t> Watermark() = 0;
  // Keeps the classifier's readings, and the questions without a topic it
  // put in a candidate (`joined`: candidate id and question; one still
  // open, and the question in no open candidate yet), and moves the
  // watermark from `from` to `to`, in one transaction; false (nothing kept)
  // when another runner moved it first. A reading never replaces a
  // person's or discovery's topic.
  struct Joined {
    int64_t candidate_id = 0;
    NewCandidate::Member question;
  };
  virtual Result<bool> SaveClassified(const std::vector<ConversationTopic>& readings,
                                      const std::vector<Joined>& joined, int64_t from,
                                      int64_t to) = 0;
  // Readings of a new model for conversations the classifier placed: they
  // replace only the classifier's own.
  virtual Status Reclassify(const std::vector<ConversationTopic>& readings) = 0;
  virtual Result<std::optional<ConversationTopic>> OfConversation(int64_t conversation_id) = 0;
  // The open candidate whose questions include the conversation's, if any.
  virtual Result<std::optional<Topic>> CandidateOf(int64_t conversation_id) = 0;
  // A person sets a conversation's topic (none: clears it): the customer's
  // first message is the question. NotFound for an unknown conversation.
  virtual Result<ConversationTopic> SetByPerson(int64_t conversation_id,
                                                std::optional<int64_t> topic_id, int64_t by,
                                                Timestamp at) = 0;
  // The conversations of `topic_id` (none: without a topic) opened in
  // [from, to), newest first, keyset by conversation id.
  virtual Result<Page<TopicConversation>> Conversations(std::optional<int64_t> topic_id,
                                                        Timestamp from, Timestamp to,
                                                        const PageRequest& page) = 0;

  // ---- training and discovery ----
  // The labels (a person's, accepted discovery's) of active topics, newest
  // first, at most `limit`.
  virtual Result<std::vector<TopicLabel>> Labels(int limit) = 0;
  // Changes whenever a label does (to know whether to train again).
  virtual Result<std::string> LabelGeneration() = 0;
  // Questions the classifier placed (with or without a topic) opened since
  // `since`, newest first, at most `limit`; with `unplaced`, only those
  // without a topic.
  virtual Result<std::vector<TopicQuestion>> ClassifierQuestions(Timestamp since, bool unplaced,
                                                                 int limit) = 0;
  // Keeps a model with its saved classifier (TopicClassifier::Save) and
  // the label generation it learnt from; only the newest few models keep
  // their bytes.
  virtual Result<TopicModel> SaveModel(const TopicModel& m, std::string_view blob,
                                       const std::string& label_generation) = 0;
  virtual Result<std::optional<TopicModel>> LatestModel(bool candidates) = 0;
  // NotFound when the model's bytes are no longer kept.
  virtual Result<std::string> ModelBlob(int64_t id) = 0;
  // The label generation the newest model of the labels learnt from (""
  // without one).
  virtual Result<std::string> ModelLabelGeneration() = 0;
  // Of the conversations opened in [from, to).
  virtual Result<TopicCounts> Counts(Timestamp from, Timestamp to) = 0;

  // ---- volume, difficulty and alerts ----
  // Per topic, the conversations opened in [from, to): how long and how many
  // messages to resolve, timed call and chat minutes, transfers (hand-overs
  // to another department), reopens, the customer back on the topic within
  // seven days, complaints (tagged "complaint" or "klacht").
  virtual Result<std::vector<TopicEffortRow>> Effort(Timestamp from, Timestamp to) = 0;
  // Conversations per topic and week, for weeks [from_week, to_week].
  virtual Result<std::vector<TopicWeekCount>> Weekly(int64_t from_week, int64_t to_week) = 0;
  // Records the alert and enqueues `then` (the mail) in one transaction;
  // false (nothing enqueued) when the topic was alerted for that week.
  virtual Result<bool> RecordAlert(const TopicAlert& alert, const std::optional<NewJob>& then) = 0;
  virtual Result<std::vector<TopicAlert>> Alerts(Timestamp since, int limit) = 0;

  // ---- the singleton jobs ----
  virtual Result<std::optional<int64_t>> JobId(std::string_view kind) = 0;
  virtual Result<bool> SetJob(std::string_view kind, std::optional<int64_t> expected,
                              int64_t job_id) = 0;
};

// ---- what the module does with them ---------------------------------------

// The recurring job that classifies new customer messages, and the one
// that trains again when labels changed, proposes candidates from the
// questions without a topic and alerts owners of rising topics (daily).
inline constexpr char kTopicClassifyJob[] = "topics.classify";
inline constexpr char kTopicDailyJob[] = "topics.daily";
// One-off jobs a person asks for: train now, discover now (payload: the
// user's id, or empty), and the mail of one alert (payload: the alert's
// topic/week).
inline constexpr char kTopicTrainJob[] = "topics.train";
inline constexpr char kTopicDiscoverJob[] = "topics.discover";
inline constexpr char kTopicAlertMailJob[] = "topics.alert_mail";

// The least confidence a model's threshold asks (TopicModel::threshold).
inline constexpr double kTopicConfidence = 0.5;
// The share of held-out labelled questions a model's threshold keeps.
inline constexpr double kTopicKeep = 0.95;
// A topic the classifier learns needs this many labels.
inline constexpr int kMinTopicLabels = 3;

// The newest model as a node uses it, loaded again when a newer one is
// saved. Thread-safe.
struct LoadedTopicModel {
  TopicModel record;
  TopicClassifier classifier;
  // The topic each label of the classifier stands for.
  std::vector<int64_t> topic_of_label;
};

class TopicModels {
 public:
  // Of the labels, or of the candidates.
  explicit TopicModels(bool candidates = false) : candidates_(candidates) {}
  // The newest model; null when none was trained yet.
  Result<std::shared_ptr<const LoadedTopicModel>> Current(TopicRepository& topics);

 private:
  bool candidates_;
  std::mutex mu_;
  std::shared_ptr<const LoadedTopicModel> loaded_;
};

// The topic of one question by `model`: none below its threshold.
ConversationTopic ReadQuestion(const TopicQuestion& q, const LoadedTopicModel& model, Timestamp at);

struct TrainingOutcome {
  std::optional<TopicModel> model;  // none: not enough labels
  std::string reason;               // why not, for the job's result
};

struct DiscoveryOptions {
  int days = 30;             // questions of this many days before now
  int max_questions = 5000;  // the newest first
  int k = 0;                 // 0: estimated
};

class TopicService {
 public:
  TopicService(Store& store, TopicRepository& topics, const Clock& clock)
      : store_(store), topics_(topics), clock_(clock) {}

  // A topic by hand (active, or as asked). InvalidArgument for a bad name.
  Result<Topic> Create(std::string_view name, std::optional<int64_t> owner);

  // Classifies up to `max` customer messages after the watermark; how many
  // were looked at. Without a model, every question is kept as unplaced;
  // with a model of the candidates, a question left without a topic joins
  // the candidate it is most like (at the model's threshold).
  Result<int> ClassifyRound(const LoadedTopicModel* model, const LoadedTopicModel* candidates,
                            int max);
  // One round of the classify job; it comes back soon while there is a
  // backlog.
  Result<std::optional<Timestamp>> RunClassifyJob(const Job& job, const LoadedTopicModel* model,
                                                  const LoadedTopicModel* candidates);

  // Trains a model from the labels and reads again the last 30 days'
  // questions the classifier placed.
  Result<TrainingOutcome> Train(std::optional<int64_t> by, TopicModels& models);
  // Groups the questions without a topic into candidate topics, replacing
  // the open candidates, and trains the model of the candidates from their
  // questions (none with fewer than two).
  Result<std::vector<Topic>> Discover(const DiscoveryOptions& options);
  // Splits candidate `id` in two by its questions.
  Result<std::vector<Topic>> Split(int64_t id, int version);

  // Each active topic's trend this week: the week so far against its share
  // of the weeks before (in a week's first two days, the week before,
  // whole), with the weekly counts it was judged on.
  struct Trends {
    int64_t week = 0;       // the week judged
    int64_t from_week = 0;  // the first week of `weekly`
    std::vector<TopicWeekCount> weekly;
    std::map<int64_t, TopicTrend> by_topic;
  };
  Result<Trends> JudgeTrends(const std::vector<Topic>& active, const TrendOptions& options = {});
  // Rising topics this week: alerts recorded (each with its mail job when
  // `mail_owners` and the topic has an owner); the number newly recorded.
  Result<int> CheckTrends(bool mail_owners, const TrendOptions& options = {});

  // The daily round: train when labels changed, discover, check trends.
  Result<std::string> RunDaily(TopicModels& models, bool mail_owners);

  Status EnsureJobs();

 private:
  // Trains a classifier on `examples`, measures it on a held-out fifth
  // (accuracy, threshold) and keeps it.
  Result<TopicModel> Fit(const std::vector<TopicExample>& examples, bool candidates,
                         std::optional<int64_t> by, const std::string& generation);

  Store& store_;
  TopicRepository& topics_;
  const Clock& clock_;
};

// The weekly counts of one topic from `rows`, weeks [from_week, to_week],
// zeros filled in.
std::vector<int64_t> WeeklySeries(const std::vector<TopicWeekCount>& rows,
                                  std::optional<int64_t> topic_id, int64_t from_week,
                                  int64_t to_week);

}  // namespace luister
