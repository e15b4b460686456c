#include "storage/postgres/postgres_store.h"

#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_audit_repository.h"
#include "storage/postgres/pg_conversation_repository.h"
#include "storage/postgres/pg_customer_repository.h"
#include "storage/postgres/pg_schema_reader.h"
#include "storage/postgres/pg_search_repository.h"
#include "storage/postgres/pg_sql_database.h"

namespace luister {

using postgres::Connection;
using postgres::Migrator;

namespace {

const Clock& ClockOr(const Clock* clock) {
  static const SystemClock kSystem;
  return clock != nullptr ? *clock : kSystem;
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const PostgresOptions& options) {
  LUISTER_ASSIGN_OR_RETURN(auto db, postgres::Database::Open(url, options.pool));
  LUISTER_RETURN_IF_ERROR(db->ReadOne([](Connection& c) { return Migrator::CheckNotNewer(c); }));
  std::unique_ptr<PostgresStore> store(new PostgresStore(
      std::make_unique<postgres::PgSqlDatabase>(std::move(db), ClockOr(options.clock))));
  if (options.migrate_on_open) LUISTER_RETURN_IF_ERROR(store->Migrate().status());
  return store;
}

PostgresStore::PostgresStore(std::unique_ptr<postgres::PgSqlDatabase> db)
    : SqlStore(std::move(db)) {
  Assemble({std::make_unique<postgres::PgCustomerRepository>(database()),
            std::make_unique<postgres::PgConversationRepository>(database()),
            std::make_unique<postgres::PgSearchRepository>(native()),
            std::make_unique<postgres::PgAuditRepository>(database())});
}

PostgresStore::~PostgresStore() = default;

postgres::Database& PostgresStore::native() {
  return static_cast<postgres::PgSqlDatabase&>(database()).native();
}

Result<int> PostgresStore::Migrate(std::function<void(int, const std::string&)> progress) {
  return Migrator::Apply(native(), progress);
}

Result<int> PostgresStore::SchemaVersion() {
  return native().ReadOne([](Connection& c) { return Migrator::CurrentVersion(c); });
}

Result<sql::Schema> PostgresStore::ReadSchema() {
  return native().Read([](postgres::Connection& c) { return postgres::ReadSchema(c); });
}

int PostgresStore::LatestSchemaVersion() { return Migrator::LatestVersion(); }

Status PostgresStore::Ping() {
  return native().ReadOne([](Connection& c) { return c.Exec("SELECT 1"); });
}

}  // namespace luister
