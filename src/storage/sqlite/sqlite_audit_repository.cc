#include "storage/sqlite/sqlite_audit_repository.h"

#include "storage/sqlite/query_builder.h"
#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr char kInsertAudit[] =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, customer_id, endpoint, ip) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
constexpr char kSelectAudit[] =
    "SELECT id, at, user_id, action, entity, entity_id, customer_id, endpoint, ip "
    "FROM audit_log WHERE 1=1";

Status InsertAudit(Connection& c, const AuditEntry& e) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertAudit));
  return st.Bind(1, e.at)
      .Bind(2, e.user_id)
      .Bind(3, e.action)
      .Bind(4, e.entity)
      .Bind(5, e.entity_id)
      .Bind(6, e.customer_id)
      .Bind(7, e.endpoint)
      .Bind(8, e.ip)
      .Run();
}

}  // namespace

Status SqliteAuditRepository::Append(const AuditEntry& e) {
  return db_.Write([&](Connection& c) { return InsertAudit(c, e); });
}

Status SqliteAuditRepository::AppendBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  return db_.Write([&](Connection& c) -> Status {
    for (const AuditEntry& e : entries) LUISTER_RETURN_IF_ERROR(InsertAudit(c, e));
    return Status::Ok();
  });
}

Result<Page<AuditEntry>> SqliteAuditRepository::List(const AuditFilter& f, const PageRequest& p) {
  QueryBuilder q(kSelectAudit);
  if (f.user_id) q.Add(" AND user_id = ?", *f.user_id);
  if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
  if (f.action) q.Add(" AND action = ?", *f.action);
  if (f.from) q.Add(" AND at >= ?", ToMillis(*f.from));
  if (f.to) q.Add(" AND at < ?", ToMillis(*f.to));
  if (p.after) q.Add(" AND (at, id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY at DESC, id DESC LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<AuditEntry>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, q.Prepare(c));
    std::vector<AuditEntry> rows;
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      AuditEntry e;
      e.id = st.Int(0);
      e.at = st.Time(1);
      e.user_id = st.OptInt(2);
      e.action = st.Text(3);
      e.entity = st.Text(4);
      e.entity_id = st.OptInt(5);
      e.customer_id = st.OptInt(6);
      e.endpoint = st.Text(7);
      e.ip = st.Text(8);
      rows.push_back(std::move(e));
    }
    return MakePage(std::move(rows), p.limit, [](const AuditEntry& e) { return ToMillis(e.at); });
  });
}

}  // namespace luister::sqlite
