#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "domain/repositories.h"
#include "storage/sql/schema.h"
#include "storage/sql/sql_store.h"

namespace luister {

namespace sqlite {
class Database;
class SqlDatabase;
}  // namespace sqlite

struct SqliteOptions {
  // Connections serving reads next to the single writer. In-memory databases
  // ignore this and read through the writer.
  int reader_connections = 4;
  // How long a statement waits for a lock before giving up as Unavailable.
  std::chrono::milliseconds busy_timeout{5000};
  // Apply pending migrations in Open(). When false the caller runs Migrate().
  bool migrate_on_open = true;
  // The time of writes that carry none of their own (the services always
  // give one); the system clock when null. Outlives the store.
  const Clock* clock = nullptr;
};

// The embedded SQLite implementation of Store: WAL mode, foreign keys on, one
// writer connection behind a mutex and a pool of readers, so reads never wait
// for writes. Every write method is one BEGIN IMMEDIATE transaction.
// Thread-safe.
class SqliteStore final : public sql::SqlStore {
 public:
  // Opens (creating if needed) the database at `path` (a file, or ":memory:"
  // for a private in-memory database). Unavailable when the file cannot be
  // opened or its schema is newer than this build knows.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteOptions& options);
  ~SqliteStore() override;

  // Applies pending migrations, each in its own transaction, calling
  // `progress` before each; returns how many were applied (0 when current).
  Result<int> Migrate(std::function<void(int version, const std::string& name)> progress = {});
  // The version recorded in schema_migrations; 0 for an empty database.
  Result<int> SchemaVersion();
  // The newest migration compiled into this binary.
  static int LatestSchemaVersion();
  // The tables, columns, keys and indexes as the catalog has them
  // (storage/sql/schema.h): for the parity test and migrate-data.
  Result<sql::Schema> ReadSchema();

  Status Ping() override;
  Status BeginBatch() override;
  Status EndBatch(bool commit) override;

 private:
  explicit SqliteStore(std::unique_ptr<sqlite::SqlDatabase> db);
  sqlite::Database& native();
};

}  // namespace luister
