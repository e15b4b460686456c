#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "common/time.h"

struct pg_conn;
struct pg_result;

namespace luister::postgres {

// Positional parameters ($1, $2, ...) for a query, sent as text. Values are
// always bound, never spliced into SQL.
class Params {
 public:
  Params& Add(int64_t v) { return Text(std::to_string(v)); }
  Params& Add(int v) { return Add(static_cast<int64_t>(v)); }
  Params& Add(bool v) { return Text(v ? "true" : "false"); }
  Params& Add(std::string_view v) { return Text(std::string(v)); }
  Params& Add(const std::string& v) { return Text(v); }
  Params& Add(const char* v) { return Text(v); }
  Params& Add(Timestamp t) { return Add(ToMillis(t)); }
  Params& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  template <typename T>
  Params& Add(const std::optional<T>& v) {
    return v ? Add(*v) : AddNull();
  }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  Params& Text(std::string s) {
    values_.emplace_back(std::move(s));
    return *this;
  }
  std::vector<std::optional<std::string>> values_;
};

// The rows of one query, in text form. Columns are 0-based.
class Rows {
 public:
  explicit Rows(pg_result* r) : r_(r) {}
  Rows(Rows&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
  Rows& operator=(Rows&&) = delete;
  Rows(const Rows&) = delete;
  ~Rows();

  int size() const;
  int64_t affected() const;  // rows changed by INSERT/UPDATE/DELETE
  bool IsNull(int row, int col) const;
  std::string Text(int row, int col) const;
  int64_t Int(int row, int col) const;
  bool Bool(int row, int col) const;
  double Double(int row, int col) const;
  Timestamp Time(int row, int col) const { return FromMillis(Int(row, col)); }
  std::optional<int64_t> OptInt(int row, int col) const;
  std::optional<std::string> OptText(int row, int col) const;
  std::optional<Timestamp> OptTime(int row, int col) const;
  pg_result* raw_for_status() const { return r_; }

 private:
  pg_result* r_;
};

struct ConnectOptions {
  // Server-side limit per statement; a slower statement fails as Unavailable.
  std::chrono::milliseconds statement_timeout{5000};
  std::chrono::seconds connect_timeout{5};
};

// One libpq connection with its prepared statements. Not thread-safe: the
// pool lends it to one thread at a time.
class Connection {
 public:
  // Unavailable with the server's reason when it cannot connect.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url,
                                                  const ConnectOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (constant text with $1..$n placeholders) as a named prepared
  // statement, preparing it on first use on this connection.
  Result<Rows> Query(const std::string& sql, const Params& params = {});
  // Runs one or more statements without parameters (DDL, BEGIN, COMMIT).
  Status Exec(const char* sql);
  // True when the connection to the server is gone; the pool drops it.
  bool Broken() const;
  // True when connected and outside any transaction: safe to lend again.
  bool Idle() const;

  // LISTEN support: subscribes to `channel` (a constant identifier), then
  // waits up to `timeout` for notifications and returns their payloads
  // (empty on timeout). Unavailable when the connection is lost.
  Status Listen(const char* channel);
  Result<std::vector<std::string>> WaitForNotifications(std::chrono::milliseconds timeout);

 private:
  explicit Connection(pg_conn* c) : conn_(c) {}
  pg_conn* conn_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
};

// Maps a failed result to a Status by SQLSTATE: unique violations are
// Conflict, foreign-key violations NotFound, lost connections, timeouts,
// serialization failures and a server shutting down Unavailable, anything
// else Internal.
Status ErrorStatus(pg_conn* conn, pg_result* result, std::string_view context);

}  // namespace luister::postgres
