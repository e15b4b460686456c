#pragma once

#include "common/result.h"
#include "storage/sql/schema.h"
#include "storage/sqlite/connection.h"

namespace luister::sqlite {

// The schema of the database behind `c`, from SQLite's catalog
// (sqlite_master and the table_info, index_xinfo and foreign_key_list
// pragmas). FTS5 tables and their shadow tables are SQLite's own search
// structures and are left out.
Result<sql::Schema> ReadSchema(Connection& c);

}  // namespace luister::sqlite
