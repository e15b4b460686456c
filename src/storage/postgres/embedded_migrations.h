#pragma once

#include <vector>

namespace luister::postgres {

// One numbered schema migration, compiled in from migrations/NNNN_name.sql.
struct EmbeddedMigration {
  int version;
  const char* name;
  const char* sql;
};

// Ordered by version; versions are 1, 2, ... without gaps.
const std::vector<EmbeddedMigration>& EmbeddedMigrations();

}  // namespace luister::postgres
