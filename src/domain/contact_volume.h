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
// counts and durations only: never a name or a text. Three append-only
// sources are read once each, in id order, by a recurring job and added to
// quarter-hour rollups per channel, department, queue, location and
// customer segment: the timeline's events (activity.h: conversations
// opened, messages), the telephone system's calls (with or without a known
// caller) and the chats' queue waits. Every view reads the rollups, never
// the history; a repair job recounts a stretch of days from the sources
// (after a merge, or to catch a row committed behind the watermark).
// docs/staffing.md.

inline constexpr int64_t kVolumeBucketMs = 15 * 60 * 1000;
Timestamp VolumeBucket(Timestamp t);

// One timeline event with what the rollups need of its conversation.
// Which source an event came from; each has its own watermark.
enum class VolumeSource { kActivities, kCalls, kChatWaits };
inline constexpr std::array<VolumeSource, 3> kVolumeSources = {
    VolumeSource::kActivities, VolumeSource::kCalls, VolumeSource::kChatWaits};

// A call back asked for on a web page (the chat widget), not by a caller:
// storage names such calls so (no telephone system reported them, no agent
// logged them), and they are no call that came in.
inline constexpr char kWebCallbackOutcome[] = "web_callback";
// A chat that was answered and then ended (closed, or back in the queue):
// its handle time, accepted to ended, in the quarter it arrived.
inline constexpr char kChatEndedOutcome[] = "ended";

struct VolumeEvent {
  int64_t activity_id = 0;  // the id in its source
  VolumeSource source = VolumeSource::kActivities;
  Timestamp at{};
  ActivityKind kind = ActivityKind::kMessage;
  Channel channel = Channel::kEmail;
  std::optional<Direction> direction;
  bool by_person = false;  // a message written by an agent (not an automatic one)
  int64_t department_id = 0;
  int64_t queue_id = 0;                        // 0: none
  int64_t location_id = 0;                     // 0: none (a walk-in's shop)
  std::string segment;                         // the customer's; "" none or unknown
  std::optional<Timestamp> opened_at;          // the conversation's
  std::optional<Timestamp> first_response_at;  // the conversation's
  // A call's (answered, abandoned, ..., kWebCallbackOutcome) or a chat wait's (answered,
  // abandoned: the visitor left, timed_out: nobody accepted in time, kChatEndedOutcome).
  std::string outcome;
  int64_t wait_seconds = 0;  // a call's or a chat's queue wait (-1: unknown)
  int64_t talk_seconds = 0;  // a call's, or an ended chat's accepted to ended
};

// The rollups keep each quarter at several grains: the full breakdown, and
// sums of it over the dimensions a view most often leaves open, so that a
// heatmap of a year, or of one queue, reads a handful of rows per quarter
// rather than every channel × queue × location × segment combination.
// A key's dimensions outside its grain are 0 / "".
// The summed grains are kept per hour (UTC) too, for views that span
// months in a zone whose offset is whole hours (ZoneClock::WholeHours): a
// year's heatmap reads a quarter of the rows.
enum class VolumeGrain : int {
  kFull = 0,      // channel, department, queue, location, segment
  kChannel = 1,   // channel
  kQueue = 2,     // channel, department, queue
  kSegment = 3,   // channel, segment
  kLocation = 4,  // channel, department, location (walk-ins only)
  kChannelHour = 5,
  kQueueHour = 6,
  kSegmentHour = 7,
  kLocationHour = 8,
};
inline constexpr VolumeGrain kVolumeGrains[] = {
    VolumeGrain::kFull,        VolumeGrain::kChannel,   VolumeGrain::kQueue,
    VolumeGrain::kSegment,     VolumeGrain::kLocation,  VolumeGrain::kChannelHour,
    VolumeGrain::kQueueHour,   VolumeGrain::kSegmentHour, VolumeGrain::kLocationHour};
// A grain's buckets are hours (else quarter hours).
bool Hourly(VolumeGrain g);

