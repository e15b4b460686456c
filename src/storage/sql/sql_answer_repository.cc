#include "storage/sql/sql_answer_repository.h"

#include <cctype>
#include <map>

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/sql_job_repository.h"

namespace luister::sql {

namespace {

// The answer with its live version's number and its newest version.
constexpr char kColumns[] =
    "a.id, a.topic, a.owner_user_id, a.review_by, a.retired_at, a.created_by, a.created_at, "
    "a.updated_at, a.version, "
    "(SELECT max(v.number) FROM answer_versions v WHERE v.answer_id = a.id AND "
    "v.state = 'published'), "
    "(SELECT v.number FROM answer_versions v WHERE v.answer_id = a.id ORDER BY v.number DESC "
    "LIMIT 1), "
    "(SELECT v.state FROM answer_versions v WHERE v.answer_id = a.id ORDER BY v.number DESC "
    "LIMIT 1)";
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM answers a WHERE a.id = ?");
const Sql kInsert(
    "INSERT INTO answers (topic, owner_user_id, review_by, retired_at, created_by, created_at, "
    "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
// Compare-and-set on the version.
const Sql kUpdate(
    "UPDATE answers SET topic = ?, owner_user_id = ?, review_by = ?, retired_at = ?, "
    "updated_at = ?, version = ? WHERE id = ? AND version = ?");
constexpr char kVersionColumns[] =
    "id, answer_id, number, state, title_nl, body_nl, title_en, body_en, change_note, material, "
    "created_by, created_at, updated_at, reviewed_by, published_at";
const Sql kInsertVersion(
    "INSERT INTO answer_versions (answer_id, number, state, title_nl, body_nl, title_en, "
    "body_en, change_note, material, created_by, created_at, updated_at, reviewed_by, "
    "published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const Sql kUpdateVersion(
    "UPDATE answer_versions SET state = ?, title_nl = ?, body_nl = ?, title_en = ?, body_en = ?, "
    "change_note = ?, material = ?, updated_at = ?, reviewed_by = ?, published_at = ? "
    "WHERE id = ? AND answer_id = ?");
const Sql kVersions(std::string("SELECT ") + kVersionColumns +
                    " FROM answer_versions WHERE answer_id = ? ORDER BY number");
const Sql kQuestions(
    "SELECT id, answer_id, text, created_by, created_at FROM answer_questions "
    "WHERE answer_id = ? ORDER BY id");
const Sql kInsertQuestion(
    "INSERT INTO answer_questions (answer_id, text, created_by, created_at) VALUES (?, ?, ?, ?) "
    "RETURNING id");
const Sql kDeleteQuestion("DELETE FROM answer_questions WHERE id = ? AND answer_id = ?");
const Sql kTouch("UPDATE answers SET updated_at = ? WHERE id = ?");
const Sql kLibrary(
    "SELECT a.id, v.number, a.topic, v.title_nl, v.body_nl, v.title_en, v.body_en FROM answers a "
    "JOIN answer_versions v ON v.answer_id = a.id AND v.state = 'published' "
    "WHERE a.retired_at IS NULL ORDER BY a.id");
const Sql kLibraryQuestions(
    "SELECT q.answer_id, q.text FROM answer_questions q JOIN answers a ON a.id = q.answer_id "
    "WHERE a.retired_at IS NULL ORDER BY q.answer_id, q.id");
// Through answers_review (review_by, id).
const Sql kDueForReview(std::string("SELECT ") + kColumns +
                        " FROM answers a WHERE a.review_by < ? AND a.retired_at IS NULL AND "
                        "(a.review_reminded_at IS NULL OR a.review_reminded_at < a.review_by) "
                        "ORDER BY a.review_by, a.id LIMIT ?");
const Sql kMarkReviewReminded(
    "UPDATE answers SET review_reminded_at = ? WHERE id = ? AND "
    "(review_reminded_at IS NULL OR review_reminded_at < review_by)");
const Sql kCountStale("SELECT count(*) FROM answers WHERE review_by < ? AND retired_at IS NULL");
const Sql kReviewJob("SELECT job_id FROM answer_review_job WHERE singleton = 1");
const Sql kFirstReviewJob(
    "INSERT INTO answer_review_job (singleton, job_id) VALUES (1, ?) ON CONFLICT DO NOTHING");
const Sql kNextReviewJob(
    "UPDATE answer_review_job SET job_id = ? WHERE singleton = 1 AND job_id = ?");
// Every change to an answer bumps its version, so the sum moves on each one
// (the last change's time may not: two in one millisecond, or a clock set
// back); a question added raises the highest id, one removed the count.
const Sql kGeneration(
    "SELECT count(*), COALESCE(sum(version), 0), (SELECT count(*) FROM answer_questions), "
    "(SELECT COALESCE(max(id), 0) FROM answer_questions) FROM answers");
const Sql kAddGap(
    "INSERT INTO answer_gaps (source, text, language, conversation_id, message_id, at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
// Through answer_gaps_at.
const Sql kGaps(
    "SELECT id, source, text, language, conversation_id, message_id, at FROM answer_gaps "
    "WHERE at >= ? ORDER BY at DESC, id DESC LIMIT ?");

// "Retour" finds "retour", "Retourlabel": lower case, LIKE's wildcards
// escaped, a wildcard at the end.
std::string TopicPrefix(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  }
  return out + "%";
}

Answer FromRow(const Row& r) {
  Answer a;
  a.id = r.Int(0);
  a.topic = r.Text(1);
  a.owner_user_id = r.OptInt(2);
  a.review_by = r.OptTime(3);
  a.retired_at = r.OptTime(4);
  a.created_by = r.OptInt(5);
  a.created_at = r.Time(6);
  a.updated_at = r.Time(7);
  a.version = r.Int(8);
  if (auto n = r.OptInt(9)) a.published_number = static_cast<int>(*n);
  a.latest_number = static_cast<int>(r.OptInt(10).value_or(1));
  a.latest_state = ParseAnswerState(r.OptText(11).value_or("draft")).value_or(AnswerState::kDraft);
  return a;
}

AnswerVersion VersionFromRow(const Row& r) {
  AnswerVersion v;
  v.id = r.Int(0);
  v.answer_id = r.Int(1);
  v.number = static_cast<int>(r.Int(2));
  v.state = ParseAnswerState(r.Text(3)).value_or(AnswerState::kDraft);
  v.nl = {r.Text(4), r.Text(5)};
  v.en = {r.Text(6), r.Text(7)};
  v.change_note = r.Text(8);
  v.material = r.Bool(9);
  v.created_by = r.OptInt(10);
  v.created_at = r.Time(11);
  v.updated_at = r.Time(12);
  v.reviewed_by = r.OptInt(13);
  v.published_at = r.OptTime(14);
  return v;
}

Status InsertVersion(Connection& c, int64_t answer_id, const AnswerVersion& v) {
  return c
      .Execute(kInsertVersion,
               Params::Of(answer_id, int64_t{v.number}, std::string(ToString(v.state)), v.nl.title,
                          v.nl.body, v.en.title, v.en.body, v.change_note, v.material, v.created_by,
                          v.created_at, v.updated_at, v.reviewed_by, v.published_at))
      .status();
}

}  // namespace

Result<Answer> SqlAnswerRepository::Create(const Answer& a, const AnswerVersion& first) {
  return db_.Write([&](Connection& c) -> Result<Answer> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id, Scalar(c, kInsert,
                           Params::Of(a.topic, a.owner_user_id, a.review_by, a.retired_at,
                                      a.created_by, a.created_at, a.updated_at, a.version)));
    LUISTER_RETURN_IF_ERROR(InsertVersion(c, id, first));
    return One<Answer>(c, kSelect, id, "answer", FromRow);
  });
}

