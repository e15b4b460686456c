#pragma once

#include <string>
#include <vector>

#include "common/result.h"

// A database schema as read from an engine's catalog, in terms both engines
// share: what the parity test compares and what `migrate-data` copies.
namespace luister::sql {

// Column types as the two engines store the same values. SQLite keeps
// booleans as INTEGER, so its readers report kInteger where PostgreSQL says
// kBoolean; CompareSchemas allows that pair and no other difference.
enum class ColumnType { kInteger, kBoolean, kReal, kText, kBlob, kOther };
const char* ToString(ColumnType t);

struct ColumnInfo {
  std::string name;
  ColumnType type = ColumnType::kOther;
  std::string declared;  // the engine's own type name, for messages
  bool nullable = true;
};

struct IndexInfo {
  std::string name;
  // Column names in index order, each followed by " DESC" when descending;
  // an expression shows as "(expression)".
  std::vector<std::string> columns;
  bool unique = false;
  bool partial = false;  // has a WHERE clause
};

struct ForeignKey {
  std::vector<std::string> columns;
  std::string ref_table;
  std::vector<std::string> ref_columns;
};

struct TableInfo {
  std::string name;
  std::vector<ColumnInfo> columns;  // in declaration order
  std::vector<std::string> primary_key;
  std::vector<IndexInfo> indexes;  // secondary indexes and unique constraints
  std::vector<ForeignKey> foreign_keys;

  const ColumnInfo* Column(const std::string& column) const;
};

// The tables of one database that both engines hold. Each engine's reader
// leaves out what is its own by design: SQLite's FTS5 tables, PostgreSQL's
// generated tsvector columns and the GIN indexes on them, and the
// customers.search_text column that feeds one (kEngineOwnColumns), and
// PostgreSQL's live event log (kEngineOwnTables).
struct Schema {
  std::vector<TableInfo> tables;  // by name
  const TableInfo* Table(const std::string& name) const;
};

// Columns one engine keeps for its own full-text search, left out by the
// readers: "table.column".
inline const std::vector<std::string> kEngineOwnColumns = {"customers.search_text"};
// Tables one engine keeps for itself, left out by the readers: PostgreSQL's
// log of live events, which carries them between nodes (its migration 0002;
// SQLite serves one node and publishes in memory).
inline const std::vector<std::string> kEngineOwnTables = {"live_events"};

// Every difference between the two schemas, one line each ("table x:
// column y is NOT NULL on SQLite, nullable on PostgreSQL"); empty when they
// agree on tables, columns (mapped types and nullability), primary keys,
// indexes (columns, order, uniqueness, partial) and foreign keys.
std::vector<std::string> CompareSchemas(const Schema& sqlite, const Schema& postgres);

// The tables in an order in which every row's foreign keys point at tables
// copied before it; a table's references to itself do not count.
// InvalidArgument when the references form a cycle.
Result<std::vector<const TableInfo*>> DependencyOrder(const Schema& schema);

}  // namespace luister::sql
