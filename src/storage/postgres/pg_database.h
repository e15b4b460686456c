#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <vector>

#include "common/result.h"
#include "storage/postgres/pg_connection.h"

namespace luister::postgres {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

struct PoolOptions {
  ConnectOptions connect;
  // At most this many connections; more concurrent requests wait.
  int max_connections = 8;
  // How long a request waits for a free connection before Unavailable.
  std::chrono::milliseconds acquire_timeout{5000};
};

// A PostgreSQL database behind a bounded pool of connections, opened on
// demand. A connection found broken (server restarted, network cut) is
// dropped and replaced by a new one on the next use, so a restarted
// PostgreSQL needs no restarted luister. Thread-safe.
class Database {
 public:
  // Connects once to check that the server is reachable (Unavailable with
  // the reason otherwise) and keeps that connection in the pool.
  static Result<std::unique_ptr<Database>> Open(const std::string& url, PoolOptions options);

  // Runs `fn(Connection&)` in one READ COMMITTED transaction; commits when it
  // returns ok. When the connection turns out to be broken before COMMIT was
  // sent, the whole transaction is retried once on a fresh connection.
  template <typename F>
  auto Write(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return InTransaction("BEGIN", fn);
  }
  // Runs `fn` in one REPEATABLE READ, READ ONLY transaction: one snapshot.
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return InTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", fn);
  }
  // For `fn` that runs exactly one statement (its own snapshot).
  template <typename F>
  auto ReadOne(F&& fn) -> std::invoke_result_t<F, Connection&> {
    for (int attempt = 0;; ++attempt) {
      auto lease = Acquire();
      if (!lease.ok()) return lease.status();
      auto result = fn(*lease->conn);
      if (!lease->conn->Broken() || attempt > 0) return result;
    }
  }

  int open_connections() const;

 private:
  struct Lease {
    Lease(Database* d, std::unique_ptr<Connection> c) : db(d), conn(std::move(c)) {}
    Lease(Lease&&) = default;
    ~Lease();
    Database* db;
    std::unique_ptr<Connection> conn;
  };

  Database(std::string url, PoolOptions options) : url_(std::move(url)), options_(options) {}
  Result<Lease> Acquire();
  void Release(std::unique_ptr<Connection> conn);

  template <typename F>
  auto InTransaction(const char* begin, F& fn) -> std::invoke_result_t<F, Connection&> {
    for (int attempt = 0;; ++attempt) {
      auto lease = Acquire();
      if (!lease.ok()) return lease.status();
      Connection& c = *lease->conn;
      Status began = c.Exec(begin);
      if (!began.ok()) {
        if (c.Broken() && attempt == 0) continue;
        return began;
      }
      auto result = fn(c);
      if (!StatusOf(result).ok()) {
        if (c.Broken() && attempt == 0) continue;  // nothing was committed
        (void)c.Exec("ROLLBACK");
        return result;
      }
      // Once COMMIT is sent its outcome is unknown if the connection drops,
      // so it is never retried.
      Status commit = c.Exec("COMMIT");
      if (!commit.ok()) return commit;
      return result;
    }
  }

  const std::string url_;
  const PoolOptions options_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int open_ = 0;                                   // guarded by mu_: idle + lent
};

}  // namespace luister::postgres
