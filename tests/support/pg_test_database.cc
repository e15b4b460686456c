#include "tests/support/pg_test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

namespace luister::testing {

namespace {

std::string UrlOf(int port, const std::string& db) {
  return "postgres://luister@127.0.0.1:" + std::to_string(port) + "/" + db;
}

// The cluster's port, read from the file pg_test_cluster.sh writes.
int ClusterPort() {
  const char* dir = std::getenv(kPgDirVariable);
  if (dir == nullptr)
    throw std::runtime_error(std::string(kPgDirVariable) +
                             " is not set: run the PostgreSQL tests through ctest, which starts "
                             "the test cluster");
  std::ifstream in(std::string(dir) + "/port");
  int port = 0;
  if (!(in >> port)) throw std::runtime_error(std::string("no PostgreSQL test cluster in ") + dir);
  return port;
}

void AdminExec(const std::string& admin_url, const std::string& sql) {
  PGconn* conn = PQconnectdb(admin_url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string err = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot reach the PostgreSQL test cluster: " + err);
  }
  PGresult* r = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string err = PQerrorMessage(conn);
  PQclear(r);
  PQfinish(conn);
  if (!ok) throw std::runtime_error(sql + ": " + err);
}

}  // namespace

bool PgClusterConfigured() { return std::getenv(kPgDirVariable) != nullptr; }

PgTestDatabase::PgTestDatabase(std::string_view prefix) {
  int port = ClusterPort();
  static std::atomic<int> counter{0};
  name_ = std::string(prefix) + "_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  admin_url_ = UrlOf(port, "luister");
  AdminExec(admin_url_, "CREATE DATABASE " + name_);
  url_ = UrlOf(port, name_);
}

PgTestDatabase::~PgTestDatabase() {
  try {
    AdminExec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The whole cluster is thrown away after the run.
  }
}

}  // namespace luister::testing
