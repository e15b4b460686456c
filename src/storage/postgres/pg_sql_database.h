#pragma once

#include <memory>

#include "storage/postgres/pg_database.h"
#include "storage/sql/database.h"

namespace luister::postgres {

// A PostgreSQL connection as the shared repositories (storage/sql) see it:
// each statement is prepared once per connection, values are sent as text.
class PgSqlConnection final : public sql::Connection {
 public:
  explicit PgSqlConnection(postgres::Connection& native) : native_(native) {}

  sql::Engine engine() const override { return sql::Engine::kPostgres; }
  Status Query(const sql::Sql& sql, const sql::Params& params,
               FunctionRef<void(const sql::Row&)> on_row) override;
  Result<int64_t> Execute(const sql::Sql& sql, const sql::Params& params) override;

  postgres::Connection& native() { return native_; }

 private:
  postgres::Connection& native_;
};

// The libpq connection under a shared repository's connection, for
// PostgreSQL-only statements (unnest batches, tsvector) in the same
// transaction. `c` must come from a PgSqlDatabase.
postgres::Connection& Native(sql::Connection& c);

// sql::Database over the connection pool.
class PgSqlDatabase final : public sql::Database {
 public:
  PgSqlDatabase(std::unique_ptr<postgres::Database> db, const Clock& clock)
      : sql::Database(clock), db_(std::move(db)) {}
  sql::Engine engine() const override { return sql::Engine::kPostgres; }
  postgres::Database& native() { return *db_; }

 protected:
  Status Run(Mode mode, FunctionRef<Status(sql::Connection&)> fn) override;

 private:
  std::unique_ptr<postgres::Database> db_;
};

}  // namespace luister::postgres
