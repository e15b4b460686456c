#include "storage/sql/sql_call_repository.h"

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "id, external_id, direction, customer_number, desk_number, line, customer_id, "
    "conversation_id, queue_id, started_at, answered_at, ended_at, wait_seconds, ivr_path, "
    "outcome, agent_id, agent_ref, recording_url, notes, logged_by, callback, "
    "callback_closed_at, callback_closed_by, created_at";
const Sql kInsert(
    "INSERT INTO phone_calls (external_id, direction, customer_number, desk_number, line, "
    "customer_id, conversation_id, queue_id, started_at, answered_at, ended_at, wait_seconds, "
    "ivr_path, outcome, agent_id, agent_ref, recording_url, notes, logged_by, callback, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM phone_calls WHERE id = ?");
const Sql kSelectExternal(std::string("SELECT ") + kColumns +
                          " FROM phone_calls WHERE external_id = ?");
// An answered call settles the callbacks its number was owed until then.
const Sql kCloseByCall(
    "UPDATE phone_calls SET callback = 'done', callback_closed_at = ? "
    "WHERE callback = 'open' AND customer_number = ? AND started_at <= ? AND id <> ?");
const Sql kClose(
    "UPDATE phone_calls SET callback = 'done', callback_closed_at = ?, callback_closed_by = ? "
    "WHERE callback = 'open' AND customer_number = ?");
const Sql kCountOpen(
    "SELECT count(DISTINCT customer_number) FROM phone_calls WHERE callback = 'open'");
// One row per number owed a call back; the page's key is its first open
// attempt. The last attempt's details and the customer come from that row.
constexpr char kCallbackGroups[] =
    "SELECT g.customer_number, g.attempts, g.first_at, g.last_at, g.longest_wait, g.first_id, "
    "p.id, p.outcome, p.line, p.customer_id, c.name FROM ("
    "SELECT customer_number, count(*) AS attempts, min(started_at) AS first_at, "
    "max(started_at) AS last_at, max(wait_seconds) AS longest_wait, min(id) AS first_id, "
    "max(id) AS last_id FROM phone_calls WHERE callback = 'open' GROUP BY customer_number"
    ") g JOIN phone_calls p ON p.id = g.last_id LEFT JOIN customers c ON c.id = p.customer_id "
    "WHERE TRUE";

PhoneCall FromRow(const Row& r) {
  PhoneCall call;
  call.id = r.Int(0);
  call.external_id = r.OptText(1);
  call.direction = Parse<Direction>(r.Text(2)).value_or(Direction::kIn);
  call.customer_number = r.Text(3);
  call.desk_number = r.Text(4);
  call.line = r.Text(5);
  call.customer_id = r.OptInt(6);
  call.conversation_id = r.OptInt(7);
  call.queue_id = r.OptInt(8);
  call.started_at = r.Time(9);
  call.answered_at = r.OptTime(10);
  call.ended_at = r.OptTime(11);
  call.wait_seconds = r.Int(12);
  call.ivr_path = r.Text(13);
  call.outcome = Parse<CallOutcome>(r.Text(14)).value_or(CallOutcome::kAnswered);
  call.agent_id = r.OptInt(15);
  call.agent_ref = r.Text(16);
  call.recording_url = r.Text(17);
  call.notes = r.Text(18);
  call.logged_by = r.OptInt(19);
  call.callback = ParseCallbackState(r.Text(20)).value_or(CallbackState::kNone);
  call.callback_closed_at = r.OptTime(21);
  call.callback_closed_by = r.OptInt(22);
  call.created_at = r.Time(23);
  return call;
}

CallbackItem CallbackFromRow(const Row& r) {
  CallbackItem item;
  item.customer_number = r.Text(0);
  item.attempts = r.Int(1);
  item.first_at = r.Time(2);
  item.last_at = r.Time(3);
  item.longest_wait_seconds = r.Int(4);
  item.id = r.Int(5);
  item.last_call_id = r.Int(6);
  item.last_outcome = Parse<CallOutcome>(r.Text(7)).value_or(CallOutcome::kAbandoned);
  item.last_line = r.Text(8);
  item.customer_id = r.OptInt(9);
  if (auto name = r.OptText(10)) item.customer_name = *name;
  return item;
}

