#include "storage/postgres/pg_schema_reader.h"

#include <algorithm>

namespace luister::postgres {

namespace {

constexpr char kTables[] =
    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname";
// Column name, type, NOT NULL, generated ('s' for stored generated columns).
constexpr char kColumns[] =
    "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attgenerated "
    "FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
    "AND NOT a.attisdropped ORDER BY a.attnum";
// Every index with its columns in order ("(expression)" for expressions,
// " DESC" for descending keys), primary or not, and its access method.
constexpr char kIndexes[] =
    "SELECT i.relname, ix.indisunique, ix.indisprimary, ix.indpred IS NOT NULL, am.amname, "
    "  (SELECT string_agg(CASE WHEN k.attnum = 0 THEN '(expression)' ELSE a.attname END "
    "     || CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END, ',' "
    "     ORDER BY k.ord) "
    "   FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) "
    "   LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum "
    "   WHERE k.ord <= ix.indnkeyatts) "
    "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid "
    "JOIN pg_am am ON am.oid = i.relam "
    "WHERE ix.indrelid = to_regclass($1) ORDER BY i.relname";
constexpr char kForeignKeys[] =
    "SELECT con.conname, ref.relname, "
    "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) "
    "   WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a "
    "   ON a.attrelid = con.conrelid AND a.attnum = k.attnum), "
    "  (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) "
    "   WITH ORDINALITY AS k(attnum, ord) JOIN pg_attribute a "
    "   ON a.attrelid = con.confrelid AND a.attnum = k.attnum) "
    "FROM pg_constraint con JOIN pg_class ref ON ref.oid = con.confrelid "
    "WHERE con.conrelid = to_regclass($1) AND con.contype = 'f' ORDER BY con.conname";

std::vector<std::string> Split(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

sql::ColumnType TypeOf(const std::string& t) {
  if (t == "bigint" || t == "integer" || t == "smallint") return sql::ColumnType::kInteger;
  if (t == "boolean") return sql::ColumnType::kBoolean;
  if (t == "text" || t.rfind("character", 0) == 0) return sql::ColumnType::kText;
  if (t == "double precision" || t == "real") return sql::ColumnType::kReal;
  if (t == "bytea") return sql::ColumnType::kBlob;
  return sql::ColumnType::kOther;
}

bool IsEngineOwn(const std::string& table, const std::string& column) {
  const std::string key = table + "." + column;
  return std::find(sql::kEngineOwnColumns.begin(), sql::kEngineOwnColumns.end(), key) !=
         sql::kEngineOwnColumns.end();
}

Status ReadTable(Connection& c, sql::TableInfo* t) {
  std::vector<std::string> own;  // search columns left out
  {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kColumns, Params().Add(t->name)));
    for (int i = 0; i < r.size(); ++i) {
      sql::ColumnInfo col;
      col.name = r.Text(i, 0);
      col.declared = r.Text(i, 1);
      col.type = TypeOf(col.declared);
      col.nullable = !r.Bool(i, 2);
      if (!r.Text(i, 3).empty() || col.declared == "tsvector" || IsEngineOwn(t->name, col.name)) {
        own.push_back(col.name);
        continue;
      }
      t->columns.push_back(std::move(col));
    }
  }
  {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kIndexes, Params().Add(t->name)));
    for (int i = 0; i < r.size(); ++i) {
      std::vector<std::string> columns = Split(r.Text(i, 5));
      bool on_own = std::any_of(columns.begin(), columns.end(), [&](const std::string& col) {
        return std::find(own.begin(), own.end(), col) != own.end();
      });
      if (on_own || r.Text(i, 4) != "btree") continue;
      if (r.Bool(i, 2)) {
        t->primary_key = columns;
        continue;
      }
      t->indexes.push_back(sql::IndexInfo{r.Text(i, 0), columns, r.Bool(i, 1), r.Bool(i, 3)});
    }
  }
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kForeignKeys, Params().Add(t->name)));
  for (int i = 0; i < r.size(); ++i)
    t->foreign_keys.push_back(
        sql::ForeignKey{Split(r.Text(i, 2)), r.Text(i, 1), Split(r.Text(i, 3))});
  return Status::Ok();
}

}  // namespace

Result<sql::Schema> ReadSchema(Connection& c) {
  sql::Schema schema;
  LUISTER_ASSIGN_OR_RETURN(Rows tables, c.Query(kTables));
  for (int i = 0; i < tables.size(); ++i) {
    sql::TableInfo t;
    t.name = tables.Text(i, 0);
    if (std::find(sql::kEngineOwnTables.begin(), sql::kEngineOwnTables.end(), t.name) !=
        sql::kEngineOwnTables.end())
      continue;
    LUISTER_RETURN_IF_ERROR(ReadTable(c, &t));
    schema.tables.push_back(std::move(t));
  }
  return schema;
}

}  // namespace luister::postgres
