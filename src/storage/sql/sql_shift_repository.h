#pragma once

#include "domain/staffing_plan.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlShiftRepository final : public ShiftRepository {
 public:
  explicit SqlShiftRepository(Database& db) : db_(db) {}
  Result<std::vector<Shift>> Create(std::vector<Shift> shifts) override;
  Result<std::vector<Shift>> Overlapping(Timestamp from, Timestamp to) override;
  Result<bool> Remove(int64_t id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
