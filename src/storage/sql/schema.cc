#include "storage/sql/schema.h"

#include <algorithm>
#include <map>
#include <set>

namespace luister::sql {

namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::string Describe(const IndexInfo& i) {
  return std::string(i.unique ? "unique " : "") + (i.partial ? "partial " : "") + "index (" +
         Join(i.columns) + ")";
}

std::string Describe(const ForeignKey& f) {
  return "(" + Join(f.columns) + ") -> " + f.ref_table + " (" + Join(f.ref_columns) + ")";
}

bool TypesAgree(ColumnType sqlite, ColumnType postgres) {
  return sqlite == postgres || (sqlite == ColumnType::kInteger && postgres == ColumnType::kBoolean);
}

void CompareTable(const TableInfo& s, const TableInfo& p, std::vector<std::string>* out) {
  const std::string where = "table " + s.name + ": ";
  for (const ColumnInfo& sc : s.columns) {
    const ColumnInfo* pc = p.Column(sc.name);
    if (pc == nullptr) {
      out->push_back(where + "column " + sc.name + " is only on SQLite");
      continue;
    }
    if (!TypesAgree(sc.type, pc->type))
      out->push_back(where + "column " + sc.name + " is " + sc.declared + " on SQLite, " +
                     pc->declared + " on PostgreSQL");
    if (sc.nullable != pc->nullable)
      out->push_back(where + "column " + sc.name + " is " +
                     (sc.nullable ? "nullable" : "NOT NULL") + " on SQLite, " +
                     (pc->nullable ? "nullable" : "NOT NULL") + " on PostgreSQL");
  }
  for (const ColumnInfo& pc : p.columns)
    if (s.Column(pc.name) == nullptr)
      out->push_back(where + "column " + pc.name + " is only on PostgreSQL");
  if (s.primary_key != p.primary_key)
    out->push_back(where + "primary key (" + Join(s.primary_key) + ") on SQLite, (" +
                   Join(p.primary_key) + ") on PostgreSQL");

  std::multiset<std::string> s_indexes, p_indexes;
  for (const auto& i : s.indexes) s_indexes.insert(Describe(i));
  for (const auto& i : p.indexes) p_indexes.insert(Describe(i));
  for (const auto& i : s_indexes)
    if (!p_indexes.count(i)) out->push_back(where + i + " is only on SQLite");
  for (const auto& i : p_indexes)
    if (!s_indexes.count(i)) out->push_back(where + i + " is only on PostgreSQL");

  std::multiset<std::string> s_keys, p_keys;
  for (const auto& f : s.foreign_keys) s_keys.insert(Describe(f));
  for (const auto& f : p.foreign_keys) p_keys.insert(Describe(f));
  for (const auto& f : s_keys)
    if (!p_keys.count(f)) out->push_back(where + "foreign key " + f + " is only on SQLite");
  for (const auto& f : p_keys)
    if (!s_keys.count(f)) out->push_back(where + "foreign key " + f + " is only on PostgreSQL");
}

}  // namespace

const char* ToString(ColumnType t) {
  switch (t) {
    case ColumnType::kInteger:
      return "integer";
    case ColumnType::kBoolean:
      return "boolean";
    case ColumnType::kReal:
      return "real";
    case ColumnType::kText:
      return "text";
    case ColumnType::kBlob:
      return "blob";
    case ColumnType::kOther:
      return "other";
  }
  return "other";
}

const ColumnInfo* TableInfo::Column(const std::string& column) const {
  for (const auto& c : columns)
    if (c.name == column) return &c;
  return nullptr;
}

const TableInfo* Schema::Table(const std::string& name) const {
  for (const auto& t : tables)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string> CompareSchemas(const Schema& sqlite, const Schema& postgres) {
  std::vector<std::string> out;
  for (const TableInfo& s : sqlite.tables) {
    const TableInfo* p = postgres.Table(s.name);
    if (p == nullptr) {
      out.push_back("table " + s.name + " is only on SQLite");
      continue;
    }
    CompareTable(s, *p, &out);
  }
  for (const TableInfo& p : postgres.tables)
    if (sqlite.Table(p.name) == nullptr)
      out.push_back("table " + p.name + " is only on PostgreSQL");
  return out;
}

Result<std::vector<const TableInfo*>> DependencyOrder(const Schema& schema) {
  std::vector<const TableInfo*> out;
  std::set<std::string> placed;
  std::vector<const TableInfo*> pending;
  for (const auto& t : schema.tables) pending.push_back(&t);
  while (!pending.empty()) {
    auto ready = std::find_if(pending.begin(), pending.end(), [&](const TableInfo* t) {
      return std::all_of(t->foreign_keys.begin(), t->foreign_keys.end(), [&](const ForeignKey& f) {
        return f.ref_table == t->name || placed.count(f.ref_table) ||
               schema.Table(f.ref_table) == nullptr;
      });
    });
    if (ready == pending.end()) {
      std::vector<std::string> names;
      for (const TableInfo* t : pending) names.push_back(t->name);
      return InvalidArgument("the foreign keys of these tables form a cycle: " + Join(names));
    }
    placed.insert((*ready)->name);
    out.push_back(*ready);
    pending.erase(ready);
  }
  return out;
}

}  // namespace luister::sql
