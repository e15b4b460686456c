#include "storage/sql/sql_audit_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

const Sql kInsertAudit(
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, customer_id, endpoint, ip, "
    "query) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
constexpr char kSelectAudit[] =
    "SELECT id, at, user_id, action, entity, entity_id, customer_id, endpoint, ip, query "
    "FROM audit_log WHERE TRUE";

Status InsertAudit(Connection& c, const AuditEntry& e) {
  return c
      .Execute(kInsertAudit, Params::Of(e.at, e.user_id, e.action, e.entity, e.entity_id,
                                        e.customer_id, e.endpoint, e.ip, e.query))
      .status();
}

AuditEntry AuditFromRow(const Row& r) {
  AuditEntry e;
  e.id = r.Int(0);
  e.at = r.Time(1);
  e.user_id = r.OptInt(2);
  e.action = r.Text(3);
  e.entity = r.Text(4);
  e.entity_id = r.OptInt(5);
  e.customer_id = r.OptInt(6);
  e.endpoint = r.Text(7);
  e.ip = r.Text(8);
  e.query = r.Text(9);
  return e;
}

}  // namespace

Status SqlAuditRepository::Append(const AuditEntry& e) {
  return db_.Write([&](Connection& c) { return InsertAudit(c, e); });
}

Status SqlAuditRepository::AppendBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  return db_.Write([&](Connection& c) -> Status {
    for (const AuditEntry& e : entries) LUISTER_RETURN_IF_ERROR(InsertAudit(c, e));
    return Status::Ok();
  });
}

Result<Page<AuditEntry>> SqlAuditRepository::List(const AuditFilter& f, const PageRequest& p) {
  QueryBuilder q(kSelectAudit);
  if (f.user_id) q.Add(" AND user_id = ?", *f.user_id);
  if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
  if (f.action) q.Add(" AND action = ?", *f.action);
  if (f.from) q.Add(" AND at >= ?", *f.from);
  if (f.to) q.Add(" AND at < ?", *f.to);
  if (p.after) q.Add(" AND (at, id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY at DESC, id DESC LIMIT ?", int64_t{p.limit} + 1);
  Sql sql = q.Build();
  return db_.ReadOne([&](Connection& c) -> Result<Page<AuditEntry>> {
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<AuditEntry>(c, sql, q.params(), AuditFromRow));
    return MakePage(std::move(rows), p.limit, [](const AuditEntry& e) { return ToMillis(e.at); });
  });
}

}  // namespace luister::sql
