#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/enums.h"
#include "domain/repositories.h"
#include "domain/zone_clock.h"

namespace luister {

// When customers come and how long they wait (C8), from every door, as
// counts and durations only: never a name or a text. The timeline's
// events (activity.h: conversations opened, messages, calls), which
// storage writes with every change, are read once each, in id order, by a
// recurring job and added to quarter-hour rollups per channel, department
// and queue; every view reads the rollups, never the history.
// docs/staffing.md.

inline constexpr int64_t kVolumeBucketMs = 15 * 60 * 1000;
Timestamp VolumeBucket(Timestamp t);

// One timeline event with what the rollups need of its conversation.
struct VolumeEvent {
  int64_t activity_id = 0;
  Timestamp at{};
  ActivityKind kind = ActivityKind::kMessage;
  Channel channel = Channel::kEmail;
  std::optional<Direction> direction;
  bool by_person = false;  // a message written by an agent (not an automatic one)
  int64_t department_id = 0;
  int64_t queue_id = 0;                        // 0: none
  std::optional<Timestamp> opened_at;          // the conversation's
  std::optional<Timestamp> first_response_at;  // the conversation's
  std::string outcome;                         // a call's
  int64_t wait_seconds = 0;                    // a call's
  int64_t talk_seconds = 0;                    // a call's
};

struct VolumeKey {
  Timestamp bucket{};
  Channel channel = Channel::kEmail;
  int64_t department_id = 0;
  int64_t queue_id = 0;
  bool operator<(const VolumeKey& o) const {
    return std::tie(bucket, channel, department_id, queue_id) <
           std::tie(o.bucket, o.channel, o.department_id, o.queue_id);
  }
  bool operator==(const VolumeKey& o) const = default;
};

struct VolumeCounts {
  int64_t opened = 0;         // conversations opened (any door)
  int64_t messages_in = 0;    // messages from customers
  int64_t replies = 0;        // messages to customers written by agents
  int64_t calls_offered = 0;  // inbound calls
  int64_t calls_answered = 0;
  int64_t calls_abandoned = 0;
  int64_t waits = 0;  // inbound calls with a queue wait measured
  int64_t wait_seconds = 0;
  int64_t first_responses = 0;  // conversations answered, in the quarter they opened
  int64_t first_response_seconds = 0;
  int64_t handled = 0;  // contacts with a handle time (answered calls: talk time)
  int64_t handle_seconds = 0;
  VolumeCounts& operator+=(const VolumeCounts& o);
  bool empty() const;
  // The contacts that came in: conversations opened plus calls offered
  // (a call opens no conversation by itself).
  int64_t contacts() const { return opened + calls_offered; }
};

// What one event adds, and to which quarter (first responses count in the
// quarter their conversation opened, so that waits sit beside arrivals).
void AddVolumeEvent(const VolumeEvent& e, std::map<VolumeKey, VolumeCounts>* into);

struct VolumeRow {
  VolumeKey key;
  VolumeCounts counts;
};

struct VolumeFilter {
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<int64_t> queue_id;
};

// Hour × weekday in one time zone: the contacts, and the waits beside them.
struct VolumeHeatmap {
  // [weekday 0 = Monday .. 6][hour 0..23]
  std::array<std::array<VolumeCounts, 24>, 7> cells{};
  VolumeCounts total;
  int weeks = 0;  // whole or part weeks the range spans, to average by
};
VolumeHeatmap BuildHeatmap(const std::vector<VolumeRow>& rows, const ZoneClock& zone,
                           Timestamp from, Timestamp to);

// The most agents with the workspace open in one quarter hour, per
// department (0: agents without one).
struct OnlineSample {
  Timestamp bucket{};
  int64_t department_id = 0;
  int agents = 0;
};

class VolumeRepository {
 public:
  virtual ~VolumeRepository() = default;
  // Timeline events after `after`, by id, at most `limit`: conversations
  // opened, messages (not notes) and calls, with their conversation's
  // department, queue, opening and first response.
  virtual Result<std::vector<VolumeEvent>> EventsAfter(int64_t after, int limit) = 0;
  virtual Result<int64_t> Watermark() = 0;
  // Adds `counts` to the rollups and moves the watermark from `from` to
  // `to` in one transaction; false (nothing added) when another runner
  // moved it first.
  virtual Result<bool> Add(const std::map<VolumeKey, VolumeCounts>& counts, int64_t from,
                           int64_t to) = 0;
  // Rollup rows with bucket in [from, to), summed over the dimensions the
  // filter leaves open, by bucket and channel.
  virtual Result<std::vector<VolumeRow>> Rows(Timestamp from, Timestamp to,
                                              const VolumeFilter& filter) = 0;
  // Counts the agents every node reported present at or after `since`
  // (the chat module's presence beat), per department, and keeps the
  // higher of that and what `bucket` held.
  virtual Status SampleOnline(Timestamp bucket, Timestamp since) = 0;
  // The samples with bucket in [from, to), by bucket.
  virtual Result<std::vector<OnlineSample>> Online(Timestamp from, Timestamp to) = 0;
  virtual Result<std::optional<int64_t>> JobId() = 0;
  virtual Result<bool> SetJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

inline constexpr char kVolumeRollupJob[] = "volume.rollup";

class VolumeService {
 public:
  VolumeService(Store& store, VolumeRepository& volume, const Clock& clock)
      : store_(store), volume_(volume), clock_(clock) {}

  // Adds up to `max_events` events after the watermark; how many were read.
  Result<int> RunRound(int max_events);
  Result<bool> EnsureJob();
  Result<std::optional<Timestamp>> RunJob(const Job& job);

 private:
  Store& store_;
  VolumeRepository& volume_;
  const Clock& clock_;
};

}  // namespace luister
