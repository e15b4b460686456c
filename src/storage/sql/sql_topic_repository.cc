#include "storage/sql/sql_topic_repository.h"

#include <chrono>

#include "domain/validation.h"
#include "storage/sql/query.h"
#include "storage/sql/sql_job_repository.h"
#include "storage/sql/watermark_state.h"

namespace luister::sql {

namespace {

const WatermarkState kClassifyState("topic_classify_state", "last_message_id");
// Its watermark column is the label counter, moved by kBumpLabels only.
const WatermarkState kDailyState("topic_daily_state", "labels");

constexpr char kColumns[] =
    "id, name, status, discovered, owner_user_id, terms, merged_into, size, recent, created_at, "
    "updated_at, version";
const Sql kInsert(
    "INSERT INTO topics (name, name_key, status, discovered, owner_user_id, terms, merged_into, "
    "size, recent, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM topics WHERE id = ?");
// Through topic_members_conversation.
const Sql kCandidateOf(std::string("SELECT ") + kColumns +
                       " FROM topics WHERE status = 'candidate' AND id IN (SELECT topic_id FROM "
                       "topic_members WHERE conversation_id = ?) ORDER BY id DESC LIMIT 1");
// Through topics_status.
const Sql kList(std::string("SELECT ") + kColumns + " FROM topics ORDER BY status, name_key, id");
const Sql kListStatus(std::string("SELECT ") + kColumns +
                      " FROM topics WHERE status = ? ORDER BY name_key, id");
// Compare-and-set on the version.
const Sql kUpdate(
    "UPDATE topics SET name = ?, name_key = ?, owner_user_id = ?, status = ?, merged_into = ?, "
    "updated_at = ?, version = ? WHERE id = ? AND version = ?");
const Sql kBumpLabels(
    "INSERT INTO topic_daily_state (singleton, job_id, labels) VALUES (1, NULL, 1) "
    "ON CONFLICT (singleton) DO UPDATE SET labels = topic_daily_state.labels + 1");
const Sql kLabelCount("SELECT labels FROM topic_daily_state WHERE singleton = 1");

// A candidate's questions become labels of `topic` (from discovery), except
// where a person chose the topic.
const Sql kLabelMembers(
    "INSERT INTO conversation_topics (conversation_id, topic_id, source, confidence, model_id, "
    "assigned_by, assigned_at, opened_at, message_id) SELECT m.conversation_id, ?, 'discovery', "
    "1.0, NULL, ?, ?, m.opened_at, m.message_id FROM topic_members m WHERE m.topic_id = ? "
    "ON CONFLICT (conversation_id) DO UPDATE SET topic_id = excluded.topic_id, source = "
    "excluded.source, confidence = excluded.confidence, model_id = NULL, assigned_by = "
    "excluded.assigned_by, assigned_at = excluded.assigned_at WHERE conversation_topics.source "
    "<> 'agent'");
const Sql kMoveConversations("UPDATE conversation_topics SET topic_id = ? WHERE topic_id = ?");
const Sql kMoveMerged("UPDATE topics SET merged_into = ? WHERE merged_into = ?");
const Sql kCopyMembers(
    "INSERT INTO topic_members (topic_id, conversation_id, message_id, opened_at, rank) "
    "SELECT ?, conversation_id, message_id, opened_at, rank + 1000000 FROM topic_members "
    "WHERE topic_id = ? ON CONFLICT DO NOTHING");
const Sql kMemberCounts(
    "SELECT count(*), COALESCE(sum(CASE WHEN opened_at >= ? THEN 1 ELSE 0 END), 0) FROM "
    "topic_members WHERE topic_id = ?");
const Sql kSetSize("UPDATE topics SET size = ?, recent = ? WHERE id = ?");
const Sql kDeleteMembers("DELETE FROM topic_members WHERE topic_id = ?");

const Sql kDismissCandidates(
    "UPDATE topics SET status = 'dismissed', updated_at = ?, version = version + 1 "
    "WHERE status = 'candidate'");
// The questions of topics that are no candidates any more. The topics stay
// (dismissed), so that an id never names another topic later.
const Sql kDropMembers(
    "DELETE FROM topic_members WHERE topic_id IN (SELECT id FROM topics WHERE status <> "
    "'candidate')");
const Sql kInsertMember(
    "INSERT INTO topic_members (topic_id, conversation_id, message_id, opened_at, rank) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");

// The text of a question: the conversation's channel and subject, the message.
const Sql kCandidateQuestions(
    "SELECT tm.message_id, tm.conversation_id, tm.opened_at, c.channel, c.subject, m.body_text, "
    "c.customer_id FROM topic_members tm JOIN conversations c ON c.id = tm.conversation_id JOIN "
    "messages m "
    "ON m.id = tm.message_id WHERE tm.topic_id = ? ORDER BY tm.rank, tm.conversation_id LIMIT ?");
// By the messages' primary key from the watermark.
const Sql kQuestionsAfter(
    "SELECT m.id, m.conversation_id, c.created_at, c.channel, c.subject, m.body_text, "
    "c.customer_id, ct.conversation_id, ct.topic_id, ct.source, ct.confidence, ct.model_id, "
    "ct.assigned_by, ct.assigned_at, "
    "ct.opened_at, ct.message_id FROM messages m JOIN conversations c ON c.id = "
    "m.conversation_id LEFT JOIN conversation_topics ct ON ct.conversation_id = "
    "m.conversation_id WHERE m.id > ? AND m.direction = 'in' AND NOT m.internal AND "
    "(ct.conversation_id IS NULL OR (ct.source = 'classifier' AND ct.topic_id IS NULL)) "
    "ORDER BY m.id LIMIT ?");
// A reading names the model's topic; one merged since counts for the topic
// it went into, one dismissed for none.
constexpr char kReadingInsert[] =
    "INSERT INTO conversation_topics (conversation_id, topic_id, source, confidence, model_id, "
    "assigned_by, assigned_at, opened_at, message_id) VALUES (?, (SELECT CASE WHEN t.status = "
    "'active' THEN t.id WHEN t.status = 'merged' THEN t.merged_into ELSE NULL END FROM topics t "
    "WHERE t.id = ?), 'classifier', ?, ?, NULL, ?, ?, ?) ON CONFLICT (conversation_id) DO "
    "UPDATE SET topic_id = excluded.topic_id, confidence = excluded.confidence, model_id = "
    "excluded.model_id, assigned_at = excluded.assigned_at, message_id = excluded.message_id "
    "WHERE conversation_topics.source = 'classifier'";
// A question joins an open candidate when it is in no open candidate yet;
// after the examples (rank), in the order they came.
const Sql kJoinCandidate(
    "INSERT INTO topic_members (topic_id, conversation_id, message_id, opened_at, rank) SELECT "
    "t.id, ?, ?, ?, 1000000000 + ? FROM topics t WHERE t.id = ? AND t.status = 'candidate' AND "
    "NOT EXISTS (SELECT 1 FROM topic_members m JOIN topics o ON o.id = m.topic_id WHERE "
    "m.conversation_id = ? AND o.status = 'candidate') ON CONFLICT DO NOTHING");
const Sql kJoined("UPDATE topics SET size = size + 1, recent = recent + 1 WHERE id = ?");
const Sql kSaveReading(std::string(kReadingInsert) + " AND conversation_topics.topic_id IS NULL");
const Sql kReclassify(kReadingInsert);

constexpr char kCtColumns[] =
    "conversation_id, topic_id, source, confidence, model_id, assigned_by, assigned_at, "
    "opened_at, message_id";
const Sql kOfConversation(std::string("SELECT ") + kCtColumns +
                          " FROM conversation_topics WHERE conversation_id = ?");
// The question of a conversation a person labels: the message already read,
// else the customer's first, else the first of all.
const Sql kConversationFacts(
    "SELECT c.created_at, (SELECT min(m.id) FROM messages m WHERE m.conversation_id = c.id AND "
    "m.direction = 'in' AND NOT m.internal), (SELECT min(m.id) FROM messages m WHERE "
    "m.conversation_id = c.id) FROM conversations c WHERE c.id = ?");
const Sql kSetByPerson(
    "INSERT INTO conversation_topics (conversation_id, topic_id, source, confidence, model_id, "
    "assigned_by, assigned_at, opened_at, message_id) VALUES (?, ?, 'agent', 1.0, NULL, ?, ?, ?, "
    "?) ON CONFLICT (conversation_id) DO UPDATE SET topic_id = excluded.topic_id, source = "
    "'agent', confidence = 1.0, model_id = NULL, assigned_by = excluded.assigned_by, "
    "assigned_at = excluded.assigned_at");

constexpr char kDrillColumns[] =
    "SELECT c.id, c.customer_id, c.subject, c.channel, c.status, ct.source, ct.confidence, "
    "ct.opened_at, m.body_text FROM conversation_topics ct JOIN conversations c ON c.id = "
    "ct.conversation_id JOIN messages m ON m.id = ct.message_id WHERE ";
constexpr char kDrillOrder[] = " ORDER BY ct.opened_at DESC, ct.conversation_id DESC LIMIT ?";
constexpr char kDrillAfter[] =
    " AND (ct.opened_at < ? OR (ct.opened_at = ? AND ct.conversation_id < ?))";
constexpr char kDrillRange[] = " AND ct.opened_at >= ? AND ct.opened_at < ?";
// Through conversation_topics_topic.
const Sql kDrillTopic(std::string(kDrillColumns) + "ct.topic_id = ?" + kDrillRange + kDrillOrder);
const Sql kDrillTopicAfter(std::string(kDrillColumns) + "ct.topic_id = ?" + kDrillRange +
                           kDrillAfter + kDrillOrder);
const Sql kDrillNone(std::string(kDrillColumns) + "ct.topic_id IS NULL" + kDrillRange +
                     kDrillOrder);
const Sql kDrillNoneAfter(std::string(kDrillColumns) + "ct.topic_id IS NULL" + kDrillRange +
                          kDrillAfter + kDrillOrder);

// Through conversation_topics_source.
const Sql kLabels(
    "SELECT ct.conversation_id, ct.topic_id, c.channel, c.subject, m.body_text FROM "
    "conversation_topics ct JOIN topics t ON t.id = ct.topic_id JOIN conversations c ON c.id = "
    "ct.conversation_id JOIN messages m ON m.id = ct.message_id WHERE ct.source IN ('agent', "
    "'discovery') AND t.status = 'active' ORDER BY ct.opened_at DESC, ct.conversation_id DESC "
    "LIMIT ?");
constexpr char kClassifierColumns[] =
    "SELECT ct.message_id, ct.conversation_id, ct.opened_at, c.channel, c.subject, m.body_text, "
    "c.customer_id FROM conversation_topics ct JOIN conversations c ON c.id = ct.conversation_id "
    "JOIN "
    "messages m ON m.id = ct.message_id WHERE ct.source = 'classifier' AND ct.opened_at >= ?";
const Sql kClassified(std::string(kClassifierColumns) +
                      " ORDER BY ct.opened_at DESC, ct.conversation_id DESC LIMIT ?");
const Sql kUnplaced(std::string(kClassifierColumns) +
                    " AND ct.topic_id IS NULL ORDER BY ct.opened_at DESC, ct.conversation_id "
                    "DESC LIMIT ?");

constexpr char kModelColumns[] =
    "id, created_at, created_by, examples, topics, accuracy, bytes, threshold, kind";
const Sql kInsertModel(
    "INSERT INTO topic_models (created_at, created_by, examples, topics, accuracy, bytes, "
    "threshold, kind, label_generation, model) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
constexpr int kModelsKept = 3;
// Per kind.
const Sql kDropOldModels(
    "UPDATE topic_models SET model = NULL WHERE model IS NOT NULL AND kind = ? AND id NOT IN "
    "(SELECT id FROM topic_models WHERE kind = ? ORDER BY id DESC LIMIT ?)");
const Sql kLatestModel(std::string("SELECT ") + kModelColumns +
                       " FROM topic_models WHERE model IS NOT NULL AND kind = ? ORDER BY id DESC "
                       "LIMIT 1");
const Sql kModelById(std::string("SELECT ") + kModelColumns + " FROM topic_models WHERE id = ?");
const Sql kModelBlob("SELECT model FROM topic_models WHERE id = ? AND model IS NOT NULL");
const Sql kModelGeneration(
    "SELECT label_generation FROM topic_models WHERE kind = 'topics' ORDER BY id DESC LIMIT 1");
// Through conversation_topics_opened.
const Sql kCounts(
    "SELECT COALESCE(sum(CASE WHEN source <> 'classifier' AND topic_id IS NOT NULL THEN 1 ELSE "
    "0 END), 0), COALESCE(sum(CASE WHEN source = 'classifier' AND topic_id IS NOT NULL THEN 1 "
    "ELSE 0 END), 0), COALESCE(sum(CASE WHEN topic_id IS NULL THEN 1 ELSE 0 END), 0) FROM "
    "conversation_topics WHERE opened_at >= ? AND opened_at < ?");

// Monday-based weeks as WeekOf counts them (times after 1970).
const Sql kWeekly(
    "SELECT topic_id, (opened_at / 86400000 + 3) / 7, count(*) FROM conversation_topics WHERE "
    "opened_at >= ? AND opened_at < ? GROUP BY topic_id, (opened_at / 86400000 + 3) / 7");
// Each conversation's facts, then summed per topic. Repeats through
// conversations_customer; calls through phone_calls_conversation.
const Sql kEffort(
    "SELECT topic_id, count(*), sum(resolved), sum(resolved * messages), sum(resolved * "
    "resolve_ms), sum(transferred), sum(reopened), sum(CASE WHEN repeats > 0 THEN 1 ELSE 0 "
    "END), sum(repeats), sum(complaint), sum(timed), sum(handle_ms) FROM (SELECT ct.topic_id, "
    "CASE WHEN c.resolved_at IS NULL THEN 0 ELSE 1 END AS resolved, c.message_count AS "
    "messages, COALESCE(c.resolved_at - c.created_at, 0) AS resolve_ms, CASE WHEN EXISTS "
    "(SELECT 1 FROM activities a WHERE a.conversation_id = c.id AND a.kind = 'handover') THEN 1 "
    "ELSE 0 END AS transferred, CASE WHEN EXISTS (SELECT 1 FROM activities a WHERE "
    "a.conversation_id = c.id AND a.kind = 'status_changed' AND (a.params LIKE "
    "'%\"from\":\"resolved\"%' OR a.params LIKE '%\"from\":\"closed\"%')) THEN 1 ELSE 0 END "
    "AS reopened, (SELECT count(*) FROM conversations c2 JOIN conversation_topics ct2 ON "
    "ct2.conversation_id = c2.id WHERE c2.customer_id = c.customer_id AND c2.id <> c.id AND "
    "c2.created_at > c.created_at AND c2.created_at <= c.created_at + 604800000 AND "
    "ct2.topic_id = ct.topic_id) AS repeats, CASE WHEN EXISTS (SELECT 1 FROM conversation_tags "
    "g WHERE g.conversation_id = c.id AND g.tag IN ('complaint', 'klacht')) THEN 1 ELSE 0 END "
    "AS complaint, CASE WHEN EXISTS (SELECT 1 FROM phone_calls p WHERE p.conversation_id = "
    "c.id AND p.answered_at IS NOT NULL AND p.ended_at IS NOT NULL) OR EXISTS (SELECT 1 FROM "
    "chats h WHERE h.conversation_id = c.id AND h.accepted_at IS NOT NULL AND h.ended_at IS NOT "
    "NULL) THEN 1 ELSE 0 END AS timed, COALESCE((SELECT sum(p.ended_at - p.answered_at) FROM "
    "phone_calls p WHERE p.conversation_id = c.id AND p.answered_at IS NOT NULL AND p.ended_at "
    "IS NOT NULL), 0) + COALESCE((SELECT h.ended_at - h.accepted_at FROM chats h WHERE "
    "h.conversation_id = c.id AND h.accepted_at IS NOT NULL AND h.ended_at IS NOT NULL), 0) AS "
    "handle_ms FROM conversation_topics ct JOIN conversations c ON c.id = ct.conversation_id "
    "WHERE ct.opened_at >= ? AND ct.opened_at < ?) x GROUP BY topic_id");
const Sql kInsertAlert(
    "INSERT INTO topic_alerts (topic_id, week, observed, expected, owner_user_id, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (topic_id, week) DO NOTHING");
const Sql kAlerts(
    "SELECT id, topic_id, week, observed, expected, owner_user_id, created_at FROM topic_alerts "
    "WHERE created_at >= ? ORDER BY created_at DESC, id DESC LIMIT ?");

std::string JoinTerms(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) {
    if (!out.empty()) out += '\n';
    out += t;
  }
  return out;
}

std::vector<std::string> SplitTerms(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Topic FromRow(const Row& r) {
  Topic t;
  t.id = r.Int(0);
  t.name = r.Text(1);
  t.status = ParseTopicStatus(r.Text(2)).value_or(TopicStatus::kActive);
  t.discovered = r.Bool(3);
  t.owner_user_id = r.OptInt(4);
  t.terms = SplitTerms(r.Text(5));
  t.merged_into = r.OptInt(6);
  t.size = r.Int(7);
  t.recent = r.Int(8);
  t.created_at = r.Time(9);
  t.updated_at = r.Time(10);
  t.version = static_cast<int>(r.Int(11));
  return t;
}

ConversationTopic TopicOfRow(const Row& r, int at) {
  ConversationTopic t;
  t.conversation_id = r.Int(at);
  t.topic_id = r.OptInt(at + 1);
  t.source = ParseTopicSource(r.Text(at + 2)).value_or(TopicSource::kClassifier);
  t.confidence = r.Double(at + 3);
  t.model_id = r.OptInt(at + 4);
  t.assigned_by = r.OptInt(at + 5);
  t.assigned_at = r.Time(at + 6);
  t.opened_at = r.Time(at + 7);
  t.message_id = r.Int(at + 8);
  return t;
}

// message id, conversation id, opened, channel, subject, body, customer id.
TopicQuestion QuestionOfRow(const Row& r) {
  TopicQuestion q;
  q.message_id = r.Int(0);
  q.conversation_id = r.Int(1);
  q.customer_id = r.Int(6);
  q.opened_at = r.Time(2);
  q.text = QuestionText(r.Text(3), r.Text(4), r.Text(5));
  return q;
}

std::string KindOf(bool candidates) { return candidates ? "candidates" : "topics"; }

TopicModel ModelOfRow(const Row& r) {
  TopicModel m;
  m.id = r.Int(0);
  m.created_at = r.Time(1);
  m.created_by = r.OptInt(2);
  m.examples = r.Int(3);
  m.topics = static_cast<int>(r.Int(4));
  if (!r.IsNull(5)) m.accuracy = r.Double(5);
  m.bytes = r.Int(6);
  m.threshold = r.Double(7);
  m.candidates = r.Text(8) == "candidates";
  return m;
}

Result<Topic> GetTopic(Connection& c, int64_t id) {
  return One<Topic>(c, kSelect, id, "topic", FromRow);
}

Result<int64_t> InsertTopic(Connection& c, const Topic& t) {
  return Scalar(c, kInsert,
                Params::Of(t.name, TopicNameKey(t.name), std::string(ToString(t.status)),
                           t.discovered, t.owner_user_id, JoinTerms(t.terms), t.merged_into, t.size,
                           t.recent, t.created_at, t.updated_at, t.version));
}

// Writes `next` over the topic at `expected_version`: Conflict when it
// moved on, NotFound when there is none.
Status NameTaken(std::string_view name) {
  return Conflict("there is already a topic named \"" + std::string(name) + "\"");
}

Status WriteTopic(Connection& c, const Topic& next, int expected_version) {
  auto n = c.Execute(kUpdate, Params::Of(next.name, TopicNameKey(next.name), next.owner_user_id,
                                         std::string(ToString(next.status)), next.merged_into,
                                         next.updated_at, next.version, next.id, expected_version));
  // The one unique index: the name of active topics.
  if (!n.ok() && n.status().code() == StatusCode::kConflict) return NameTaken(next.name);
  if (!n.ok()) return n.status();
  if (*n == 1) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(Topic now, GetTopic(c, next.id));
  return Conflict("topic " + std::to_string(next.id) + " changed since it was read (version " +
                  std::to_string(now.version) + ")");
}

Status BumpLabels(Connection& c) { return c.Execute(kBumpLabels).status(); }

// Keeps candidates with their questions.
Result<std::vector<Topic>> InsertCandidates(Connection& c,
                                            const std::vector<NewCandidate>& candidates,
                                            Timestamp at) {
  const Timestamp week_before = at - std::chrono::hours(24 * 7);
  std::vector<Topic> out;
  for (const NewCandidate& n : candidates) {
    Topic t;
    t.name = Utf8Prefix(n.name, kMaxTopicName);
    t.status = TopicStatus::kCandidate;
    t.discovered = true;
    t.terms = n.terms;
    t.size = static_cast<int64_t>(n.members.size());
    for (const NewCandidate::Member& m : n.members)
      if (m.opened_at >= week_before) ++t.recent;
    t.created_at = t.updated_at = at;
    LUISTER_ASSIGN_OR_RETURN(t.id, InsertTopic(c, t));
    for (size_t i = 0; i < n.members.size(); ++i) {
      const NewCandidate::Member& m = n.members[i];
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kInsertMember, Params::Of(t.id, m.conversation_id, m.message_id, m.opened_at,
                                              static_cast<int64_t>(i)))
              .status());
    }
    out.push_back(std::move(t));
  }
  return out;
}

Status SaveReadings(Connection& c, const Sql& sql, const std::vector<ConversationTopic>& readings) {
  for (const ConversationTopic& t : readings)
    LUISTER_RETURN_IF_ERROR(
        c.Execute(sql, Params::Of(t.conversation_id, t.topic_id, t.confidence, t.model_id,
                                  t.assigned_at, t.opened_at, t.message_id))
            .status());
  return Status::Ok();
}

const WatermarkState* StateOf(std::string_view kind) {
  if (kind == kTopicClassifyJob) return &kClassifyState;
  if (kind == kTopicDailyJob) return &kDailyState;
  return nullptr;
}

}  // namespace

