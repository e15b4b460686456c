#include "storage/sqlite/schema_reader.h"

#include <algorithm>
#include <map>

namespace luister::sqlite {

namespace {

constexpr char kTables[] =
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "ORDER BY name";
constexpr char kColumns[] =
    "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?1) ORDER BY cid";
constexpr char kIndexes[] =
    "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1) ORDER BY name";
constexpr char kIndexColumns[] =
    "SELECT name, \"desc\", cid FROM pragma_index_xinfo(?1) WHERE key = 1 ORDER BY seqno";
constexpr char kForeignKeys[] =
    "SELECT id, \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?1) ORDER BY id, seq";

sql::ColumnType TypeOf(std::string declared) {
  std::transform(declared.begin(), declared.end(), declared.begin(), ::toupper);
  if (declared.find("INT") != std::string::npos) return sql::ColumnType::kInteger;
  if (declared.find("BOOL") != std::string::npos) return sql::ColumnType::kBoolean;
  if (declared.find("CHAR") != std::string::npos || declared.find("TEXT") != std::string::npos ||
      declared.find("CLOB") != std::string::npos)
    return sql::ColumnType::kText;
  if (declared.find("BLOB") != std::string::npos) return sql::ColumnType::kBlob;
  if (declared.find("REAL") != std::string::npos || declared.find("FLOA") != std::string::npos ||
      declared.find("DOUB") != std::string::npos)
    return sql::ColumnType::kReal;
  return sql::ColumnType::kOther;
}

Status ReadTable(Connection& c, sql::TableInfo* t) {
  std::vector<std::pair<int64_t, std::string>> pk;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kColumns));
    st.Bind(1, t->name);
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      sql::ColumnInfo col;
      col.name = st.Text(0);
      col.declared = st.Text(1);
      col.type = TypeOf(col.declared);
      // A primary key column is NOT NULL (SQLite's catalog says 0 for an
      // INTEGER PRIMARY KEY, which is the rowid and never NULL).
      col.nullable = st.Int(2) == 0 && st.Int(3) == 0;
      if (st.Int(3) > 0) pk.emplace_back(st.Int(3), col.name);
      t->columns.push_back(std::move(col));
    }
  }
  std::sort(pk.begin(), pk.end());
  for (auto& [_, name] : pk) t->primary_key.push_back(name);

  std::vector<sql::IndexInfo> indexes;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kIndexes));
    st.Bind(1, t->name);
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (st.Text(2) == "pk") continue;  // the primary key, compared as such
      sql::IndexInfo index;
      index.name = st.Text(0);
      index.unique = st.Int(1) != 0;
      index.partial = st.Int(3) != 0;
      indexes.push_back(std::move(index));
    }
  }
  for (auto& index : indexes) {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kIndexColumns));
    st.Bind(1, index.name);
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      std::string column = st.Int(2) == -2 ? "(expression)" : st.Text(0);
      index.columns.push_back(column + (st.Int(1) != 0 ? " DESC" : ""));
    }
    t->indexes.push_back(std::move(index));
  }

  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kForeignKeys));
  st.Bind(1, t->name);
  int64_t current = -1;
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    if (st.Int(0) != current) {
      current = st.Int(0);
      t->foreign_keys.push_back(sql::ForeignKey{{}, st.Text(1), {}});
    }
    t->foreign_keys.back().columns.push_back(st.Text(2));
    t->foreign_keys.back().ref_columns.push_back(st.Text(3));
  }
  return Status::Ok();
}

}  // namespace

Result<sql::Schema> ReadSchema(Connection& c) {
  sql::Schema schema;
  std::vector<std::string> virtual_tables;
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kTables));
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      std::string name = st.Text(0);
      if (st.Text(1).rfind("CREATE VIRTUAL TABLE", 0) == 0) {
        virtual_tables.push_back(name);
        continue;
      }
      schema.tables.push_back(sql::TableInfo{name});
    }
  }
  // Shadow tables of a virtual table are named after it: messages_fts_data.
  std::erase_if(schema.tables, [&](const sql::TableInfo& t) {
    return std::any_of(virtual_tables.begin(), virtual_tables.end(),
                       [&](const std::string& v) { return t.name.rfind(v + "_", 0) == 0; });
  });
  for (auto& t : schema.tables) {
    LUISTER_RETURN_IF_ERROR(ReadTable(c, &t));
    std::erase_if(t.columns, [&](const sql::ColumnInfo& col) {
      const std::string key = t.name + "." + col.name;
      return std::find(sql::kEngineOwnColumns.begin(), sql::kEngineOwnColumns.end(), key) !=
             sql::kEngineOwnColumns.end();
    });
  }
  return schema;
}

}  // namespace luister::sqlite
