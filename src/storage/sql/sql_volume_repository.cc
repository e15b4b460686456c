#include "storage/sql/sql_volume_repository.h"

#include <algorithm>

#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/watermark_state.h"

namespace luister::sql {

namespace {

const WatermarkState kActivityState("volume_rollup_state", "last_activity_id");
const WatermarkState kCallState("volume_rollup_state", "last_call_id");
const WatermarkState kChatWaitState("volume_rollup_state", "last_chat_wait_id");
const WatermarkState kMergeState("volume_rollup_state", "last_merge_id");
const WatermarkState kRepairState("volume_rollup_state", "repaired_through");
// Holds the rounds off while a repair recounts (their watermark moves wait
// for this row); on SQLite writers take turns anyway.
const Sql kLockState("UPDATE volume_rollup_state SET singleton = singleton WHERE singleton = 1");
// By the primary key; the timeline's span by activities_customer.
const Sql kMergesAfter(
    "SELECT m.id, COALESCE(s.segment, '') <> COALESCE(t.segment, ''), "
    "(SELECT min(at) FROM activities WHERE customer_id = m.target_id), "
    "(SELECT max(at) FROM activities WHERE customer_id = m.target_id) FROM merges m "
    "LEFT JOIN customers s ON s.id = m.source_id LEFT JOIN customers t ON t.id = m.target_id "
    "WHERE m.id > ? ORDER BY m.id LIMIT ?");

const WatermarkState& StateOf(VolumeSource s) {
  switch (s) {
    case VolumeSource::kCalls:
      return kCallState;
    case VolumeSource::kChatWaits:
      return kChatWaitState;
    case VolumeSource::kActivities:
      break;
  }
  return kActivityState;
}

// What each source's rows say, column for column (the first is its id, the
// second its time); `where` picks the rows.
std::string ActivitySql(const std::string& where) {
  return "SELECT a.id, a.at, a.kind, a.channel, a.direction, m.author_user_id, "
         "COALESCE(c.department_id, a.department_id, 0), COALESCE(c.queue_id, 0), "
         "COALESCE(c.location_id, 0), COALESCE(cu.segment, ''), c.created_at, "
         "c.first_response_at FROM activities a "
         "LEFT JOIN conversations c ON c.id = a.conversation_id "
         "LEFT JOIN messages m ON m.id = a.message_id "
         "LEFT JOIN customers cu ON cu.id = a.customer_id WHERE " +
         where;
}
std::string CallSql(const std::string& where) {
  return "SELECT p.id, p.started_at, p.direction, CASE WHEN p.outcome = 'callback_requested' AND "
         "p.external_id IS NULL AND p.logged_by IS NULL THEN '" +
         std::string(kWebCallbackOutcome) +
         "' ELSE p.outcome END, p.wait_seconds, p.answered_at, "
         "p.ended_at, COALESCE(p.queue_id, c.queue_id, 0), "
         "COALESCE(q.department_id, c.department_id, 0), COALESCE(c.location_id, 0), "
         "COALESCE(cu.segment, '') FROM phone_calls p "
         "LEFT JOIN conversations c ON c.id = p.conversation_id "
         "LEFT JOIN queues q ON q.id = COALESCE(p.queue_id, c.queue_id) "
         "LEFT JOIN customers cu ON cu.id = p.customer_id WHERE " +
         where;
}
std::string ChatWaitSql(const std::string& where) {
  return "SELECT w.id, w.requested_at, w.outcome, w.ended_at, w.queue_id, q.department_id, "
         "COALESCE(cu.segment, ''), w.accepted_at FROM chat_waits w JOIN queues q ON q.id = w.queue_id "
         "JOIN conversations c ON c.id = w.conversation_id "
         "LEFT JOIN customers cu ON cu.id = c.customer_id WHERE " +
         where;
}

// Incremental rounds: by each source's primary key.
const Sql kActivitiesAfter(
    ActivitySql("a.id > ? AND a.kind IN ('conversation_opened', 'message') ORDER BY a.id LIMIT ?"));
const Sql kCallsAfter(CallSql("p.id > ? ORDER BY p.id LIMIT ?"));
const Sql kChatWaitsAfter(ChatWaitSql("w.id > ? ORDER BY w.id LIMIT ?"));
// A repair: the stretch's rows up to each watermark, by the time indexes
// (activities_at, phone_calls_started, chat_waits_requested), and the first
// answers of the conversations opened in it (conversations_created, then
// activities_conversation).
const Sql kActivitiesIn(ActivitySql(
    "a.at >= ? AND a.at < ? AND a.id <= ? AND a.kind IN ('conversation_opened', 'message')"));
const Sql kFirstResponsesIn(ActivitySql(
    "a.conversation_id IN (SELECT id FROM conversations WHERE created_at >= ? AND created_at < ? "
    "AND first_response_at IS NOT NULL) AND a.id <= ? AND a.kind = 'message' AND "
    "a.direction = 'out' AND a.at = c.first_response_at"));
const Sql kCallsIn(CallSql("p.started_at >= ? AND p.started_at < ? AND p.id <= ?"));
const Sql kChatWaitsIn(ChatWaitSql("w.requested_at >= ? AND w.requested_at < ? AND w.id <= ?"));
// Through the primary key, every grain.
const Sql kForget(
    "DELETE FROM volume_rollups WHERE grain IN (0, 1, 2, 3, 4, 5, 6, 7, 8) AND bucket >= ? AND "
    "bucket < ?");

// Adds rows to the rollups, `rows` per statement (one round trip; a key
// appears once in a statement, AddRows' map sees to that).
std::string AddSql(int rows) {
  std::string values;
  for (int i = 0; i < rows; ++i)
    values += std::string(i == 0 ? "" : ", ") +
              "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return "INSERT INTO volume_rollups (grain, bucket, channel, department_id, queue_id, "
         "location_id, segment, opened, messages_in, replies, calls_offered, calls_answered, "
         "calls_abandoned, chats_offered, chats_answered, chats_abandoned, waits, wait_seconds, "
         "first_responses, first_response_seconds, handled, handle_seconds) VALUES " +
         values +
         " ON CONFLICT (grain, bucket, channel, department_id, queue_id, location_id, segment) "
         "DO UPDATE SET "
         "opened = volume_rollups.opened + excluded.opened, "
         "messages_in = volume_rollups.messages_in + excluded.messages_in, "
         "replies = volume_rollups.replies + excluded.replies, "
         "calls_offered = volume_rollups.calls_offered + excluded.calls_offered, "
         "calls_answered = volume_rollups.calls_answered + excluded.calls_answered, "
         "calls_abandoned = volume_rollups.calls_abandoned + excluded.calls_abandoned, "
         "chats_offered = volume_rollups.chats_offered + excluded.chats_offered, "
         "chats_answered = volume_rollups.chats_answered + excluded.chats_answered, "
         "chats_abandoned = volume_rollups.chats_abandoned + excluded.chats_abandoned, "
         "waits = volume_rollups.waits + excluded.waits, "
         "wait_seconds = volume_rollups.wait_seconds + excluded.wait_seconds, "
         "first_responses = volume_rollups.first_responses + excluded.first_responses, "
         "first_response_seconds = volume_rollups.first_response_seconds + "
         "excluded.first_response_seconds, "
         "handled = volume_rollups.handled + excluded.handled, "
         "handle_seconds = volume_rollups.handle_seconds + excluded.handle_seconds";
}
constexpr int kAddChunk = 100;
const Sql kAdd(AddSql(1));
const Sql kAddMany(AddSql(kAddChunk));

VolumeEvent ActivityEvent(const Row& r) {
  VolumeEvent e;
  e.source = VolumeSource::kActivities;
  e.activity_id = r.Int(0);
  e.at = r.Time(1);
  e.kind = EnumFromText<ActivityKind>(r.Text(2));
  e.channel = EnumFromText<Channel>(r.OptText(3).value_or("email"));
  if (auto d = r.OptText(4)) e.direction = Parse<Direction>(*d);
  e.by_person = r.OptInt(5).has_value();
  e.department_id = r.Int(6);
  e.queue_id = r.Int(7);
  e.location_id = r.Int(8);
  e.segment = r.Text(9);
  if (r.OptInt(10)) e.opened_at = r.Time(10);
  if (r.OptInt(11)) e.first_response_at = r.Time(11);
  return e;
}

VolumeEvent CallEvent(const Row& r) {
  VolumeEvent e;
  e.source = VolumeSource::kCalls;
  e.activity_id = r.Int(0);
  e.at = r.Time(1);
  e.kind = ActivityKind::kCall;
  e.channel = Channel::kPhone;
  e.direction = Parse<Direction>(r.Text(2));
  e.outcome = r.Text(3);
  e.wait_seconds = r.Int(4);
  // As PhoneCall::TalkSeconds: from the answer to the end.
  if (r.OptInt(5) && r.OptInt(6))
    e.talk_seconds = std::max<int64_t>(0, (r.Int(6) - r.Int(5)) / 1000);
  e.queue_id = r.Int(7);
  e.department_id = r.Int(8);
  e.location_id = r.Int(9);
  e.segment = r.Text(10);
  return e;
}

VolumeEvent ChatWaitEvent(const Row& r) {
  VolumeEvent e;
  e.source = VolumeSource::kChatWaits;
  e.activity_id = r.Int(0);
  e.at = r.Time(1);
  e.channel = Channel::kChat;
  e.outcome = r.Text(2);
  e.queue_id = r.Int(4);
  e.department_id = r.Int(5);
  e.segment = r.Text(6);
  if (auto accepted = r.OptInt(7)) {  // an answered chat that ended: handled
    e.wait_seconds = -1;
    e.talk_seconds = std::max<int64_t>(0, (r.Int(3) - *accepted) / 1000);
  } else {
    e.wait_seconds = std::max<int64_t>(0, (r.Int(3) - r.Int(1)) / 1000);
  }
  return e;
}

void AddValues(const VolumeKey& k, const VolumeCounts& n, Params* p) {
  p->Add(static_cast<int64_t>(k.grain))
      .Add(k.bucket)
      .Add(ToString(k.channel))
      .Add(k.department_id)
      .Add(k.queue_id)
      .Add(k.location_id)
      .Add(k.segment);
  for (int64_t v : {n.opened, n.messages_in, n.replies, n.calls_offered, n.calls_answered,
                    n.calls_abandoned, n.chats_offered, n.chats_answered, n.chats_abandoned,
                    n.waits, n.wait_seconds, n.first_responses, n.first_response_seconds,
                    n.handled, n.handle_seconds})
    p->Add(v);
}

// Full-grain counts, added at every grain, kAddChunk rows a statement.
Status AddRows(Connection& c, const std::map<VolumeKey, VolumeCounts>& counts) {
  const auto all = WithAllGrains(counts);
  std::vector<std::pair<const VolumeKey*, const VolumeCounts*>> rows;
  rows.reserve(all.size());
  for (const auto& [k, n] : all)
    if (!n.empty()) rows.emplace_back(&k, &n);
  size_t i = 0;
  for (; i + kAddChunk <= rows.size(); i += kAddChunk) {
    Params p;
    for (size_t j = i; j < i + kAddChunk; ++j) AddValues(*rows[j].first, *rows[j].second, &p);
    LUISTER_RETURN_IF_ERROR(c.Execute(kAddMany, p).status());
  }
  for (; i < rows.size(); ++i) {
    Params p;
    AddValues(*rows[i].first, *rows[i].second, &p);
    LUISTER_RETURN_IF_ERROR(c.Execute(kAdd, p).status());
  }
  return Status::Ok();
}

// Through agent_presence_seen; a user present on several nodes counts once.
const Sql kPresentPerDepartment(
    "SELECT COALESCE(u.department_id, 0), count(DISTINCT p.user_id) FROM agent_presence p "
    "JOIN users u ON u.id = p.user_id WHERE p.seen_at >= ? GROUP BY COALESCE(u.department_id, 0)");
const Sql kKeepMostOnline(
    "INSERT INTO staff_online (bucket, department_id, agents) VALUES (?, ?, ?) "
    "ON CONFLICT (bucket, department_id) DO UPDATE SET agents = CASE WHEN excluded.agents > "
    "staff_online.agents THEN excluded.agents ELSE staff_online.agents END");
// Through the primary key.
const Sql kOnline(
    "SELECT bucket, department_id, agents FROM staff_online WHERE bucket >= ? AND bucket < ? "
    "ORDER BY bucket, department_id");
// Through the primary key (grain, bucket): the hourly segment sums of
// the recent weeks.
const Sql kSegments(
    "SELECT DISTINCT segment FROM volume_rollups WHERE grain = 7 AND bucket >= ? AND "
    "segment <> '' ORDER BY segment LIMIT ?");

}  // namespace

Result<std::vector<VolumeEvent>> SqlVolumeRepository::EventsAfter(VolumeSource source,
                                                                  int64_t after, int limit) {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<VolumeEvent>> {
    const Params p = Params::Of(after, int64_t{limit});
    switch (source) {
      case VolumeSource::kCalls:
        return Collect<VolumeEvent>(c, kCallsAfter, p, CallEvent);
      case VolumeSource::kChatWaits:
        return Collect<VolumeEvent>(c, kChatWaitsAfter, p, ChatWaitEvent);
      case VolumeSource::kActivities:
        break;
    }
    return Collect<VolumeEvent>(c, kActivitiesAfter, p, ActivityEvent);
  });
}

Result<int64_t> SqlVolumeRepository::Watermark(VolumeSource source) {
  return StateOf(source).Watermark(db_);
}

Result<bool> SqlVolumeRepository::Add(VolumeSource source,
                                      const std::map<VolumeKey, VolumeCounts>& counts, int64_t from,
                                      int64_t to) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(bool mine, StateOf(source).Move(c, from, to));
    if (!mine) return false;
    LUISTER_RETURN_IF_ERROR(AddRows(c, counts));
    return true;
  });
}

