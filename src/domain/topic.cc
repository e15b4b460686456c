#include "domain/topic.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "domain/job_runner.h"
#include "domain/text_analysis.h"
#include "domain/validation.h"

namespace luister {

namespace {

constexpr std::string_view kStatusNames[] = {"active", "candidate", "merged", "dismissed"};
constexpr std::string_view kSourceNames[] = {"classifier", "agent", "discovery"};

constexpr int64_t kDayMs = 86'400'000;
// Questions the classifier placed in this many days are read again by a
// new model.
constexpr int kReclassifyDays = 30;
constexpr int kMaxLabels = 100'000;
// A discovered topic with fewer questions is no candidate.
constexpr size_t kMinCandidate = 3;

std::string LabelOf(int64_t topic_id) { return std::to_string(topic_id); }

std::optional<int64_t> TopicOfLabel(std::string_view label) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(label.data(), label.data() + label.size(), v);
  if (ec != std::errc() || p != label.data() + label.size()) return std::nullopt;
  return v;
}

// Which of `labels` are kept for training: the topics with enough of them.
std::vector<TopicExample> Trainable(const std::vector<TopicLabel>& labels) {
  std::map<int64_t, int> per_topic;
  for (const TopicLabel& l : labels) ++per_topic[l.topic_id];
  std::vector<TopicExample> out;
  for (const TopicLabel& l : labels)
    if (per_topic[l.topic_id] >= kMinTopicLabels && !Trim(l.text).empty())
      out.push_back({l.text, LabelOf(l.topic_id)});
  return out;
}

size_t DistinctLabels(const std::vector<TopicExample>& examples) {
  std::set<std::string_view> labels;
  for (const TopicExample& e : examples) labels.insert(e.label);
  return labels.size();
}

// What a model trained on four fifths of `examples` (by a stable hash of
// the text) does on the other fifth: its accuracy, and the confidence that
// kTopicKeep of them reach (the threshold below which a question is about
// no known topic). Nothing when either part is too small to say anything.
struct HeldOut {
  std::optional<double> accuracy;
  double threshold = kTopicConfidence;
};

HeldOut MeasureHeldOut(const std::vector<TopicExample>& examples,
                       const TopicClassifierOptions& options) {
  std::vector<TopicExample> train;
  std::vector<TopicExample> test;
  for (const TopicExample& e : examples)
    (std::hash<std::string>{}(e.text) % 5 == 0 ? test : train).push_back(e);
  HeldOut out;
  if (test.size() < 20 || DistinctLabels(train) < 2) return out;
  auto model = TopicClassifier::Train(train, options);
  if (!model.ok()) return out;
  int right = 0;
  std::vector<double> confidences;
  for (const TopicExample& e : test) {
    const TopicReading r = model->Read(e.text);
    if (r.label == e.label) ++right;
    confidences.push_back(r.confidence);
  }
  out.accuracy = static_cast<double>(right) / static_cast<double>(test.size());
  std::sort(confidences.begin(), confidences.end());
  const auto at = static_cast<size_t>((1 - kTopicKeep) * static_cast<double>(confidences.size()));
  out.threshold = std::max(kTopicConfidence, confidences[at]);
  return out;
}

NewCandidate CandidateOf(const DiscoveredTopic& topic, const std::vector<int>& cluster, int index,
                         const std::vector<TopicQuestion>& questions) {
  NewCandidate c;
  c.name = topic.name;
  c.terms = topic.terms;
  std::set<size_t> examples(topic.examples.begin(), topic.examples.end());
  auto add = [&](size_t i) {
    c.members.push_back(
        {questions[i].conversation_id, questions[i].message_id, questions[i].opened_at});
  };
  for (size_t i : topic.examples) add(i);
  c.examples = topic.examples.size();
  for (size_t i = 0; i < cluster.size(); ++i)
    if (cluster[i] == index && !examples.count(i)) add(i);
  return c;
}

// The candidates in `found` big enough to show.
std::vector<NewCandidate> Candidates(const TopicDiscovery& found,
                                     const std::vector<TopicQuestion>& questions) {
  std::vector<NewCandidate> out;
  for (size_t t = 0; t < found.topics.size(); ++t)
    if (found.topics[t].size >= kMinCandidate)
      out.push_back(CandidateOf(found.topics[t], found.cluster, static_cast<int>(t), questions));
  return out;
}

std::vector<std::string> Texts(const std::vector<TopicQuestion>& questions) {
  std::vector<std::string> texts;
  texts.reserve(questions.size());
  for (const TopicQuestion& q : questions) texts.push_back(q.text);
  return texts;
}

}  // namespace

