#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/result.h"
#include "storage/sqlite/connection.h"

namespace luister::sqlite {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// One SQLite database in WAL mode: one writer connection behind a mutex and a
// pool of reader connections, so reads never wait for a write. Thread-safe.
class Database {
 public:
  // `readers` == 0 (or an in-memory path) makes reads use the writer.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, int readers,
                                                std::chrono::milliseconds busy_timeout);

  // Runs `fn(Connection&)` in one BEGIN IMMEDIATE transaction on the writer;
  // commits when it returns ok, rolls back otherwise. `fn` returns Status or
  // Result<T>, and so does Write.
  template <typename F>
  auto Write(F&& fn) -> std::invoke_result_t<F, Connection&> {
    std::lock_guard lock(writer_mu_);
    LUISTER_RETURN_IF_ERROR(writer_->Exec("BEGIN IMMEDIATE"));
    auto result = fn(*writer_);
    if (!StatusOf(result).ok()) {
      (void)writer_->Exec("ROLLBACK");
      return result;
    }
    Status commit = writer_->Exec("COMMIT");
    if (!commit.ok()) {
      (void)writer_->Exec("ROLLBACK");
      return commit;
    }
    return result;
  }

  // Runs `fn(Connection&)` in one read transaction (a consistent snapshot).
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Connection&> {
    if (readers_.empty()) {
      std::lock_guard lock(writer_mu_);
      return InReadTransaction(*writer_, fn);
    }
    Lease lease(this);
    return InReadTransaction(*lease.conn, fn);
  }

  // The writer without a transaction, for migrations that manage their own.
  template <typename F>
  auto WithWriter(F&& fn) -> std::invoke_result_t<F, Connection&> {
    std::lock_guard lock(writer_mu_);
    return fn(*writer_);
  }

 private:
  struct Lease {
    explicit Lease(Database* db);
    ~Lease();
    Database* db;
    Connection* conn;
  };

  template <typename F>
  static auto InReadTransaction(Connection& c, F& fn) -> std::invoke_result_t<F, Connection&> {
    LUISTER_RETURN_IF_ERROR(c.Exec("BEGIN"));
    auto result = fn(c);
    (void)c.Exec("COMMIT");
    return result;
  }

  std::mutex writer_mu_;
  std::unique_ptr<Connection> writer_;  // guarded by writer_mu_

  std::mutex readers_mu_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;  // guarded by readers_mu_
};

}  // namespace luister::sqlite
