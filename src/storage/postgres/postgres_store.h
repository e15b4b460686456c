#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"
#include "storage/sql/schema.h"
#include "storage/sql/sql_store.h"

namespace luister {

namespace postgres {
class Database;
class PgSqlDatabase;
}  // namespace postgres

struct PostgresOptions {
  postgres::PoolOptions pool;
  // Apply pending migrations in Open(). When false the caller runs Migrate().
  bool migrate_on_open = true;
  // The time of writes that carry none of their own (the services always
  // give one); the system clock when null. Outlives the store.
  const Clock* clock = nullptr;
};

// The PostgreSQL implementation of Store, for one or several luister nodes on
// one database. Thread-safe.
class PostgresStore final : public sql::SqlStore {
 public:
  // Unavailable when the server cannot be reached (with libpq's reason) or
  // the schema is newer than this build knows.
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                     const PostgresOptions& options);
  ~PostgresStore() override;

  Result<int> Migrate(std::function<void(int version, const std::string& name)> progress = {});
  Result<int> SchemaVersion();
  static int LatestSchemaVersion();
  // The tables, columns, keys and indexes as the catalog has them
  // (storage/sql/schema.h): for the parity test and migrate-data.
  Result<sql::Schema> ReadSchema();

  Status Ping() override;

 private:
  explicit PostgresStore(std::unique_ptr<postgres::PgSqlDatabase> db);
  postgres::Database& native();
};

}  // namespace luister
