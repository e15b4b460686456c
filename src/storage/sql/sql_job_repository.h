#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Enqueues `job` on `c`, inside the caller's transaction (work that must
// happen once another change is made: a promise's reminder mail).
Result<int64_t> EnqueueJob(Connection& c, const NewJob& job);

// Background jobs, on either engine; see JobRepository for the claim and
// fencing contract. Only the claim differs between the engines: PostgreSQL
// skips rows other nodes hold locked, SQLite's one writer needs no lock.
class SqlJobRepository final : public JobRepository {
 public:
  explicit SqlJobRepository(Database& db) : db_(db) {}

  Result<int64_t> Enqueue(const NewJob& job) override;
  Result<std::optional<Job>> Claim(const std::string& worker, const std::vector<std::string>& kinds,
                                   Timestamp now, std::chrono::milliseconds lease) override;
  Status Renew(const Job& claim, Timestamp lease_until) override;
  Status Complete(const Job& claim, Timestamp at, const std::string& result) override;
  Status Fail(const Job& claim, const std::string& error, std::optional<Timestamp> retry_at,
              Timestamp at) override;
  Status Requeue(const Job& claim, Timestamp run_at, int attempts,
                 const std::optional<std::string>& error) override;
  Result<bool> RunNow(int64_t id, Timestamp now) override;
  Result<std::optional<JobState>> State(int64_t id) override;
  Result<JobRecord> Get(int64_t id) override;
  Result<std::string> GetResult(int64_t id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
