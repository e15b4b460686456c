#pragma once

#include "domain/repositories.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// Append-only audit log, listed newest first on (at, id).
class SqliteAuditRepository final : public AuditRepository {
 public:
  explicit SqliteAuditRepository(Database& db) : db_(db) {}

  Status Append(const AuditEntry& e) override;
  Status AppendBatch(const std::vector<AuditEntry>& entries) override;
  Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) override;

 private:
  Database& db_;
};

}  // namespace luister::sqlite
