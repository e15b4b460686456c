#include "storage/sql/sql_volume_repository.h"

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"
#include "storage/sql/row_mapping.h"
#include "storage/sql/watermark_state.h"

namespace luister::sql {

namespace {

const WatermarkState kState("volume_rollup_state", "last_activity_id");

// By the activities primary key; the conversation by its own.
const Sql kEvents(
    "SELECT a.id, a.at, a.kind, a.channel, a.direction, m.author_user_id, "
    "COALESCE(c.department_id, a.department_id, 0), COALESCE(c.queue_id, 0), c.created_at, "
    "c.first_response_at, a.params "
    "FROM activities a LEFT JOIN conversations c ON c.id = a.conversation_id "
    "LEFT JOIN messages m ON m.id = a.message_id "
    "WHERE a.id > ? AND a.kind IN ('conversation_opened', 'message', 'call') "
    "ORDER BY a.id LIMIT ?");
const Sql kAdd(
    "INSERT INTO volume_rollups (bucket, channel, department_id, queue_id, opened, messages_in, "
    "replies, calls_offered, calls_answered, calls_abandoned, waits, wait_seconds, "
    "first_responses, first_response_seconds, handled, handle_seconds) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (bucket, channel, department_id, queue_id) DO UPDATE SET "
    "opened = volume_rollups.opened + excluded.opened, "
    "messages_in = volume_rollups.messages_in + excluded.messages_in, "
    "replies = volume_rollups.replies + excluded.replies, "
    "calls_offered = volume_rollups.calls_offered + excluded.calls_offered, "
    "calls_answered = volume_rollups.calls_answered + excluded.calls_answered, "
    "calls_abandoned = volume_rollups.calls_abandoned + excluded.calls_abandoned, "
    "waits = volume_rollups.waits + excluded.waits, "
    "wait_seconds = volume_rollups.wait_seconds + excluded.wait_seconds, "
    "first_responses = volume_rollups.first_responses + excluded.first_responses, "
    "first_response_seconds = volume_rollups.first_response_seconds + "
    "excluded.first_response_seconds, "
    "handled = volume_rollups.handled + excluded.handled, "
    "handle_seconds = volume_rollups.handle_seconds + excluded.handle_seconds");

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

}  // namespace

Result<std::vector<VolumeEvent>> SqlVolumeRepository::EventsAfter(int64_t after, int limit) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<VolumeEvent>(c, kEvents, Params::Of(after, int64_t{limit}), [](const Row& r) {
      VolumeEvent e;
      e.activity_id = r.Int(0);
      e.at = r.Time(1);
      e.kind = EnumFromText<ActivityKind>(r.Text(2));
      e.channel = EnumFromText<Channel>(r.OptText(3).value_or("email"));
      if (auto d = r.OptText(4)) e.direction = Parse<Direction>(*d);
      e.by_person = r.OptInt(5).has_value();
      e.department_id = r.Int(6);
      e.queue_id = r.Int(7);
      if (r.OptInt(8)) e.opened_at = r.Time(8);
      if (r.OptInt(9)) e.first_response_at = r.Time(9);
      if (e.kind == ActivityKind::kCall) {
        const ActivityParams p = DecodeParams(r.Text(10));
        e.outcome = p.Text("outcome").value_or("");
        e.wait_seconds = p.Int("wait_seconds").value_or(-1);
        e.talk_seconds = p.Int("talk_seconds").value_or(0);
      }
      return e;
    });
  });
}

Result<int64_t> SqlVolumeRepository::Watermark() { return kState.Watermark(db_); }

Result<bool> SqlVolumeRepository::Add(const std::map<VolumeKey, VolumeCounts>& counts, int64_t from,
                                      int64_t to) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(bool mine, kState.Move(c, from, to));
    if (!mine) return false;
    for (const auto& [k, n] : counts) {
      if (n.empty()) continue;
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kAdd, Params::Of(k.bucket, std::string(ToString(k.channel)), k.department_id,
                                     k.queue_id, n.opened, n.messages_in, n.replies,
                                     n.calls_offered, n.calls_answered, n.calls_abandoned, n.waits,
                                     n.wait_seconds, n.first_responses, n.first_response_seconds,
                                     n.handled, n.handle_seconds))
              .status());
    }
    return true;
  });
}

Result<std::vector<VolumeRow>> SqlVolumeRepository::Rows(Timestamp from, Timestamp to,
                                                         const VolumeFilter& filter) {
  return db_.ReadOne([&](Connection& c) {
    // Through the primary key (bucket first).
    QueryBuilder q(
        "SELECT bucket, channel, sum(opened), sum(messages_in), sum(replies), "
        "sum(calls_offered), sum(calls_answered), sum(calls_abandoned), sum(waits), "
        "sum(wait_seconds), sum(first_responses), sum(first_response_seconds), sum(handled), "
        "sum(handle_seconds) FROM volume_rollups WHERE 1 = 1");
    q.Add(" AND bucket >= ?", from);
    q.Add(" AND bucket < ?", to);
    if (filter.channel) q.Add(" AND channel = ?", std::string(ToString(*filter.channel)));
    if (filter.department_id) q.Add(" AND department_id = ?", *filter.department_id);
    if (filter.queue_id) q.Add(" AND queue_id = ?", *filter.queue_id);
    q.Add(" GROUP BY bucket, channel ORDER BY bucket, channel");
    return Collect<VolumeRow>(c, q.Build(), q.params(), [&](const Row& r) {
      VolumeRow v;
      v.key.bucket = r.Time(0);
      v.key.channel = EnumFromText<Channel>(r.Text(1));
      v.key.department_id = filter.department_id.value_or(0);
      v.key.queue_id = filter.queue_id.value_or(0);
      VolumeCounts& n = v.counts;
      n.opened = r.Int(2);
      n.messages_in = r.Int(3);
      n.replies = r.Int(4);
      n.calls_offered = r.Int(5);
      n.calls_answered = r.Int(6);
      n.calls_abandoned = r.Int(7);
      n.waits = r.Int(8);
      n.wait_seconds = r.Int(9);
      n.first_responses = r.Int(10);
      n.first_response_seconds = r.Int(11);
      n.handled = r.Int(12);
      n.handle_seconds = r.Int(13);
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

Result<std::vector<OnlineSample>> SqlVolumeRepository::Online(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<OnlineSample>(c, kOnline, Params::Of(from, to), [](const Row& r) {
      return OnlineSample{r.Time(0), r.Int(1), static_cast<int>(r.Int(2))};
    });
  });
}

Result<std::optional<int64_t>> SqlVolumeRepository::JobId() { return kState.JobId(db_); }

Result<bool> SqlVolumeRepository::SetJob(std::optional<int64_t> expected, int64_t job_id) {
  return kState.SetJob(db_, expected, job_id);
}

}  // namespace luister::sql
