#include "storage/sql/sql_promise_repository.h"

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"
#include "storage/sql/sql_job_repository.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "id, customer_id, conversation_id, message_id, by_party, kind, what, due_start, due_end, "
    "original_due_end, renegotiations, channel, owner_user_id, owner_department_id, status, "
    "evidence_kind, evidence_id, created_by, created_at, updated_at, closed_at, version";
const Sql kInsert(
    "INSERT INTO promises (customer_id, conversation_id, message_id, by_party, kind, what, "
    "due_start, due_end, original_due_end, renegotiations, channel, owner_user_id, "
    "owner_department_id, status, evidence_kind, evidence_id, created_by, created_at, updated_at, "
    "closed_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM promises WHERE id = ?");
const Sql kCustomer("SELECT id FROM customers WHERE id = ?");
// Compare-and-set on the version: a change made meanwhile wins, this one is refused.
const Sql kUpdate(
    "UPDATE promises SET due_start = ?, due_end = ?, original_due_end = ?, renegotiations = ?, "
    "owner_user_id = ?, owner_department_id = ?, status = ?, evidence_kind = ?, evidence_id = ?, "
    "updated_at = ?, closed_at = ?, version = ? WHERE id = ? AND version = ?");
const Sql kInsertEvent(
    "INSERT INTO promise_events (promise_id, at, user_id, action, from_status, to_status, "
    "old_due_end, new_due_end, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
const Sql kHistory(
    "SELECT id, promise_id, at, user_id, action, from_status, to_status, old_due_end, "
    "new_due_end, note FROM promise_events WHERE promise_id = ? ORDER BY id");
// Through promises_due (status, due_end).
const Sql kUnreminded(std::string("SELECT ") + kColumns +
                      " FROM promises WHERE status IN ('open', 'renegotiated') AND by_party = 'us' "
                      "AND due_end < ? AND reminded_at IS NULL ORDER BY due_end, id LIMIT ?");
const Sql kUnescalated(
    std::string("SELECT ") + kColumns +
    " FROM promises WHERE status IN ('open', 'renegotiated') AND by_party = "
    "'us' AND due_end < ? AND escalated_at IS NULL ORDER BY due_end, id LIMIT ?");
const Sql kMarkReminded("UPDATE promises SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL");
const Sql kMarkEscalated(
    "UPDATE promises SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL");
const Sql kCountLive(
    "SELECT count(*), COALESCE(sum(CASE WHEN due_end < ? THEN 1 ELSE 0 END), 0) FROM promises "
    "WHERE status IN ('open', 'renegotiated') AND by_party = 'us'");
// Through promises_created; the customer's messages through messages_customer.
const Sql kFacts(
    "SELECT p.owner_user_id, p.owner_department_id, p.channel, p.kind, p.status, p.due_end, "
    "p.closed_at, p.created_at, CASE WHEN p.due_end IS NOT NULL AND EXISTS (SELECT 1 FROM "
    "messages m WHERE m.customer_id = p.customer_id AND m.direction = 'in' AND NOT m.internal "
    "AND m.created_at > p.due_end AND m.created_at < COALESCE(p.closed_at, ?)) THEN 1 "
    "ELSE 0 END FROM promises p WHERE p.created_at >= ? AND p.created_at < ? AND p.by_party = ? "
    "ORDER BY p.created_at, p.id");
const Sql kRemindJob("SELECT job_id FROM promise_remind_job WHERE singleton = 1");
const Sql kFirstRemindJob(
    "INSERT INTO promise_remind_job (singleton, job_id) VALUES (1, ?) ON CONFLICT DO NOTHING");
const Sql kNextRemindJob(
    "UPDATE promise_remind_job SET job_id = ? WHERE singleton = 1 AND job_id = ?");
// Promises without a due moment sort last.
constexpr char kDueKey[] = "COALESCE(due_end, 9000000000000000)";

Promise FromRow(const Row& r) {
  Promise p;
  p.id = r.Int(0);
  p.customer_id = r.Int(1);
  p.conversation_id = r.OptInt(2);
  p.message_id = r.OptInt(3);
  p.by = r.Text(4) == "customer" ? PromiseParty::kCustomer : PromiseParty::kUs;
  p.kind = ParsePromiseKind(r.Text(5)).value_or(PromiseKind::kOther);
  p.what = r.Text(6);
  p.due_start = r.OptTime(7);
  p.due_end = r.OptTime(8);
  p.original_due_end = r.OptTime(9);
  p.renegotiations = static_cast<int>(r.Int(10));
  if (auto ch = r.OptText(11)) p.channel = Parse<Channel>(*ch);
  p.owner_user_id = r.OptInt(12);
  p.owner_department_id = r.OptInt(13);
  p.status = ParsePromiseStatus(r.Text(14)).value_or(PromiseStatus::kOpen);
  if (auto ek = r.OptText(15)) p.evidence_kind = ParseEvidenceKind(*ek);
  p.evidence_id = r.OptInt(16);
  p.created_by = r.OptInt(17);
  p.created_at = r.Time(18);
  p.updated_at = r.Time(19);
  p.closed_at = r.OptTime(20);
  p.version = r.Int(21);
  return p;
}

PromiseEvent EventFromRow(const Row& r) {
  PromiseEvent e;
  e.id = r.Int(0);
  e.promise_id = r.Int(1);
  e.at = r.Time(2);
  e.user_id = r.OptInt(3);
  e.action = r.Text(4);
  if (auto from = r.OptText(5)) e.from_status = ParsePromiseStatus(*from);
  e.to_status = ParsePromiseStatus(r.Text(6)).value_or(PromiseStatus::kOpen);
  e.old_due_end = r.OptTime(7);
  e.new_due_end = r.OptTime(8);
  e.note = r.Text(9);
  return e;
}

std::optional<std::string> ChannelName(const std::optional<Channel>& c) {
  if (!c) return std::nullopt;
  return std::string(ToString(*c));
}
std::optional<std::string> EvidenceName(const std::optional<EvidenceKind>& k) {
  if (!k) return std::nullopt;
  return std::string(ToString(*k));
}

Status AddEvent(Connection& c, int64_t promise_id, const PromiseEvent& e) {
  std::optional<std::string> from;
  if (e.from_status) from = std::string(ToString(*e.from_status));
  return c
      .Execute(kInsertEvent,
               Params::Of(promise_id, e.at, e.user_id, e.action, from,
                          std::string(ToString(e.to_status)), e.old_due_end, e.new_due_end, e.note))
      .status();
}

}  // namespace

