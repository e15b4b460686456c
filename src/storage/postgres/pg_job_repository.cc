#include "storage/postgres/pg_job_repository.h"

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr char kEnqueue[] =
    "INSERT INTO jobs (kind, payload, state, run_at, created_at, created_by) "
    "VALUES ($1, $2, 'queued', $3, $4, $5) RETURNING id";
// The oldest due job of the given kinds ($4, a text array).
constexpr char kClaim[] =
    "UPDATE jobs SET state = 'running', worker = $1, lease_until = $2, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM jobs WHERE ((state = 'queued' AND run_at <= $3) "
    " OR (state = 'running' AND lease_until < $3)) AND kind = ANY($4::text[]) "
    " ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
// $1 id, $2 worker, $3 attempts: the claim (domain/repositories.h).
#define LUISTER_HELD "WHERE id = $1 AND worker = $2 AND attempts = $3 AND state = 'running'"
constexpr char kRenew[] = "UPDATE jobs SET lease_until = $4 " LUISTER_HELD;
constexpr char kComplete[] =
    "UPDATE jobs SET state = 'done', finished_at = $4, lease_until = NULL, result = "
    "$5 " LUISTER_HELD;
constexpr char kRetry[] =
    "UPDATE jobs SET state = 'queued', run_at = $5, lease_until = NULL, last_error = "
    "$4 " LUISTER_HELD;
constexpr char kGiveUp[] =
    "UPDATE jobs SET state = 'failed', lease_until = NULL, last_error = $4, finished_at = "
    "$5 " LUISTER_HELD;
#undef LUISTER_HELD
constexpr char kState[] = "SELECT state FROM jobs WHERE id = $1";
constexpr char kGet[] =
    "SELECT id, kind, payload, state, attempts, run_at, worker, lease_until, last_error, "
    "created_by, created_at, finished_at, result IS NOT NULL FROM jobs WHERE id = $1";
constexpr char kResult[] = "SELECT result FROM jobs WHERE id = $1 AND result IS NOT NULL";

Params ClaimParams(const Job& claim) {
  return std::move(Params().Add(claim.id).Add(claim.worker.value_or("")).Add(claim.attempts));
}

Status HeldOrConflict(const Rows& r, int64_t id) {
  if (r.affected() == 0)
    return Conflict("job " + std::to_string(id) + " is not held by this worker any more");
  return Status::Ok();
}

}  // namespace

Result<int64_t> PgJobRepository::Enqueue(const NewJob& job) {
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kEnqueue, Params()
                                                           .Add(job.kind)
                                                           .Add(job.payload)
                                                           .Add(job.run_at)
                                                           .Add(Now())
                                                           .Add(job.created_by)));
    return r.Int(0, 0);
  });
}

Result<std::optional<Job>> PgJobRepository::Claim(const std::string& worker,
                                                  const std::vector<std::string>& kinds,
                                                  Timestamp now, std::chrono::milliseconds lease) {
  if (kinds.empty()) return std::optional<Job>();
  return db_.Write([&](Connection& c) -> Result<std::optional<Job>> {
    LUISTER_ASSIGN_OR_RETURN(
        Rows r, c.Query(kClaim, Params()
                                    .Add(worker)
                                    .Add(now + lease)
                                    .Add(now)
                                    .Add(ArrayLiteral(std::vector<std::optional<std::string>>(
                                        kinds.begin(), kinds.end())))));
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

Status PgJobRepository::Renew(const Job& claim, Timestamp lease_until) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kRenew, ClaimParams(claim).Add(lease_until)));
    return HeldOrConflict(r, claim.id);
  });
}

Status PgJobRepository::Complete(const Job& claim, Timestamp at, const std::string& result) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kComplete, ClaimParams(claim).Add(at).Add(result)));
    return HeldOrConflict(r, claim.id);
  });
}

Status PgJobRepository::Fail(const Job& claim, const std::string& error,
                             std::optional<Timestamp> retry_at, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r,
                             c.Query(retry_at ? kRetry : kGiveUp,
                                     ClaimParams(claim).Add(error).Add(retry_at ? *retry_at : at)));
    return HeldOrConflict(r, claim.id);
  });
}

Result<std::optional<JobState>> PgJobRepository::State(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<JobState>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kState, Params().Add(id)));
    if (r.size() == 0) return std::optional<JobState>();
    return std::optional<JobState>(ParseJobState(r.Text(0, 0)));
  });
}

Result<JobRecord> PgJobRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<JobRecord> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kGet, Params().Add(id)));
    if (r.size() == 0) return NotFound("job " + std::to_string(id) + " does not exist");
    JobRecord j;
    j.id = r.Int(0, 0);
    j.kind = r.Text(0, 1);
    j.payload = r.Text(0, 2);
    j.state = ParseJobState(r.Text(0, 3));
    j.attempts = static_cast<int>(r.Int(0, 4));
    j.run_at = r.Time(0, 5);
    j.worker = r.OptText(0, 6);
    j.lease_until = r.OptTime(0, 7);
    j.last_error = r.OptText(0, 8);
    j.created_by = r.OptInt(0, 9);
    j.created_at = r.Time(0, 10);
    j.finished_at = r.OptTime(0, 11);
    j.has_result = r.Bool(0, 12);
    return j;
  });
}

Result<std::string> PgJobRepository::GetResult(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kResult, Params().Add(id)));
    if (r.size() == 0) return NotFound("job " + std::to_string(id) + " has no result");
    return r.Text(0, 0);
  });
}

}  // namespace luister::postgres
