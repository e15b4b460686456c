#include "storage/sqlite/sqlite_store.h"

#include "domain/audit_buffer.h"
#include "storage/sql/sql_audit_repository.h"
#include "storage/sql/sql_auth_repository.h"
#include "storage/sql/sql_customer_repository.h"
#include "storage/sql/sql_directory_repository.h"
#include "storage/sql/sql_job_repository.h"
#include "storage/sql/sql_timeline_repository.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/migrator.h"
#include "storage/sqlite/schema_reader.h"
#include "storage/sqlite/sql_database.h"
#include "storage/sqlite/sqlite_conversation_repository.h"
#include "storage/sqlite/sqlite_search_repository.h"

namespace luister {

using sqlite::Connection;
using sqlite::Migrator;

namespace {
constexpr char kPing[] = "SELECT 1";
}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  LUISTER_ASSIGN_OR_RETURN(
      auto db, sqlite::Database::Open(path, options.reader_connections, options.busy_timeout));
  LUISTER_RETURN_IF_ERROR(db->WithWriter([](Connection& c) { return Migrator::CheckNotNewer(c); }));
  std::unique_ptr<SqliteStore> store(new SqliteStore(std::move(db), options.clock));
  if (options.migrate_on_open) LUISTER_RETURN_IF_ERROR(store->Migrate().status());
  return store;
}

namespace {
const Clock& ClockOr(const Clock* clock) {
  static const SystemClock kSystem;
  return clock != nullptr ? *clock : kSystem;
}
}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<sqlite::Database> db, const Clock* clock)
    : db_(std::move(db)),
      sql_(std::make_unique<sqlite::SqlDatabase>(*db_, ClockOr(clock))),
      customers_(std::make_unique<sql::SqlCustomerRepository>(*sql_)),
      conversations_(std::make_unique<sqlite::SqliteConversationRepository>(*sql_)),
      directory_(std::make_unique<sql::SqlDirectoryRepository>(*sql_)),
      timeline_(std::make_unique<sql::SqlTimelineRepository>(*sql_)),
      search_(std::make_unique<sqlite::SqliteSearchRepository>(*db_)),
      audit_(std::make_unique<sql::SqlAuditRepository>(*sql_)),
      buffered_audit_(std::make_unique<BufferedAuditRepository>(*audit_)),
      auth_(std::make_unique<sql::SqlAuthRepository>(*sql_)),
      jobs_(std::make_unique<sql::SqlJobRepository>(*sql_)) {}

SqliteStore::~SqliteStore() = default;

Result<int> SqliteStore::Migrate(std::function<void(int, const std::string&)> progress) {
  return db_->WithWriter([&](Connection& c) { return Migrator::Apply(c, progress); });
}

Result<int> SqliteStore::SchemaVersion() {
  return db_->Read([](Connection& c) { return Migrator::CurrentVersion(c); });
}

Result<sql::Schema> SqliteStore::ReadSchema() {
  return db_->Read([](sqlite::Connection& c) { return sqlite::ReadSchema(c); });
}

int SqliteStore::LatestSchemaVersion() { return Migrator::LatestVersion(); }

CustomerRepository& SqliteStore::customers() { return *customers_; }
ConversationRepository& SqliteStore::conversations() { return *conversations_; }
DirectoryRepository& SqliteStore::directory() { return *directory_; }
TimelineRepository& SqliteStore::timeline() { return *timeline_; }
SearchRepository& SqliteStore::search() { return *search_; }
AuditRepository& SqliteStore::audit() { return *buffered_audit_; }
AuthRepository& SqliteStore::auth() { return *auth_; }
JobRepository& SqliteStore::jobs() { return *jobs_; }

Status SqliteStore::Ping() {
  return db_->Read([](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kPing));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Unavailable("database did not answer");
    return Status::Ok();
  });
}

}  // namespace luister
