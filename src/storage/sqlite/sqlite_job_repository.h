#pragma once

#include "domain/repositories.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// Jobs on SQLite: one node, so the single writer makes every claim exclusive.
class SqliteJobRepository final : public JobRepository {
 public:
  explicit SqliteJobRepository(Database& db) : db_(db) {}
  Result<int64_t> Enqueue(const std::string& kind, const std::string& payload,
                          Timestamp run_at) override;
  Result<std::optional<Job>> Claim(const std::string& worker, Timestamp now,
                                   std::chrono::milliseconds lease) override;
  Status Complete(int64_t id, const std::string& worker, Timestamp at) override;
  Status Fail(int64_t id, const std::string& worker, const std::string& error,
              std::optional<Timestamp> retry_at) override;
  Result<std::optional<JobState>> State(int64_t id) override;

 private:
  Database& db_;
};

}  // namespace luister::sqlite
