#include "domain/contact_volume.h"

#include <algorithm>
#include <set>

#include "domain/job_runner.h"

namespace luister {

namespace {

// Events one round reads at a time.
constexpr int kBatch = 2000;
// A node beats its agents' presence every 5 s; three beats missed and they are gone.
constexpr std::chrono::seconds kPresenceFresh(15);

VolumeKey KeyOf(const VolumeEvent& e, Timestamp at) {
  return {VolumeBucket(at), e.channel, e.department_id, e.queue_id};
}

}  // namespace

Timestamp VolumeBucket(Timestamp t) {
  const int64_t ms = ToMillis(t);
  // Floor, also before 1970.
  const int64_t q =
      ms >= 0 ? ms / kVolumeBucketMs : -((-ms + kVolumeBucketMs - 1) / kVolumeBucketMs);
  return FromMillis(q * kVolumeBucketMs);
}

VolumeCounts& VolumeCounts::operator+=(const VolumeCounts& o) {
  opened += o.opened;
  messages_in += o.messages_in;
  replies += o.replies;
  calls_offered += o.calls_offered;
  calls_answered += o.calls_answered;
  calls_abandoned += o.calls_abandoned;
  waits += o.waits;
  wait_seconds += o.wait_seconds;
  first_responses += o.first_responses;
  first_response_seconds += o.first_response_seconds;
  handled += o.handled;
  handle_seconds += o.handle_seconds;
  return *this;
}

bool VolumeCounts::empty() const {
  return opened == 0 && messages_in == 0 && replies == 0 && calls_offered == 0 &&
         calls_answered == 0 && calls_abandoned == 0 && waits == 0 && first_responses == 0 &&
         handled == 0;
}

void AddVolumeEvent(const VolumeEvent& e, std::map<VolumeKey, VolumeCounts>* into) {
  switch (e.kind) {
    case ActivityKind::kConversationOpened:
      ++(*into)[KeyOf(e, e.at)].opened;
      return;
    case ActivityKind::kMessage:
      if (e.direction == Direction::kIn) {
        ++(*into)[KeyOf(e, e.at)].messages_in;
        return;
      }
      if (e.direction != Direction::kOut || !e.by_person) return;
      ++(*into)[KeyOf(e, e.at)].replies;
      // The conversation's first answer: its wait, where it arrived.
      if (e.opened_at && e.first_response_at && *e.first_response_at == e.at &&
          e.at >= *e.opened_at) {
        VolumeCounts& c = (*into)[KeyOf(e, *e.opened_at)];
        ++c.first_responses;
        c.first_response_seconds += (ToMillis(e.at) - ToMillis(*e.opened_at)) / 1000;
      }
      return;
    case ActivityKind::kCall: {
      if (e.direction != Direction::kIn) return;
      VolumeCounts& c = (*into)[KeyOf(e, e.at)];
      ++c.calls_offered;
      if (e.outcome == "answered") {
        ++c.calls_answered;
        if (e.talk_seconds > 0) {
          ++c.handled;
          c.handle_seconds += e.talk_seconds;
        }
      } else if (e.outcome == "abandoned") {
        ++c.calls_abandoned;
      }
      if (e.wait_seconds >= 0) {
        ++c.waits;
        c.wait_seconds += e.wait_seconds;
      }
      return;
    }
    default:
      return;
  }
}

VolumeHeatmap BuildHeatmap(const std::vector<VolumeRow>& rows, const ZoneClock& zone,
                           Timestamp from, Timestamp to) {
  VolumeHeatmap map;
  for (const VolumeRow& r : rows) {
    const LocalMoment local = zone.ToLocal(r.key.bucket);
    const int hour = static_cast<int>(local.ms_of_day / 3'600'000);
    map.cells[WeekdayOf(local.days)][std::clamp(hour, 0, 23)] += r.counts;
    map.total += r.counts;
  }
  const int64_t span = ToMillis(to) - ToMillis(from);
  constexpr int64_t kWeekMs = int64_t{7} * 24 * 3'600'000;
  map.weeks = span <= 0 ? 0 : static_cast<int>((span + kWeekMs - 1) / kWeekMs);
  return map;
}

Result<int> VolumeService::RunRound(int max_events) {
  int read = 0;
  while (read < max_events) {
    LUISTER_ASSIGN_OR_RETURN(int64_t from, volume_.Watermark());
    LUISTER_ASSIGN_OR_RETURN(auto events,
                             volume_.EventsAfter(from, std::min(kBatch, max_events - read)));
    if (events.empty()) break;
    std::map<VolumeKey, VolumeCounts> counts;
    for (const VolumeEvent& e : events) AddVolumeEvent(e, &counts);
    LUISTER_ASSIGN_OR_RETURN(bool mine, volume_.Add(counts, from, events.back().activity_id));
    if (!mine) break;  // another node's round got there first
    read += static_cast<int>(events.size());
  }
  return read;
}

Result<bool> VolumeService::EnsureJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, volume_.JobId());
  return EnsureSingletonJob(
      store_, clock_, kVolumeRollupJob, current,
      [&](std::optional<int64_t> expected, int64_t id) { return volume_.SetJob(expected, id); });
}

Result<std::optional<Timestamp>> VolumeService::RunJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(auto current, volume_.JobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one runner
  constexpr int kPerRound = 20000;
  LUISTER_ASSIGN_OR_RETURN(int read, RunRound(kPerRound));
  // Who is online now, for the staffing plan's "online" beside "needed":
  // nodes beat their agents' presence every few seconds.
  const Timestamp now = clock_.Now();
  LUISTER_RETURN_IF_ERROR(volume_.SampleOnline(VolumeBucket(now), now - kPresenceFresh));
  // A backlog (an import, the first round over an old desk) continues at
  // once; otherwise the last seconds' contacts are added in the next round.
  const auto wait = read >= kPerRound ? std::chrono::seconds(0) : std::chrono::seconds(5);
  return std::optional<Timestamp>(clock_.Now() + wait);
}

}  // namespace luister
