#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/time.h"
#include "storage/postgres/pg_connection.h"

namespace luister::postgres {

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

// An array literal of optional values, for one `unnest($n::T[])` parameter
// per column: many rows in one statement whose text never changes. Every
// element is quoted and escaped; nullopt is NULL.
std::string ArrayLiteral(const std::vector<std::optional<std::string>>& values);
// The rows of a batch write as one array per column, for a statement like
// "INSERT ... SELECT * FROM unnest($1::bigint[], $2::text[], ...)": each
// row sets every column once, in order.
class BatchColumns {
 public:
  explicit BatchColumns(size_t n) : cols_(n) {}
  BatchColumns& Set(size_t col, std::optional<std::string> v) {
    cols_[col].push_back(std::move(v));
    return *this;
  }
  BatchColumns& Set(size_t col, std::optional<int64_t> v) {
    return Set(col, v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt);
  }
  BatchColumns& Set(size_t col, int64_t v) {
    return Set(col, std::optional<std::string>(std::to_string(v)));
  }
  BatchColumns& Set(size_t col, Timestamp t) { return Set(col, ToMillis(t)); }
  BatchColumns& Set(size_t col, std::optional<Timestamp> t) {
    return Set(col, t ? std::optional<int64_t>(ToMillis(*t)) : std::nullopt);
  }
  bool empty() const { return cols_.empty() || cols_[0].empty(); }
  Params ToParams() const {
    Params p;
    for (const auto& col : cols_) p.Add(ArrayLiteral(col));
    return p;
  }

 private:
  std::vector<std::vector<std::optional<std::string>>> cols_;
};

// "{1,2,3}": a bigint[] parameter, for "= ANY($n::bigint[])".
std::string IdArray(const std::vector<int64_t>& ids);

}  // namespace luister::postgres