std::string_view ToString(TopicStatus s) { return kStatusNames[static_cast<int>(s)]; }
std::optional<TopicStatus> ParseTopicStatus(std::string_view s) {
  for (int i = 0; i < 4; ++i)
    if (kStatusNames[i] == s) return static_cast<TopicStatus>(i);
  return std::nullopt;
}
std::string_view ToString(TopicSource s) { return kSourceNames[static_cast<int>(s)]; }
std::optional<TopicSource> ParseTopicSource(std::string_view s) {
  for (int i = 0; i < 3; ++i)
    if (kSourceNames[i] == s) return static_cast<TopicSource>(i);
  return std::nullopt;
}

Result<std::string> CheckTopicName(std::string_view name) {
  const std::string_view n = Trim(name);
  if (n.empty()) return InvalidArgument("the topic is not valid", {{"name", "is required"}});
  if (!IsValidUtf8(n))
    return InvalidArgument("the topic is not valid", {{"name", "must be UTF-8"}});
  if (CodePoints(n).size() > kMaxTopicName)
    return InvalidArgument("the topic is not valid", {{"name", "must be at most 120 characters"}});
  return std::string(n);
}

std::string TopicNameKey(std::string_view name) { return FoldText(Trim(name)); }

std::string QuestionText(std::string_view channel, std::string_view subject,
                         std::string_view body) {
  constexpr size_t kMost = 1000;
  std::string out;
  if (channel == "email") {
    std::string_view s = Trim(subject);
    // "Re: Re: Fwd:" and the Dutch "Antw:" are not what was asked.
    for (bool more = true; more;) {
      more = false;
      for (std::string_view p : {"re:", "fw:", "fwd:", "antw:", "aw:", "wg:"})
        if (s.size() >= p.size() && AsciiLower(s.substr(0, p.size())) == p) {
          s = Trim(s.substr(p.size()));
          more = true;
        }
    }
    out = std::string(s);
  }
  const std::string_view b = Trim(body);
  if (!out.empty() && !b.empty()) out += "\n";
  out.append(b.substr(0, kMost));
  if (out.size() > kMost) {
    size_t cut = kMost;
    // Not inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  return out;
}

bool IsNewTheme(const Topic& candidate) {
  return candidate.status == TopicStatus::kCandidate && candidate.recent >= kNewThemeMin &&
         static_cast<double>(candidate.recent) >=
             kNewThemeShare * static_cast<double>(candidate.size);
}

// 1970-01-01 was a Thursday: day 0 is in the week that began on Monday
// 1969-12-29, three days before.
int64_t WeekOf(Timestamp t) {
  const int64_t ms = ToMillis(t);
  const int64_t day = ms >= 0 ? ms / kDayMs : -((-ms + kDayMs - 1) / kDayMs);
  const int64_t d = day + 3;
  return d >= 0 ? d / 7 : -((-d + 6) / 7);
}

Timestamp WeekStart(int64_t week) { return FromMillis((week * 7 - 3) * kDayMs); }

std::vector<int64_t> WeeklySeries(const std::vector<TopicWeekCount>& rows,
                                  std::optional<int64_t> topic_id, int64_t from_week,
                                  int64_t to_week) {
  std::vector<int64_t> out(static_cast<size_t>(std::max<int64_t>(0, to_week - from_week + 1)), 0);
  for (const TopicWeekCount& r : rows)
    if (r.topic_id == topic_id && r.week >= from_week && r.week <= to_week)
      out[static_cast<size_t>(r.week - from_week)] += r.conversations;
  return out;
}

// ---- models -------------------------------------------------------------------

Result<std::shared_ptr<const LoadedTopicModel>> TopicModels::Current(TopicRepository& topics) {
  LUISTER_ASSIGN_OR_RETURN(auto latest, topics.LatestModel(candidates_));
  std::lock_guard<std::mutex> lock(mu_);
  if (!latest) return std::shared_ptr<const LoadedTopicModel>();
  if (loaded_ && loaded_->record.id == latest->id) return loaded_;
  LUISTER_ASSIGN_OR_RETURN(std::string blob, topics.ModelBlob(latest->id));
  LUISTER_ASSIGN_OR_RETURN(TopicClassifier classifier, TopicClassifier::Load(blob));
  auto model =
      std::make_shared<LoadedTopicModel>(LoadedTopicModel{*latest, std::move(classifier), {}});
  for (const std::string& label : model->classifier.labels()) {
    auto id = TopicOfLabel(label);
    if (!id)
      return InvalidArgument("topic model " + std::to_string(latest->id) +
                             ": a label is not a topic: " + label);
    model->topic_of_label.push_back(*id);
  }
  loaded_ = std::move(model);
  return loaded_;
}

ConversationTopic ReadQuestion(const TopicQuestion& q, const LoadedTopicModel& model,
                               Timestamp at) {
  ConversationTopic t;
  t.conversation_id = q.conversation_id;
  t.source = TopicSource::kClassifier;
  t.model_id = model.record.id;
  t.assigned_at = at;
  t.opened_at = q.opened_at;
  t.message_id = q.message_id;
  const TopicReading r = model.classifier.Read(q.text);
  t.confidence = r.confidence;
  if (t.confidence >= model.record.threshold) {
    const auto& labels = model.classifier.labels();
    const auto it = std::find(labels.begin(), labels.end(), r.label);
    t.topic_id = model.topic_of_label[static_cast<size_t>(it - labels.begin())];
  }
  return t;
}

// ---- the service --------------------------------------------------------------

Result<Topic> TopicService::Create(std::string_view name, std::optional<int64_t> owner) {
  LUISTER_ASSIGN_OR_RETURN(std::string n, CheckTopicName(name));
  Topic t;
  t.name = std::move(n);
  t.owner_user_id = owner;
  t.created_at = t.updated_at = clock_.Now();
  return topics_.Create(t);
}

Result<int> TopicService::ClassifyRound(const LoadedTopicModel* model,
                                        const LoadedTopicModel* candidates, int max) {
  constexpr int kBatch = 500;
  int looked = 0;
  while (looked < max) {
    LUISTER_ASSIGN_OR_RETURN(int64_t from, topics_.Watermark());
    LUISTER_ASSIGN_OR_RETURN(auto questions,
                             topics_.QuestionsAfter(from, std::min(kBatch, max - looked)));
    if (questions.empty()) break;
    const Timestamp now = clock_.Now();
    std::vector<ConversationTopic> readings;
    std::vector<TopicRepository::Joined> joined;
    readings.reserve(questions.size());
    for (const TopicQuestion& q : questions) {
      if (model) {
        readings.push_back(ReadQuestion(q, *model, now));
      } else {
        ConversationTopic t;
        t.conversation_id = q.conversation_id;
        t.assigned_at = now;
        t.opened_at = q.opened_at;
        t.message_id = q.message_id;
        readings.push_back(t);
      }
      if (candidates && !readings.back().topic_id) {
        const ConversationTopic c = ReadQuestion(q, *candidates, now);
        if (c.topic_id)
          joined.push_back({*c.topic_id, {q.conversation_id, q.message_id, q.opened_at}});
      }
    }
    LUISTER_ASSIGN_OR_RETURN(
        bool mine, topics_.SaveClassified(readings, joined, from, questions.back().message_id));
    if (!mine) break;  // another node's round got there first
    looked += static_cast<int>(questions.size());
  }
  return looked;
}

Result<std::optional<Timestamp>> TopicService::RunClassifyJob(const Job& job,
                                                              const LoadedTopicModel* model,
                                                              const LoadedTopicModel* candidates) {
  LUISTER_ASSIGN_OR_RETURN(auto current, topics_.JobId(kTopicClassifyJob));
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one runner
  constexpr int kPerRound = 5000;
  LUISTER_ASSIGN_OR_RETURN(int looked, ClassifyRound(model, candidates, kPerRound));
  // A backlog continues at once; new messages are read within seconds.
  const auto wait = looked >= kPerRound ? std::chrono::seconds(0) : std::chrono::seconds(3);
  return std::optional<Timestamp>(clock_.Now() + wait);
}

Result<TopicModel> TopicService::Fit(const std::vector<TopicExample>& examples, bool candidates,
                                     std::optional<int64_t> by, const std::string& generation) {
  TopicClassifierOptions options;
  TopicModel record;
  record.candidates = candidates;
  const HeldOut held = MeasureHeldOut(examples, options);
  record.accuracy = held.accuracy;
  record.threshold = held.threshold;
  LUISTER_ASSIGN_OR_RETURN(TopicClassifier classifier, TopicClassifier::Train(examples, options));
  const std::string blob = classifier.Save();
  record.created_at = clock_.Now();
  record.created_by = by;
  record.examples = static_cast<int64_t>(examples.size());
  record.topics = static_cast<int>(DistinctLabels(examples));
  record.bytes = static_cast<int64_t>(blob.size());
  return topics_.SaveModel(record, blob, generation);
}

Result<TrainingOutcome> TopicService::Train(std::optional<int64_t> by, TopicModels& models) {
  LUISTER_ASSIGN_OR_RETURN(std::string generation, topics_.LabelGeneration());
  LUISTER_ASSIGN_OR_RETURN(auto labels, topics_.Labels(kMaxLabels));
  const std::vector<TopicExample> examples = Trainable(labels);
  const size_t n_topics = DistinctLabels(examples);
  if (n_topics < 2) {
    return TrainingOutcome{std::nullopt,
                           "not enough labels: a model needs two topics with at least " +
                               std::to_string(kMinTopicLabels) + " labelled conversations each (" +
                               std::to_string(n_topics) + " have them)"};
  }
  LUISTER_ASSIGN_OR_RETURN(TopicModel record, Fit(examples, false, by, generation));

  // The questions the last model placed are read again by this one.
  LUISTER_ASSIGN_OR_RETURN(auto model, models.Current(topics_));
  if (model) {
    const Timestamp now = clock_.Now();
    LUISTER_ASSIGN_OR_RETURN(
        auto questions,
        topics_.ClassifierQuestions(now - std::chrono::hours(24 * kReclassifyDays), false, 50'000));
    std::vector<ConversationTopic> readings;
    readings.reserve(questions.size());
    for (const TopicQuestion& q : questions) readings.push_back(ReadQuestion(q, *model, now));
    LUISTER_RETURN_IF_ERROR(topics_.Reclassify(readings));
  }
  return TrainingOutcome{record, ""};
}

Result<std::vector<Topic>> TopicService::Discover(const DiscoveryOptions& options) {
  const Timestamp now = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(
      auto questions, topics_.ClassifierQuestions(now - std::chrono::hours(24 * options.days), true,
                                                  options.max_questions));
  std::erase_if(questions, [](const TopicQuestion& q) { return Trim(q.text).empty(); });
  std::vector<NewCandidate> candidates;
  if (questions.size() >= 2 * kMinCandidate) {
    TopicDiscoveryOptions d;
    d.k = options.k;
    LUISTER_ASSIGN_OR_RETURN(TopicDiscovery found, DiscoverTopics(Texts(questions), d));
    candidates = Candidates(found, questions);
  }
  LUISTER_ASSIGN_OR_RETURN(std::vector<Topic> kept, topics_.ReplaceCandidates(candidates, now));
  // What comes in until the next discovery joins the candidate it is most
  // like: a model of the candidates, their questions as its examples.
  if (kept.size() >= 2) {
    std::map<int64_t, const std::string*> text_of;
    for (const TopicQuestion& q : questions) text_of[q.conversation_id] = &q.text;
    std::vector<TopicExample> examples;
    for (size_t i = 0; i < kept.size(); ++i)
      for (const NewCandidate::Member& m : candidates[i].members)
        examples.push_back({*text_of.at(m.conversation_id), LabelOf(kept[i].id)});
    LUISTER_RETURN_IF_ERROR(Fit(examples, true, std::nullopt, "").status());
  }
  return kept;
}

Result<std::vector<Topic>> TopicService::Split(int64_t id, int version) {
  LUISTER_ASSIGN_OR_RETURN(Topic t, topics_.Get(id));
  if (t.version != version)
    return Conflict("the topic changed since it was read (version " + std::to_string(t.version) +
                    ")");
  if (t.status != TopicStatus::kCandidate)
    return InvalidArgument("only a candidate topic can be split; this one is " +
                           std::string(ToString(t.status)));
  LUISTER_ASSIGN_OR_RETURN(auto questions, topics_.CandidateQuestions(id, 10'000));
  if (questions.size() < 2 * kMinCandidate)
    return InvalidArgument("a candidate needs at least " + std::to_string(2 * kMinCandidate) +
                           " questions to split; this one has " + std::to_string(questions.size()));
  TopicDiscoveryOptions d;
  d.k = 2;
  LUISTER_ASSIGN_OR_RETURN(TopicDiscovery found, DiscoverTopics(Texts(questions), d));
  std::vector<NewCandidate> parts;
  for (size_t i = 0; i < found.topics.size(); ++i)
    parts.push_back(CandidateOf(found.topics[i], found.cluster, static_cast<int>(i), questions));
  return topics_.Split(id, version, parts, clock_.Now());
}

Result<TopicService::Trends> TopicService::JudgeTrends(const std::vector<Topic>& active,
                                                       const TrendOptions& options) {
  const Timestamp now = clock_.Now();
  Trends out;
  out.week = WeekOf(now);
  double share = static_cast<double>(ToMillis(now) - ToMillis(WeekStart(out.week))) /
                 static_cast<double>(7 * kDayMs);
  if (share < 2.0 / 7) {
    --out.week;
    share = 1;
  }
  out.from_week = out.week - options.history_weeks - 53;
  LUISTER_ASSIGN_OR_RETURN(out.weekly, topics_.Weekly(out.from_week, out.week));
  for (const Topic& t : active) {
    std::vector<int64_t> series = WeeklySeries(out.weekly, t.id, out.from_week, out.week);
    // The weeks before scaled to the part of this week that has passed.
    for (size_t i = 0; i + 1 < series.size(); ++i)
      series[i] = std::llround(static_cast<double>(series[i]) * share);
    out.by_topic[t.id] = JudgeTrend(series, options);
  }
  return out;
}

Result<int> TopicService::CheckTrends(bool mail_owners, const TrendOptions& options) {
  const Timestamp now = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(auto active, topics_.List(TopicStatus::kActive));
  LUISTER_ASSIGN_OR_RETURN(Trends trends, JudgeTrends(active, options));
  int recorded = 0;
  for (const Topic& t : active) {
    const TopicTrend& trend = trends.by_topic[t.id];
    if (!trend.rising) continue;
    TopicAlert alert;
    alert.topic_id = t.id;
    alert.week = trends.week;
    alert.observed = trend.observed;
    alert.expected = trend.expected;
    alert.created_at = now;
    alert.owner_user_id = t.owner_user_id;
    std::optional<NewJob> mail;
    if (mail_owners && t.owner_user_id)
      mail = NewJob{kTopicAlertMailJob, std::to_string(t.id) + "/" + std::to_string(trends.week),
                    now, now, std::nullopt};
    LUISTER_ASSIGN_OR_RETURN(bool fresh, topics_.RecordAlert(alert, mail));
    if (fresh) ++recorded;
  }
  return recorded;
}

Result<std::string> TopicService::RunDaily(TopicModels& models, bool mail_owners) {
  std::string out;
  LUISTER_ASSIGN_OR_RETURN(std::string labels, topics_.LabelGeneration());
  LUISTER_ASSIGN_OR_RETURN(std::string trained, topics_.ModelLabelGeneration());
  if (labels != trained) {
    LUISTER_ASSIGN_OR_RETURN(TrainingOutcome t, Train(std::nullopt, models));
    out += t.model ? "trained model " + std::to_string(t.model->id) + "; " : t.reason + "; ";
  }
  LUISTER_ASSIGN_OR_RETURN(auto candidates, Discover({}));
  out += std::to_string(candidates.size()) + " candidate topics; ";
  LUISTER_ASSIGN_OR_RETURN(int alerts, CheckTrends(mail_owners));
  out += std::to_string(alerts) + " rising topics alerted";
  return out;
}

Status TopicService::EnsureJobs() {
  for (const char* kind : {kTopicClassifyJob, kTopicDailyJob}) {
    LUISTER_ASSIGN_OR_RETURN(auto current, topics_.JobId(kind));
    LUISTER_RETURN_IF_ERROR(EnsureSingletonJob(store_, clock_, kind, current,
                                               [&](std::optional<int64_t> expected, int64_t id) {
                                                 return topics_.SetJob(kind, expected, id);
                                               })
                                .status());
  }
  return Status::Ok();
}

}  // namespace luister
