#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// The audit log of personal-data access, on either engine. AppendBatch
// writes one INSERT per entry in one transaction; PostgreSQL overrides it
// with a batch statement (storage/postgres/pg_audit_repository.h).
class SqlAuditRepository : public AuditRepository {
 public:
  explicit SqlAuditRepository(Database& db) : db_(db) {}

  Status Append(const AuditEntry& e) override;
  Status AppendBatch(const std::vector<AuditEntry>& entries) override;
  Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) override;

 protected:
  Database& db() { return db_; }

 private:
  Database& db_;
};

}  // namespace luister::sql
