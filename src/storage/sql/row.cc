#include "storage/sql/row.h"

namespace luister::sql {

std::optional<int64_t> Row::OptInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

std::optional<std::string> Row::OptText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

std::optional<Timestamp> Row::OptTime(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Time(col);
}

}  // namespace luister::sql