Result<Topic> SqlTopicRepository::Create(const Topic& t) {
  return db_.Write([&](Connection& c) -> Result<Topic> {
    auto id = InsertTopic(c, t);
    if (!id.ok() && id.status().code() == StatusCode::kConflict) return NameTaken(t.name);
    if (!id.ok()) return id.status();
    return GetTopic(c, *id);
  });
}

Result<Topic> SqlTopicRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return GetTopic(c, id); });
}

Result<std::vector<Topic>> SqlTopicRepository::List(std::optional<TopicStatus> status) {
  return db_.ReadOne([&](Connection& c) {
    if (status)
      return Collect<Topic>(c, kListStatus, Params::Of(std::string(ToString(*status))), FromRow);
    return Collect<Topic>(c, kList, {}, FromRow);
  });
}

Result<Topic> SqlTopicRepository::Update(const Topic& next) {
  return db_.Write([&](Connection& c) -> Result<Topic> {
    LUISTER_RETURN_IF_ERROR(WriteTopic(c, next, next.version - 1));
    return GetTopic(c, next.id);
  });
}

Result<Topic> SqlTopicRepository::Accept(const Topic& next, std::optional<int64_t> by) {
  return db_.Write([&](Connection& c) -> Result<Topic> {
    LUISTER_ASSIGN_OR_RETURN(Topic before, GetTopic(c, next.id));
    if (before.status != TopicStatus::kCandidate)
      return InvalidArgument("only a candidate topic can be accepted; this one is " +
                             std::string(ToString(before.status)));
    LUISTER_RETURN_IF_ERROR(WriteTopic(c, next, next.version - 1));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kLabelMembers, Params::Of(next.id, by, next.updated_at, next.id)).status());
    LUISTER_RETURN_IF_ERROR(c.Execute(kDeleteMembers, Params::Of(next.id)).status());
    LUISTER_RETURN_IF_ERROR(BumpLabels(c));
    return GetTopic(c, next.id);
  });
}

