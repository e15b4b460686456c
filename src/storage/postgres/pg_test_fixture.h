#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "tests/support/pg_test_database.h"

namespace luister::postgres {

// Each test gets its own database in the throw-away cluster that CTest
// started (tests/support/pg_test_database.h), dropped afterwards. Without
// the cluster the tests fail; they never skip.
class PgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    try {
      db_ = std::make_unique<luister::testing::PgTestDatabase>("unit");
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
    url_ = db_->url();
  }
  void TearDown() override { db_.reset(); }

  std::unique_ptr<luister::testing::PgTestDatabase> db_;
  std::string url_;
};

}  // namespace luister::postgres
