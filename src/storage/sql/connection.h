#pragma once

#include <cstdint>

#include "common/function_ref.h"
#include "common/result.h"
#include "storage/sql/params.h"
#include "storage/sql/row.h"
#include "storage/sql/sql.h"

namespace luister::sql {

// One engine connection inside a transaction that a Database opened, lent
// to one thread for that transaction. Errors map to Status as the engine
// maps them: a uniqueness clash is Conflict, a missing referenced row
// (foreign key) NotFound, a busy or lost database Unavailable, anything
// else Internal.
class Connection {
 public:
  virtual Engine engine() const = 0;
  // Runs `sql` with `params` and calls `on_row` with each row, in order.
  virtual Status Query(const Sql& sql, const Params& params,
                       FunctionRef<void(const Row&)> on_row) = 0;
  // Runs a statement that returns no rows; returns how many rows it changed.
  virtual Result<int64_t> Execute(const Sql& sql, const Params& params = {}) = 0;

 protected:
  ~Connection() = default;
};

}  // namespace luister::sql