Result<int64_t> SqlVolumeRepository::Recount(Timestamp from, Timestamp to) {
  constexpr int64_t kHourMs = 3'600'000;
  if (ToMillis(from) % kHourMs != 0 || ToMillis(to) % kHourMs != 0)
    return InvalidArgument("a recount covers whole hours");
  return db_.Write([&](Connection& c) -> Result<int64_t> {
    // The watermarks as this transaction sees them; the rounds' Add moves
    // them in transactions of their own, so nothing is counted twice.
    LUISTER_RETURN_IF_ERROR(c.Execute(kLockState, Params()).status());
    int64_t marks[3] = {0, 0, 0};
    for (VolumeSource s : kVolumeSources) {
      LUISTER_ASSIGN_OR_RETURN(marks[static_cast<int>(s)], StateOf(s).Watermark(c));
    }
    std::map<VolumeKey, VolumeCounts> counts;
    auto add = [&](const Sql& sql, int64_t mark, VolumeEvent (*map)(const Row&),
                   VolumeParts parts) -> Status {
      LUISTER_ASSIGN_OR_RETURN(auto events,
                               Collect<VolumeEvent>(c, sql, Params::Of(from, to, mark), map));
      for (const VolumeEvent& e : events) AddVolumeEvent(e, &counts, parts);
      return Status::Ok();
    };
    LUISTER_RETURN_IF_ERROR(add(kActivitiesIn, marks[0], ActivityEvent, VolumeParts::kArrivals));
    LUISTER_RETURN_IF_ERROR(
        add(kFirstResponsesIn, marks[0], ActivityEvent, VolumeParts::kFirstResponses));
    LUISTER_RETURN_IF_ERROR(add(kCallsIn, marks[1], CallEvent, VolumeParts::kAll));
    LUISTER_RETURN_IF_ERROR(add(kChatWaitsIn, marks[2], ChatWaitEvent, VolumeParts::kAll));
    LUISTER_RETURN_IF_ERROR(c.Execute(kForget, Params::Of(from, to)).status());
    LUISTER_RETURN_IF_ERROR(AddRows(c, counts));
    int64_t contacts = 0;
    for (const auto& [k, n] : counts) contacts += n.contacts();
    return contacts;
  });
}