Result<Topic> SqlTopicRepository::Merge(int64_t from, int from_version, int64_t into, Timestamp at,
                                        std::optional<int64_t> by) {
  return db_.Write([&](Connection& c) -> Result<Topic> {
    if (from == into) return InvalidArgument("a topic cannot be merged into itself");
    LUISTER_ASSIGN_OR_RETURN(Topic a, GetTopic(c, from));
    LUISTER_ASSIGN_OR_RETURN(Topic b, GetTopic(c, into));
    auto live = [](const Topic& t) {
      return t.status == TopicStatus::kActive || t.status == TopicStatus::kCandidate;
    };
    if (!live(a))
      return InvalidArgument("topic " + std::to_string(from) + " is " +
                             std::string(ToString(a.status)) +
                             "; only active and candidate "
                             "topics can be merged");
    if (!live(b))
      return InvalidArgument("topic " + std::to_string(into) + " is " +
                             std::string(ToString(b.status)) +
                             "; merge into an active or "
                             "candidate topic");
    if (a.status == TopicStatus::kActive && b.status == TopicStatus::kCandidate)
      return InvalidArgument(
          "an active topic cannot be merged into a candidate; accept the "
          "candidate first");
    Topic merged = a;
    merged.status = TopicStatus::kMerged;
    merged.merged_into = into;
    merged.updated_at = at;
    merged.version = from_version + 1;
    LUISTER_RETURN_IF_ERROR(WriteTopic(c, merged, from_version));
    LUISTER_RETURN_IF_ERROR(c.Execute(kMoveMerged, Params::Of(into, from)).status());
    if (a.status == TopicStatus::kActive) {
      LUISTER_RETURN_IF_ERROR(c.Execute(kMoveConversations, Params::Of(into, from)).status());
      LUISTER_RETURN_IF_ERROR(BumpLabels(c));
    } else if (b.status == TopicStatus::kActive) {
      LUISTER_RETURN_IF_ERROR(c.Execute(kLabelMembers, Params::Of(into, by, at, from)).status());
      LUISTER_RETURN_IF_ERROR(BumpLabels(c));
    } else {
      LUISTER_RETURN_IF_ERROR(c.Execute(kCopyMembers, Params::Of(into, from)).status());
      int64_t size = 0;
      int64_t recent = 0;
      LUISTER_RETURN_IF_ERROR(c.Query(
          kMemberCounts, Params::Of(at - std::chrono::hours(24 * 7), into), [&](const Row& r) {
            size = r.Int(0);
            recent = r.Int(1);
          }));
      LUISTER_RETURN_IF_ERROR(c.Execute(kSetSize, Params::Of(size, recent, into)).status());
    }
    LUISTER_RETURN_IF_ERROR(c.Execute(kDeleteMembers, Params::Of(from)).status());
    return GetTopic(c, into);
  });
}

