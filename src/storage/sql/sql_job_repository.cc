#include "storage/sql/sql_job_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

const Sql kEnqueue(
    "INSERT INTO jobs (kind, payload, state, run_at, created_at, created_by) "
    "VALUES (?, ?, 'queued', ?, ?, ?) RETURNING id");
// The oldest due job of the given kinds: queued and due, or running with an
// expired lease. Parameters: worker, lease_until, now, now, then the kinds.
// SQLite: the UNION lets each half use its partial index.
constexpr char kClaimSqlite[] =
    "UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM ("
    " SELECT id, run_at, kind FROM jobs WHERE state = 'queued' AND run_at <= ?"
    " UNION ALL"
    " SELECT id, run_at, kind FROM jobs WHERE state = 'running' AND lease_until < ?"
    ") WHERE kind IN (";
// PostgreSQL: several nodes claim at once; SKIP LOCKED hands each a
// different job instead of making them queue behind one row lock.
constexpr char kClaimPostgres[] =
    "UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, attempts = attempts + 1 "
    "WHERE id = (SELECT id FROM jobs WHERE ((state = 'queued' AND run_at <= ?) "
    " OR (state = 'running' AND lease_until < ?)) AND kind IN (";
constexpr char kClaimTailSqlite[] =
    ") ORDER BY run_at, id LIMIT 1) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
constexpr char kClaimTailPostgres[] =
    ") ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) "
    "RETURNING id, kind, payload, attempts, run_at, worker, lease_until";
// The claim's id, worker and attempts fence every later call.
#define LUISTER_HELD "WHERE id = ? AND worker = ? AND attempts = ? AND state = 'running'"
const Sql kRenew("UPDATE jobs SET lease_until = ? " LUISTER_HELD);
const Sql kComplete(
    "UPDATE jobs SET state = 'done', finished_at = ?, lease_until = NULL, result = "
    "? " LUISTER_HELD);
const Sql kRetry(
    "UPDATE jobs SET state = 'queued', run_at = ?, lease_until = NULL, last_error = "
    "? " LUISTER_HELD);
const Sql kGiveUp(
    "UPDATE jobs SET state = 'failed', finished_at = ?, lease_until = NULL, last_error = "
    "? " LUISTER_HELD);
const Sql kRequeue(
    "UPDATE jobs SET state = 'queued', run_at = ?, attempts = ?, lease_until = NULL, "
    "last_error = ? " LUISTER_HELD);
#undef LUISTER_HELD
const Sql kState("SELECT state FROM jobs WHERE id = ?");
const Sql kRunNow("UPDATE jobs SET run_at = ? WHERE id = ? AND state = 'queued' AND run_at > ?");
const Sql kGet(
    "SELECT id, kind, payload, state, attempts, run_at, worker, lease_until, last_error, "
    "created_by, created_at, finished_at, result IS NOT NULL FROM jobs WHERE id = ?");
const Sql kResult("SELECT result FROM jobs WHERE id = ? AND result IS NOT NULL");

// Runs a fenced update: `params` then the claim's fence.
Status Fenced(Connection& c, const Sql& sql, Params params, const Job& claim) {
  params.Add(claim.id).Add(claim.worker.value_or("")).Add(claim.attempts);
  LUISTER_ASSIGN_OR_RETURN(int64_t changed, c.Execute(sql, params));
  if (changed == 0)
    return Conflict("job " + std::to_string(claim.id) + " is not held by this worker any more");
  return Status::Ok();
}

Job ClaimFromRow(const Row& r) {
  Job j;
  j.id = r.Int(0);
  j.kind = r.Text(1);
  j.payload = r.Text(2);
  j.attempts = static_cast<int>(r.Int(3));
  j.run_at = r.Time(4);
  j.worker = r.OptText(5);
  j.lease_until = r.OptTime(6);
  return j;
}

