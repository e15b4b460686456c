#pragma once

#include <atomic>

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Sessions, API tokens and rate-limit counters, on either engine. Expired
// sessions and stale counter windows are pruned opportunistically by the
// writes that pass by.
class SqlAuthRepository final : public AuthRepository {
 public:
  explicit SqlAuthRepository(Database& db) : db_(db) {}

  Status CreateSession(const SessionRecord& s) override;
  Result<SessionRecord> GetSession(const std::string& token_hash, Timestamp now) override;
  Status DeleteSession(const std::string& token_hash) override;
  Status DeleteUserSessions(int64_t user_id) override;

  Result<ApiTokenRecord> CreateApiToken(const ApiTokenRecord& t) override;
  Result<ApiTokenRecord> UseApiToken(const std::string& token_hash, Timestamp now) override;
  Result<std::vector<ApiTokenRecord>> ListApiTokens() override;
  Status RevokeApiToken(int64_t id, Timestamp at) override;
  Result<int64_t> RevokeUserApiTokens(int64_t user_id, Timestamp at) override;

  Result<WindowCounts> Hit(const std::string& key, Timestamp window_start,
                           std::chrono::milliseconds window) override;
  Result<FailureStreak> AddFailure(const std::string& key, Timestamp at,
                                   std::chrono::milliseconds forget_after) override;
  Result<FailureStreak> GetFailures(const std::string& key) override;
  Status ResetCounter(const std::string& key) override;

  // Every this many hits, windows older than a day are dropped for all keys.
  static constexpr int kPruneEvery = 1000;

 private:
  Database& db_;
  std::atomic<int> hits_{0};
};

}  // namespace luister::sql
