#pragma once

#include <atomic>

#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Sessions, API tokens and rate-limit counters on PostgreSQL: shared by
// every node on the database.
class PgAuthRepository final : public AuthRepository {
 public:
  explicit PgAuthRepository(Database& db) : db_(db) {}

  Status CreateSession(const SessionRecord& s) override;
  Result<SessionRecord> GetSession(const std::string& token_hash, Timestamp now) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteUserSessions(int64_t user_id) override;
  Result<ApiTokenRecord> CreateApiToken(const ApiTokenRecord& t) override;
  Result<ApiTokenRecord> UseApiToken(const std::string& token_hash, Timestamp now) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override;
  Status RevokeApiToken(int64_t id, Timestamp at) override;
  Result<int> Hit(const std::string& key, Timestamp window_start) override;
  Status ResetCounter(const std::string& key) override;

  // Every this many hits, windows older than a day are deleted.
  static constexpr int kPruneEvery = 1000;

 private:
  Database& db_;
  std::atomic<int> hits_{0};
};

// The append-only audit log on PostgreSQL.
class PgAuditRepository final : public AuditRepository {
 public:
  explicit PgAuditRepository(Database& db) : db_(db) {}

  Status Append(const AuditEntry& e) override;
  Status AppendBatch(const std::vector<AuditEntry>& entries) override;
  Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) override;

 private:
  Database& db_;
};

}  // namespace luister::postgres
