#pragma once

#include "storage/sql/sql_audit_repository.h"

namespace luister::postgres {

// The shared audit repository with PostgreSQL's batch write: the group
// commit of read entries (domain/audit_buffer.h) must keep up with every
// read, so a batch goes in one statement per 2,000 entries (unnest of one
// array per column) instead of one INSERT each.
class PgAuditRepository final : public sql::SqlAuditRepository {
 public:
  using SqlAuditRepository::SqlAuditRepository;
  Status AppendBatch(const std::vector<AuditEntry>& entries) override;
};

}  // namespace luister::postgres
