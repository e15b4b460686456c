#pragma once

#include <functional>
#include <memory>
#include <string>

#include "common/result.h"
#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"
#include "storage/sql/schema.h"

namespace luister {

class BufferedAuditRepository;

namespace sql {
class Database;
class SqlAuthRepository;
class SqlDirectoryRepository;
class SqlJobRepository;
class SqlTimelineRepository;
}  // namespace sql

namespace postgres {
class PgAuditRepository;
class PgConversationRepository;
class PgCustomerRepository;
class PgSearchRepository;
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
class PostgresStore final : public Store {
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
  PostgresStore(std::unique_ptr<postgres::Database> db, const Clock* clock);

  std::unique_ptr<postgres::Database> db_;
  std::unique_ptr<sql::Database> sql_;  // db_ as the shared repositories see it
  std::unique_ptr<postgres::PgCustomerRepository> customers_;
  std::unique_ptr<postgres::PgConversationRepository> conversations_;
  std::unique_ptr<sql::SqlDirectoryRepository> directory_;
  std::unique_ptr<sql::SqlTimelineRepository> timeline_;
  std::unique_ptr<postgres::PgSearchRepository> search_;
  std::unique_ptr<postgres::PgAuditRepository> audit_;
  std::unique_ptr<BufferedAuditRepository> buffered_audit_;  // after audit_: flushed first
  std::unique_ptr<sql::SqlAuthRepository> auth_;
  std::unique_ptr<sql::SqlJobRepository> jobs_;
};

}  // namespace luister
