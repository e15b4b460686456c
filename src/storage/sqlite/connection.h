#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"
#include "storage/sqlite/statement.h"

namespace luister::sqlite {

// One SQLite connection with its prepared-statement cache and the "luister"
// FTS5 tokenizer registered. Not thread-safe: Database hands each connection
// to one thread at a time.
class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool read_only,
                                                  std::chrono::milliseconds busy_timeout);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Returns the cached statement for `sql`, preparing it on first use. `sql`
  // must be a constant or built only from constant fragments: user input is
  // always bound, never spliced in. The statement is borrowed until the
  // returned Statement dies: do not prepare the same SQL again meanwhile.
  Result<Statement> Prepare(const std::string& sql);
  // Runs one or more statements without caching (DDL, PRAGMA).
  Status Exec(const char* sql);
  // Runs one statement through the cache: for statements run on every
  // transaction (BEGIN, COMMIT, ROLLBACK), so they are parsed once.
  Status Run(const std::string& sql);

  int64_t LastInsertId() const;
  int Changes() const;
  sqlite3* raw() const { return db_; }

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

// Maps an SQLite result code to a Status: busy, locked and I/O failures are
// Unavailable, uniqueness clashes Conflict, foreign-key violations NotFound
// (a referenced record does not exist), anything else Internal.
Status ErrorStatus(sqlite3* db, int rc, std::string_view context);

}  // namespace luister::sqlite
