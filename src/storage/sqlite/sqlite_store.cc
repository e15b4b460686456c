#include "storage/sqlite/sqlite_store.h"

#include "storage/sql/sql_audit_repository.h"
#include "storage/sql/sql_customer_repository.h"
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

const Clock& ClockOr(const Clock* clock) {
  static const SystemClock kSystem;
  return clock != nullptr ? *clock : kSystem;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteOptions& options) {
  LUISTER_ASSIGN_OR_RETURN(
      auto db, sqlite::Database::Open(path, options.reader_connections, options.busy_timeout));
  LUISTER_RETURN_IF_ERROR(db->WithWriter([](Connection& c) { return Migrator::CheckNotNewer(c); }));
  std::unique_ptr<SqliteStore> store(new SqliteStore(
      std::make_unique<sqlite::SqlDatabase>(std::move(db), ClockOr(options.clock))));
  if (options.migrate_on_open) LUISTER_RETURN_IF_ERROR(store->Migrate().status());
  return store;
}

SqliteStore::SqliteStore(std::unique_ptr<sqlite::SqlDatabase> db) : SqlStore(std::move(db)) {
  Assemble({std::make_unique<sql::SqlCustomerRepository>(database()),
            std::make_unique<sqlite::SqliteConversationRepository>(database()),
            std::make_unique<sqlite::SqliteSearchRepository>(native()),
            std::make_unique<sql::SqlAuditRepository>(database())});
}

SqliteStore::~SqliteStore() = default;

Status SqliteStore::BeginBatch() { return native().BeginBatch(); }
Status SqliteStore::EndBatch(bool commit) { return native().EndBatch(commit); }

sqlite::Database& SqliteStore::native() {
  return static_cast<sqlite::SqlDatabase&>(database()).native();
}

Result<int> SqliteStore::Migrate(std::function<void(int, const std::string&)> progress) {
  return native().WithWriter([&](Connection& c) { return Migrator::Apply(c, progress); });
}

Result<int> SqliteStore::SchemaVersion() {
  return native().Read([](Connection& c) { return Migrator::CurrentVersion(c); });
}

Result<sql::Schema> SqliteStore::ReadSchema() {
  return native().Read([](sqlite::Connection& c) { return sqlite::ReadSchema(c); });
}

int SqliteStore::LatestSchemaVersion() { return Migrator::LatestVersion(); }

Status SqliteStore::Ping() {
  return native().Read([](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kPing));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return Unavailable("database did not answer");
    return Status::Ok();
  });
}

}  // namespace luister
