#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "storage/sql/database.h"
#include "storage/sql/sql.h"

namespace luister::sql {

// The one-row state of a recurring job that works through a table in id
// order: its job's id and the last id it has done (a `singleton = 1` row
// with `job_id` and a watermark column). Moving the watermark is
// compare-and-set, so two nodes never do the same rows; the row is made
// by whichever comes first, the first round or the first job.
class WatermarkState {
 public:
  WatermarkState(std::string_view table, std::string_view watermark_column);

  Result<int64_t> Watermark(Database& db) const;
  // In the caller's transaction.
  Result<int64_t> Watermark(Connection& c) const;
  // In the caller's transaction: false when another runner moved it first.
  Result<bool> Move(Connection& c, int64_t from, int64_t to) const;
  Result<std::optional<int64_t>> JobId(Database& db) const;
  Result<bool> SetJob(Database& db, std::optional<int64_t> expected, int64_t job_id) const;

 private:
  WatermarkState(const std::string& table, const std::string& column, int);
  Sql watermark_, first_watermark_, move_, job_, first_job_, claim_job_, next_job_;
};

}  // namespace luister::sql
