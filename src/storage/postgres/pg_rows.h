#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/enums.h"
#include "storage/postgres/pg_connection.h"

namespace luister::postgres {

// Text columns back to enums; an unknown name (never written by luister)
// becomes the enum's default.
template <typename E>
E EnumFromText(const std::string& s) {
  return Parse<E>(s).value_or(E{});
}
template <typename E>
std::optional<E> OptEnumFromText(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return EnumFromText<E>(*s);
}

// Assembles a query from constant SQL fragments written with `?` for each
// value (as storage/sqlite's QueryBuilder), numbering them $1, $2, ... and
// collecting the values. Only fragments from this folder go into the text.
class QueryBuilder {
 public:
  explicit QueryBuilder(std::string_view head) { Append(head); }
  template <typename... V>
  QueryBuilder& Add(std::string_view fragment, V&&... values) {
    Append(fragment);
    (params_.Add(std::forward<V>(values)), ...);
    return *this;
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }
  Result<Rows> Run(Connection& c) const { return c.Query(sql_, params_); }

 private:
  void Append(std::string_view fragment) {
    for (char ch : fragment) {
      if (ch == '?') {
        sql_ += "$" + std::to_string(++placeholders_);
      } else {
        sql_ += ch;
      }
    }
  }
  std::string sql_;
  Params params_;
  int placeholders_ = 0;
};

// Every row of `rows` through `from_row(rows, i)`.
template <typename T, typename RowFn>
std::vector<T> Collect(const Rows& rows, RowFn from_row) {
  std::vector<T> out;
  out.reserve(rows.size());
  for (int i = 0; i < rows.size(); ++i) out.push_back(from_row(rows, i));
  return out;
}

// The one row of `sql` for `id`, or NotFound naming `what`.
template <typename T, typename RowFn>
Result<T> One(Connection& c, const std::string& sql, int64_t id, const char* what,
              RowFn from_row) {
  LUISTER_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, Params().Add(id)));
  if (rows.size() == 0) return NotFound(std::string(what) + " " + std::to_string(id) + " not found");
  return from_row(rows, 0);
}

}  // namespace luister::postgres
