#include "storage/postgres/pg_audit_repository.h"

#include <algorithm>

#include "storage/postgres/pg_rows.h"
#include "storage/postgres/pg_sql_database.h"

namespace luister::postgres {

namespace {

constexpr char kInsertAuditBatch[] =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, customer_id, endpoint, ip, "
    "query) SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], "
    "$5::bigint[], $6::bigint[], $7::text[], $8::text[], $9::text[])";
constexpr size_t kAuditBatchRows = 2000;

}  // namespace

Status PgAuditRepository::AppendBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  return db().Write([&](sql::Connection& shared) -> Status {
    Connection& c = Native(shared);
    for (size_t from = 0; from < entries.size(); from += kAuditBatchRows) {
      BatchColumns rows(9);
      for (size_t i = from; i < std::min(entries.size(), from + kAuditBatchRows); ++i) {
        const AuditEntry& e = entries[i];
        rows.Set(0, e.at)
            .Set(1, e.user_id)
            .Set(2, std::optional<std::string>(e.action))
            .Set(3, std::optional<std::string>(e.entity))
            .Set(4, e.entity_id)
            .Set(5, e.customer_id)
            .Set(6, std::optional<std::string>(e.endpoint))
            .Set(7, std::optional<std::string>(e.ip))
            .Set(8, std::optional<std::string>(e.query));
      }
      LUISTER_RETURN_IF_ERROR(c.Query(kInsertAuditBatch, rows.ToParams()).status());
    }
    return Status::Ok();
  });
}

}  // namespace luister::postgres