Result<Answer> SqlAnswerRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return One<Answer>(c, kSelect, id, "answer", FromRow); });
}

Result<std::vector<AnswerVersion>> SqlAnswerRepository::Versions(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<AnswerVersion>(c, kVersions, Params::Of(id), VersionFromRow);
  });
}

Result<Page<Answer>> SqlAnswerRepository::List(const AnswerFilter& f, const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<Answer>> {
    QueryBuilder q(std::string("SELECT ") + kColumns + " FROM answers a WHERE TRUE");
    auto has = [](const char* state) {
      return std::string(
                 " AND EXISTS (SELECT 1 FROM answer_versions v WHERE v.answer_id = a.id AND "
                 "v.state = '") +
             state + "')";
    };
    switch (f.state) {
      case AnswerListState::kAll:
        break;
      case AnswerListState::kPublished:
        q.Add(has("published") + " AND a.retired_at IS NULL");
        break;
      case AnswerListState::kDraft:
        q.Add(has("draft"));
        break;
      case AnswerListState::kInReview:
        q.Add(has("in_review"));
        break;
      case AnswerListState::kStale:
        q.Add(" AND a.retired_at IS NULL AND a.review_by < ?", f.now);
        break;
      case AnswerListState::kRetired:
        q.Add(" AND a.retired_at IS NOT NULL");
        break;
    }
    if (f.topic) q.Add(" AND lower(a.topic) LIKE ? ESCAPE '\\'", TopicPrefix(*f.topic));
    if (f.owner_user_id) q.Add(" AND a.owner_user_id = ?", *f.owner_user_id);
    if (p.after) q.Add(" AND a.id > ?", p.after->id);
    q.Add(" ORDER BY a.id LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<Answer>(c, q.Build(), q.params(), FromRow));
    return MakePage(std::move(rows), p.limit, [](const Answer& a) { return a.id; });
  });
}

