#include "domain/job_runner.h"

#include <algorithm>
#include <exception>

#include "common/failpoint.h"

namespace luister {

bool IsValidJobKind(std::string_view kind) {
  if (kind.empty() || kind.size() > 64) return false;
  return std::all_of(kind.begin(), kind.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

JobRunner::JobRunner(JobRepository& jobs, const Clock& clock, JobRunnerOptions options)
    : jobs_(jobs), clock_(clock), options_(std::move(options)) {
  options_.threads = std::max(1, options_.threads);
  options_.max_attempts = std::max(1, options_.max_attempts);
  options_.lease = std::max(options_.lease, std::chrono::milliseconds(300));
}

JobRunner::~JobRunner() { Stop(); }

Status JobRunner::AddKind(const std::string& kind) {
  if (!IsValidJobKind(kind)) return InvalidArgument("job kind '" + kind + "' is not valid");
  if (std::find(kinds_.begin(), kinds_.end(), kind) != kinds_.end())
    return InvalidArgument("job kind '" + kind + "' is registered twice");
  kinds_.push_back(kind);
  return Status::Ok();
}

Status JobRunner::Register(std::string kind, JobHandler handler) {
  LUISTER_RETURN_IF_ERROR(AddKind(kind));
  handlers_.emplace(std::move(kind), std::move(handler));
  return Status::Ok();
}

Status JobRunner::RegisterRecurring(std::string kind, RecurringJobHandler handler) {
  LUISTER_RETURN_IF_ERROR(AddKind(kind));
  recurring_.emplace(std::move(kind), std::move(handler));
  return Status::Ok();
}

void JobRunner::Start() {
  if (!threads_.empty() || kinds_.empty()) return;
  stopping_ = false;
  lease_stop_ = false;
  for (int i = 0; i < options_.threads; ++i) threads_.emplace_back([this] { WorkLoop(); });
  lease_thread_ = std::thread([this] { LeaseLoop(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ || threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  // Running handlers finish (their leases still renewed), then the renewer
  // stops, since nothing is held any more.
  for (auto& t : threads_) t.join();
  threads_.clear();
  {
    std::lock_guard lock(mu_);
    lease_stop_ = true;
  }
  lease_cv_.notify_all();
  if (lease_thread_.joinable()) lease_thread_.join();
}

void JobRunner::Wake() {
  {
    std::lock_guard lock(mu_);
    // More wake-ups than threads would only make idle workers claim in vain.
    wakeups_ = std::min(wakeups_ + 1, options_.threads);
  }
  wake_.notify_one();
}

JobRunner::Disposition JobRunner::DispositionOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kForbidden:
    case StatusCode::kUnauthorized:
      return Disposition::kGiveUp;  // running it again gives the same answer
    default:
      return Disposition::kRetry;
  }
}

std::chrono::milliseconds JobRunner::Backoff(int attempts) const {
  auto delay = options_.first_retry;
  constexpr std::chrono::milliseconds kMaxDelay{10 * 60 * 1000};
  for (int i = 1; i < attempts && delay < kMaxDelay; ++i) delay *= 2;
  return std::min(delay, kMaxDelay);
}

std::optional<Timestamp> JobRunner::RetryAt(int attempts, Timestamp now) const {
  if (attempts >= options_.max_attempts) return std::nullopt;
  return now + Backoff(attempts);
}

void JobRunner::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

void JobRunner::WorkLoop() {
  while (true) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) return;
    }
    auto claimed = jobs_.Claim(options_.worker, kinds_, clock_.Now(), options_.lease);
    if (claimed.ok() && claimed->has_value()) {
      const Job& job = **claimed;
      {
        std::lock_guard lock(mu_);
        running_.emplace(std::make_pair(job.id, job.attempts), job);
      }
      RunOne(job);
      std::lock_guard lock(mu_);
      running_.erase(std::make_pair(job.id, job.attempts));
      continue;  // there may be more due at once
    }
    if (!claimed.ok()) Log("jobs: cannot claim: " + claimed.status().ToString());
    std::unique_lock lock(mu_);
    wake_.wait_for(lock, options_.poll, [this] { return stopping_ || wakeups_ > 0; });
    if (wakeups_ > 0) --wakeups_;
  }
}

void JobRunner::RunOne(const Job& job) {
  std::string what = "job " + std::to_string(job.id) + " (" + job.kind + ", attempt " +
                     std::to_string(job.attempts) + ")";
  // A job whose handler never returns (its node crashed, ran out of memory
  // or was killed each time) is taken over again and again; after its
  // attempts it is given up without running once more.
  if (job.attempts > options_.max_attempts) {
    Status s = jobs_.Fail(job,
                          "given up after " + std::to_string(job.attempts - 1) +
                              " attempts whose node stopped while running it",
                          std::nullopt, clock_.Now());
    Log(what + " given up: its earlier attempts never finished" +
        (s.ok() ? "" : " (not recorded: " + s.ToString() + ")"));
    return;
  }
  if (auto round = recurring_.find(job.kind); round != recurring_.end()) {
    RunRound(job, round->second, what);
    return;
  }
  auto started = std::chrono::steady_clock::now();
  Result<std::string> result = Internal("no handler");
  auto it = handlers_.find(job.kind);
  if (it != handlers_.end()) {
    try {
      result = it->second(job);
    } catch (const std::exception& e) {
      result = Internal(std::string("the handler threw: ") + e.what());
    } catch (...) {
      result = Internal("the handler threw");
    }
  }
  Failpoint("jobs.before_complete");
  Timestamp now = clock_.Now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  if (result.ok()) {
    Status s = jobs_.Complete(job, now, *result);
    if (s.ok())
      Log(what + " done in " + std::to_string(ms) + " ms");
    else
      Log(what + " finished but was not recorded: " + s.ToString());
    return;
  }
  const Status& failure = result.status();
  std::optional<Timestamp> retry_at;
  if (DispositionOf(failure) == Disposition::kRetry) retry_at = RetryAt(job.attempts, now);
  // The job's record is shown to its requester: the reasons of bad input
  // are theirs to read, a database's or a bug's details belong in the log.
  std::string reason = DispositionOf(failure) == Disposition::kGiveUp
                           ? failure.message()
                           : "a temporary failure on node " + options_.worker + " (see its log)";
  Status s = jobs_.Fail(job, reason, retry_at, now);
  Log(what + (retry_at ? " failed, will retry: " : " failed for good: ") + failure.ToString() +
      (s.ok() ? "" : " (not recorded: " + s.ToString() + ")"));
}

void JobRunner::LeaseLoop() {
  const auto every = options_.lease / 3;
  std::unique_lock lock(mu_);
  while (!lease_stop_) {
    lease_cv_.wait_for(lock, every, [this] { return lease_stop_; });
    if (lease_stop_) return;
    std::vector<Job> held;
    for (const auto& [key, job] : running_) held.push_back(job);
    lock.unlock();
    Timestamp until = clock_.Now() + options_.lease;
    for (const Job& job : held) {
      Status s = jobs_.Renew(job, until);
      if (!s.ok())
        Log("jobs: cannot renew the lease of job " + std::to_string(job.id) + ": " + s.ToString());
    }
    lock.lock();
  }
}

void JobRunner::RunRound(const Job& job, const RecurringJobHandler& handler,
                         const std::string& what) {
  Result<std::optional<Timestamp>> next = Internal("no round");
  try {
    next = handler(job);
  } catch (const std::exception& e) {
    next = Internal(std::string("the handler threw: ") + e.what());
  } catch (...) {
    next = Internal("the handler threw");
  }
  Timestamp now = clock_.Now();
  Status s;
  if (next.ok() && !next->has_value()) {
    s = jobs_.Complete(job, now, "");
    Log(what + " finished: nothing left to do");
  } else if (next.ok()) {
    s = jobs_.Requeue(job, **next, 0, std::nullopt);
  } else {
    // Back off as a one-off job would, up to the slowest pace, and keep
    // coming back. The attempts kept stay below the limit by two, so that
    // failing rounds alone never make the runner give the job up, while a
    // node dying in each of them still does.
    int kept = std::min(job.attempts, std::max(1, options_.max_attempts - 2));
    s = jobs_.Requeue(job, now + Backoff(job.attempts), kept,
                      "a temporary failure on node " + options_.worker + " (see its log)");
    Log(what + " failed, will run again: " + next.status().ToString());
  }
  if (!s.ok()) Log(what + " was not recorded: " + s.ToString());
}

Result<bool> EnsureSingletonJob(
    Store& store, const Clock& clock, const std::string& kind, std::optional<int64_t> current,
    const std::function<Result<bool>(std::optional<int64_t>, int64_t)>& set) {
  if (current) {
    LUISTER_ASSIGN_OR_RETURN(auto state, store.jobs().State(*current));
    if (state == JobState::kQueued || state == JobState::kRunning) return false;
  }
  NewJob job;
  job.kind = kind;
  job.payload = "{}";
  job.run_at = clock.Now();
  job.created_at = clock.Now();
  LUISTER_ASSIGN_OR_RETURN(int64_t id, store.jobs().Enqueue(job));
  return set(current, id);
}

}  // namespace luister
