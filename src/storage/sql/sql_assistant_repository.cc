#include "storage/sql/sql_assistant_repository.h"

#include <algorithm>

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kSessionColumns[] =
    "id, widget_id, token_hash, language, started_at, handover_reason, handed_over_at, "
    "conversation_id";
const Sql kInsertSession(
    "INSERT INTO assistant_sessions (widget_id, token_hash, language, started_at) "
    "VALUES (?, ?, ?, ?) RETURNING id");
const Sql kSessionByToken(std::string("SELECT ") + kSessionColumns +
                          " FROM assistant_sessions WHERE token_hash = ?");
const Sql kInsertTurn(
    "INSERT INTO assistant_turns (session_id, at, question, language, outcome, answer_id, "
    "answer_number, topic, score, handover, helped) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
    "RETURNING id");
const Sql kTurns(
    "SELECT id, session_id, at, question, language, outcome, answer_id, answer_number, topic, "
    "score, handover, helped FROM assistant_turns WHERE session_id = ? ORDER BY id");
const Sql kSetHelped(
    "UPDATE assistant_turns SET helped = ? WHERE id = ? AND session_id = ? AND "
    "outcome = 'answered'");
// Until it reaches a person: the reason the hand-over will give.
const Sql kSetReason(
    "UPDATE assistant_sessions SET handover_reason = ? WHERE id = ? AND handed_over_at IS NULL");
const Sql kHandedOver(
    "UPDATE assistant_sessions SET handed_over_at = ?, conversation_id = ?, handover_reason = ? "
    "WHERE id = ? AND handed_over_at IS NULL");

// The measures; each through the `at`/`started_at` indexes.
const Sql kSessions(
    "SELECT count(*) FROM assistant_sessions WHERE started_at >= ? AND started_at < ?");
const Sql kReasons(
    "SELECT handover_reason, count(*) FROM assistant_sessions WHERE handed_over_at >= ? AND "
    "handed_over_at < ? GROUP BY handover_reason");
const Sql kOutcomes(
    "SELECT outcome, count(*) FROM assistant_turns WHERE at >= ? AND at < ? GROUP BY outcome");
const Sql kPerAnswer(
    "SELECT answer_id, min(topic), count(*), sum(CASE WHEN helped THEN 1 ELSE 0 END), "
    "sum(CASE WHEN NOT helped THEN 1 ELSE 0 END) FROM assistant_turns WHERE at >= ? AND at < ? "
    "AND answer_id IS NOT NULL GROUP BY answer_id ORDER BY count(*) DESC, answer_id LIMIT 100");
// Resolved: not marked unhelpful, no question on the same topic in the
// session and no hand-over within 7 days after.
const Sql kResolved(
    "SELECT count(*), COALESCE(sum(CASE WHEN (t.helped IS NULL OR t.helped) AND NOT EXISTS "
    "(SELECT 1 FROM assistant_turns l WHERE l.session_id = t.session_id AND l.topic = t.topic "
    "AND l.id > t.id AND l.at < t.at + ?) AND (s.handed_over_at IS NULL OR s.handed_over_at < "
    "t.at OR s.handed_over_at >= t.at + ?) THEN 1 ELSE 0 END), 0) FROM assistant_turns t JOIN "
    "assistant_sessions s ON s.id = t.session_id WHERE t.at >= ? AND t.at < ? AND "
    "t.outcome = 'answered'");

AssistantSession SessionFromRow(const Row& r) {
  AssistantSession s;
  s.id = r.Int(0);
  s.widget_id = r.Int(1);
  s.token_hash = r.Text(2);
  s.language = Parse<Language>(r.Text(3)).value_or(Language::kNl);
  s.started_at = r.Time(4);
  if (auto reason = r.OptText(5)) s.handover_reason = ParseHandoverReason(*reason);
  s.handed_over_at = r.OptTime(6);
  s.conversation_id = r.OptInt(7);
  return s;
}

AssistantTurn TurnFromRow(const Row& r) {
  AssistantTurn t;
  t.id = r.Int(0);
  t.session_id = r.Int(1);
  t.at = r.Time(2);
  t.question = r.Text(3);
  t.language = Parse<Language>(r.Text(4)).value_or(Language::kNl);
  t.outcome = ParseAssistantOutcome(r.Text(5)).value_or(AssistantOutcome::kNoMatch);
  t.answer_id = r.OptInt(6);
  t.answer_number = static_cast<int>(r.OptInt(7).value_or(0));
  t.topic = r.Text(8);
  t.score = r.Double(9);
  if (auto h = r.OptText(10)) t.handover = ParseHandoverReason(*h);
  if (!r.IsNull(11)) t.helped = r.Bool(11);
  return t;
}