Result<Answer> SqlAnswerRepository::Update(const Answer& n,
                                           const std::vector<AnswerVersion>& versions) {
  return db_.Write([&](Connection& c) -> Result<Answer> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t changed,
        c.Execute(kUpdate, Params::Of(n.topic, n.owner_user_id, n.review_by, n.retired_at,
                                      n.updated_at, n.version, n.id, n.version - 1)));
    if (changed == 0) {
      LUISTER_RETURN_IF_ERROR(One<Answer>(c, kSelect, n.id, "answer", FromRow).status());
      return Conflict("the answer was changed meanwhile");
    }
    for (const AnswerVersion& v : versions) {
      if (v.id == 0) {
        LUISTER_RETURN_IF_ERROR(InsertVersion(c, n.id, v));
        continue;
      }
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kUpdateVersion,
                    Params::Of(std::string(ToString(v.state)), v.nl.title, v.nl.body, v.en.title,
                               v.en.body, v.change_note, v.material, v.updated_at, v.reviewed_by,
                               v.published_at, v.id, n.id))
              .status());
    }
    return One<Answer>(c, kSelect, n.id, "answer", FromRow);
  });
}

Result<std::vector<AnswerQuestion>> SqlAnswerRepository::Questions(int64_t answer_id) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<AnswerQuestion>(c, kQuestions, Params::Of(answer_id), [](const Row& r) {
      return AnswerQuestion{r.Int(0), r.Int(1), r.Text(2), r.OptInt(3), r.Time(4)};
    });
  });
}

Result<AnswerQuestion> SqlAnswerRepository::AddQuestion(const AnswerQuestion& q) {
  return db_.Write([&](Connection& c) -> Result<AnswerQuestion> {
    LUISTER_ASSIGN_OR_RETURN(int64_t touched,
                             c.Execute(kTouch, Params::Of(q.created_at, q.answer_id)));
    if (touched == 0) return NotFound("no such answer");
    AnswerQuestion out = q;
    LUISTER_ASSIGN_OR_RETURN(
        out.id,
        Scalar(c, kInsertQuestion, Params::Of(q.answer_id, q.text, q.created_by, q.created_at)));
    return out;
  });
}

Status SqlAnswerRepository::RemoveQuestion(int64_t answer_id, int64_t question_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             c.Execute(kDeleteQuestion, Params::Of(question_id, answer_id)));
    if (n == 0) return NotFound("no such question of this answer");
    return c.Execute(kTouch, Params::Of(at, answer_id)).status();
  });
}

Result<std::vector<LibraryAnswer>> SqlAnswerRepository::Library() {
  return db_.Read([&](Connection& c) -> Result<std::vector<LibraryAnswer>> {
    LUISTER_ASSIGN_OR_RETURN(auto out, Collect<LibraryAnswer>(c, kLibrary, {}, [](const Row& r) {
                               LibraryAnswer a;
                               a.answer_id = r.Int(0);
                               a.number = static_cast<int>(r.Int(1));
                               a.topic = r.Text(2);
                               a.nl = {r.Text(3), r.Text(4)};
                               a.en = {r.Text(5), r.Text(6)};
                               return a;
                             }));
    std::map<int64_t, LibraryAnswer*> by_id;
    for (LibraryAnswer& a : out) by_id[a.answer_id] = &a;
    using Asked = std::pair<int64_t, std::string>;
    LUISTER_ASSIGN_OR_RETURN(
        auto questions, Collect<Asked>(c, kLibraryQuestions, {},
                                       [](const Row& r) { return Asked(r.Int(0), r.Text(1)); }));
    for (auto& [id, text] : questions)
      if (auto it = by_id.find(id); it != by_id.end())
        it->second->questions.push_back(std::move(text));
    return out;
  });
}

