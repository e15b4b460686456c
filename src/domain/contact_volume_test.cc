#include "domain/contact_volume.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

VolumeEvent Event(ActivityKind kind, const char* at) {
  VolumeEvent e;
  e.kind = kind;
  e.at = At(at);
  e.channel = Channel::kEmail;
  e.department_id = 3;
  e.queue_id = 7;
  return e;
}

TEST(ContactVolumeTest, BucketsAreQuarterHours) {
  EXPECT_EQ(VolumeBucket(At("2026-12-03T09:14:59Z")), At("2026-12-03T09:00:00Z"));
  EXPECT_EQ(VolumeBucket(At("2026-12-03T09:15:00Z")), At("2026-12-03T09:15:00Z"));
  EXPECT_EQ(VolumeBucket(FromMillis(-1)), FromMillis(-kVolumeBucketMs));
}

TEST(ContactVolumeTest, EachEventAddsWhereAndWhatItShould) {
  std::map<VolumeKey, VolumeCounts> m;
  AddVolumeEvent(Event(ActivityKind::kConversationOpened, "2026-12-03T09:02:00Z"), &m);
  VolumeEvent in = Event(ActivityKind::kMessage, "2026-12-03T09:03:00Z");
  in.direction = Direction::kIn;
  AddVolumeEvent(in, &m);
  // The first answer, 40 minutes later: a reply at 09:42, its wait counted
  // in the quarter the conversation opened.
  VolumeEvent reply = Event(ActivityKind::kMessage, "2026-12-03T09:42:00Z");
  reply.direction = Direction::kOut;
  reply.by_person = true;
  reply.opened_at = At("2026-12-03T09:02:00Z");
  reply.first_response_at = reply.at;
  AddVolumeEvent(reply, &m);
  // A later reply is no first response; an automatic message is no reply.
  VolumeEvent later = reply;
  later.at = At("2026-12-03T09:50:00Z");
  AddVolumeEvent(later, &m);
  VolumeEvent automatic = later;
  automatic.by_person = false;
  AddVolumeEvent(automatic, &m);
  // A note or a status change counts nothing.
  AddVolumeEvent(Event(ActivityKind::kNote, "2026-12-03T09:05:00Z"), &m);
  AddVolumeEvent(Event(ActivityKind::kStatusChanged, "2026-12-03T09:05:00Z"), &m);

  const VolumeKey nine{At("2026-12-03T09:00:00Z"), Channel::kEmail, 3, 7};
  const VolumeKey nine30{At("2026-12-03T09:30:00Z"), Channel::kEmail, 3, 7};
  const VolumeKey nine45{At("2026-12-03T09:45:00Z"), Channel::kEmail, 3, 7};
  ASSERT_EQ(m.count(nine), 1u);
  EXPECT_EQ(m[nine].opened, 1);
  EXPECT_EQ(m[nine].messages_in, 1);
  EXPECT_EQ(m[nine].first_responses, 1);
  EXPECT_EQ(m[nine].first_response_seconds, 40 * 60);
  EXPECT_EQ(m[nine30].replies, 1);
  EXPECT_EQ(m[nine45].replies, 1);
  EXPECT_EQ(m[nine45].first_responses, 0);
  EXPECT_EQ(m.size(), 3u);
}

TEST(ContactVolumeTest, CallsCountOfferedAnsweredAbandonedWaitsAndTalk) {
  std::map<VolumeKey, VolumeCounts> m;
  VolumeEvent call = Event(ActivityKind::kCall, "2026-12-03T09:00:00Z");
  call.channel = Channel::kPhone;
  call.direction = Direction::kIn;
  call.outcome = "answered";
  call.wait_seconds = 65;
  call.talk_seconds = 390;
  AddVolumeEvent(call, &m);
  call.outcome = "abandoned";
  call.wait_seconds = 40;
  call.talk_seconds = 0;
  AddVolumeEvent(call, &m);
  VolumeEvent out = call;  // our own calls out are no arrivals
  out.direction = Direction::kOut;
  AddVolumeEvent(out, &m);
  ASSERT_EQ(m.size(), 1u);
  const VolumeCounts& c = m.begin()->second;
  EXPECT_EQ(c.calls_offered, 2);
  EXPECT_EQ(c.calls_answered, 1);
  EXPECT_EQ(c.calls_abandoned, 1);
  EXPECT_EQ(c.waits, 2);
  EXPECT_EQ(c.wait_seconds, 105);
  EXPECT_EQ(c.handled, 1);
  EXPECT_EQ(c.handle_seconds, 390);
  EXPECT_EQ(c.contacts(), 2);
}

