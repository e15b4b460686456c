#include "storage/postgres/pg_sql_database.h"

#include <charconv>
#include <variant>

namespace luister::postgres {

namespace {

std::string EncodeByteaHex(std::string_view bytes);
std::string DecodeByteaHex(std::string_view text);

class ResultRow final : public sql::Row {
 public:
  ResultRow(const Rows& rows, int i) : rows_(rows), i_(i) {}
  bool IsNull(int col) const override { return rows_.IsNull(i_, col); }
  int64_t Int(int col) const override { return rows_.Int(i_, col); }
  double Double(int col) const override { return rows_.Double(i_, col); }
  std::string Text(int col) const override { return rows_.Text(i_, col); }
  bool Bool(int col) const override { return rows_.Bool(i_, col); }
  // BYTEA in text form: "\\x" and two hex digits per byte.
  std::string Blob(int col) const override { return DecodeByteaHex(rows_.Text(i_, col)); }
  void MoveTo(int i) { i_ = i; }

 private:
  const Rows& rows_;
  int i_;
};

std::string EncodeByteaHex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

std::string DecodeByteaHex(std::string_view text) {
  if (text.size() < 2 || text[0] != '\\' || text[1] != 'x') return std::string(text);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  };
  std::string out;
  out.reserve((text.size() - 2) / 2);
  for (size_t i = 2; i + 1 < text.size(); i += 2)
    out.push_back(static_cast<char>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  return out;
}

Params ToText(const sql::Params& params) {
  Params out;
  for (const auto& v : params.values()) {
    std::visit(
        [&](const auto& x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            out.AddNull();
          } else if constexpr (std::is_same_v<T, sql::Bytes>) {
            out.Add(EncodeByteaHex(x.data));
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
