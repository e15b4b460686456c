#include "storage/sqlite/sqlite_job_repository.h"

namespace luister::sqlite {

namespace {

constexpr char kEnqueue[] =
    "INSERT INTO jobs (kind, payload, state, run_at, created_at) "
    "VALUES (?1, ?2, 'queued', ?3, ?4)";
// The oldest due job: queued and due, or running with an expired lease.
constexpr char kClaim[] =
    "UPDATE jobs SET state = 'running', worker = ?1, lease_until = ?2, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM ("
    " SELECT id, run_at FROM jobs WHERE state = 'queued' AND run_at <= ?3"
    " UNION ALL"
    " SELECT id, run_at FROM jobs WHERE state = 'running' AND lease_until < ?3"
    ") ORDER BY run_at, id LIMIT 1) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
constexpr char kComplete[] =
    "UPDATE jobs SET state = 'done', finished_at = ?3, lease_until = NULL "
    "WHERE id = ?1 AND worker = ?2 AND state = 'running'";
constexpr char kRetry[] =
    "UPDATE jobs SET state = 'queued', run_at = ?4, worker = NULL, lease_until = NULL, "
    "last_error = ?3 WHERE id = ?1 AND worker = ?2 AND state = 'running'";
constexpr char kGiveUp[] =
    "UPDATE jobs SET state = 'failed', lease_until = NULL, last_error = ?3 "
    "WHERE id = ?1 AND worker = ?2 AND state = 'running'";
constexpr char kState[] = "SELECT state FROM jobs WHERE id = ?1";

Status HeldOrConflict(Connection& c, int64_t id) {
  if (c.Changes() == 0)
    return Conflict("job " + std::to_string(id) + " is not held by this worker any more");
  return Status::Ok();
}

}  // namespace

Result<int64_t> SqliteJobRepository::Enqueue(const std::string& kind, const std::string& payload,
                                             Timestamp run_at) {
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kEnqueue));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, kind).Bind(2, payload).Bind(3, run_at).Bind(4, Now()).Run());
    return c.LastInsertId();
  });
}

Result<std::optional<Job>> SqliteJobRepository::Claim(const std::string& worker, Timestamp now,
                                                      std::chrono::milliseconds lease) {
  return db_.Write([&](Connection& c) -> Result<std::optional<Job>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kClaim));
    st.Bind(1, worker).Bind(2, now + lease).Bind(3, now);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return std::optional<Job>();
    Job j;
    j.id = st.Int(0);
    j.kind = st.Text(1);
    j.payload = st.Text(2);
    j.attempts = static_cast<int>(st.Int(3));
    j.run_at = st.Time(4);
    j.worker = st.OptText(5);
    j.lease_until = st.OptTime(6);
    LUISTER_RETURN_IF_ERROR(st.Run());  // finish the statement
    return std::optional<Job>(std::move(j));
  });
}

Status SqliteJobRepository::Complete(int64_t id, const std::string& worker, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kComplete));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, worker).Bind(3, at).Run());
    return HeldOrConflict(c, id);
  });
}

Status SqliteJobRepository::Fail(int64_t id, const std::string& worker, const std::string& error,
                                 std::optional<Timestamp> retry_at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(retry_at ? kRetry : kGiveUp));
    st.Bind(1, id).Bind(2, worker).Bind(3, error);
    if (retry_at) st.Bind(4, *retry_at);
    LUISTER_RETURN_IF_ERROR(st.Run());
    return HeldOrConflict(c, id);
  });
}

Result<std::optional<JobState>> SqliteJobRepository::State(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<JobState>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kState));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
    if (!row) return std::optional<JobState>();
    std::string s = st.Text(0);
    return std::optional<JobState>(s == "queued"    ? JobState::kQueued
                                   : s == "running" ? JobState::kRunning
                                   : s == "done"    ? JobState::kDone
                                                    : JobState::kFailed);
  });
}

}  // namespace luister::sqlite
