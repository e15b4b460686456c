#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister {

// Runs a handler over a job's payload. The returned text is kept as the job's
// result. Errors decide what happens next (JobRunner::Disposition): bad input
// and missing records fail the job for good, anything else is retried later.
// A job can run more than once (a worker that died after finishing but before
// recording it), so handlers must be idempotent.
using JobHandler = std::function<Result<std::string>(const Job&)>;

// Runs one round of a job that comes back (polling a mailbox): returns when
// the next round is due, or nullopt when there is nothing left to do (the
// mailbox was deleted) and the job is finished. A failed round is retried
// with back-off and never given up, since the thing it serves still exists;
// the job record shows the last error. Only rounds whose node stopped every
// time (a crash loop) make the runner give it up, as for any job.
using RecurringJobHandler = std::function<Result<std::optional<Timestamp>>(const Job&)>;

struct JobRunnerOptions {
  std::string worker;  // this node's name in jobs.worker; unique per process
  int threads = 1;     // jobs run at the same time on this node
  // How long a claim holds without renewal. The runner renews every third of
  // it, so only a node that stopped (crash, SIGKILL, network split) loses
  // its jobs, and another node takes them over after at most this long.
  std::chrono::milliseconds lease{60'000};
  // How often an idle runner looks for due jobs; Wake() skips the wait for
  // jobs enqueued through this node.
  std::chrono::milliseconds poll{1'000};
  int max_attempts = 5;
  std::chrono::milliseconds first_retry{5'000};  // doubles per attempt, at most 10 min
  std::function<void(std::string_view)> log;     // one line per event; may be empty
};

// Makes sure the desk's one recurring job `kind` exists (an outbox, a
// sweeper): a new one is enqueued when `current` (the job recorded for it)
// is none or has ended, and recorded with `set` (compare and set: false when
// another node recorded its own first). True when enqueued now.
Result<bool> EnsureSingletonJob(
    Store& store, const Clock& clock, const std::string& kind, std::optional<int64_t> current,
    const std::function<Result<bool>(std::optional<int64_t>, int64_t)>& set);

// A job kind: 1-64 characters of a-z, 0-9, '.', '_' and '-'.
bool IsValidJobKind(std::string_view kind);

// The background worker of one node: claims due jobs of the kinds it has
// handlers for, runs them on its threads, renews their leases while they run
// and records the outcome. Every node runs one against the shared database;
// the repository makes each claim exclusive.
class JobRunner {
 public:
  JobRunner(JobRepository& jobs, const Clock& clock, JobRunnerOptions options);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Before Start(). InvalidArgument for a malformed or repeated kind.
  Status Register(std::string kind, JobHandler handler);
  Status RegisterRecurring(std::string kind, RecurringJobHandler handler);
  void Start();
  // Stops claiming, waits for running handlers to finish and records them.
  void Stop();
  // A job became due (enqueued here): look now rather than at the next poll.
  void Wake();

  enum class Disposition { kRetry, kGiveUp };
  static Disposition DispositionOf(const Status& s);
  // When a failed attempt runs again; nullopt when it has had its attempts.
  std::optional<Timestamp> RetryAt(int attempts, Timestamp now) const;
  // The wait before attempt `attempts` + 1: first_retry, doubling, at most 10 min.
  std::chrono::milliseconds Backoff(int attempts) const;

  const std::string& worker() const { return options_.worker; }

 private:
  void WorkLoop();
  void LeaseLoop();
  void RunOne(const Job& job);
  void RunRound(const Job& job, const RecurringJobHandler& handler, const std::string& what);
  Status AddKind(const std::string& kind);
  void Log(const std::string& line) const;

  JobRepository& jobs_;
  const Clock& clock_;
  JobRunnerOptions options_;
  std::map<std::string, JobHandler, std::less<>> handlers_;
  std::map<std::string, RecurringJobHandler, std::less<>> recurring_;
  std::vector<std::string> kinds_;

  std::mutex mu_;
  std::condition_variable wake_;      // idle workers
  std::condition_variable lease_cv_;  // the lease renewer
  bool stopping_ = false;
  bool lease_stop_ = false;
  int wakeups_ = 0;                                 // pending Wake() calls
  std::map<std::pair<int64_t, int>, Job> running_;  // claims held, by (id, attempt)
  std::vector<std::thread> threads_;
  std::thread lease_thread_;
};

}  // namespace luister
