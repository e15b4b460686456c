#include "storage/postgres/pg_sql_database.h"

#include <charconv>
#include <variant>

namespace luister::postgres {

namespace {

class ResultRow final : public sql::Row {
 public:
  ResultRow(const Rows& rows, int i) : rows_(rows), i_(i) {}
  bool IsNull(int col) const override { return rows_.IsNull(i_, col); }
  int64_t Int(int col) const override { return rows_.Int(i_, col); }
  double Double(int col) const override { return rows_.Double(i_, col); }
  std::string Text(int col) const override { return rows_.Text(i_, col); }
  bool Bool(int col) const override { return rows_.Bool(i_, col); }
  void MoveTo(int i) { i_ = i; }

 private:
  const Rows& rows_;
  int i_;
};

Params ToText(const sql::Params& params) {
  Params out;
  for (const auto& v : params.values()) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            out.AddNull();
          } else if constexpr (std::is_same_v<T, double>) {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, x);
            out.Add(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
          } else {
            out.Add(x);
          }
        },
        v);
  }
  return out;
}

}  // namespace

Status PgSqlConnection::Query(const sql::Sql& sql, const sql::Params& params,
                              FunctionRef<void(const sql::Row&)> on_row) {
  LUISTER_ASSIGN_OR_RETURN(Rows rows,
                           native_.Query(sql.For(sql::Engine::kPostgres), ToText(params)));
  ResultRow row(rows, 0);
  for (int i = 0; i < rows.size(); ++i) {
    row.MoveTo(i);
    on_row(row);
  }
  return Status::Ok();
}

Result<int64_t> PgSqlConnection::Execute(const sql::Sql& sql, const sql::Params& params) {
  LUISTER_ASSIGN_OR_RETURN(Rows rows,
                           native_.Query(sql.For(sql::Engine::kPostgres), ToText(params)));
  return rows.affected();
}

postgres::Connection& Native(sql::Connection& c) {
  return static_cast<PgSqlConnection&>(c).native();
}

Status PgSqlDatabase::Run(Mode mode, FunctionRef<Status(sql::Connection&)> fn) {
  return RunOn<PgSqlConnection>(*db_, mode, fn);
}

}  // namespace luister::postgres
