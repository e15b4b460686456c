#include "domain/contact_volume.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "domain/job_runner.h"

namespace luister {

namespace {

// Events one round reads at a time.
constexpr int kBatch = 2000;
// A node beats its agents' presence every 5 s; three beats missed and they are gone.
constexpr std::chrono::seconds kPresenceFresh(15);

VolumeKey KeyOf(const VolumeEvent& e, Timestamp at) {
  return {VolumeBucket(at), e.channel, e.department_id, e.queue_id, e.location_id, e.segment};
}

constexpr int64_t kDayMs = int64_t{24} * 3'600'000;

int64_t FloorDay(int64_t ms) {
  return ms >= 0 ? ms / kDayMs * kDayMs : -((-ms + kDayMs - 1) / kDayMs) * kDayMs;
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
  chats_offered += o.chats_offered;
  chats_answered += o.chats_answered;
  chats_abandoned += o.chats_abandoned;
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
         calls_answered == 0 && calls_abandoned == 0 && chats_offered == 0 && chats_answered == 0 &&
         chats_abandoned == 0 && waits == 0 && first_responses == 0 && handled == 0;
}

bool Hourly(VolumeGrain g) { return static_cast<int>(g) >= static_cast<int>(VolumeGrain::kChannelHour); }

namespace {

constexpr int64_t kHourMs = 3'600'000;

VolumeGrain HourlyTwin(VolumeGrain g) {
  return static_cast<VolumeGrain>(static_cast<int>(g) + 4);
}

Timestamp FloorHour(Timestamp t) {
  const int64_t ms = ToMillis(t);
  return FromMillis(ms >= 0 ? ms / kHourMs * kHourMs : -((-ms + kHourMs - 1) / kHourMs) * kHourMs);
}

// `k` at its grain, and again by the hour.
void AddSummed(VolumeKey k, const VolumeCounts& counts, std::map<VolumeKey, VolumeCounts>* out) {
  (*out)[k] += counts;
  k.grain = HourlyTwin(k.grain);
  k.bucket = FloorHour(k.bucket);
  (*out)[k] += counts;
}

}  // namespace

std::map<VolumeKey, VolumeCounts> WithAllGrains(const std::map<VolumeKey, VolumeCounts>& full) {
  std::map<VolumeKey, VolumeCounts> out;
  for (const auto& [key, counts] : full) {
    if (key.grain != VolumeGrain::kFull) continue;
    out[key] += counts;
    VolumeKey k{key.bucket, key.channel};
    k.grain = VolumeGrain::kChannel;
    AddSummed(k, counts, &out);
    k.grain = VolumeGrain::kQueue;
    k.department_id = key.department_id;
    k.queue_id = key.queue_id;
    AddSummed(k, counts, &out);
    // Only a walk-in has a location, and a location filter names one.
    if (key.location_id != 0) {
      k.grain = VolumeGrain::kLocation;
      k.queue_id = 0;
      k.location_id = key.location_id;
      AddSummed(k, counts, &out);
    }
    VolumeKey by_segment{key.bucket, key.channel};
    by_segment.grain = VolumeGrain::kSegment;
    by_segment.segment = key.segment;
    AddSummed(by_segment, counts, &out);
  }
  return out;
}

VolumeGrain GrainFor(const VolumeFilter& f, bool hourly) {
  const bool queue = f.department_id || f.queue_id;
  VolumeGrain g = queue ? VolumeGrain::kQueue : VolumeGrain::kChannel;
  if (f.segment) g = queue || f.location_id ? VolumeGrain::kFull : VolumeGrain::kSegment;
  else if (f.location_id) g = f.queue_id ? VolumeGrain::kFull : VolumeGrain::kLocation;
  return hourly && g != VolumeGrain::kFull ? HourlyTwin(g) : g;
}

void AddVolumeEvent(const VolumeEvent& e, std::map<VolumeKey, VolumeCounts>* into,
                    VolumeParts parts) {
  const bool arrivals = parts != VolumeParts::kFirstResponses;
  if (e.source == VolumeSource::kChatWaits) {
    if (!arrivals) return;
    VolumeCounts& c = (*into)[KeyOf(e, e.at)];
    // Handled: counted where the chat arrived, beside its wait.
    if (e.outcome == kChatEndedOutcome) {
      ++c.handled;
      c.handle_seconds += e.talk_seconds;
      return;
    }
    ++c.chats_offered;
    if (e.outcome == "answered") ++c.chats_answered;
    if (e.outcome == "abandoned") ++c.chats_abandoned;
    if (e.wait_seconds >= 0) {
      ++c.waits;
      c.wait_seconds += e.wait_seconds;
    }
    return;
  }
  switch (e.kind) {
    case ActivityKind::kConversationOpened:
      if (arrivals) ++(*into)[KeyOf(e, e.at)].opened;
      return;
    case ActivityKind::kMessage:
      if (e.direction == Direction::kIn) {
        if (arrivals) ++(*into)[KeyOf(e, e.at)].messages_in;
        return;
      }
      if (e.direction != Direction::kOut || !e.by_person) return;
      if (arrivals) ++(*into)[KeyOf(e, e.at)].replies;
      // The conversation's first answer: its wait, where it arrived.
      if (parts != VolumeParts::kArrivals && e.opened_at && e.first_response_at &&
          *e.first_response_at == e.at && e.at >= *e.opened_at) {
        VolumeCounts& c = (*into)[KeyOf(e, *e.opened_at)];
        ++c.first_responses;
        c.first_response_seconds += (ToMillis(e.at) - ToMillis(*e.opened_at)) / 1000;
      }
      return;
    case ActivityKind::kCall: {
      if (!arrivals || e.direction != Direction::kIn || e.outcome == kWebCallbackOutcome) return;
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

Result<VolumeHeatmap> ReadHeatmap(VolumeRepository& repo, const ZoneClock& zone, Timestamp from,
                                  Timestamp to, const VolumeFilter& filter) {
  const Timestamp start = VolumeBucket(from);
  // The whole hours inside, by the hour, if the zone keeps them whole and
  // the filter has an hourly grain; the quarters before and after them.
  Timestamp first_hour = FloorHour(start);
  if (first_hour < start) first_hour += std::chrono::hours(1);
  const Timestamp last_hour = FloorHour(to);
  const VolumeGrain hourly = GrainFor(filter, true);
  std::vector<VolumeRow> rows;
  if (Hourly(hourly) && first_hour + std::chrono::hours(24) < last_hour &&
      zone.WholeHours(first_hour, last_hour)) {
    LUISTER_ASSIGN_OR_RETURN(rows, repo.Rows(start, first_hour, filter));
    LUISTER_ASSIGN_OR_RETURN(auto middle, repo.Rows(first_hour, last_hour, filter, hourly));
    LUISTER_ASSIGN_OR_RETURN(auto end, repo.Rows(last_hour, to, filter));
    rows.insert(rows.end(), middle.begin(), middle.end());
    rows.insert(rows.end(), end.begin(), end.end());
  } else {
    LUISTER_ASSIGN_OR_RETURN(rows, repo.Rows(start, to, filter));
  }
  return BuildHeatmap(rows, zone, from, to);
}

Result<int> VolumeService::RunRound(int max_events) {
  int read = 0;
  for (VolumeSource source : kVolumeSources) {
    int from_source = 0;
    while (from_source < max_events) {
      LUISTER_ASSIGN_OR_RETURN(int64_t from, volume_.Watermark(source));
      LUISTER_ASSIGN_OR_RETURN(
          auto events,
          volume_.EventsAfter(source, from, std::min(kBatch, max_events - from_source)));
      if (events.empty()) break;
      std::map<VolumeKey, VolumeCounts> counts;
      for (const VolumeEvent& e : events) AddVolumeEvent(e, &counts);
      LUISTER_ASSIGN_OR_RETURN(bool mine,
                               volume_.Add(source, counts, from, events.back().activity_id));
      if (!mine) break;  // another node's round got there first
      from_source += static_cast<int>(events.size());
    }
    read = std::max(read, from_source);
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
  LUISTER_RETURN_IF_ERROR(RepairAfterMerges());
  LUISTER_RETURN_IF_ERROR(RepairYesterday(now));
  // A backlog (an import, the first round over an old desk) continues at
  // once; otherwise the last seconds' contacts are added in the next round.
  const auto wait = read >= kPerRound ? std::chrono::seconds(0) : std::chrono::seconds(5);
  return std::optional<Timestamp>(clock_.Now() + wait);
}

Status VolumeService::RepairAfterMerges() {
  LUISTER_ASSIGN_OR_RETURN(int64_t from, volume_.MergeWatermark());
  LUISTER_ASSIGN_OR_RETURN(auto merges, volume_.MergesAfter(from, 100));
  if (merges.empty()) return Status::Ok();
  // Enqueued before the watermark moves: at worst a stretch is recounted
  // twice, which changes nothing.
  for (const auto& m : merges) {
    if (!m.recount) continue;
    LUISTER_RETURN_IF_ERROR(
        EnqueueRepair(m.recount->first, m.recount->second + std::chrono::milliseconds(1)).status());
  }
  return volume_.MoveMergeWatermark(from, merges.back().id).status();
}

// Once a day the two days before: a row that committed behind a
// watermark (two writers on PostgreSQL take ids in one order and commit in
// another) is counted then.
Status VolumeService::RepairYesterday(Timestamp now) {
  const Timestamp today = FromMillis(FloorDay(ToMillis(now)));
  LUISTER_ASSIGN_OR_RETURN(Timestamp through, volume_.RepairedThrough());
  if (through >= today) return Status::Ok();
  LUISTER_ASSIGN_OR_RETURN(bool mine, volume_.SetRepairedThrough(through, today));
  if (!mine) return Status::Ok();  // another node's round does it
  const Timestamp from = std::max(through, today - std::chrono::hours(48));
  return volume_.Recount(from, today).status();
}

Result<int64_t> VolumeService::EnqueueRepair(Timestamp from, Timestamp to,
                                             std::optional<int64_t> by_user) {
  if (!(from < to))
    return InvalidArgument("the repair is not valid", {{"from", "must be before to"}});
  NewJob job;
  job.kind = kVolumeRepairJob;
  job.payload = std::to_string(FloorDay(ToMillis(from))) + "/" + std::to_string(ToMillis(to));
  job.run_at = clock_.Now();
  job.created_at = clock_.Now();
  job.created_by = by_user;
  return store_.jobs().Enqueue(job);
}

Result<VolumeRepair> VolumeService::RunRepair(const Job& job) {
  int64_t from = 0;
  int64_t to = 0;
  const char* end = job.payload.data() + job.payload.size();
  auto a = std::from_chars(job.payload.data(), end, from);
  auto b = a.ec == std::errc() && a.ptr != end && *a.ptr == '/'
               ? std::from_chars(a.ptr + 1, end, to)
               : std::from_chars_result{a.ptr, std::errc::invalid_argument};
  if (b.ec != std::errc() || b.ptr != end || from >= to)
    return InvalidArgument("a volume repair's payload is from/to in ms, from before to");
  // A day per transaction: short locks, and a repair cut off by a dying
  // node is simply run again (recounting is idempotent).
  VolumeRepair done;
  for (int64_t day = FloorDay(from); day < to; day += kDayMs, ++done.days) {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, volume_.Recount(FromMillis(day), FromMillis(day + kDayMs)));
    done.contacts += n;
  }
  return done;
}

}  // namespace luister
