#include "storage/postgres/migrator.h"

#include "storage/postgres/embedded_migrations.h"

namespace luister::postgres {

namespace {

// Any constant shared by all nodes; "luister" in ASCII.
constexpr char kLock[] = "SELECT pg_advisory_xact_lock(7887207305734802)";
constexpr char kCreateMigrationsTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
constexpr char kHasMigrationsTable[] = "SELECT to_regclass('schema_migrations') IS NOT NULL";
constexpr char kMaxVersion[] = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr char kRecordMigration[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)";

}  // namespace

int Migrator::LatestVersion() {
  const auto& all = EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

Result<int> Migrator::CurrentVersion(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(Rows has, c.Query(kHasMigrationsTable));
  if (has.size() == 0 || !has.Bool(0, 0)) return 0;
  LUISTER_ASSIGN_OR_RETURN(Rows max, c.Query(kMaxVersion));
  return static_cast<int>(max.Int(0, 0));
}

Status Migrator::CheckNotNewer(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(int current, CurrentVersion(c));
  if (current > LatestVersion())
    return Unavailable("database schema version " + std::to_string(current) +
                       " is newer than this luister (" + std::to_string(LatestVersion()) +
                       "); upgrade luister");
  return Status::Ok();
}

Result<int> Migrator::Apply(Database& db,
                            const std::function<void(int, const std::string&)>& progress) {
  int applied = 0;
  for (const EmbeddedMigration& m : EmbeddedMigrations()) {
    LUISTER_ASSIGN_OR_RETURN(
        bool ran, db.Write([&](Connection& c) -> Result<bool> {
          LUISTER_RETURN_IF_ERROR(c.Exec(kLock));
          LUISTER_RETURN_IF_ERROR(c.Exec(kCreateMigrationsTable));
          LUISTER_ASSIGN_OR_RETURN(int current, CurrentVersion(c));
          if (current > LatestVersion())
            return Unavailable("database schema version " + std::to_string(current) +
                               " is newer than this luister; upgrade luister");
          if (current >= m.version) return false;
          if (progress) progress(m.version, m.name);
          Status s = c.Exec(m.sql);
          if (!s.ok())
            return Internal("migration " + std::to_string(m.version) + "_" + m.name +
                            " failed: " + s.message());
          LUISTER_RETURN_IF_ERROR(
              c.Query(kRecordMigration, Params().Add(m.version).Add(m.name).Add(Now()))
                  .status());
          return true;
        }));
    if (ran) ++applied;
  }
  return applied;
}

}  // namespace luister::postgres
