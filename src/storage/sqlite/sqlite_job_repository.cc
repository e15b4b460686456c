#include "storage/sqlite/sqlite_job_repository.h"

namespace luister::sqlite {

namespace {

constexpr char kEnqueue[] =
    "INSERT INTO jobs (kind, payload, state, run_at, created_at, created_by) "
    "VALUES (?1, ?2, 'queued', ?3, ?4, ?5)";
// The oldest due job of the given kinds (?4, a JSON array): queued and due,
// or running with an expired lease.
constexpr char kClaim[] =
    "UPDATE jobs SET state = 'running', worker = ?1, lease_until = ?2, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM ("
    " SELECT id, run_at, kind FROM jobs WHERE state = 'queued' AND run_at <= ?3"
    " UNION ALL"
    " SELECT id, run_at, kind FROM jobs WHERE state = 'running' AND lease_until < ?3"
    ") WHERE kind IN (SELECT value FROM json_each(?4)) ORDER BY run_at, id LIMIT 1) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
// ?1 id, ?2 worker, ?3 attempts: the claim (domain/repositories.h).
#define LUISTER_HELD "WHERE id = ?1 AND worker = ?2 AND attempts = ?3 AND state = 'running'"
constexpr char kRenew[] = "UPDATE jobs SET lease_until = ?4 " LUISTER_HELD;
constexpr char kComplete[] =
    "UPDATE jobs SET state = 'done', finished_at = ?4, lease_until = NULL, result = "
    "?5 " LUISTER_HELD;
constexpr char kRetry[] =
    "UPDATE jobs SET state = 'queued', run_at = ?5, lease_until = NULL, last_error = "
    "?4 " LUISTER_HELD;
constexpr char kGiveUp[] =
    "UPDATE jobs SET state = 'failed', lease_until = NULL, last_error = ?4, finished_at = "
    "?5 " LUISTER_HELD;
#undef LUISTER_HELD
constexpr char kState[] = "SELECT state FROM jobs WHERE id = ?1";
constexpr char kGet[] =
    "SELECT id, kind, payload, state, attempts, run_at, worker, lease_until, last_error, "
    "created_by, created_at, finished_at, result IS NOT NULL FROM jobs WHERE id = ?1";
constexpr char kResult[] = "SELECT result FROM jobs WHERE id = ?1 AND result IS NOT NULL";

Statement& BindClaim(Statement& st, const Job& claim) {
  return st.Bind(1, claim.id).Bind(2, claim.worker.value_or("")).Bind(3, claim.attempts);
}

Status HeldOrConflict(Connection& c, int64_t id) {
  if (c.Changes() == 0)
    return Conflict("job " + std::to_string(id) + " is not held by this worker any more");
  return Status::Ok();
}

// Job kinds are dotted lower-case names (domain/job_runner.h checks them), so
// they need no escaping inside a JSON string.
std::string KindsJson(const std::vector<std::string>& kinds) {
  std::string out = "[";
  for (const auto& k : kinds) {
    if (out.size() > 1) out += ',';
    out += '"' + k + '"';
  }
  return out + "]";
}

}  // namespace

Result<int64_t> SqliteJobRepository::Enqueue(const NewJob& job) {
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kEnqueue));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, job.kind)
                                .Bind(2, job.payload)
                                .Bind(3, job.run_at)
                                .Bind(4, Now())
                                .Bind(5, job.created_by)
                                .Run());
    return c.LastInsertId();
  });
}

Result<std::optional<Job>> SqliteJobRepository::Claim(const std::string& worker,
                                                      const std::vector<std::string>& kinds,
                                                      Timestamp now,
                                                      std::chrono::milliseconds lease) {
  if (kinds.empty()) return std::optional<Job>();
  return db_.Write([&](Connection& c) -> Result<std::optional<Job>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kClaim));
    st.Bind(1, worker).Bind(2, now + lease).Bind(3, now).Bind(4, KindsJson(kinds));
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

Status SqliteJobRepository::Renew(const Job& claim, Timestamp lease_until) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kRenew));
    LUISTER_RETURN_IF_ERROR(BindClaim(st, claim).Bind(4, lease_until).Run());
    return HeldOrConflict(c, claim.id);
  });
}

Status SqliteJobRepository::Complete(const Job& claim, Timestamp at, const std::string& result) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kComplete));
    LUISTER_RETURN_IF_ERROR(BindClaim(st, claim).Bind(4, at).Bind(5, result).Run());
    return HeldOrConflict(c, claim.id);
  });
}

Status SqliteJobRepository::Fail(const Job& claim, const std::string& error,
                                 std::optional<Timestamp> retry_at, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(retry_at ? kRetry : kGiveUp));
    LUISTER_RETURN_IF_ERROR(
        BindClaim(st, claim).Bind(4, error).Bind(5, retry_at ? *retry_at : at).Run());
    return HeldOrConflict(c, claim.id);
  });
}

Result<std::optional<JobState>> SqliteJobRepository::State(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<JobState>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kState));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
    if (!row) return std::optional<JobState>();
    return std::optional<JobState>(ParseJobState(st.Text(0)));
  });
}

Result<JobRecord> SqliteJobRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<JobRecord> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kGet));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
    if (!row) return NotFound("job " + std::to_string(id) + " does not exist");
    JobRecord j;
    j.id = st.Int(0);
    j.kind = st.Text(1);
    j.payload = st.Text(2);
    j.state = ParseJobState(st.Text(3));
    j.attempts = static_cast<int>(st.Int(4));
    j.run_at = st.Time(5);
    j.worker = st.OptText(6);
    j.lease_until = st.OptTime(7);
    j.last_error = st.OptText(8);
    j.created_by = st.OptInt(9);
    j.created_at = st.Time(10);
    j.finished_at = st.OptTime(11);
    j.has_result = st.Int(12) != 0;
    return j;
  });
}

Result<std::string> SqliteJobRepository::GetResult(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kResult));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, id).Step());
    if (!row) return NotFound("job " + std::to_string(id) + " has no result");
    return st.Text(0);
  });
}

}  // namespace luister::sqlite
