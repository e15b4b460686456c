#pragma once

#include <optional>
#include <type_traits>
#include <utility>

#include "common/function_ref.h"
#include "common/result.h"
#include "common/time.h"
#include "storage/sql/connection.h"

namespace luister::sql {

// A database of either engine, as the shared repositories see it. Each call
// runs `fn(Connection&)` in one transaction; `fn` returns Status or
// Result<T>, and so does the call. A transaction commits when `fn` returns
// ok and rolls back otherwise. Thread-safe.
class Database {
 public:
  // `clock` gives the time of writes that carry none of their own; it
  // outlives the Database.
  explicit Database(const Clock& clock) : clock_(clock) {}
  virtual ~Database() = default;
  virtual Engine engine() const = 0;
  const Clock& clock() const { return clock_; }

  // A read-write transaction (SQLite: BEGIN IMMEDIATE on the one writer;
  // PostgreSQL: READ COMMITTED, retried once on a fresh connection when the
  // connection broke before COMMIT was sent, so `fn` may run twice).
  template <typename F>
  auto Write(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return Transact(Mode::kWrite, fn);
  }
  // One consistent snapshot for several statements.
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return Transact(Mode::kRead, fn);
  }
  // For `fn` that runs exactly one statement.
  template <typename F>
  auto ReadOne(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return Transact(Mode::kReadOne, fn);
  }

 protected:
  enum class Mode { kWrite, kRead, kReadOne };
  // Runs `fn` in a transaction of `mode`; the engine's transaction rules.
  virtual Status Run(Mode mode, FunctionRef<Status(Connection&)> fn) = 0;

  // For engines: runs `fn` through `native`'s Write, Read or ReadOne with
  // the engine's connection wrapped as `Wrapper` (a Connection).
  template <typename Wrapper, typename NativeDb>
  static Status RunOn(NativeDb& native, Mode mode, FunctionRef<Status(Connection&)> fn) {
    auto body = [&](auto& c) -> Status {
      Wrapper conn(c);
      return fn(conn);
    };
    switch (mode) {
      case Mode::kWrite:
        return native.Write(body);
      case Mode::kRead:
        return native.Read(body);
      case Mode::kReadOne:
        return native.ReadOne(body);
    }
    return Internal("unknown transaction mode");
  }

 private:
  const Clock& clock_;

  template <typename F>
  auto Transact(Mode mode, F& fn) -> std::invoke_result_t<F, Connection&> {
    using R = std::invoke_result_t<F, Connection&>;
    if constexpr (std::is_same_v<R, Status>) {
      return Run(mode, fn);
    } else {
      std::optional<R> out;
      Status s = Run(mode, [&](Connection& c) -> Status {
        out.emplace(fn(c));
        return out->ok() ? Status::Ok() : out->status();
      });
      if (!s.ok()) return s;
      return std::move(*out);
    }
  }
};

}  // namespace luister::sql
