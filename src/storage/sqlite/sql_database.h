#pragma once

#include <memory>

#include "storage/sql/database.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// An SQLite connection as the shared repositories (storage/sql) see it:
// statements come from the connection's cache, values are bound natively.
class SqlConnection final : public sql::Connection {
 public:
  explicit SqlConnection(sqlite::Connection& native) : native_(native) {}

  sql::Engine engine() const override { return sql::Engine::kSqlite; }
  Status Query(const sql::Sql& sql, const sql::Params& params,
               FunctionRef<void(const sql::Row&)> on_row) override;
  Result<int64_t> Execute(const sql::Sql& sql, const sql::Params& params) override;

  sqlite::Connection& native() { return native_; }

 private:
  sqlite::Connection& native_;
};

// The SQLite connection under a shared repository's connection, for
// SQLite-only statements (FTS5) in the same transaction. `c` must come from
// a SqlDatabase.
sqlite::Connection& Native(sql::Connection& c);

// sql::Database over a Database: writes on the one writer, reads on the
// reader pool.
class SqlDatabase final : public sql::Database {
 public:
  SqlDatabase(std::unique_ptr<sqlite::Database> db, const Clock& clock)
      : sql::Database(clock), db_(std::move(db)) {}
  sql::Engine engine() const override { return sql::Engine::kSqlite; }
  sqlite::Database& native() { return *db_; }

 protected:
  Status Run(Mode mode, FunctionRef<Status(sql::Connection&)> fn) override;

 private:
  std::unique_ptr<sqlite::Database> db_;
};

}  // namespace luister::sqlite
