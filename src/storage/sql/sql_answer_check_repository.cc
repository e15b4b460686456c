#include "storage/sql/sql_answer_check_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/watermark_state.h"

namespace luister::sql {

namespace {

const WatermarkState kState("answer_check_state", "last_message_id");

// By the messages primary key; the question through messages_conversation.
const Sql kReplies(
    "SELECT m.id, m.conversation_id, m.customer_id, m.channel, m.author_user_id, m.created_at, "
    "m.body_text, "
    "m.body_html, m.answer_id, m.answer_number, m.answer_override, "
    "(SELECT q.body_text FROM messages q WHERE q.conversation_id = m.conversation_id AND "
    "q.direction = 'in' AND q.id < m.id ORDER BY q.created_at DESC, q.id DESC LIMIT 1) "
    "FROM messages m WHERE m.id > ? AND m.direction = 'out' AND NOT m.internal AND "
    "m.author_user_id IS NOT NULL ORDER BY m.id LIMIT ?");
const Sql kInsert(
    "INSERT INTO answer_checks (message_id, conversation_id, customer_id, channel, "
    "author_user_id, sent_at, answer_id, answer_number, used_library, overridden, contradiction, "
    "kind, published, written, published_sentence, written_sentence) VALUES (?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
// Through answer_checks_sent.
const Sql kTallies(
    "SELECT answer_id, channel, count(*), "
    "sum(CASE WHEN contradiction THEN 1 ELSE 0 END), "
    "sum(CASE WHEN used_library THEN 0 ELSE 1 END), "
    "sum(CASE WHEN overridden THEN 1 ELSE 0 END) "
    "FROM answer_checks WHERE sent_at >= ? AND sent_at < ? GROUP BY answer_id, channel "
    "ORDER BY answer_id, channel");
const Sql kDays(
    "SELECT channel, sent_at / 86400000, count(*), "
    "sum(CASE WHEN contradiction THEN 1 ELSE 0 END) "
    "FROM answer_checks WHERE sent_at >= ? AND sent_at < ? GROUP BY channel, sent_at / 86400000 "
    "ORDER BY 2, 1");

ReplyCheck CheckFromRow(const Row& r) {
  ReplyCheck c;
  c.message_id = r.Int(0);
  c.conversation_id = r.Int(1);
  c.customer_id = r.Int(2);
  c.channel = EnumFromText<Channel>(r.Text(3));
  c.author_user_id = r.OptInt(4);
  c.sent_at = r.Time(5);
  c.answer_id = r.Int(6);
  c.answer_number = static_cast<int>(r.Int(7));
  c.used_library = r.Bool(8);
  c.overridden = r.Bool(9);
  if (r.Bool(10)) {
    AnswerConflict k;
    k.kind = ParseConflictKind(r.OptText(11).value_or("")).value_or(ConflictKind::kAmount);
    k.published = r.Text(12);
    k.written = r.Text(13);
    k.published_sentence = r.Text(14);
    k.written_sentence = r.Text(15);
    c.conflict = std::move(k);
  }
  return c;
}

}  // namespace

Result<std::vector<ReplyToCheck>> SqlAnswerCheckRepository::RepliesAfter(int64_t after, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<ReplyToCheck>(c, kReplies, Params::Of(after, int64_t{limit}), [](const Row& r) {
      ReplyToCheck m;
      m.message_id = r.Int(0);
      m.conversation_id = r.Int(1);
      m.customer_id = r.Int(2);
      m.channel = EnumFromText<Channel>(r.Text(3));
      m.author_user_id = r.OptInt(4);
      m.sent_at = r.Time(5);
      m.text = r.Text(6);
      m.html = r.Text(7);
      m.answer_id = r.OptInt(8);
      if (auto n = r.OptInt(9)) m.answer_number = static_cast<int>(*n);
      m.override_reason = r.OptText(10).value_or("");
      m.question = r.OptText(11).value_or("");
      return m;
    });
  });
}

Result<int64_t> SqlAnswerCheckRepository::Watermark() { return kState.Watermark(db_); }

Result<bool> SqlAnswerCheckRepository::Save(const std::vector<ReplyCheck>& checks, int64_t from,
                                            int64_t to) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(bool mine, kState.Move(c, from, to));
    if (!mine) return false;
    for (const ReplyCheck& k : checks) {
      const AnswerConflict none;
      const AnswerConflict& f = k.conflict ? *k.conflict : none;
      LUISTER_RETURN_IF_ERROR(
          c.Execute(
               kInsert,
               Params::Of(k.message_id, k.conversation_id, k.customer_id,
                          std::string(ToString(k.channel)), k.author_user_id, k.sent_at,
                          k.answer_id, int64_t{k.answer_number}, k.used_library, k.overridden,
                          k.conflict.has_value(),
                          k.conflict ? std::optional<std::string>(ToString(f.kind)) : std::nullopt,
                          f.published, f.written, f.published_sentence, f.written_sentence))
              .status());
    }
    return true;
  });
}

Result<std::vector<CheckTally>> SqlAnswerCheckRepository::Tallies(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<CheckTally>(c, kTallies, Params::Of(from, to), [](const Row& r) {
      CheckTally t;
      t.answer_id = r.Int(0);
      t.channel = EnumFromText<Channel>(r.Text(1));
      t.checked = r.Int(2);
      t.contradictions = r.Int(3);
      t.without_library = r.Int(4);
      t.overridden = r.Int(5);
      return t;
    });
  });
}

Result<std::vector<CheckDay>> SqlAnswerCheckRepository::Days(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<CheckDay>(c, kDays, Params::Of(from, to), [](const Row& r) {
      CheckDay d;
      d.channel = EnumFromText<Channel>(r.Text(0));
      d.day = FromMillis(r.Int(1) * 86400000);
      d.checked = r.Int(2);
      d.contradictions = r.Int(3);
      return d;
    });
  });
}

Result<std::vector<ReplyCheck>> SqlAnswerCheckRepository::Conflicts(
    Timestamp from, Timestamp to, std::optional<int64_t> answer_id, std::optional<Channel> channel,
    int limit) {
  return db_.ReadOne([&](Connection& c) {
    QueryBuilder q(
        "SELECT message_id, conversation_id, customer_id, channel, author_user_id, sent_at, "
        "answer_id, answer_number, used_library, overridden, contradiction, kind, published, "
        "written, published_sentence, written_sentence FROM answer_checks WHERE contradiction");
    q.Add(" AND sent_at >= ?", from);
    q.Add(" AND sent_at < ?", to);
    if (answer_id) q.Add(" AND answer_id = ?", *answer_id);
    if (channel) q.Add(" AND channel = ?", std::string(ToString(*channel)));
    q.Add(" ORDER BY sent_at DESC, message_id DESC LIMIT ?", int64_t{limit});
    return Collect<ReplyCheck>(c, q.Build(), q.params(), CheckFromRow);
  });
}

Result<std::optional<int64_t>> SqlAnswerCheckRepository::JobId() { return kState.JobId(db_); }

Result<bool> SqlAnswerCheckRepository::SetJob(std::optional<int64_t> expected, int64_t job_id) {
  return kState.SetJob(db_, expected, job_id);
}

}  // namespace luister::sql
