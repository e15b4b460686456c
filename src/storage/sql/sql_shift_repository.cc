#include "storage/sql/sql_shift_repository.h"

#include "storage/sql/query.h"
#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsert(
    "INSERT INTO staff_shifts (starts_at, ends_at, agents, channel, department_id, queue_id, "
    "label, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
// Through staff_shifts_starts: no shift lasts over a day, so one that
// overlaps [from, to) starts after from minus a day.
const Sql kOverlapping(
    "SELECT id, starts_at, ends_at, agents, channel, department_id, queue_id, label, created_at, "
    "created_by FROM staff_shifts WHERE starts_at >= ? AND starts_at < ? AND ends_at > ? "
    "ORDER BY starts_at, id");
const Sql kDelete("DELETE FROM staff_shifts WHERE id = ?");

Shift ShiftFromRow(const Row& r) {
  Shift s;
  s.id = r.Int(0);
  s.starts_at = r.Time(1);
  s.ends_at = r.Time(2);
  s.agents = static_cast<int>(r.Int(3));
  if (auto c = r.OptText(4)) s.channel = Parse<Channel>(*c);
  s.department_id = r.OptInt(5);
  s.queue_id = r.OptInt(6);
  s.label = r.Text(7);
  s.created_at = r.Time(8);
  s.created_by = r.OptInt(9);
  return s;
}

}  // namespace

Result<std::vector<Shift>> SqlShiftRepository::Create(std::vector<Shift> shifts) {
  return db_.Write([&](Connection& c) -> Result<std::vector<Shift>> {
    for (Shift& s : shifts) {
      std::optional<std::string> channel;
      if (s.channel) channel = std::string(ToString(*s.channel));
      auto id =
          Scalar(c, kInsert,
                 Params::Of(s.starts_at, s.ends_at, int64_t{s.agents}, channel, s.department_id,
                            s.queue_id, s.label, s.created_at, s.created_by));
      if (id.status().code() == StatusCode::kNotFound)
        return NotFound("the shift's department or queue does not exist");
      LUISTER_RETURN_IF_ERROR(id.status());
      s.id = *id;
    }
    return std::move(shifts);
  });
}

Result<std::vector<Shift>> SqlShiftRepository::Overlapping(Timestamp from, Timestamp to) {
  return db_.ReadOne([&](Connection& c) {
    return Collect<Shift>(c, kOverlapping, Params::Of(from - std::chrono::hours(24), to, from),
                          ShiftFromRow);
  });
}

Result<bool> SqlShiftRepository::Remove(int64_t id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(kDelete, Params::Of(id)));
    return n > 0;
  });
}

}  // namespace luister::sql
