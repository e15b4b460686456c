#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "common/time.h"

namespace luister {

// Background work (exports, mail fetching, reminders in later issues),
// stored in the database so that every node can take it: a job is claimed
// by one worker at a time under a lease; a worker that dies (SIGKILL,
// power loss) stops renewing nothing, its lease runs out and another worker
// claims the job again. Handlers must therefore be idempotent.
struct Job {
  int64_t id = 0;
  std::string kind;     // which handler runs it, e.g. "export.customers"
  std::string payload;  // handler-defined, usually JSON
  int attempts = 0;     // claims so far, this one included
  Timestamp run_at{};
  std::optional<std::string> worker;
  std::optional<Timestamp> lease_until;
};

enum class JobState { kQueued, kRunning, kDone, kFailed };

}  // namespace luister