TEST(ContactVolumeTest, ChatWaitsCountAnsweredLeftAndTimedOutWithTheirWaitsAndHandleTime) {
  std::map<VolumeKey, VolumeCounts> m;
  VolumeEvent wait;
  wait.source = VolumeSource::kChatWaits;
  wait.at = At("2026-12-03T14:05:00Z");  // when the chat asked for an agent
  wait.channel = Channel::kChat;
  wait.department_id = 3;
  wait.queue_id = 8;
  wait.segment = "smb";
  for (auto [outcome, seconds] :
       {std::pair{"answered", 30}, {"abandoned", 90}, {"timed_out", 300}}) {
    wait.outcome = outcome;
    wait.wait_seconds = seconds;
    AddVolumeEvent(wait, &m);
  }
  // The answered chat ended after 6 minutes: handled, beside its arrival,
  // and not offered again.
  wait.outcome = kChatEndedOutcome;
  wait.wait_seconds = -1;
  wait.talk_seconds = 360;
  AddVolumeEvent(wait, &m);
  // The arrivals of a repair count them; its first responses do not.
  AddVolumeEvent(wait, &m, VolumeParts::kFirstResponses);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m.begin()->first.segment, "smb");
  const VolumeCounts& c = m.begin()->second;
  EXPECT_EQ(c.chats_offered, 3);
  EXPECT_EQ(c.chats_answered, 1);
  EXPECT_EQ(c.chats_abandoned, 1);
  EXPECT_EQ(c.waits, 3);
  EXPECT_EQ(c.wait_seconds, 420);
  EXPECT_EQ(c.handled, 1);
  EXPECT_EQ(c.handle_seconds, 360);
  // The chat's conversation is the contact; its wait is not another one.
  EXPECT_EQ(c.contacts(), 0);
}

TEST(ContactVolumeTest, ARepairCountsArrivalsAndFirstResponsesApartAndAWebCallbackIsNoCall) {
  VolumeEvent reply = Event(ActivityKind::kMessage, "2026-12-04T10:20:00Z");
  reply.direction = Direction::kOut;
  reply.by_person = true;
  reply.opened_at = At("2026-12-03T23:50:00Z");
  reply.first_response_at = reply.at;
  std::map<VolumeKey, VolumeCounts> arrivals, first;
  AddVolumeEvent(reply, &arrivals, VolumeParts::kArrivals);
  AddVolumeEvent(reply, &first, VolumeParts::kFirstResponses);
  ASSERT_EQ(arrivals.size(), 1u);
  EXPECT_EQ(arrivals.begin()->second.replies, 1);
  EXPECT_EQ(arrivals.begin()->second.first_responses, 0);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first.begin()->first.bucket, At("2026-12-03T23:45:00Z"));
  EXPECT_EQ(first.begin()->second.first_responses, 1);
  EXPECT_EQ(first.begin()->second.replies, 0);

  VolumeEvent callback = Event(ActivityKind::kCall, "2026-12-03T09:00:00Z");
  callback.source = VolumeSource::kCalls;
  callback.channel = Channel::kPhone;
  callback.direction = Direction::kIn;
  callback.outcome = kWebCallbackOutcome;
  std::map<VolumeKey, VolumeCounts> none;
  AddVolumeEvent(callback, &none);
  EXPECT_TRUE(none.empty());
}

