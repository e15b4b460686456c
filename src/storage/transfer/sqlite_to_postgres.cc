#include "storage/transfer/sqlite_to_postgres.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "domain/validation.h"
#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_database.h"
#include "storage/postgres/pg_schema_reader.h"
#include "storage/sql/schema.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/migrator.h"
#include "storage/sqlite/schema_reader.h"

namespace luister::transfer {

namespace {

using PgConnection = postgres::Connection;
using SqliteConnection = sqlite::Connection;

// A table to copy, derived from the schemas (sql::Schema): the copy order
// satisfies every foreign key, and the primary key orders rows the same way
// in both engines (text compared bytewise) for the checksums.
struct Table {
  std::string name;
  std::vector<std::string> key;       // primary key columns
  std::vector<std::string> text_key;  // those of them that are text
  // Self-references, copied as NULL first and filled in afterwards.
  std::vector<std::string> deferred;
  // PostgreSQL returns booleans as t/f; SQLite stores 1/0.
  std::set<std::string> booleans;
  // Binary columns travel as upper-case hex: hex() on SQLite, decode() and
  // upper(encode()) on PostgreSQL.
  std::set<std::string> blobs;
};

// Not copied: each engine records its own migrations, and the copy's own
// progress lives only in the target.
const std::set<std::string> kNotCopied = {"schema_migrations", "luister_transfer_progress"};

// The tables both engines hold, in dependency order. InvalidArgument when
// the schemas disagree: the copy would lose or refuse data.
Result<std::vector<Table>> TablesToCopy(sql::Schema source, sql::Schema target) {
  for (sql::Schema* s : {&source, &target})
    std::erase_if(s->tables, [](const sql::TableInfo& t) { return kNotCopied.count(t.name) > 0; });
  std::vector<std::string> drift = sql::CompareSchemas(source, target);
  if (!drift.empty()) return InvalidArgument("the two databases' schemas differ: " + drift.front());
  LUISTER_ASSIGN_OR_RETURN(auto order, sql::DependencyOrder(source));
  std::vector<Table> out;
  for (const sql::TableInfo* t : order) {
    if (t->primary_key.empty()) return Internal("table " + t->name + " has no primary key");
    Table table{t->name, t->primary_key};
    for (const auto& k : t->primary_key)
      if (const auto* col = t->Column(k); col && col->type == sql::ColumnType::kText)
        table.text_key.push_back(k);
    for (const auto& f : t->foreign_keys)
      if (f.ref_table == t->name)
        table.deferred.insert(table.deferred.end(), f.columns.begin(), f.columns.end());
    for (const auto& col : target.Table(t->name)->columns) {
      if (col.type == sql::ColumnType::kBoolean) table.booleans.insert(col.name);
      if (col.type == sql::ColumnType::kBlob) table.blobs.insert(col.name);
    }
    out.push_back(std::move(table));
  }
  return out;
}

constexpr char kProgressTable[] =
    "CREATE TABLE IF NOT EXISTS luister_transfer_progress ("
    " table_name TEXT PRIMARY KEY, last_rowid BIGINT NOT NULL, done BOOLEAN NOT NULL)";
constexpr int kMaxParams = 30000;
constexpr int kMaxBatchRows = 1000;

std::string Join(const std::vector<std::string>& v, const char* sep = ", ");

// The ORDER BY of `t` on PostgreSQL: text keys compare bytewise, as
// SQLite's BINARY collation does.
std::string PgOrder(const Table& t) {
  std::vector<std::string> parts;
  for (const auto& k : t.key)
    parts.push_back(std::find(t.text_key.begin(), t.text_key.end(), k) != t.text_key.end()
                        ? k + " COLLATE \"C\""
                        : k);
  return Join(parts);
}

Result<std::vector<std::string>> Columns(SqliteConnection& c, const std::string& table) {
  LUISTER_ASSIGN_OR_RETURN(auto st,
                           c.Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid"));
  st.Bind(1, table);
  std::vector<std::string> out;
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(st.Text(0));
  }
  if (out.empty()) return Internal("the source has no table " + table);
  return out;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// The columns as SQLite selects them: binary ones as hex text.
std::string SqliteSelect(const Table& t, const std::vector<std::string>& cols) {
  std::vector<std::string> out;
  for (const auto& c : cols) out.push_back(t.blobs.count(c) ? "hex(" + c + ")" : c);
  return Join(out);
}

// The same on PostgreSQL, for the comparison after the copy.
std::string PgSelect(const Table& t, const std::vector<std::string>& cols) {
  std::vector<std::string> out;
  for (const auto& c : cols) out.push_back(t.blobs.count(c) ? "upper(encode(" + c + ", 'hex'))" : c);
  return Join(out);
}

// FNV-1a, 64 bit, over a canonical text form of each row.
struct Checksum {
  uint64_t h = 1469598103934665603ULL;
  void Add(std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
  }
  void Value(const std::optional<std::string>& v) {
    Add(v ? "\x01" : "\x00");
    if (v) Add(*v);
    Add("\x1f");
  }
};

Result<int64_t> SqliteCount(SqliteConnection& c, const std::string& table) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare("SELECT count(*) FROM " + table));
  LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : 0;
}

}  // namespace

