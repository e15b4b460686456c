#pragma once

#include <functional>
#include <string>

#include "common/result.h"
#include "storage/sqlite/connection.h"

namespace luister::sqlite {

// Applies the embedded numbered migrations (embedded_migrations.h) and records
// each in schema_migrations. Works on the writer connection; each migration is
// one transaction, so a failed one leaves the schema at the previous version.
class Migrator {
 public:
  using Progress = std::function<void(int version, const std::string& name)>;

  static int LatestVersion();
  // 0 for an empty database.
  static Result<int> CurrentVersion(Connection& c);
  // Unavailable when the database was migrated by a newer luister.
  static Status CheckNotNewer(Connection& c);
  // Returns how many migrations were applied; calls `progress` (if set)
  // before each.
  static Result<int> Apply(Connection& writer, const Progress& progress);
};

}  // namespace luister::sqlite
