#pragma once

#include <cstdint>
#include <string>
#include <string_view>
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
  explicit QueryBuilder(std::string_view head) : sql_(head) {}

  // Appends `fragment`, which holds one `?` per value given.
  template <typename... V>
  QueryBuilder& Add(std::string_view fragment, V&&... values) {
    sql_.append(fragment);
    (Push(std::forward<V>(values)), ...);
    return *this;
  }

  Result<Statement> Prepare(Connection& c) const {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql_));
    for (size_t i = 0; i < values_.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      if (values_[i].is_text) {
        st.Bind(index, values_[i].text);
      } else {
        st.Bind(index, values_[i].number);
      }
    }
    return st;
  }

  const std::string& sql() const { return sql_; }

 private:
  struct Value {
    bool is_text = false;
    int64_t number = 0;
    std::string text;
  };
  void Push(int64_t n) { values_.push_back(Value{false, n, {}}); }
  void Push(std::string s) { values_.push_back(Value{true, 0, std::move(s)}); }

  std::string sql_;
  std::vector<Value> values_;
};

}  // namespace luister::sqlite