Result<std::vector<Topic>> SqlTopicRepository::ReplaceCandidates(
    const std::vector<NewCandidate>& candidates, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<std::vector<Topic>> {
    LUISTER_RETURN_IF_ERROR(c.Execute(kDismissCandidates, Params::Of(at)).status());
    LUISTER_RETURN_IF_ERROR(c.Execute(kDropMembers).status());
    return InsertCandidates(c, candidates, at);
  });
}

Result<std::vector<Topic>> SqlTopicRepository::Split(int64_t id, int version,
                                                     const std::vector<NewCandidate>& parts,
                                                     Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<std::vector<Topic>> {
    LUISTER_ASSIGN_OR_RETURN(Topic t, GetTopic(c, id));
    if (t.status != TopicStatus::kCandidate)
      return InvalidArgument("only a candidate topic can be split; this one is " +
                             std::string(ToString(t.status)));
    Topic dismissed = t;
    dismissed.status = TopicStatus::kDismissed;
    dismissed.updated_at = at;
    dismissed.version = version + 1;
    LUISTER_RETURN_IF_ERROR(WriteTopic(c, dismissed, version));
    LUISTER_RETURN_IF_ERROR(c.Execute(kDeleteMembers, Params::Of(id)).status());
    return InsertCandidates(c, parts, at);
  });
}

