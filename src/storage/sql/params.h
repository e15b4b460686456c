#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/time.h"

namespace luister::sql {

// Binary data for a BLOB (SQLite) or BYTEA (PostgreSQL) column; plain
// strings bind as text, which PostgreSQL checks for UTF-8.
struct Bytes {
  std::string data;
};

// The values bound to a statement's `?` parameters, in order. Each engine
// binds them in its own way (SQLite natively, PostgreSQL as text); times are
// stored as UTC milliseconds, booleans as the engine's boolean, Bytes as
// the engine's binary type.
class Params {
 public:
  using Value = std::variant<std::monostate, int64_t, double, bool, std::string, Bytes>;

  // Params::Of(id, name, at): one value per argument.
  template <typename... V>
  static Params Of(V&&... values) {
    Params p;
    p.values_.reserve(sizeof...(V));
    (p.Add(std::forward<V>(values)), ...);
    return p;
  }

  Params& Add(int64_t v) { return Push(v); }
  Params& Add(int v) { return Push(static_cast<int64_t>(v)); }
  Params& Add(double v) { return Push(v); }
  Params& Add(bool v) { return Push(v); }
  Params& Add(std::string v) { return Push(std::move(v)); }
  Params& Add(std::string_view v) { return Push(std::string(v)); }
  Params& Add(const char* v) { return Push(std::string(v)); }
  Params& Add(Timestamp t) { return Push(ToMillis(t)); }
  Params& Add(Bytes b) { return Push(std::move(b)); }
  Params& AddNull() { return Push(std::monostate{}); }
  template <typename T>
  Params& Add(const std::optional<T>& v) {
    return v ? Add(*v) : AddNull();
  }

  const std::vector<Value>& values() const { return values_; }
  size_t size() const { return values_.size(); }

 private:
  template <typename T>
  Params& Push(T&& v) {
    values_.emplace_back(std::forward<T>(v));
    return *this;
  }
  std::vector<Value> values_;
};

}  // namespace luister::sql
