#include "storage/postgres/pg_job_repository.h"

namespace luister::postgres {

namespace {

constexpr char kEnqueue[] =
    "INSERT INTO jobs (kind, payload, state, run_at, created_at) "
    "VALUES ($1, $2, 'queued', $3, $4) RETURNING id";
constexpr char kClaim[] =
    "UPDATE jobs SET state = 'running', worker = $1, lease_until = $2, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM jobs WHERE (state = 'queued' AND run_at <= $3) "
    " OR (state = 'running' AND lease_until < $3) "
    " ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
constexpr char kComplete[] =
    "UPDATE jobs SET state = 'done', finished_at = $3, lease_until = NULL "
    "WHERE id = $1 AND worker = $2 AND state = 'running'";
constexpr char kRetry[] =
    "UPDATE jobs SET state = 'queued', run_at = $4, worker = NULL, lease_until = NULL, "
    "last_error = $3 WHERE id = $1 AND worker = $2 AND state = 'running'";
constexpr char kGiveUp[] =
    "UPDATE jobs SET state = 'failed', lease_until = NULL, last_error = $3 "
    "WHERE id = $1 AND worker = $2 AND state = 'running'";
constexpr char kState[] = "SELECT state FROM jobs WHERE id = $1";

Status HeldOrConflict(const Rows& r, int64_t id) {
  if (r.affected() == 0)
    return Conflict("job " + std::to_string(id) + " is not held by this worker any more");
  return Status::Ok();
}

}  // namespace

Result<int64_t> PgJobRepository::Enqueue(const std::string& kind, const std::string& payload,
                                         Timestamp run_at) {
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(
        Rows r, c.Query(kEnqueue, Params().Add(kind).Add(payload).Add(run_at).Add(Now())));
    return r.Int(0, 0);
  });
}

Result<std::optional<Job>> PgJobRepository::Claim(const std::string& worker, Timestamp now,
                                                  std::chrono::milliseconds lease) {
  return db_.Write([&](Connection& c) -> Result<std::optional<Job>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kClaim, Params().Add(worker).Add(now + lease).Add(now)));
    if (r.size() == 0) return std::optional<Job>();
    Job j;
    j.id = r.Int(0, 0);
    j.kind = r.Text(0, 1);
    j.payload = r.Text(0, 2);
    j.attempts = static_cast<int>(r.Int(0, 3));
    j.run_at = r.Time(0, 4);
    j.worker = r.OptText(0, 5);
    j.lease_until = r.OptTime(0, 6);
    return std::optional<Job>(std::move(j));
  });
}

Status PgJobRepository::Complete(int64_t id, const std::string& worker, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kComplete, Params().Add(id).Add(worker).Add(at)));
    return HeldOrConflict(r, id);
  });
}

Status PgJobRepository::Fail(int64_t id, const std::string& worker, const std::string& error,
                             std::optional<Timestamp> retry_at) {
  return db_.Write([&](Connection& c) -> Status {
    Params p;
    p.Add(id).Add(worker).Add(error);
    if (retry_at) p.Add(*retry_at);
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(retry_at ? kRetry : kGiveUp, p));
    return HeldOrConflict(r, id);
  });
}

Result<std::optional<JobState>> PgJobRepository::State(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<JobState>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kState, Params().Add(id)));
    if (r.size() == 0) return std::optional<JobState>();
    std::string s = r.Text(0, 0);
    return std::optional<JobState>(s == "queued"    ? JobState::kQueued
                                   : s == "running" ? JobState::kRunning
                                   : s == "done"    ? JobState::kDone
                                                    : JobState::kFailed);
  });
}

}  // namespace luister::postgres
