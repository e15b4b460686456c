#include "storage/sqlite/migrator.h"

#include "storage/sqlite/embedded_migrations.h"

namespace luister::sqlite {

namespace {

constexpr char kCreateMigrationsTable[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)";
constexpr char kHasMigrationsTable[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'";
constexpr char kMaxVersion[] = "SELECT coalesce(max(version), 0) FROM schema_migrations";
constexpr char kRecordMigration[] =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)";

Status ApplyOne(Connection& c, const EmbeddedMigration& m) {
  LUISTER_RETURN_IF_ERROR(c.Exec("BEGIN IMMEDIATE"));
  auto body = [&]() -> Status {
    // Another process may have applied it while we waited for the lock.
    LUISTER_ASSIGN_OR_RETURN(int current, Migrator::CurrentVersion(c));
    if (current >= m.version) return Status::Ok();
    Status s = c.Exec(m.sql);
    if (!s.ok())
      return Internal("migration " + std::to_string(m.version) + "_" + m.name +
                      " failed: " + s.message());
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kRecordMigration));
    return st.Bind(1, m.version).Bind(2, m.name).Bind(3, Now()).Run();
  };
  Status s = body();
  if (!s.ok()) {
    (void)c.Exec("ROLLBACK");
    return s;
  }
  return c.Exec("COMMIT");
}

}  // namespace

int Migrator::LatestVersion() {
  const auto& all = EmbeddedMigrations();
  return all.empty() ? 0 : all.back().version;
}

Result<int> Migrator::CurrentVersion(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(auto has, c.Prepare(kHasMigrationsTable));
  LUISTER_ASSIGN_OR_RETURN(bool row, has.Step());
  if (!row || has.Int(0) == 0) return 0;
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kMaxVersion));
  LUISTER_ASSIGN_OR_RETURN(row, st.Step());
  return row ? static_cast<int>(st.Int(0)) : 0;
}

Status Migrator::CheckNotNewer(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(int current, CurrentVersion(c));
  if (current > LatestVersion())
    return Unavailable("database schema version " + std::to_string(current) +
                       " is newer than this luister (" + std::to_string(LatestVersion()) +
                       "); upgrade luister");
  return Status::Ok();
}

Result<int> Migrator::Apply(Connection& writer, const Progress& progress) {
  LUISTER_RETURN_IF_ERROR(CheckNotNewer(writer));
  LUISTER_RETURN_IF_ERROR(writer.Exec(kCreateMigrationsTable));
  int applied = 0;
  for (const auto& m : EmbeddedMigrations()) {
    LUISTER_ASSIGN_OR_RETURN(int current, CurrentVersion(writer));
    if (m.version <= current) continue;
    if (progress) progress(m.version, m.name);
    LUISTER_RETURN_IF_ERROR(ApplyOne(writer, m));
    ++applied;
  }
  return applied;
}

}  // namespace luister::sqlite