Result<Promise> SqlPromiseRepository::Create(const Promise& p, const PromiseEvent& made,
                                             const Activity& entry) {
  return db_.Write([&](Connection& c) -> Result<Promise> {
    LUISTER_ASSIGN_OR_RETURN(auto customer, First<int64_t>(c, kCustomer, Params::Of(p.customer_id),
                                                           [](const Row& r) { return r.Int(0); }));
    if (!customer) return NotFound("no such customer");
    Params params = Params::Of(
        p.customer_id, p.conversation_id, p.message_id, std::string(ToString(p.by)),
        std::string(ToString(p.kind)), p.what, p.due_start, p.due_end, p.original_due_end,
        p.renegotiations, ChannelName(p.channel), p.owner_user_id, p.owner_department_id,
        std::string(ToString(p.status)), EvidenceName(p.evidence_kind), p.evidence_id, p.created_by,
        p.created_at, p.updated_at, p.closed_at, p.version);
    LUISTER_ASSIGN_OR_RETURN(int64_t id, Scalar(c, kInsert, params));
    LUISTER_RETURN_IF_ERROR(AddEvent(c, id, made));
    Activity a = entry;
    a.params.Set("promise_id", id);
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return One<Promise>(c, kSelect, id, "promise", FromRow);
  });
}

Result<Promise> SqlPromiseRepository::Get(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<Promise>(c, kSelect, id, "promise", FromRow); });
}

Result<std::vector<PromiseEvent>> SqlPromiseRepository::History(int64_t id) {
  return db_.Read([&](Connection& c) {
    return Collect<PromiseEvent>(c, kHistory, Params::Of(id), EventFromRow);
  });
}