std::optional<std::string> ReasonText(const std::optional<HandoverReason>& r) {
  if (!r) return std::nullopt;
  return std::string(ToString(*r));
}

}  // namespace

Result<AssistantSession> SqlAssistantRepository::CreateSession(const AssistantSession& s) {
  return db_.Write([&](Connection& c) -> Result<AssistantSession> {
    AssistantSession out = s;
    LUISTER_ASSIGN_OR_RETURN(
        out.id, Scalar(c, kInsertSession,
                       Params::Of(s.widget_id, s.token_hash, std::string(ToString(s.language)),
                                  s.started_at)));
    return out;
  });
}

Result<AssistantSession> SqlAssistantRepository::SessionByToken(std::string_view token_hash) {
  return db_.ReadOne([&](Connection& c) -> Result<AssistantSession> {
    LUISTER_ASSIGN_OR_RETURN(
        auto found, First<AssistantSession>(c, kSessionByToken, Params::Of(std::string(token_hash)),
                                            SessionFromRow));
    if (!found) return NotFound("no such assistant session");
    return std::move(*found);
  });
}

Result<AssistantTurn> SqlAssistantRepository::AddTurn(const AssistantTurn& t) {
  return db_.Write([&](Connection& c) -> Result<AssistantTurn> {
    AssistantTurn out = t;
    std::optional<int64_t> number;
    if (t.answer_id) number = t.answer_number;
    LUISTER_ASSIGN_OR_RETURN(
        out.id, Scalar(c, kInsertTurn,
                       Params::Of(t.session_id, t.at, t.question, std::string(ToString(t.language)),
                                  std::string(ToString(t.outcome)), t.answer_id, number, t.topic,
                                  t.score, ReasonText(t.handover))));
    if (t.handover)
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kSetReason, Params::Of(*ReasonText(t.handover), t.session_id)).status());
    return out;
  });
}

Result<std::vector<AssistantTurn>> SqlAssistantRepository::Turns(int64_t session_id) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<AssistantTurn>(c, kTurns, Params::Of(session_id), TurnFromRow);
  });
}

Status SqlAssistantRepository::SetHelped(int64_t session_id, int64_t turn_id, bool helped) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             c.Execute(kSetHelped, Params::Of(helped, turn_id, session_id)));
    if (n == 0) return NotFound("no answer " + std::to_string(turn_id) + " in this session");
    return Status::Ok();
  });
}

Status SqlAssistantRepository::SetHandoverReason(int64_t session_id, HandoverReason reason) {
  return db_.Write([&](Connection& c) -> Status {
    return c.Execute(kSetReason, Params::Of(std::string(ToString(reason)), session_id)).status();
  });
}

Result<bool> SqlAssistantRepository::MarkHandedOver(int64_t session_id, int64_t conversation_id,
                                                    HandoverReason reason, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t n, c.Execute(kHandedOver, Params::Of(at, conversation_id,
                                                     std::string(ToString(reason)), session_id)));
    return n > 0;
  });
}

Result<AssistantStats> SqlAssistantRepository::Stats(Timestamp from, Timestamp to,
                                                     Timestamp settled_before) {
  return db_.Read([&](Connection& c) -> Result<AssistantStats> {
    AssistantStats out;
    LUISTER_ASSIGN_OR_RETURN(out.sessions, Scalar(c, kSessions, Params::Of(from, to)));
    LUISTER_RETURN_IF_ERROR(c.Query(kReasons, Params::Of(from, to), [&](const Row& r) {
      const auto reason = ParseHandoverReason(r.OptText(0).value_or(""));
      out.handed_over += r.Int(1);
      if (reason) out.handover_reasons.emplace_back(*reason, r.Int(1));
    }));
    LUISTER_RETURN_IF_ERROR(c.Query(kOutcomes, Params::Of(from, to), [&](const Row& r) {
      const auto outcome = ParseAssistantOutcome(r.Text(0));
      out.turns += r.Int(1);
      if (outcome == AssistantOutcome::kAnswered) out.answered += r.Int(1);
      if (outcome == AssistantOutcome::kNoMatch) out.no_match += r.Int(1);
    }));
    LUISTER_RETURN_IF_ERROR(c.Query(kPerAnswer, Params::Of(from, to), [&](const Row& r) {
      out.answers.push_back({r.Int(0), r.Text(1), r.Int(2), r.Int(3), r.Int(4)});
    }));
    const int64_t week =
        std::chrono::duration_cast<std::chrono::milliseconds>(kRepeatContactWindow).count();
    const Timestamp until = std::min(to, settled_before);
    if (from < until) {
      LUISTER_RETURN_IF_ERROR(
          c.Query(kResolved, Params::Of(week, week, from, until), [&](const Row& r) {
            out.settled = r.Int(0);
            out.resolved = r.Int(1);
          }));
    }
    return out;
  });
}

}  // namespace luister::sql
