#include "storage/sql/sql_opening_hours_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

const Sql kSelect(
    "SELECT time_zone, week, closed_dates, public_holidays, updated_at, updated_by "
    "FROM department_hours WHERE department_id = ?");
const Sql kDepartment("SELECT id FROM departments WHERE id = ?");
const Sql kUpsert(
    "INSERT INTO department_hours (department_id, time_zone, week, closed_dates, "
    "public_holidays, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (department_id) DO UPDATE SET time_zone = excluded.time_zone, "
    "week = excluded.week, closed_dates = excluded.closed_dates, "
    "public_holidays = excluded.public_holidays, updated_at = excluded.updated_at, "
    "updated_by = excluded.updated_by");
const Sql kDelete("DELETE FROM department_hours WHERE department_id = ?");

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  for (size_t at = 0;;) {
    const size_t next = text.find(sep, at);
    out.push_back(text.substr(at, next - at));
    if (next == std::string_view::npos) return out;
    at = next + 1;
  }
}

// The row as stored; a row that does not read back (written by hand) is an
// internal error rather than a guess.
Result<OpeningHours> FromRow(const Row& r) {
  OpeningHours h;
  h.time_zone = r.Text(0);
  const std::string week = r.Text(1);
  const std::vector<std::string_view> days = Split(week, ';');
  if (days.size() != h.week.size())
    return Internal("department_hours.week does not hold seven days: " + week);
  for (size_t d = 0; d < days.size(); ++d) {
    auto spans = ParseSpans(days[d]);
    if (!spans.ok()) return Internal("department_hours.week: " + spans.status().message());
    h.week[d] = std::move(*spans);
  }
  const std::string closed = r.Text(2);
  for (std::string_view d : Split(closed, ',')) h.closed_dates.emplace_back(d);
  h.public_holidays = r.Text(3);
  h.updated_at = r.Time(4);
  h.updated_by = r.OptInt(5);
  return h;
}

}  // namespace

Result<std::optional<OpeningHours>> SqlOpeningHoursRepository::Get(int64_t department_id) {
  return db_.ReadOne([&](Connection& c) -> Result<std::optional<OpeningHours>> {
    LUISTER_ASSIGN_OR_RETURN(
        std::optional<Result<OpeningHours>> found,
        First<Result<OpeningHours>>(c, kSelect, Params::Of(department_id), FromRow));
    if (!found) return std::optional<OpeningHours>();
    LUISTER_ASSIGN_OR_RETURN(OpeningHours h, std::move(*found));
    return std::optional<OpeningHours>(std::move(h));
  });
}

Status SqlOpeningHoursRepository::Put(int64_t department_id, const OpeningHours& h) {
  std::string week;
  for (size_t d = 0; d < h.week.size(); ++d) week += (d ? ";" : "") + FormatSpans(h.week[d]);
  std::string closed;
  for (const std::string& d : h.closed_dates) closed += (closed.empty() ? "" : ",") + d;
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto dept, First<int64_t>(c, kDepartment, Params::Of(department_id),
                                                       [](const Row& r) { return r.Int(0); }));
    if (!dept) return NotFound("no such department");
    return c
        .Execute(kUpsert, Params::Of(department_id, h.time_zone, week, closed, h.public_holidays,
                                     h.updated_at, h.updated_by))
        .status();
  });
}

Result<bool> SqlOpeningHoursRepository::Remove(int64_t department_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(kDelete, Params::Of(department_id)));
    return n > 0;
  });
}

}  // namespace luister::sql
