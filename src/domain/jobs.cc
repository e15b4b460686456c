#include "domain/jobs.h"

namespace luister {

std::string_view ToString(JobState s) {
  switch (s) {
    case JobState::kQueued:
      return "queued";
    case JobState::kRunning:
      return "running";
    case JobState::kDone:
      return "done";
    case JobState::kFailed:
      return "failed";
  }
  return "failed";
}

JobState ParseJobState(std::string_view s) {
  return s == "queued"    ? JobState::kQueued
         : s == "running" ? JobState::kRunning
         : s == "done"    ? JobState::kDone
                          : JobState::kFailed;
}

bool MaySeeJob(const User& who, const JobRecord& job) {
  return who.role == Role::kAdmin || job.created_by == who.id;
}

}  // namespace luister
