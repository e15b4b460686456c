#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.h"

namespace luister::sql {

// The current row of a query, as an engine reads it. Columns are 0-based and
// read in the order the statement selects them. Valid only during the
// callback it is passed to.
class Row {
 public:
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  // A boolean column: PostgreSQL's BOOLEAN, SQLite's 0/1.
  virtual bool Bool(int col) const = 0;
  // A binary column (BLOB, BYTEA) as its bytes.
  virtual std::string Blob(int col) const = 0;

  Timestamp Time(int col) const { return FromMillis(Int(col)); }
  std::optional<int64_t> OptInt(int col) const;
  std::optional<std::string> OptText(int col) const;
  std::optional<Timestamp> OptTime(int col) const;

 protected:
  ~Row() = default;
};

}  // namespace luister::sql