Result<Page<AnswerUseRecord>> SqlAnswerRepository::Told(int64_t id, int below, bool uncorrected,
                                                        const PageRequest& p) {
  return db_.ReadOne([&](Connection& c) -> Result<Page<AnswerUseRecord>> {
    // Corrected: a later reply in the conversation used `below` or newer
    // (messages_answer serves both the list and the probe).
    const std::string corrected =
        "EXISTS (SELECT 1 FROM messages l WHERE l.answer_id = m.answer_id AND l.answer_number >= ? "
        "AND l.id > m.id AND l.conversation_id = m.conversation_id)";
    QueryBuilder q(
        "SELECT id, conversation_id, customer_id, channel, answer_number, author_user_id, "
        "created_at, ");
    q.Add(corrected, int64_t{below});
    q.Add(" FROM messages m WHERE TRUE");
    q.Add(" AND answer_id = ?", id);
    q.Add(" AND answer_number < ?", int64_t{below});
    if (uncorrected) {
      q.Add(" AND NOT ");
      q.Add(corrected, int64_t{below});
    }
    if (p.after) q.Add(" AND id > ?", p.after->id);
    q.Add(" ORDER BY id LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows,
                             Collect<AnswerUseRecord>(c, q.Build(), q.params(), [](const Row& r) {
                               AnswerUseRecord u;
                               u.id = r.Int(0);
                               u.conversation_id = r.Int(1);
                               u.customer_id = r.Int(2);
                               u.channel = EnumFromText<Channel>(r.Text(3));
                               u.number = static_cast<int>(r.Int(4));
                               u.author_user_id = r.OptInt(5);
                               u.at = r.Time(6);
                               u.corrected = r.Bool(7);
                               return u;
                             }));
    return MakePage(std::move(rows), p.limit, [](const AnswerUseRecord& u) { return u.id; });
  });
}

Result<std::vector<Answer>> SqlAnswerRepository::DueForReview(Timestamp now, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<Answer>(c, kDueForReview, Params::Of(now, static_cast<int64_t>(limit)), FromRow);
  });
}

Result<bool> SqlAnswerRepository::MarkReviewReminded(int64_t id, Timestamp at,
                                                     const std::optional<NewJob>& then) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(kMarkReviewReminded, Params::Of(at, id)));
    if (n == 1 && then) LUISTER_RETURN_IF_ERROR(EnqueueJob(c, *then).status());
    return n == 1;
  });
}

Result<int64_t> SqlAnswerRepository::CountStale(Timestamp now) {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountStale, Params::Of(now)); });
}

Result<bool> SqlAnswerRepository::AddGap(const AnswerGap& g) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             c.Execute(kAddGap, Params::Of(std::string(ToString(g.source)), g.text,
                                                           std::string(ToString(g.language)),
                                                           g.conversation_id, g.message_id, g.at)));
    return n > 0;
  });
}

Result<std::vector<AnswerGap>> SqlAnswerRepository::Gaps(Timestamp since, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<AnswerGap>(c, kGaps, Params::Of(since, int64_t{limit}), [](const Row& r) {
      AnswerGap g;
      g.id = r.Int(0);
      g.source = r.Text(1) == "message" ? AnswerGapSource::kMessage : AnswerGapSource::kAssistant;
      g.text = r.Text(2);
      g.language = Parse<Language>(r.Text(3)).value_or(Language::kNl);
      g.conversation_id = r.OptInt(4);
      g.message_id = r.OptInt(5);
      g.at = r.Time(6);
      return g;
    });
  });
}

Result<std::optional<int64_t>> SqlAnswerRepository::ReviewJobId() {
  return db_.ReadOne([&](Connection& c) {
    return First<int64_t>(c, kReviewJob, Params(), [](const Row& r) { return r.Int(0); });
  });
}

Result<bool> SqlAnswerRepository::SetReviewJob(std::optional<int64_t> expected, int64_t job_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             expected ? c.Execute(kNextReviewJob, Params::Of(job_id, *expected))
                                      : c.Execute(kFirstReviewJob, Params::Of(job_id)));
    return n == 1;
  });
}

Result<std::string> SqlAnswerRepository::Generation() {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(auto row, First<std::string>(c, kGeneration, {}, [](const Row& r) {
                               return std::to_string(r.Int(0)) + ":" + std::to_string(r.Int(1)) +
                                      ":" + std::to_string(r.Int(2)) + ":" +
                                      std::to_string(r.Int(3));
                             }));
    return row.value_or("0:0:0");
  });
}

}  // namespace luister::sql