Result<std::vector<VolumeRepository::Merge>> SqlVolumeRepository::MergesAfter(int64_t after,
                                                                              int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<Merge>(c, kMergesAfter, Params::Of(after, int64_t{limit}), [](const Row& r) {
      Merge m;
      m.id = r.Int(0);
      if (r.Int(1) != 0 && r.OptInt(2) && r.OptInt(3))
        m.recount = std::make_pair(r.Time(2), r.Time(3));
      return m;
    });
  });
}

Result<int64_t> SqlVolumeRepository::MergeWatermark() { return kMergeState.Watermark(db_); }

Result<bool> SqlVolumeRepository::MoveMergeWatermark(int64_t from, int64_t to) {
  return db_.Write([&](Connection& c) { return kMergeState.Move(c, from, to); });
}

Result<Timestamp> SqlVolumeRepository::RepairedThrough() {
  LUISTER_ASSIGN_OR_RETURN(int64_t ms, kRepairState.Watermark(db_));
  return FromMillis(ms);
}

Result<bool> SqlVolumeRepository::SetRepairedThrough(Timestamp from, Timestamp to) {
  return db_.Write(
      [&](Connection& c) { return kRepairState.Move(c, ToMillis(from), ToMillis(to)); });
}

Result<std::vector<VolumeRow>> SqlVolumeRepository::Rows(Timestamp from, Timestamp to,
                                                         const VolumeFilter& filter,
                                                         VolumeGrain grain) {
  if (grain != VolumeGrain::kFull && grain != GrainFor(filter, Hourly(grain)))
    return InvalidArgument("the rollups' grain does not hold the filter");
  return db_.ReadOne([&](Connection& c) {
    // The grain is written into the text, not bound, so that both engines
    // plan with its partial index: by department, queue, segment or
    // location first, else the primary key (grain, bucket).
    QueryBuilder q(
        "SELECT bucket, sum(opened), sum(messages_in), sum(replies), "
        "sum(calls_offered), sum(calls_answered), sum(calls_abandoned), sum(chats_offered), "
        "sum(chats_answered), sum(chats_abandoned), sum(waits), sum(wait_seconds), "
        "sum(first_responses), sum(first_response_seconds), sum(handled), sum(handle_seconds) "
        "FROM volume_rollups WHERE grain = " +
        std::to_string(static_cast<int>(grain)));
    q.Add(" AND bucket >= ?", from);
    q.Add(" AND bucket < ?", to);
    if (filter.channel) q.Add(" AND channel = ?", std::string(ToString(*filter.channel)));
    if (filter.department_id) q.Add(" AND department_id = ?", *filter.department_id);
    if (filter.queue_id) q.Add(" AND queue_id = ?", *filter.queue_id);
    if (filter.location_id) q.Add(" AND location_id = ?", *filter.location_id);
    if (filter.segment) q.Add(" AND segment = ?", *filter.segment);
    q.Add(" GROUP BY bucket ORDER BY bucket");
    return Collect<VolumeRow>(c, q.Build(), q.params(), [&](const Row& r) {
      VolumeRow v;
      v.key.bucket = r.Time(0);
      v.key.channel = filter.channel.value_or(Channel::kEmail);
      v.key.department_id = filter.department_id.value_or(0);
      v.key.queue_id = filter.queue_id.value_or(0);
      v.key.location_id = filter.location_id.value_or(0);
      v.key.segment = filter.segment.value_or("");
      VolumeCounts& n = v.counts;
      int col = 1;
      for (int64_t* field :
           {&n.opened, &n.messages_in, &n.replies, &n.calls_offered, &n.calls_answered,
            &n.calls_abandoned, &n.chats_offered, &n.chats_answered, &n.chats_abandoned, &n.waits,
            &n.wait_seconds, &n.first_responses, &n.first_response_seconds, &n.handled,
            &n.handle_seconds})
        *field = r.Int(col++);
      return v;
    });
  });
}

