#include "storage/sql/sql_quarantine_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

constexpr char kColumns[] =
    "id, source, queue_id, raw_sha256, size_bytes, reason, state, received_at, resolved_at, "
    "resolved_by";
const Sql kInsert(
    "INSERT INTO mail_quarantine (source, queue_id, raw_sha256, size_bytes, reason, state, "
    "received_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
const Sql kSelect(std::string("SELECT ") + kColumns + " FROM mail_quarantine WHERE id = ?");
const Sql kSelectForUpdate(std::string("SELECT ") + kColumns +
                           " FROM mail_quarantine WHERE id = ?{for_update}");
const Sql kCount("SELECT count(*) FROM mail_quarantine WHERE state = ?");
const Sql kResolve(
    "UPDATE mail_quarantine SET state = ?, resolved_at = ?, resolved_by = ? WHERE id = ?");

QuarantinedMail FromRow(const Row& r) {
  QuarantinedMail m;
  m.id = r.Int(0);
  m.source = r.Text(1);
  m.queue_id = r.OptInt(2);
  m.raw_sha256 = r.Text(3);
  m.size_bytes = r.Int(4);
  m.reason = r.Text(5);
  m.state = ParseQuarantineState(r.Text(6)).value_or(QuarantineState::kHeld);
  m.received_at = r.Time(7);
  m.resolved_at = r.OptTime(8);
  m.resolved_by = r.OptInt(9);
  return m;
}

}  // namespace

Result<QuarantinedMail> SqlQuarantineRepository::Add(const NewQuarantinedMail& m) {
  return db_.Write([&](Connection& c) -> Result<QuarantinedMail> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id, Scalar(c, kInsert,
                           Params::Of(m.source, m.queue_id, m.raw_sha256, m.size_bytes, m.reason,
                                      ToString(QuarantineState::kHeld), m.received_at)));
    return One<QuarantinedMail>(c, kSelect, id, "quarantined mail", FromRow);
  });
}

Result<QuarantinedMail> SqlQuarantineRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return One<QuarantinedMail>(c, kSelect, id, "quarantined mail", FromRow);
  });
}

Result<Page<QuarantinedMail>> SqlQuarantineRepository::List(std::optional<QuarantineState> state,
                                                            const PageRequest& p) {
  return db_.Read([&](Connection& c) -> Result<Page<QuarantinedMail>> {
    QueryBuilder q(std::string("SELECT ") + kColumns + " FROM mail_quarantine WHERE TRUE");
    if (state) q.Add(" AND state = ?", ToString(*state));
    if (p.after) q.Add(" AND id < ?", p.after->id);
    q.Add(" ORDER BY id DESC LIMIT ?", static_cast<int64_t>(p.limit + 1));
    LUISTER_ASSIGN_OR_RETURN(auto rows,
                             Collect<QuarantinedMail>(c, q.Build(), q.params(), FromRow));
    return MakePage(std::move(rows), p.limit, [](const QuarantinedMail& m) { return m.id; });
  });
}

Result<QuarantinedMail> SqlQuarantineRepository::Resolve(int64_t id, QuarantineState state,
                                                         std::optional<int64_t> by_user_id,
                                                         Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<QuarantinedMail> {
    LUISTER_ASSIGN_OR_RETURN(QuarantinedMail m, One<QuarantinedMail>(c, kSelectForUpdate, id,
                                                                     "quarantined mail", FromRow));
    if (m.state != QuarantineState::kHeld)
      return Conflict("quarantined mail " + std::to_string(id) + " was already " +
                      std::string(ToString(m.state)));
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kResolve, Params::Of(ToString(state), at, by_user_id, id)).status());
    return One<QuarantinedMail>(c, kSelect, id, "quarantined mail", FromRow);
  });
}

Result<int64_t> SqlQuarantineRepository::Count(QuarantineState state) {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCount, Params::Of(ToString(state))); });
}

}  // namespace luister::sql
