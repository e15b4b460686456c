#include "storage/sqlite/connection.h"

#include <sqlite3.h>

#include <mutex>

#include "storage/sqlite/fts_rank.h"
#include "storage/sqlite/luister_tokenizer.h"

namespace luister::sqlite {

Status ErrorStatus(sqlite3* db, int rc, std::string_view context) {
  std::string msg = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string detail = msg + " (" + std::string(context.substr(0, 80)) + ")";
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
      return Unavailable("database unavailable: " + detail);
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        return Conflict("already exists: " + msg);
      if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) return NotFound("a referenced record does not exist");
      return Internal("constraint failed: " + detail);
    default:
      return Internal("database error: " + detail);
  }
}

namespace {

// Process-wide settings, applied before SQLite initialises (later calls are
// refused by SQLite and change nothing). Memory statistics would make every
// allocation take one global mutex, which the request threads then fight
// over; Luister never reads those statistics.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, bool read_only,
                                                     std::chrono::milliseconds busy_timeout) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Unavailable("cannot open database " + path + ": " +
                           (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close_v2(db);
    return s;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, static_cast<int>(busy_timeout.count()));
  LUISTER_RETURN_IF_ERROR(conn->Exec("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"));
  if (read_only) LUISTER_RETURN_IF_ERROR(conn->Exec("PRAGMA query_only = ON;"));
  // The one writer keeps 16 MiB of pages (SQLite's default is 2 MiB): an
  // import or a busy desk touches the same index pages write after write,
  // and reading them back from the OS costs the writer a system call each.
  if (!read_only) LUISTER_RETURN_IF_ERROR(conn->Exec("PRAGMA cache_size = -16384;"));
  LUISTER_RETURN_IF_ERROR(RegisterLuisterTokenizer(db));
  LUISTER_RETURN_IF_ERROR(RegisterLuisterRank(db));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Result<Statement> Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorStatus(db_, rc, sql);
    it = cache_.emplace(sql, stmt).first;
  }
  return Statement(db_, it->second);
}

Status Connection::Exec(const char* sql) {
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return ErrorStatus(db_, rc, sql);
  return Status::Ok();
}

Status Connection::Run(const std::string& sql) {
  LUISTER_ASSIGN_OR_RETURN(auto st, Prepare(sql));
  return st.Run();
}

int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Connection::Changes() const { return sqlite3_changes(db_); }

}  // namespace luister::sqlite