Status SqlVolumeRepository::SampleOnline(Timestamp bucket, Timestamp since) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto counts,
                             (Collect<std::pair<int64_t, int64_t>>(
                                 c, kPresentPerDepartment, Params::Of(since),
                                 [](const Row& r) { return std::make_pair(r.Int(0), r.Int(1)); })));
    for (const auto& [department, agents] : counts)
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kKeepMostOnline, Params::Of(bucket, department, agents)).status());
    return Status::Ok();
  });
}

Result<std::vector<std::string>> SqlVolumeRepository::Segments(Timestamp since, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<std::string>(c, kSegments, Params::Of(since, static_cast<int64_t>(limit)),
                                [](const Row& r) { return r.Text(0); });
  });
}

Result<std::vector<OnlineSample>> SqlVolumeRepository::Online(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<OnlineSample>(c, kOnline, Params::Of(from, to), [](const Row& r) {
      return OnlineSample{r.Time(0), r.Int(1), static_cast<int>(r.Int(2))};
    });
  });
}

Result<std::optional<int64_t>> SqlVolumeRepository::JobId() { return kActivityState.JobId(db_); }

Result<bool> SqlVolumeRepository::SetJob(std::optional<int64_t> expected, int64_t job_id) {
  return kActivityState.SetJob(db_, expected, job_id);
}

}  // namespace luister::sql
