#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "domain/directory.h"

namespace luister {

// Background work (subject exports now; mail fetching, reminders, surveys in
// later issues), stored in the database so that every node can take it: a
// job is claimed by one worker at a time under a lease, which the worker
// renews while it runs. A worker that dies (SIGKILL, power loss) stops
// renewing, its lease runs out and another worker claims the job again.
// Handlers must therefore be idempotent.
struct Job {
  int64_t id = 0;
  std::string kind;     // which handler runs it, e.g. "customer.export"
  std::string payload;  // handler-defined, usually JSON
  int attempts = 0;     // claims so far, this one included
  Timestamp run_at{};
  std::optional<std::string> worker;
  std::optional<Timestamp> lease_until;
};

enum class JobState { kQueued, kRunning, kDone, kFailed };

struct NewJob {
  std::string kind;
  std::string payload;
  Timestamp run_at{};
  Timestamp created_at{};             // from the caller's clock
  std::optional<int64_t> created_by;  // the user who asked for it, if any
};

// What an operator or the requesting user sees of a job. The result itself
// can be large and is read separately (JobRepository::GetResult).
struct JobRecord {
  int64_t id = 0;
  std::string kind;
  std::string payload;
  JobState state = JobState::kQueued;
  int attempts = 0;
  Timestamp run_at{};
  std::optional<std::string> worker;  // the last worker that claimed it
  std::optional<Timestamp> lease_until;
  std::optional<std::string> last_error;
  std::optional<int64_t> created_by;
  Timestamp created_at{};
  std::optional<Timestamp> finished_at;
  bool has_result = false;
};

// A job is seen by the user who asked for it and by administrators only:
// its payload and result can hold personal data.
bool MaySeeJob(const User& who, const JobRecord& job);

std::string_view ToString(JobState s);
// The state named as ToString names it; kFailed for anything else.
JobState ParseJobState(std::string_view s);

}  // namespace luister
