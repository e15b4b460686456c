#include "storage/sqlite/sql_database.h"

#include <variant>

namespace luister::sqlite {

namespace {

class StatementRow final : public sql::Row {
 public:
  explicit StatementRow(const Statement& st) : st_(st) {}
  bool IsNull(int col) const override { return st_.IsNull(col); }
  int64_t Int(int col) const override { return st_.Int(col); }
  double Double(int col) const override { return st_.Double(col); }
  std::string Text(int col) const override { return st_.Text(col); }
  bool Bool(int col) const override { return st_.Int(col) != 0; }
  std::string Blob(int col) const override { return st_.Blob(col); }

 private:
  const Statement& st_;
};

Result<Statement> Prepare(sqlite::Connection& c, const sql::Sql& sql, const sql::Params& params) {
  // SQLite binds NULL to a parameter given no value; PostgreSQL refuses.
  // Refused here too, so a statement short of a value fails on both.
  if (params.size() != static_cast<size_t>(sql.parameters()))
    return Internal("the statement takes " + std::to_string(sql.parameters()) +
                    " parameters, given " + std::to_string(params.size()) + ": " +
                    sql.text().substr(0, 80));
  LUISTER_ASSIGN_OR_RETURN(Statement st, c.Prepare(sql.For(sql::Engine::kSqlite)));
  int i = 0;
  for (const auto& v : params.values()) {
    ++i;
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            st.BindNull(i);
          } else if constexpr (std::is_same_v<T, sql::Bytes>) {
            st.BindBlob(i, x.data);
          } else {
            st.Bind(i, x);
          }
        },
        v);
  }
  return st;
}

}  // namespace

Status SqlConnection::Query(const sql::Sql& sql, const sql::Params& params,
                            FunctionRef<void(const sql::Row&)> on_row) {
  LUISTER_ASSIGN_OR_RETURN(Statement st, Prepare(native_, sql, params));
  StatementRow row(st);
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return Status::Ok();
    on_row(row);
  }
}

Result<int64_t> SqlConnection::Execute(const sql::Sql& sql, const sql::Params& params) {
  LUISTER_ASSIGN_OR_RETURN(Statement st, Prepare(native_, sql, params));
  LUISTER_RETURN_IF_ERROR(st.Run());
  return static_cast<int64_t>(native_.Changes());
}

sqlite::Connection& Native(sql::Connection& c) { return static_cast<SqlConnection&>(c).native(); }

Status SqlDatabase::Run(Mode mode, FunctionRef<Status(sql::Connection&)> fn) {
  return RunOn<SqlConnection>(*db_, mode, fn);
}

}  // namespace luister::sqlite
