#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace luister {

// Either a value or a non-ok Status. Accessing value() on an error is a bug.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result constructed from an ok Status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace luister

#define LUISTER_CONCAT_INNER(a, b) a##b
#define LUISTER_CONCAT(a, b) LUISTER_CONCAT_INNER(a, b)

// Binds the value of a Result expression to `lhs`, or returns its Status.
#define LUISTER_ASSIGN_OR_RETURN(lhs, expr) \
  LUISTER_ASSIGN_OR_RETURN_IMPL(LUISTER_CONCAT(luister_result_, __LINE__), lhs, expr)
#define LUISTER_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()
