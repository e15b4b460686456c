#pragma once

#include "common/result.h"
#include "storage/postgres/pg_connection.h"
#include "storage/sql/schema.h"

namespace luister::postgres {

// The schema of the current schema (search_path) of the database behind
// `c`, from PostgreSQL's catalog. Generated tsvector columns, the indexes on
// them and the columns in sql::kEngineOwnColumns are PostgreSQL's own search
// structures and are left out.
Result<sql::Schema> ReadSchema(Connection& c);

}  // namespace luister::postgres
