#include "storage/sql/watermark_state.h"

#include <string>

#include "storage/sql/query.h"

namespace luister::sql {

WatermarkState::WatermarkState(std::string_view table_name, std::string_view column_name)
    : WatermarkState(std::string(table_name), std::string(column_name), 0) {}

WatermarkState::WatermarkState(const std::string& t, const std::string& w, int)
    : watermark_("SELECT " + w + " FROM " + t + " WHERE singleton = 1"),
      first_watermark_("INSERT INTO " + t + " (singleton, job_id, " + w +
                       ") VALUES (1, NULL, ?) ON CONFLICT DO NOTHING"),
      move_("UPDATE " + t + " SET " + w + " = ? WHERE singleton = 1 AND " + w + " = ?"),
      job_("SELECT job_id FROM " + t + " WHERE singleton = 1"),
      first_job_("INSERT INTO " + t + " (singleton, job_id, " + w +
                 ") VALUES (1, ?, 0) ON CONFLICT DO NOTHING"),
      claim_job_("UPDATE " + t + " SET job_id = ? WHERE singleton = 1 AND job_id IS NULL"),
      next_job_("UPDATE " + t + " SET job_id = ? WHERE singleton = 1 AND job_id = ?") {}

Result<int64_t> WatermarkState::Watermark(Database& db) const {
  return db.ReadOne([&](Connection& c) { return Watermark(c); });
}

Result<int64_t> WatermarkState::Watermark(Connection& c) const {
  LUISTER_ASSIGN_OR_RETURN(
      auto at, First<int64_t>(c, watermark_, Params(), [](const Row& r) { return r.Int(0); }));
  return at.value_or(0);
}

Result<bool> WatermarkState::Move(Connection& c, int64_t from, int64_t to) const {
  LUISTER_ASSIGN_OR_RETURN(int64_t moved, c.Execute(move_, Params::Of(to, from)));
  if (moved == 1) return true;
  // The first round ever: no state row yet.
  if (from != 0) return false;
  LUISTER_ASSIGN_OR_RETURN(moved, c.Execute(first_watermark_, Params::Of(to)));
  return moved == 1;
}

Result<std::optional<int64_t>> WatermarkState::JobId(Database& db) const {
  return db.ReadOne([&](Connection& c) -> Result<std::optional<int64_t>> {
    LUISTER_ASSIGN_OR_RETURN(
        auto row,
        First<std::optional<int64_t>>(c, job_, Params(), [](const Row& r) { return r.OptInt(0); }));
    return row ? *row : std::nullopt;
  });
}

Result<bool> WatermarkState::SetJob(Database& db, std::optional<int64_t> expected,
                                    int64_t job_id) const {
  return db.Write([&](Connection& c) -> Result<bool> {
    if (expected) {
      LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(next_job_, Params::Of(job_id, *expected)));
      return n == 1;
    }
    // The first job: a new state row, or the one a first round made.
    LUISTER_ASSIGN_OR_RETURN(int64_t n, c.Execute(first_job_, Params::Of(job_id)));
    if (n == 0) {
      LUISTER_ASSIGN_OR_RETURN(n, c.Execute(claim_job_, Params::Of(job_id)));
    }
    return n == 1;
  });
}

}  // namespace luister::sql
