#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "storage/sql/params.h"
#include "storage/sql/sql.h"

namespace luister::sql {

// Assembles a statement from constant fragments written with `?` for each
// value (and the markers of Sql), collecting the values in order. Only
// fragments written under storage/ go into the text; values are always
// bound, so the number of distinct statements (and of prepared statements
// cached per connection) stays small.
class QueryBuilder {
 public:
  explicit QueryBuilder(std::string_view head) : text_(head) {}

  template <typename... V>
  QueryBuilder& Add(std::string_view fragment, V&&... values) {
    text_.append(fragment);
    (params_.Add(std::forward<V>(values)), ...);
    return *this;
  }

  // The statement as assembled so far.
  Sql Build() const { return Sql(text_); }
  const Params& params() const { return params_; }

 private:
  std::string text_;
  Params params_;
};

}  // namespace luister::sql
