#include "storage/postgres/postgres_store.h"

#include "domain/audit_buffer.h"
#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_audit_repository.h"
#include "storage/postgres/pg_conversation_repository.h"
#include "storage/postgres/pg_customer_repository.h"
#include "storage/postgres/pg_schema_reader.h"
#include "storage/postgres/pg_search_repository.h"
#include "storage/postgres/pg_sql_database.h"
#include "storage/sql/sql_auth_repository.h"
#include "storage/sql/sql_directory_repository.h"
#include "storage/sql/sql_job_repository.h"
#include "storage/sql/sql_timeline_repository.h"

namespace luister {

using postgres::Connection;
using postgres::Migrator;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const PostgresOptions& options) {
  LUISTER_ASSIGN_OR_RETURN(auto db, postgres::Database::Open(url, options.pool));
  LUISTER_RETURN_IF_ERROR(db->ReadOne([](Connection& c) { return Migrator::CheckNotNewer(c); }));
  std::unique_ptr<PostgresStore> store(new PostgresStore(std::move(db), options.clock));
  if (options.migrate_on_open) LUISTER_RETURN_IF_ERROR(store->Migrate().status());
  return store;
}

namespace {
const Clock& ClockOr(const Clock* clock) {
  static const SystemClock kSystem;
  return clock != nullptr ? *clock : kSystem;
}
}  // namespace

PostgresStore::PostgresStore(std::unique_ptr<postgres::Database> db, const Clock* clock)
    : db_(std::move(db)),
      sql_(std::make_unique<postgres::PgSqlDatabase>(*db_, ClockOr(clock))),
      customers_(std::make_unique<postgres::PgCustomerRepository>(*sql_)),
      conversations_(std::make_unique<postgres::PgConversationRepository>(*sql_)),
      directory_(std::make_unique<sql::SqlDirectoryRepository>(*sql_)),
      timeline_(std::make_unique<sql::SqlTimelineRepository>(*sql_)),
      search_(std::make_unique<postgres::PgSearchRepository>(*db_)),
      audit_(std::make_unique<postgres::PgAuditRepository>(*sql_)),
      buffered_audit_(std::make_unique<BufferedAuditRepository>(*audit_)),
      auth_(std::make_unique<sql::SqlAuthRepository>(*sql_)),
      jobs_(std::make_unique<sql::SqlJobRepository>(*sql_)) {}

PostgresStore::~PostgresStore() = default;

Result<int> PostgresStore::Migrate(std::function<void(int, const std::string&)> progress) {
  return Migrator::Apply(*db_, progress);
}

Result<int> PostgresStore::SchemaVersion() {
  return db_->ReadOne([](Connection& c) { return Migrator::CurrentVersion(c); });
}

Result<sql::Schema> PostgresStore::ReadSchema() {
  return db_->Read([](postgres::Connection& c) { return postgres::ReadSchema(c); });
}

int PostgresStore::LatestSchemaVersion() { return Migrator::LatestVersion(); }

CustomerRepository& PostgresStore::customers() { return *customers_; }
ConversationRepository& PostgresStore::conversations() { return *conversations_; }
DirectoryRepository& PostgresStore::directory() { return *directory_; }
TimelineRepository& PostgresStore::timeline() { return *timeline_; }
SearchRepository& PostgresStore::search() { return *search_; }
AuditRepository& PostgresStore::audit() { return *buffered_audit_; }
AuthRepository& PostgresStore::auth() { return *auth_; }
JobRepository& PostgresStore::jobs() { return *jobs_; }

Status PostgresStore::Ping() {
  return db_->ReadOne([](Connection& c) { return c.Exec("SELECT 1"); });
}

}  // namespace luister
