#pragma once

#include "domain/location.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlLocationRepository final : public LocationRepository {
 public:
  explicit SqlLocationRepository(Database& db) : db_(db) {}
  Result<Location> Create(const Location& l) override;
  Result<Location> Get(int64_t id) override;
  Result<std::vector<Location>> List() override;
  Result<Location> Update(int64_t id, const LocationPatch& patch) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