Result<std::vector<TopicQuestion>> SqlTopicRepository::CandidateQuestions(int64_t id, int limit) {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<TopicQuestion>> {
    LUISTER_RETURN_IF_ERROR(GetTopic(c, id).status());
    return Collect<TopicQuestion>(c, kCandidateQuestions, Params::Of(id, int64_t{limit}),
                                  QuestionOfRow);
  });
}

Result<std::vector<TopicQuestion>> SqlTopicRepository::QuestionsAfter(int64_t after, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicQuestion>(c, kQuestionsAfter, Params::Of(after, int64_t{limit}),
                                  [](const Row& r) {
                                    TopicQuestion q = QuestionOfRow(r);
                                    if (!r.IsNull(7)) q.current = TopicOfRow(r, 7);
                                    return q;
                                  });
  });
}

Result<int64_t> SqlTopicRepository::Watermark() { return kClassifyState.Watermark(db_); }

Result<bool> SqlTopicRepository::SaveClassified(const std::vector<ConversationTopic>& readings,
                                                const std::vector<Joined>& joined, int64_t from,
                                                int64_t to) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(bool mine, kClassifyState.Move(c, from, to));
    if (!mine) return false;
    LUISTER_RETURN_IF_ERROR(SaveReadings(c, kSaveReading, readings));
    for (const Joined& j : joined) {
      const NewCandidate::Member& q = j.question;
      LUISTER_ASSIGN_OR_RETURN(
          int64_t added, c.Execute(kJoinCandidate, Params::Of(q.conversation_id, q.message_id,
                                                              q.opened_at, q.conversation_id,
                                                              j.candidate_id, q.conversation_id)));
      if (added > 0)
        LUISTER_RETURN_IF_ERROR(c.Execute(kJoined, Params::Of(j.candidate_id)).status());
    }
    return true;
  });
}