Result<Page<Promise>> SqlPromiseRepository::List(const PromiseFilter& f, const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<Promise>> {
    QueryBuilder q(std::string("SELECT ") + kColumns + " FROM promises WHERE TRUE");
    if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
    if (f.conversation_id) q.Add(" AND conversation_id = ?", *f.conversation_id);
    if (f.owner_user_id) q.Add(" AND owner_user_id = ?", *f.owner_user_id);
    if (f.owner_department_id) q.Add(" AND owner_department_id = ?", *f.owner_department_id);
    if (f.account_manager_id)
      q.Add(" AND customer_id IN (SELECT id FROM customers WHERE account_manager_id = ?)",
            *f.account_manager_id);
    if (f.by) q.Add(" AND by_party = ?", std::string(ToString(*f.by)));
    if (f.kind) q.Add(" AND kind = ?", std::string(ToString(*f.kind)));
    if (f.live_only) q.Add(" AND status IN ('open', 'renegotiated')");
    if (f.due_before) q.Add(" AND due_end < ?", *f.due_before);
    if (p.after)
      q.Add(std::string(" AND (") + kDueKey + " > ? OR (" + kDueKey + " = ? AND id > ?))",
            p.after->key, p.after->key, p.after->id);
    q.Add(std::string(" ORDER BY ") + kDueKey + ", id LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<Promise>(c, q.Build(), q.params(), FromRow));
    return MakePage(std::move(rows), p.limit, [](const Promise& x) {
      return x.due_end ? ToMillis(*x.due_end) : int64_t{9'000'000'000'000'000};
    });
  });
}

Result<Promise> SqlPromiseRepository::Update(const Promise& n, const PromiseEvent& event,
                                             const Activity& entry) {
  return db_.Write([&](Connection& c) -> Result<Promise> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t changed,
        c.Execute(kUpdate, Params::Of(n.due_start, n.due_end, n.original_due_end, n.renegotiations,
                                      n.owner_user_id, n.owner_department_id,
                                      std::string(ToString(n.status)),
                                      EvidenceName(n.evidence_kind), n.evidence_id, n.updated_at,
                                      n.closed_at, n.version, n.id, n.version - 1)));
    if (changed == 0) {
      LUISTER_RETURN_IF_ERROR(One<Promise>(c, kSelect, n.id, "promise", FromRow).status());
      return Conflict("the promise was changed meanwhile");
    }
    LUISTER_RETURN_IF_ERROR(AddEvent(c, n.id, event));
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, entry));
    return One<Promise>(c, kSelect, n.id, "promise", FromRow);
  });
}

Result<std::vector<Promise>> SqlPromiseRepository::Unreminded(Timestamp until, bool escalation,
                                                              int limit) {
  return db_.Read([&](Connection& c) {
    return Collect<Promise>(c, escalation ? kUnescalated : kUnreminded,
                            Params::Of(until, static_cast<int64_t>(limit)), FromRow);
  });
}

Result<bool> SqlPromiseRepository::MarkReminded(int64_t id, bool escalation, Timestamp at,
                                                const std::optional<NewJob>& then) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t n, c.Execute(escalation ? kMarkEscalated : kMarkReminded, Params::Of(at, id)));
    if (n == 1 && then) LUISTER_RETURN_IF_ERROR(EnqueueJob(c, *then).status());
    return n == 1;
  });
}

Result<std::pair<int64_t, int64_t>> SqlPromiseRepository::CountLive(Timestamp now) {
  using Counts = std::pair<int64_t, int64_t>;
  return db_.ReadOne([&](Connection& c) -> Result<Counts> {
    auto counts = [](const Row& r) { return Counts(r.Int(0), r.Int(1)); };
    LUISTER_ASSIGN_OR_RETURN(std::optional<Counts> row,
                             First<Counts>(c, kCountLive, Params::Of(now), counts));
    return row.value_or(Counts(0, 0));
  });
}

Result<std::vector<PromiseFact>> SqlPromiseRepository::Facts(Timestamp from, Timestamp to,
                                                             PromiseParty by, Timestamp now) {
  return db_.Read([&](Connection& c) {
    return Collect<PromiseFact>(
        c, kFacts, Params::Of(now, from, to, std::string(ToString(by))), [](const Row& r) {
          PromiseFact f;
          f.owner_user_id = r.OptInt(0);
          f.owner_department_id = r.OptInt(1);
          if (auto ch = r.OptText(2)) f.channel = Parse<Channel>(*ch);
          f.kind = ParsePromiseKind(r.Text(3)).value_or(PromiseKind::kOther);
          f.status = ParsePromiseStatus(r.Text(4)).value_or(PromiseStatus::kOpen);
          f.due_end = r.OptTime(5);
          f.closed_at = r.OptTime(6);
          f.created_at = r.Time(7);
          f.chased = r.Int(8) != 0;
          return f;
        });
  });
}

Result<std::optional<int64_t>> SqlPromiseRepository::RemindJobId() {
  return db_.ReadOne([&](Connection& c) {
    return First<int64_t>(c, kRemindJob, Params(), [](const Row& r) { return r.Int(0); });
  });
}

Result<bool> SqlPromiseRepository::SetRemindJob(std::optional<int64_t> expected, int64_t job_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             expected ? c.Execute(kNextRemindJob, Params::Of(job_id, *expected))
                                      : c.Execute(kFirstRemindJob, Params::Of(job_id)));
    return n == 1;
  });
}

}  // namespace luister::sql
