#include "storage/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <poll.h>

#include <charconv>
#include <cstdlib>

namespace luister::postgres {

namespace {

std::string FirstLine(const char* s) {
  std::string out = s != nullptr ? s : "";
  if (auto nl = out.find('\n'); nl != std::string::npos) out.resize(nl);
  return out;
}

}  // namespace

Status ErrorStatus(pg_conn* conn, pg_result* result, std::string_view context) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = FirstLine(result != nullptr ? PQresultErrorMessage(result) : nullptr);
  if (message.empty()) message = FirstLine(PQerrorMessage(conn));
  std::string detail = message + " (" + std::string(context.substr(0, 80)) + ")";
  std::string_view code = state != nullptr ? state : "";
  if (code.empty() || PQstatus(conn) != CONNECTION_OK)
    return Unavailable("database unavailable: " + detail);
  if (code == "23505") return Conflict("already exists: " + message);
  if (code == "23503") return NotFound("a referenced record does not exist");
  // 08: connection exception; 57014: statement timeout; 57P0x: shutdown;
  // 40001/40P01: serialization failure / deadlock; 53: insufficient resources.
  if (code.substr(0, 2) == "08" || code == "57014" || code.substr(0, 4) == "57P0" ||
      code == "40001" || code == "40P01" || code.substr(0, 2) == "53")
    return Unavailable("database unavailable: " + detail);
  return Internal("database error " + std::string(code) + ": " + detail);
}

Rows::~Rows() { PQclear(r_); }

int Rows::size() const { return PQntuples(r_); }

int64_t Rows::affected() const {
  const char* n = PQcmdTuples(r_);
  return n != nullptr && *n != '\0' ? std::strtoll(n, nullptr, 10) : 0;
}

bool Rows::IsNull(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }

std::string Rows::Text(int row, int col) const {
  return std::string(PQgetvalue(r_, row, col), PQgetlength(r_, row, col));
}

int64_t Rows::Int(int row, int col) const {
  const char* v = PQgetvalue(r_, row, col);
  int64_t out = 0;
  std::from_chars(v, v + PQgetlength(r_, row, col), out);
  return out;
}

bool Rows::Bool(int row, int col) const { return PQgetvalue(r_, row, col)[0] == 't'; }

double Rows::Double(int row, int col) const { return std::strtod(PQgetvalue(r_, row, col), nullptr); }

std::optional<int64_t> Rows::OptInt(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Int(row, col);
}

std::optional<std::string> Rows::OptText(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Text(row, col);
}

std::optional<Timestamp> Rows::OptTime(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Time(row, col);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url,
                                                     const ConnectOptions& options) {
  // Options go as keywords next to the URL so a URL's own settings stay.
  std::string timeout = std::to_string(options.connect_timeout.count());
  std::string server_options = "-c statement_timeout=" +
                               std::to_string(options.statement_timeout.count()) +
                               " -c TimeZone=UTC -c client_encoding=UTF8";
  const char* keys[] = {"dbname", "connect_timeout", "options", "application_name", nullptr};
  const char* values[] = {url.c_str(), timeout.c_str(), server_options.c_str(), "luister",
                          nullptr};
  pg_conn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    Status s = Unavailable("cannot connect to PostgreSQL: " + FirstLine(PQerrorMessage(conn)));
    PQfinish(conn);
    return s;
  }
  // Server notices ("relation already exists, skipping") are not errors;
  // libpq would print them to stderr.
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Broken() const { return PQstatus(conn_) != CONNECTION_OK; }

bool Connection::Idle() const {
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

Result<Rows> Connection::Query(const std::string& sql, const Params& params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    Rows prepared(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr));
    if (PQresultStatus(prepared.raw_for_status()) != PGRES_COMMAND_OK)
      return ErrorStatus(conn_, prepared.raw_for_status(), sql);
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  const auto& values = params.values();
  std::vector<const char*> raw(values.size());
  for (size_t i = 0; i < values.size(); ++i)
    raw[i] = values[i] ? values[i]->c_str() : nullptr;
  Rows rows(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(raw.size()), raw.data(),
                           nullptr, nullptr, 0));
  ExecStatusType st = PQresultStatus(rows.raw_for_status());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
    return ErrorStatus(conn_, rows.raw_for_status(), sql);
  return rows;
}

Status Connection::Exec(const char* sql) {
  Rows rows(PQexec(conn_, sql));
  ExecStatusType st = PQresultStatus(rows.raw_for_status());
  if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK)
    return ErrorStatus(conn_, rows.raw_for_status(), sql);
  return Status::Ok();
}

Status Connection::Listen(const char* channel) {
  return Exec((std::string("LISTEN ") + channel).c_str());
}

Result<std::vector<std::string>> Connection::WaitForNotifications(
    std::chrono::milliseconds timeout) {
  std::vector<std::string> out;
  auto drain = [&] {
    while (PGnotify* n = PQnotifies(conn_)) {
      out.emplace_back(n->extra != nullptr ? n->extra : "");
      PQfreemem(n);
    }
  };
  if (PQconsumeInput(conn_) == 0) return Unavailable("lost the LISTEN connection");
  drain();
  if (!out.empty()) return out;
  pollfd pfd{PQsocket(conn_), POLLIN, 0};
  if (pfd.fd < 0) return Unavailable("lost the LISTEN connection");
  int ready = poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready < 0) return out;  // interrupted: the caller loops
  if (ready > 0) {
    if (PQconsumeInput(conn_) == 0) return Unavailable("lost the LISTEN connection");
    drain();
  }
  return out;
}

}  // namespace luister::postgres
