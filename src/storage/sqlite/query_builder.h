#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/result.h"
#include "storage/sqlite/connection.h"

namespace luister::sqlite {

// Assembles a query from constant SQL fragments with anonymous `?`
// parameters and binds the collected values in order. Only fragments written
// in this folder go into the text; values are always bound, so the number of
// distinct statements (and cache entries) stays small.
class QueryBuilder {
 public:
  using Value = std::variant<int64_t, std::string>;

  explicit QueryBuilder(std::string_view head) : sql_(head) {}

  // Appends `fragment`, which holds one `?` per value given.
  template <typename... V>
  QueryBuilder& Add(std::string_view fragment, V&&... values) {
    sql_.append(fragment);
    (values_.emplace_back(Value(std::forward<V>(values))), ...);
    return *this;
  }

  Result<Statement> Prepare(Connection& c) const {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql_));
    for (size_t i = 0; i < values_.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      if (const auto* n = std::get_if<int64_t>(&values_[i])) {
        st.Bind(index, *n);
      } else {
        st.Bind(index, std::get<std::string>(values_[i]));
      }
    }
    return st;
  }

  const std::string& sql() const { return sql_; }

 private:
  std::string sql_;
  std::vector<Value> values_;
};

}  // namespace luister::sqlite
