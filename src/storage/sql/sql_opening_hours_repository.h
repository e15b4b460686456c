#pragma once

#include "domain/opening_hours.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlOpeningHoursRepository final : public OpeningHoursRepository {
 public:
  explicit SqlOpeningHoursRepository(Database& db) : db_(db) {}
  Result<std::optional<OpeningHours>> Get(int64_t department_id) override;
  Status Put(int64_t department_id, const OpeningHours& hours) override;
  Result<bool> Remove(int64_t department_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
