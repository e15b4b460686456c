#pragma once

#include <functional>
#include <string>

#include "common/result.h"
#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Numbered migrations from migrations/NNNN_name.sql, compiled into the
// binary and recorded in schema_migrations. Several nodes may start at once:
// each migration runs in its own transaction under an advisory lock, and a
// node that waited finds it applied and skips it.
class Migrator {
 public:
  static int LatestVersion();
  // 0 for an empty database.
  static Result<int> CurrentVersion(Connection& c);
  // Unavailable when the database was migrated by a newer luister.
  static Status CheckNotNewer(Connection& c);
  // Applies pending migrations, calling `progress` before each; returns how
  // many this call applied.
  static Result<int> Apply(Database& db,
                           const std::function<void(int, const std::string&)>& progress = {});
};

}  // namespace luister::postgres