JobRecord RecordFromRow(const Row& r) {
  JobRecord j;
  j.id = r.Int(0);
  j.kind = r.Text(1);
  j.payload = r.Text(2);
  j.state = ParseJobState(r.Text(3));
  j.attempts = static_cast<int>(r.Int(4));
  j.run_at = r.Time(5);
  j.worker = r.OptText(6);
  j.lease_until = r.OptTime(7);
  j.last_error = r.OptText(8);
  j.created_by = r.OptInt(9);
  j.created_at = r.Time(10);
  j.finished_at = r.OptTime(11);
  j.has_result = r.Bool(12);
  return j;
}

}  // namespace

Result<int64_t> EnqueueJob(Connection& c, const NewJob& job) {
  return Scalar(c, kEnqueue,
                Params::Of(job.kind, job.payload, job.run_at, job.created_at, job.created_by));
}

Result<int64_t> SqlJobRepository::Enqueue(const NewJob& job) {
  return db_.Write([&](Connection& c) { return EnqueueJob(c, job); });
}

Result<std::optional<Job>> SqlJobRepository::Claim(const std::string& worker,
                                                   const std::vector<std::string>& kinds,
                                                   Timestamp now, std::chrono::milliseconds lease) {
  if (kinds.empty()) return std::optional<Job>();
  bool sqlite = db_.engine() == Engine::kSqlite;
  QueryBuilder q(sqlite ? kClaimSqlite : kClaimPostgres);
  q.Add("", worker, now + lease, now, now);
  for (size_t i = 0; i < kinds.size(); ++i) q.Add(i == 0 ? "?" : ", ?", kinds[i]);
  q.Add(sqlite ? kClaimTailSqlite : kClaimTailPostgres);
  Sql sql = q.Build();
  return db_.Write([&](Connection& c) { return First<Job>(c, sql, q.params(), ClaimFromRow); });
}

Status SqlJobRepository::Renew(const Job& claim, Timestamp lease_until) {
  return db_.Write(
      [&](Connection& c) { return Fenced(c, kRenew, Params::Of(lease_until), claim); });
}

Status SqlJobRepository::Complete(const Job& claim, Timestamp at, const std::string& result) {
  return db_.Write(
      [&](Connection& c) { return Fenced(c, kComplete, Params::Of(at, result), claim); });
}

Status SqlJobRepository::Fail(const Job& claim, const std::string& error,
                              std::optional<Timestamp> retry_at, Timestamp at) {
  return db_.Write([&](Connection& c) {
    return retry_at ? Fenced(c, kRetry, Params::Of(*retry_at, error), claim)
                    : Fenced(c, kGiveUp, Params::Of(at, error), claim);
  });
}

Status SqlJobRepository::Requeue(const Job& claim, Timestamp run_at, int attempts,
                                 const std::optional<std::string>& error) {
  return db_.Write([&](Connection& c) {
    return Fenced(c, kRequeue, Params::Of(run_at, attempts, error), claim);
  });
}

Result<bool> SqlJobRepository::RunNow(int64_t id, Timestamp now) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(kRunNow, Params::Of(now, id, now)));
    return n == 1;
  });
}

Result<std::optional<JobState>> SqlJobRepository::State(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return First<JobState>(c, kState, Params::Of(id),
                           [](const Row& r) { return ParseJobState(r.Text(0)); });
  });
}

Result<JobRecord> SqlJobRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<JobRecord> {
    LUISTER_ASSIGN_OR_RETURN(auto j, First<JobRecord>(c, kGet, Params::Of(id), RecordFromRow));
    if (!j) return NotFound("job " + std::to_string(id) + " does not exist");
    return std::move(*j);
  });
}

Result<std::string> SqlJobRepository::GetResult(int64_t id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(auto text, First<std::string>(c, kResult, Params::Of(id),
                                                           [](const Row& r) { return r.Text(0); }));
    if (!text) return NotFound("job " + std::to_string(id) + " has no result");
    return std::move(*text);
  });
}

}  // namespace luister::sql