struct VolumeKey {
  Timestamp bucket{};
  Channel channel = Channel::kEmail;
  int64_t department_id = 0;
  int64_t queue_id = 0;
  int64_t location_id = 0;
  std::string segment{};
  VolumeGrain grain = VolumeGrain::kFull;
  bool operator<(const VolumeKey& o) const {
    return std::tie(grain, bucket, channel, department_id, queue_id, location_id, segment) <
           std::tie(o.grain, o.bucket, o.channel, o.department_id, o.queue_id, o.location_id,
                    o.segment);
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
  int64_t chats_offered = 0;  // chats that asked for an agent
  int64_t chats_answered = 0;
  int64_t chats_abandoned = 0;  // the visitor left before an agent accepted
  int64_t waits = 0;            // inbound calls and chats with a queue wait measured
  int64_t wait_seconds = 0;
  int64_t first_responses = 0;  // conversations answered, in the quarter they opened
  int64_t first_response_seconds = 0;
  int64_t handled = 0;  // contacts with a handle time (answered calls: talk time)
  int64_t handle_seconds = 0;
  VolumeCounts& operator+=(const VolumeCounts& o);
  bool empty() const;
  bool operator==(const VolumeCounts& o) const = default;
  // The contacts that came in: conversations opened plus calls offered
  // (a call opens no conversation by itself).
  int64_t contacts() const { return opened + calls_offered; }
};

// What one event adds, and to which quarter (first responses count in the
// quarter their conversation opened, so that waits sit beside arrivals).
// A repair counts the two apart: the arrivals of a stretch of time, and the
// first responses of the conversations opened in it.
enum class VolumeParts { kAll, kArrivals, kFirstResponses };
void AddVolumeEvent(const VolumeEvent& e, std::map<VolumeKey, VolumeCounts>* into,
                    VolumeParts parts = VolumeParts::kAll);

struct VolumeRow {
  VolumeKey key;
  VolumeCounts counts;
};

struct VolumeFilter {
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<int64_t> queue_id;
  std::optional<int64_t> location_id;
  std::optional<std::string> segment;
};

// Full-grain counts (AddVolumeEvent's) with their sums at every other
// grain added: what the rollups store.
std::map<VolumeKey, VolumeCounts> WithAllGrains(const std::map<VolumeKey, VolumeCounts>& full);
// The coarsest grain that still holds every dimension `filter` narrows;
// with `hourly`, its hourly twin where it has one (the full breakdown is
// kept by the quarter only).
VolumeGrain GrainFor(const VolumeFilter& filter, bool hourly = false);

// Hour × weekday in one time zone: the contacts, and the waits beside them.
struct VolumeHeatmap {
  // [weekday 0 = Monday .. 6][hour 0..23]
  std::array<std::array<VolumeCounts, 24>, 7> cells{};
  VolumeCounts total;
  int weeks = 0;  // whole or part weeks the range spans, to average by
};
VolumeHeatmap BuildHeatmap(const std::vector<VolumeRow>& rows, const ZoneClock& zone,
                           Timestamp from, Timestamp to);
class VolumeRepository;
// The heatmap of [from, to) (quarters at its edges): whole hours by the
// hour where the zone allows, quarters elsewhere.
Result<VolumeHeatmap> ReadHeatmap(VolumeRepository& repo, const ZoneClock& zone, Timestamp from,
                                  Timestamp to, const VolumeFilter& filter);

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
  // A source's events after `after`, by id, at most `limit`. Timeline:
  // conversations opened and messages (not notes), with their
  // conversation's department, queue, location, opening and first response.
  // Calls: every call, a caller known or not, in the PBX's queue (or its
  // conversation's). Chat waits: each time a waiting chat was accepted,
  // left or timed out.
  virtual Result<std::vector<VolumeEvent>> EventsAfter(VolumeSource source, int64_t after,
                                                       int limit) = 0;
  virtual Result<int64_t> Watermark(VolumeSource source) = 0;
  // Adds `counts` to the rollups and moves the source's watermark from
  // `from` to `to` in one transaction; false (nothing added) when another
  // runner moved it first.
  virtual Result<bool> Add(VolumeSource source, const std::map<VolumeKey, VolumeCounts>& counts,
                           int64_t from, int64_t to) = 0;
  // Recounts the whole hours in [from, to) from the sources, up to each
  // source's watermark (what is past it the rounds add), in one
  // transaction; the contacts counted. InvalidArgument unless both are on
  // the hour (UTC): the hourly grains are recounted whole.
  virtual Result<int64_t> Recount(Timestamp from, Timestamp to) = 0;
  // Customer merges after the merge watermark, at most `limit`: each
  // one's id and, when the two customers' segments differ (the rollups
  // counted the source's contacts under its own), the stretch of the
  // merged timeline.
  struct Merge {
    int64_t id = 0;
    std::optional<std::pair<Timestamp, Timestamp>> recount;  // [first, last] event
  };
  virtual Result<std::vector<Merge>> MergesAfter(int64_t after, int limit) = 0;
  virtual Result<int64_t> MergeWatermark() = 0;
  virtual Result<bool> MoveMergeWatermark(int64_t from, int64_t to) = 0;
  // The day (UTC midnight) through which the last two days were
  // recounted, and compare-and-set of it.
  virtual Result<Timestamp> RepairedThrough() = 0;
  virtual Result<bool> SetRepairedThrough(Timestamp from, Timestamp to) = 0;
  // The rollups of `grain` with bucket in [from, to) that the filter
  // selects, one row per bucket (ascending) summed over every dimension the
  // filter leaves open; each key holds the filter's values.
  virtual Result<std::vector<VolumeRow>> Rows(Timestamp from, Timestamp to,
                                              const VolumeFilter& filter, VolumeGrain grain) = 0;
  // By the quarter, at GrainFor(filter).
  Result<std::vector<VolumeRow>> Rows(Timestamp from, Timestamp to, const VolumeFilter& filter) {
    return Rows(from, to, filter, GrainFor(filter));
  }
  // Counts the agents every node reported present at or after `since`
  // (the chat module's presence beat), per department, and keeps the
  // higher of that and what `bucket` held.
  virtual Status SampleOnline(Timestamp bucket, Timestamp since) = 0;
  // The non-empty customer segments counted in buckets at or after
  // `since`, sorted, at most `limit`: what the heatmap can be narrowed to.
  virtual Result<std::vector<std::string>> Segments(Timestamp since, int limit) = 0;
  // The samples with bucket in [from, to), by bucket.
  virtual Result<std::vector<OnlineSample>> Online(Timestamp from, Timestamp to) = 0;
  virtual Result<std::optional<int64_t>> JobId() = 0;
  virtual Result<bool> SetJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

inline constexpr char kVolumeRollupJob[] = "volume.rollup";
// Recounts a stretch of days, one day per run (params: from, to, next, in
// ms); VolumeService::EnqueueRepair.
inline constexpr char kVolumeRepairJob[] = "volume.repair";

struct VolumeRepair {
  int64_t days = 0;      // recounted
  int64_t contacts = 0;  // counted in them
};

class VolumeService {
 public:
  VolumeService(Store& store, VolumeRepository& volume, const Clock& clock)
      : store_(store), volume_(volume), clock_(clock) {}

  // Adds up to `max_events` events of each source after its watermark;
  // how many were read.
  Result<int> RunRound(int max_events);
  Result<bool> EnsureJob();
  Result<std::optional<Timestamp>> RunJob(const Job& job);
  // A durable job recounting the whole days (UTC) that [from, to) touches;
  // InvalidArgument for an empty or reversed range.
  Result<int64_t> EnqueueRepair(Timestamp from, Timestamp to,
                                std::optional<int64_t> by_user = std::nullopt);
  // The job: what it recounted.
  Result<VolumeRepair> RunRepair(const Job& job);

 private:
  Status RepairAfterMerges();
  Status RepairYesterday(Timestamp now);

  Store& store_;
  VolumeRepository& volume_;
  const Clock& clock_;
};

}  // namespace luister