Result<std::optional<PhoneCall>> FindExternal(Connection& c, const std::string& external_id) {
  return First<PhoneCall>(c, kSelectExternal, Params::Of(external_id), FromRow);
}

}  // namespace

Result<RecordedCall> SqlCallRepository::Record(const PhoneCall& call) {
  auto recorded = db_.Write([&](Connection& c) -> Result<RecordedCall> {
    RecordedCall out;
    if (call.external_id) {
      LUISTER_ASSIGN_OR_RETURN(auto seen, FindExternal(c, *call.external_id));
      if (seen) {
        out.call = std::move(*seen);
        return out;
      }
    }
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id,
        Scalar(c, kInsert,
               Params::Of(call.external_id, ToString(call.direction), call.customer_number,
                          call.desk_number, call.line, call.customer_id, call.conversation_id,
                          call.queue_id, call.started_at, call.answered_at, call.ended_at,
                          call.wait_seconds, call.ivr_path, ToString(call.outcome), call.agent_id,
                          call.agent_ref, call.recording_url, call.notes, call.logged_by,
                          ToString(call.callback), call.created_at)));
    LUISTER_ASSIGN_OR_RETURN(out.call, One<PhoneCall>(c, kSelect, id, "call", FromRow));
    out.created = true;
    if (call.outcome == CallOutcome::kAnswered && !call.customer_number.empty()) {
      LUISTER_ASSIGN_OR_RETURN(
          out.callbacks_closed,
          c.Execute(kCloseByCall,
                    Params::Of(call.created_at, call.customer_number, call.started_at, id)));
    }
    if (out.call.customer_id) LUISTER_RETURN_IF_ERROR(InsertActivity(c, CallActivity(out.call)));
    return out;
  });
  // Two deliveries of one report raced (two nodes): the other one stored it.
  if (!recorded.ok() && recorded.status().code() == StatusCode::kConflict && call.external_id) {
    auto seen = db_.ReadOne([&](Connection& c) { return FindExternal(c, *call.external_id); });
    if (seen.ok() && *seen) return RecordedCall{std::move(**seen), false, 0};
  }
  return recorded;
}

Result<PhoneCall> SqlCallRepository::Get(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<PhoneCall>(c, kSelect, id, "call", FromRow); });
}

Result<Page<PhoneCall>> SqlCallRepository::ListForCustomer(int64_t customer_id,
                                                           const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<PhoneCall>> {
    QueryBuilder q(std::string("SELECT ") + kColumns + " FROM phone_calls WHERE TRUE");
    q.Add(" AND customer_id = ?", customer_id);
    if (p.after)
      q.Add(" AND (started_at < ? OR (started_at = ? AND id < ?))", p.after->key, p.after->key,
            p.after->id);
    q.Add(" ORDER BY started_at DESC, id DESC LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<PhoneCall>(c, q.Build(), q.params(), FromRow));
    return MakePage(std::move(rows), p.limit,
                    [](const PhoneCall& call) { return ToMillis(call.started_at); });
  });
}

Result<Page<CallbackItem>> SqlCallRepository::ListCallbacks(const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<CallbackItem>> {
    QueryBuilder q(kCallbackGroups);
    if (p.after)
      q.Add(" AND (g.first_at > ? OR (g.first_at = ? AND g.first_id > ?))", p.after->key,
            p.after->key, p.after->id);
    q.Add(" ORDER BY g.first_at, g.first_id LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows,
                             Collect<CallbackItem>(c, q.Build(), q.params(), CallbackFromRow));
    return MakePage(std::move(rows), p.limit,
                    [](const CallbackItem& item) { return ToMillis(item.first_at); });
  });
}

Result<int64_t> SqlCallRepository::CloseCallbacks(const std::string& customer_number,
                                                  std::optional<int64_t> by_user_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(int64_t closed,
                             c.Execute(kClose, Params::Of(at, by_user_id, customer_number)));
    if (closed == 0) return NotFound("no call back is open for " + customer_number);
    return closed;
  });
}

Result<int64_t> SqlCallRepository::CountOpenCallbacks() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountOpen); });
}

}  // namespace luister::sql