Status SqlTopicRepository::Reclassify(const std::vector<ConversationTopic>& readings) {
  constexpr size_t kBatch = 1000;
  for (size_t start = 0; start < readings.size(); start += kBatch) {
    const std::vector<ConversationTopic> part(
        readings.begin() + static_cast<std::ptrdiff_t>(start),
        readings.begin() + static_cast<std::ptrdiff_t>(std::min(readings.size(), start + kBatch)));
    LUISTER_RETURN_IF_ERROR(
        db_.Write([&](Connection& c) { return SaveReadings(c, kReclassify, part); }));
  }
  return Status::Ok();
}

Result<std::optional<ConversationTopic>> SqlTopicRepository::OfConversation(
    int64_t conversation_id) {
  return db_.ReadOne([&](Connection& c) {
    return First<ConversationTopic>(c, kOfConversation, Params::Of(conversation_id),
                                    [](const Row& r) { return TopicOfRow(r, 0); });
  });
}

Result<std::optional<Topic>> SqlTopicRepository::CandidateOf(int64_t conversation_id) {
  return db_.ReadOne([&](Connection& c) {
    return First<Topic>(c, kCandidateOf, Params::Of(conversation_id), FromRow);
  });
}

Result<ConversationTopic> SqlTopicRepository::SetByPerson(int64_t conversation_id,
                                                          std::optional<int64_t> topic_id,
                                                          int64_t by, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<ConversationTopic> {
    struct Facts {
      Timestamp opened{};
      std::optional<int64_t> first_in, first;
    };
    LUISTER_ASSIGN_OR_RETURN(
        auto facts,
        First<Facts>(c, kConversationFacts, Params::Of(conversation_id), [](const Row& r) {
          return Facts{r.Time(0), r.OptInt(1), r.OptInt(2)};
        }));
    if (!facts) return NotFound("conversation " + std::to_string(conversation_id) + " not found");
    if (topic_id) {
      LUISTER_ASSIGN_OR_RETURN(Topic t, GetTopic(c, *topic_id));
      if (t.status != TopicStatus::kActive)
        return InvalidArgument("topic " + std::to_string(*topic_id) + " is " +
                               std::string(ToString(t.status)) +
                               "; a conversation gets an active topic");
    }
    LUISTER_ASSIGN_OR_RETURN(
        auto current, First<ConversationTopic>(c, kOfConversation, Params::Of(conversation_id),
                                               [](const Row& r) { return TopicOfRow(r, 0); }));
    std::optional<int64_t> message = current ? std::optional<int64_t>(current->message_id)
                                             : (facts->first_in ? facts->first_in : facts->first);
    if (!message)
      return InvalidArgument("conversation " + std::to_string(conversation_id) +
                             " has no message to learn from yet");
    LUISTER_RETURN_IF_ERROR(c.Execute(kSetByPerson, Params::Of(conversation_id, topic_id, by, at,
                                                               facts->opened, *message))
                                .status());
    LUISTER_RETURN_IF_ERROR(BumpLabels(c));
    return One<ConversationTopic>(c, kOfConversation, conversation_id, "conversation topic",
                                  [](const Row& r) { return TopicOfRow(r, 0); });
  });
}

