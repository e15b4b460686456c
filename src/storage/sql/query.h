#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "storage/sql/connection.h"

// Small helpers over Connection::Query for the common shapes of a read.
namespace luister::sql {

// Every row through `from_row(row)`.
template <typename T, typename RowFn>
Result<std::vector<T>> Collect(Connection& c, const Sql& sql, const Params& params,
                               RowFn from_row) {
  std::vector<T> out;
  LUISTER_RETURN_IF_ERROR(
      c.Query(sql, params, [&](const Row& row) { out.push_back(from_row(row)); }));
  return out;
}

// The first row, or nullopt when there is none.
template <typename T, typename RowFn>
Result<std::optional<T>> First(Connection& c, const Sql& sql, const Params& params,
                               RowFn from_row) {
  std::optional<T> out;
  LUISTER_RETURN_IF_ERROR(c.Query(sql, params, [&](const Row& row) {
    if (!out) out.emplace(from_row(row));
  }));
  return out;
}

// The row of `sql` for `id` (its one parameter), or NotFound naming `what`.
template <typename T, typename RowFn>
Result<T> One(Connection& c, const Sql& sql, int64_t id, std::string_view what, RowFn from_row) {
  LUISTER_ASSIGN_OR_RETURN(std::optional<T> found, First<T>(c, sql, Params::Of(id), from_row));
  if (!found) return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return std::move(*found);
}

// The integer in the first column of the first row (count(*), RETURNING id);
// Internal when the statement returned no row.
Result<int64_t> Scalar(Connection& c, const Sql& sql, const Params& params = {});

}  // namespace luister::sql