Result<std::vector<TableReport>> CopySqliteToPostgres(const std::string& sqlite_path,
                                                      const std::string& postgres_url,
                                                      const TransferOptions& options) {
  LUISTER_ASSIGN_OR_RETURN(auto src,
                           sqlite::Database::Open(sqlite_path, 0, std::chrono::milliseconds(5000)));
  LUISTER_ASSIGN_OR_RETURN(int src_version, src->WithWriter([](SqliteConnection& c) {
    return sqlite::Migrator::CurrentVersion(c);
  }));
  if (src_version == 0) return InvalidArgument(sqlite_path + " is not a luister database");
  if (src_version != sqlite::Migrator::LatestVersion())
    return InvalidArgument("the source is at schema version " + std::to_string(src_version) +
                           "; run `luister migrate --db sqlite:" + sqlite_path + "` first");

  postgres::PoolOptions pool;
  pool.connect.statement_timeout = std::chrono::minutes(10);
  LUISTER_ASSIGN_OR_RETURN(auto dst, postgres::Database::Open(postgres_url, pool));
  LUISTER_RETURN_IF_ERROR(postgres::Migrator::Apply(*dst).status());
  LUISTER_ASSIGN_OR_RETURN(sql::Schema source_schema, src->WithWriter([](SqliteConnection& c) {
    return sqlite::ReadSchema(c);
  }));
  LUISTER_ASSIGN_OR_RETURN(sql::Schema target_schema,
                           dst->Read([](PgConnection& c) { return postgres::ReadSchema(c); }));
  LUISTER_ASSIGN_OR_RETURN(std::vector<Table> tables,
                           TablesToCopy(std::move(source_schema), std::move(target_schema)));

  // Fresh target, resumed copy, or refusal.
  LUISTER_ASSIGN_OR_RETURN(bool resuming, dst->Write([](PgConnection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(
        postgres::Rows r, c.Query("SELECT to_regclass('luister_transfer_progress') IS NOT NULL"));
    return r.Bool(0, 0);
  }));
  if (!resuming) {
    int64_t existing = 0;
    for (const Table& t : tables) {
      LUISTER_ASSIGN_OR_RETURN(int64_t n, dst->ReadOne([&](PgConnection& c) -> Result<int64_t> {
        LUISTER_ASSIGN_OR_RETURN(postgres::Rows r,
                                 c.Query(std::string("SELECT count(*) FROM ") + t.name));
        return r.Int(0, 0);
      }));
      existing += n;
    }
    if (existing > 0 && !options.force)
      return InvalidArgument("the target database already holds " + std::to_string(existing) +
                             " rows; pass --force to replace them");
    LUISTER_RETURN_IF_ERROR(dst->Write([&](PgConnection& c) -> Status {
      if (existing > 0) {
        std::string all;
        for (const Table& t : tables) all += (all.empty() ? "" : ", ") + t.name;
        LUISTER_RETURN_IF_ERROR(c.Exec(("TRUNCATE " + all + " RESTART IDENTITY CASCADE").c_str()));
      }
      return c.Exec(kProgressTable);
    }));
  }

  std::vector<TableReport> reports;
  for (const Table& t : tables) {
    const std::string table = t.name;
    LUISTER_ASSIGN_OR_RETURN(
        auto cols, src->WithWriter([&](SqliteConnection& c) { return Columns(c, table); }));
    LUISTER_ASSIGN_OR_RETURN(
        int64_t total, src->WithWriter([&](SqliteConnection& c) { return SqliteCount(c, table); }));
    LUISTER_ASSIGN_OR_RETURN(
        auto progress, dst->ReadOne([&](PgConnection& c) -> Result<std::pair<int64_t, bool>> {
          LUISTER_ASSIGN_OR_RETURN(
              postgres::Rows r,
              c.Query(
                  "SELECT last_rowid, done FROM luister_transfer_progress WHERE table_name = $1",
                  postgres::Params().Add(table)));
          if (r.size() == 0) return std::make_pair(int64_t{0}, false);
          return std::make_pair(r.Int(0, 0), r.Bool(0, 1));
        }));
    int64_t last_rowid = progress.first;
    const int batch_rows =
        std::max(1, std::min<int>(kMaxBatchRows, kMaxParams / static_cast<int>(cols.size())));
    const std::string select = "SELECT rowid, " + SqliteSelect(t, cols) + " FROM " + table +
                               " WHERE rowid > ?1 ORDER BY rowid LIMIT ?2";
    int64_t copied = 0;
    while (!progress.second) {
      // One batch from SQLite...
      std::vector<std::vector<std::optional<std::string>>> rows;
      int64_t batch_last = last_rowid;
      LUISTER_RETURN_IF_ERROR(src->WithWriter([&](SqliteConnection& c) -> Status {
        LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(select));
        st.Bind(1, last_rowid).Bind(2, int64_t{batch_rows});
        while (true) {
          LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
          if (!row) break;
          batch_last = st.Int(0);
          std::vector<std::optional<std::string>> values;
          for (size_t i = 0; i < cols.size(); ++i) {
            auto v = st.OptText(static_cast<int>(i) + 1);
            if (v && std::find(t.deferred.begin(), t.deferred.end(), cols[i]) != t.deferred.end())
              v.reset();
            // SQLite keeps any bytes; PostgreSQL refuses text that is not
            // UTF-8 (or holds NUL). Name the value rather than fail the batch
            // with a message no one can act on.
            if (v && (!IsValidUtf8(*v) || v->find('\0') != std::string::npos))
              return InvalidArgument(
                  "table " + table + ", row " + std::to_string(batch_last) + ", column " + cols[i] +
                  ": the value is not valid UTF-8 text, which PostgreSQL does not accept; "
                  "correct it in the SQLite database and run migrate-data again (it resumes "
                  "where it stopped)");
            values.push_back(std::move(v));
          }
          rows.push_back(std::move(values));
        }
        return Status::Ok();
      }));
      // ... into PostgreSQL with its progress, in one transaction.
      LUISTER_RETURN_IF_ERROR(dst->Write([&](PgConnection& c) -> Status {
        if (!rows.empty()) {
          std::string sql = "INSERT INTO " + table + " (" + Join(cols) + ") VALUES ";
          postgres::Params params;
          int n = 0;
          for (size_t r = 0; r < rows.size(); ++r) {
            sql += r ? ", (" : "(";
            for (size_t i = 0; i < cols.size(); ++i) {
              const std::string param = "$" + std::to_string(++n);
              sql += i ? ", " : "";
              sql += t.blobs.count(cols[i]) ? "decode(" + param + ", 'hex')" : param;
              if (rows[r][i])
                params.Add(*rows[r][i]);
              else
                params.AddNull();
            }
            sql += ")";
          }
          LUISTER_RETURN_IF_ERROR(c.Query(sql, params).status());
        }
        bool done = static_cast<int>(rows.size()) < batch_rows;
        return c
            .Query(
                "INSERT INTO luister_transfer_progress (table_name, last_rowid, done) "
                "VALUES ($1, $2, $3) ON CONFLICT (table_name) DO UPDATE "
                "SET last_rowid = $2, done = $3",
                postgres::Params().Add(table).Add(batch_last).Add(done))
            .status();
      }));
      copied += static_cast<int64_t>(rows.size());
      last_rowid = batch_last;
      if (options.progress) options.progress(table, std::min(copied, total), total);
      if (static_cast<int>(rows.size()) < batch_rows) break;
    }
    // Self-references, now that every row exists.
    for (const std::string& col : t.deferred) {
      std::vector<std::pair<int64_t, int64_t>> refs;
      LUISTER_RETURN_IF_ERROR(src->WithWriter([&](SqliteConnection& c) -> Status {
        LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare("SELECT id, " + std::string(col) + " FROM " +
                                                    table + " WHERE " + col + " IS NOT NULL"));
        while (true) {
          LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
          if (!row) return Status::Ok();
          refs.emplace_back(st.Int(0), st.Int(1));
        }
      }));
      LUISTER_RETURN_IF_ERROR(dst->Write([&](PgConnection& c) -> Status {
        for (const auto& [id, ref] : refs)
          LUISTER_RETURN_IF_ERROR(c.Query("UPDATE " + table + " SET " + col + " = $2 WHERE id = $1",
                                          postgres::Params().Add(id).Add(ref))
                                      .status());
        return Status::Ok();
      }));
    }
    if (t.key == std::vector<std::string>{"id"}) {
      LUISTER_RETURN_IF_ERROR(dst->Write([&](PgConnection& c) {
        return c
            .Query("SELECT setval(pg_get_serial_sequence('" + table +
                   "', 'id'), coalesce((SELECT max(id) FROM " + table + "), 0) + 1, false)")
            .status();
      }));
    }

    // Verify: the same rows on both sides, value for value.
    TableReport report;
    report.table = table;
    Checksum from, to;
    int64_t from_rows = 0, to_rows = 0;
    LUISTER_RETURN_IF_ERROR(src->WithWriter([&](SqliteConnection& c) -> Status {
      std::string sql =
          "SELECT " + SqliteSelect(t, cols) + " FROM " + table + " ORDER BY " + Join(t.key);
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql));
      while (true) {
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return Status::Ok();
        ++from_rows;
        for (size_t i = 0; i < cols.size(); ++i) from.Value(st.OptText(static_cast<int>(i)));
      }
    }));
    LUISTER_RETURN_IF_ERROR(dst->Read([&](PgConnection& c) -> Status {
      LUISTER_ASSIGN_OR_RETURN(postgres::Rows r, c.Query("SELECT " + PgSelect(t, cols) + " FROM " +
                                                         table + " ORDER BY " + PgOrder(t)));
      for (int row = 0; row < r.size(); ++row) {
        ++to_rows;
        for (size_t i = 0; i < cols.size(); ++i) {
          auto v = r.OptText(row, static_cast<int>(i));
          if (v && t.booleans.count(cols[i])) v = (*v == "t") ? "1" : "0";
          to.Value(v);
        }
      }
      return Status::Ok();
    }));
    if (from_rows != to_rows || from.h != to.h)
      return Internal("table " + table + " differs after the copy: " + std::to_string(from_rows) +
                      " rows in SQLite, " + std::to_string(to_rows) + " in PostgreSQL" +
                      (from_rows == to_rows ? " (checksums differ)" : ""));
    report.rows = from_rows;
    report.checksum = from.h;
    reports.push_back(report);
  }

  // Search text that only PostgreSQL keeps, and the copy is complete.
  LUISTER_RETURN_IF_ERROR(dst->Write([](PgConnection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(c.Exec(
        "UPDATE customers cu SET search_text = coalesce((SELECT string_agg(value, ' ' ORDER BY id) "
        "FROM identities i WHERE i.customer_id = cu.id), '')"));
    return c.Exec("DROP TABLE luister_transfer_progress");
  }));
  return reports;
}

}  // namespace luister::transfer