Result<Page<TopicConversation>> SqlTopicRepository::Conversations(std::optional<int64_t> topic_id,
                                                                  Timestamp from, Timestamp to,
                                                                  const PageRequest& page) {
  return db_.ReadOne([&](Connection& c) -> Result<Page<TopicConversation>> {
    Params p;
    if (topic_id) p.Add(*topic_id);
    p.Add(from).Add(to);
    if (page.after) p.Add(page.after->key).Add(page.after->key).Add(page.after->id);
    p.Add(int64_t{page.limit + 1});
    const Sql& sql = topic_id ? (page.after ? kDrillTopicAfter : kDrillTopic)
                              : (page.after ? kDrillNoneAfter : kDrillNone);
    LUISTER_ASSIGN_OR_RETURN(
        auto rows, Collect<TopicConversation>(c, sql, p, [](const Row& r) {
          TopicConversation t;
          t.id = r.Int(0);
          t.customer_id = r.Int(1);
          t.subject = r.Text(2);
          t.channel = r.Text(3);
          t.status = r.Text(4);
          t.source = ParseTopicSource(r.Text(5)).value_or(TopicSource::kClassifier);
          t.confidence = r.Double(6);
          t.opened_at = r.Time(7);
          t.question = Utf8Prefix(QuestionText(t.channel, t.subject, r.Text(8)), 300);
          return t;
        }));
    return MakePage(std::move(rows), page.limit,
                    [](const TopicConversation& t) { return ToMillis(t.opened_at); });
  });
}

Result<std::vector<TopicLabel>> SqlTopicRepository::Labels(int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicLabel>(c, kLabels, Params::Of(int64_t{limit}), [](const Row& r) {
      return TopicLabel{r.Int(0), r.Int(1), QuestionText(r.Text(2), r.Text(3), r.Text(4))};
    });
  });
}

Result<std::string> SqlTopicRepository::LabelGeneration() {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(
        auto n, First<int64_t>(c, kLabelCount, {}, [](const Row& r) { return r.Int(0); }));
    return std::to_string(n.value_or(0));
  });
}

Result<std::vector<TopicQuestion>> SqlTopicRepository::ClassifierQuestions(Timestamp since,
                                                                           bool unplaced,
                                                                           int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicQuestion>(c, unplaced ? kUnplaced : kClassified,
                                  Params::Of(since, int64_t{limit}), QuestionOfRow);
  });
}

