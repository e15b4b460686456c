#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "domain/repositories.h"
#include "storage/sql/schema.h"

namespace luister {

class BufferedAuditRepository;

namespace sql {
class Database;
class SqlAuditRepository;
class SqlAuthRepository;
class SqlCustomerRepository;
class SqlDirectoryRepository;
class SqlJobRepository;
class SqlTimelineRepository;
}  // namespace sql

namespace sqlite {
class Database;
class SqliteConversationRepository;
class SqliteSearchRepository;
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
class SqliteStore final : public Store {
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

  CustomerRepository& customers() override;
  ConversationRepository& conversations() override;
  DirectoryRepository& directory() override;
  TimelineRepository& timeline() override;
  SearchRepository& search() override;
  AuditRepository& audit() override;
  AuthRepository& auth() override;
  JobRepository& jobs() override;
  Status Ping() override;

 private:
  SqliteStore(std::unique_ptr<sqlite::Database> db, const Clock* clock);

  std::unique_ptr<sqlite::Database> db_;
  std::unique_ptr<sql::Database> sql_;  // db_ as the shared repositories see it
  std::unique_ptr<sql::SqlCustomerRepository> customers_;
  std::unique_ptr<sqlite::SqliteConversationRepository> conversations_;
  std::unique_ptr<sql::SqlDirectoryRepository> directory_;
  std::unique_ptr<sql::SqlTimelineRepository> timeline_;
  std::unique_ptr<sqlite::SqliteSearchRepository> search_;
  std::unique_ptr<sql::SqlAuditRepository> audit_;
  // Group commit in front of audit_; declared after it so it is destroyed
  // (and flushed) first.
  std::unique_ptr<BufferedAuditRepository> buffered_audit_;
  std::unique_ptr<sql::SqlAuthRepository> auth_;
  std::unique_ptr<sql::SqlJobRepository> jobs_;
};

}  // namespace luister
