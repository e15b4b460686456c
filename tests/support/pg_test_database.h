#pragma once

#include <string>
#include <string_view>

namespace luister::testing {

// The environment variable naming the directory of the throw-away PostgreSQL
// cluster that CTest starts before the tests that need it and stops after
// them (scripts/pg_test_cluster.sh, the `postgres` fixture). Every test of
// every kind (unit, contract, services, end-to-end, browser) reads this one.
inline constexpr char kPgDirVariable[] = "LUISTER_TEST_PG_DIR";

// True when the variable is set: the test runs against PostgreSQL.
bool PgClusterConfigured();

// A database of its own in the test cluster, created by the constructor and
// dropped (with any connections left) by the destructor. The constructor
// throws std::runtime_error saying what is missing when there is no cluster:
// a test that needs PostgreSQL fails, it never skips. Thread-compatible.
class PgTestDatabase {
 public:
  // `prefix` names the kind of test in the database's name, for debugging.
  explicit PgTestDatabase(std::string_view prefix = "t");
  ~PgTestDatabase();
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  // "postgres://luister@127.0.0.1:PORT/NAME".
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
  std::string admin_url_;
};

}  // namespace luister::testing