Result<TopicModel> SqlTopicRepository::SaveModel(const TopicModel& m, std::string_view blob,
                                                 const std::string& label_generation) {
  return db_.Write([&](Connection& c) -> Result<TopicModel> {
    const std::string kind = KindOf(m.candidates);
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id,
        Scalar(c, kInsertModel,
               Params::Of(m.created_at, m.created_by, m.examples, m.topics, m.accuracy, m.bytes,
                          m.threshold, kind, label_generation, Bytes{std::string(blob)})));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kDropOldModels, Params::Of(kind, kind, kModelsKept)).status());
    return One<TopicModel>(c, kModelById, id, "topic model", ModelOfRow);
  });
}

Result<std::optional<TopicModel>> SqlTopicRepository::LatestModel(bool candidates) {
  return db_.ReadOne([&](Connection& c) {
    return First<TopicModel>(c, kLatestModel, Params::Of(KindOf(candidates)), ModelOfRow);
  });
}

Result<std::string> SqlTopicRepository::ModelBlob(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return One<std::string>(c, kModelBlob, id, "topic model",
                            [](const Row& r) { return r.Blob(0); });
  });
}

Result<std::string> SqlTopicRepository::ModelLabelGeneration() {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(auto g, First<std::string>(c, kModelGeneration, {},
                                                        [](const Row& r) { return r.Text(0); }));
    return g.value_or("");
  });
}

Result<TopicCounts> SqlTopicRepository::Counts(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) -> Result<TopicCounts> {
    TopicCounts n;
    LUISTER_RETURN_IF_ERROR(c.Query(kCounts, Params::Of(from, to), [&](const Row& r) {
      n.labelled = r.Int(0);
      n.classified = r.Int(1);
      n.unclassified = r.Int(2);
    }));
    return n;
  });
}

Result<std::vector<TopicEffortRow>> SqlTopicRepository::Effort(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicEffortRow>(c, kEffort, Params::Of(from, to), [](const Row& r) {
      TopicEffortRow row;
      row.topic_id = r.OptInt(0);
      TopicEffort& e = row.effort;
      e.volume = r.Int(1);
      const auto n = static_cast<double>(e.volume);
      const auto resolved = static_cast<double>(r.Int(2));
      if (resolved > 0) {
        e.messages_to_resolve = static_cast<double>(r.Int(3)) / resolved;
        e.hours_to_resolve = static_cast<double>(r.Int(4)) / resolved / 3'600'000.0;
      }
      if (n > 0) {
        e.transfer_rate = static_cast<double>(r.Int(5)) / n;
        e.reopen_rate = static_cast<double>(r.Int(6)) / n;
        e.repeat_rate = static_cast<double>(r.Int(7)) / n;
        e.contacts_to_resolve = 1 + static_cast<double>(r.Int(8)) / n;
        e.complaint_rate = static_cast<double>(r.Int(9)) / n;
      }
      if (const int64_t timed = r.Int(10); timed > 0)
        e.handle_minutes = static_cast<double>(r.Int(11)) / static_cast<double>(timed) / 60'000.0;
      return row;
    });
  });
}

Result<std::vector<TopicWeekCount>> SqlTopicRepository::Weekly(int64_t from_week, int64_t to_week) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicWeekCount>(
        c, kWeekly, Params::Of(WeekStart(from_week), WeekStart(to_week + 1)), [](const Row& r) {
          return TopicWeekCount{r.OptInt(0), r.Int(1), r.Int(2)};
        });
  });
}

Result<bool> SqlTopicRepository::RecordAlert(const TopicAlert& a,
                                             const std::optional<NewJob>& then) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t n, c.Execute(kInsertAlert, Params::Of(a.topic_id, a.week, a.observed, a.expected,
                                                      a.owner_user_id, a.created_at)));
    if (n == 0) return false;
    if (then) LUISTER_RETURN_IF_ERROR(EnqueueJob(c, *then).status());
    return true;
  });
}

Result<std::vector<TopicAlert>> SqlTopicRepository::Alerts(Timestamp since, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<TopicAlert>(c, kAlerts, Params::Of(since, int64_t{limit}), [](const Row& r) {
      TopicAlert a;
      a.id = r.Int(0);
      a.topic_id = r.Int(1);
      a.week = r.Int(2);
      a.observed = r.Int(3);
      a.expected = r.Double(4);
      a.owner_user_id = r.OptInt(5);
      a.created_at = r.Time(6);
      return a;
    });
  });
}

Result<std::optional<int64_t>> SqlTopicRepository::JobId(std::string_view kind) {
  const WatermarkState* state = StateOf(kind);
  if (!state) return InvalidArgument("no topic job " + std::string(kind));
  return state->JobId(db_);
}

Result<bool> SqlTopicRepository::SetJob(std::string_view kind, std::optional<int64_t> expected,
                                        int64_t job_id) {
  const WatermarkState* state = StateOf(kind);
  if (!state) return InvalidArgument("no topic job " + std::string(kind));
  return state->SetJob(db_, expected, job_id);
}

}  // namespace luister::sql