TEST(ContactVolumeTest, EveryGrainSumsTheFullBreakdownAndAFilterReadsTheCoarsestThatHoldsIt) {
  std::map<VolumeKey, VolumeCounts> full;
  auto opened = [&](Channel ch, int64_t queue, int64_t location, const char* segment) {
    VolumeEvent e = Event(ActivityKind::kConversationOpened, "2026-12-03T09:02:00Z");
    e.channel = ch;
    e.queue_id = queue;
    e.location_id = location;
    e.segment = segment;
    AddVolumeEvent(e, &full);
  };
  opened(Channel::kEmail, 7, 0, "zakelijk");
  opened(Channel::kEmail, 8, 0, "zakelijk");
  opened(Channel::kEmail, 7, 0, "");
  opened(Channel::kShop, 0, 4, "zakelijk");
  const auto all = WithAllGrains(full);
  // Each grain adds up to the same four contacts.
  for (VolumeGrain g : kVolumeGrains) {
    int64_t n = 0;
    for (const auto& [k, c] : all)
      if (k.grain == g) n += c.opened;
    const bool location = g == VolumeGrain::kLocation || g == VolumeGrain::kLocationHour;
    EXPECT_EQ(n, location ? 1 : 4) << static_cast<int>(g);
  }
  // By the hour too: a contact at 09:47 sums into the 09:00 hour.
  std::map<VolumeKey, VolumeCounts> later = full;
  VolumeEvent late = Event(ActivityKind::kConversationOpened, "2026-12-03T09:47:00Z");
  AddVolumeEvent(late, &later);
  const auto hours = WithAllGrains(later);
  VolumeKey hour{At("2026-12-03T09:00:00Z"), Channel::kEmail};
  hour.grain = VolumeGrain::kChannelHour;
  ASSERT_TRUE(hours.count(hour));
  EXPECT_EQ(hours.at(hour).opened, 4);
  hour.grain = VolumeGrain::kChannel;
  EXPECT_EQ(hours.at(hour).opened, 3);
  EXPECT_TRUE(Hourly(VolumeGrain::kSegmentHour));
  EXPECT_FALSE(Hourly(VolumeGrain::kFull));
  const Timestamp q = At("2026-12-03T09:00:00Z");
  auto at = [&](VolumeGrain g, Channel ch, int64_t dept, int64_t queue, int64_t location,
                const char* segment) {
    VolumeKey k{q, ch, dept, queue, location, segment};
    k.grain = g;
    auto it = all.find(k);
    return it == all.end() ? -1 : it->second.opened;
  };
  EXPECT_EQ(at(VolumeGrain::kChannel, Channel::kEmail, 0, 0, 0, ""), 3);
  EXPECT_EQ(at(VolumeGrain::kQueue, Channel::kEmail, 3, 7, 0, ""), 2);
  EXPECT_EQ(at(VolumeGrain::kQueue, Channel::kEmail, 3, 8, 0, ""), 1);
  EXPECT_EQ(at(VolumeGrain::kSegment, Channel::kEmail, 0, 0, 0, "zakelijk"), 2);
  EXPECT_EQ(at(VolumeGrain::kSegment, Channel::kEmail, 0, 0, 0, ""), 1);
  EXPECT_EQ(at(VolumeGrain::kLocation, Channel::kShop, 3, 0, 4, ""), 1);
  EXPECT_EQ(at(VolumeGrain::kFull, Channel::kEmail, 3, 7, 0, "zakelijk"), 1);
  // Grains already summed are not summed again.
  EXPECT_EQ(WithAllGrains(all), all);

  VolumeFilter f;
  EXPECT_EQ(GrainFor(f), VolumeGrain::kChannel);
  f.channel = Channel::kPhone;
  EXPECT_EQ(GrainFor(f), VolumeGrain::kChannel);
  f.department_id = 3;
  EXPECT_EQ(GrainFor(f), VolumeGrain::kQueue);
  f.location_id = 4;
  EXPECT_EQ(GrainFor(f), VolumeGrain::kLocation);
  f.queue_id = 7;
  EXPECT_EQ(GrainFor(f), VolumeGrain::kFull);
  EXPECT_EQ(GrainFor(f, true), VolumeGrain::kFull);  // the full breakdown has no hours
  VolumeFilter by_segment;
  by_segment.segment = "zakelijk";
  EXPECT_EQ(GrainFor(by_segment), VolumeGrain::kSegment);
  EXPECT_EQ(GrainFor(by_segment, true), VolumeGrain::kSegmentHour);
  by_segment.queue_id = 7;
  EXPECT_EQ(GrainFor(by_segment), VolumeGrain::kFull);
  EXPECT_EQ(GrainFor(VolumeFilter{}, true), VolumeGrain::kChannelHour);
}

TEST(ContactVolumeTest, HoursAreReadWholeOnlyWhereTheZoneKeepsThemWhole) {
  const Timestamp from = At("2026-01-01T00:00:00Z"), to = At("2027-01-01T00:00:00Z");
  for (const char* whole : {"UTC", "Europe/Amsterdam", "America/New_York", "Asia/Tokyo"})
    EXPECT_TRUE(ZoneClock::Open(whole)->WholeHours(from, to)) << whole;
  // Half-hour offsets, and a half-hour summer time.
  for (const char* part : {"Asia/Kolkata", "America/St_Johns", "Australia/Lord_Howe",
                           "Asia/Kathmandu"})
    EXPECT_FALSE(ZoneClock::Open(part)->WholeHours(from, to)) << part;
  // Lord Howe Island is whole (+11) in its summer, until April.
  auto lord_howe = ZoneClock::Open("Australia/Lord_Howe");
  EXPECT_TRUE(lord_howe->WholeHours(At("2026-01-05T00:00:00Z"), At("2026-02-01T00:00:00Z")));
}

TEST(ContactVolumeTest, TheHeatmapPlacesQuartersByLocalHourAndWeekday) {
  auto zone = ZoneClock::Open("Europe/Amsterdam");
  ASSERT_TRUE(zone.ok());
  VolumeRow a;  // Thursday 09:45 UTC is 10:45 in Amsterdam in winter
  a.key.bucket = At("2026-12-03T09:45:00Z");
  a.counts.opened = 2;
  VolumeRow b;  // Sunday 23:15 UTC is Monday 00:15 there
  b.key.bucket = At("2026-12-06T23:15:00Z");
  b.counts.calls_offered = 1;
  VolumeRow c = a;  // the same hour, another quarter, another channel
  c.key.bucket = At("2026-12-03T09:30:00Z");
  c.key.channel = Channel::kChat;
  const VolumeHeatmap map =
      BuildHeatmap({a, b, c}, *zone, At("2026-11-30T00:00:00Z"), At("2026-12-14T00:00:00Z"));
  EXPECT_EQ(map.cells[3][10].opened, 4);
  EXPECT_EQ(map.cells[0][0].calls_offered, 1);
  EXPECT_EQ(map.total.contacts(), 5);
  EXPECT_EQ(map.weeks, 2);
}

}  // namespace
}  // namespace luister
