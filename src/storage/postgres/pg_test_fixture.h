#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Each test gets its own database in the throw-away cluster that CTest
// started (LUISTER_TEST_PG_DIR, see CMakeLists.txt), dropped afterwards.
// Without the cluster the tests fail; they never skip.
class PgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("LUISTER_TEST_PG_DIR");
    ASSERT_NE(dir, nullptr) << "LUISTER_TEST_PG_DIR is not set; run these tests through ctest";
    std::ifstream port_file(std::string(dir) + "/port");
    ASSERT_TRUE(port_file >> port_) << "no PostgreSQL test cluster in " << dir;
    static std::atomic<int> counter{0};
    name_ = "luister_t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin = Connection::Open(Url("luister"), {});
    ASSERT_TRUE(admin.ok()) << admin.status().ToString();
    ASSERT_TRUE((*admin)->Exec(("CREATE DATABASE " + name_).c_str()).ok());
    url_ = Url(name_);
  }

  void TearDown() override {
    if (name_.empty() || port_ == 0) return;
    auto admin = Connection::Open(Url("luister"), {});
    if (admin.ok()) (void)(*admin)->Exec(("DROP DATABASE " + name_ + " WITH (FORCE)").c_str());
  }

  std::string Url(const std::string& db) const {
    return "postgres://luister@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }

  int port_ = 0;
  std::string name_;
  std::string url_;
};

}  // namespace luister::postgres
