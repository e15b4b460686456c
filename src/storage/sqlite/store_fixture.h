#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "storage/sqlite/sqlite_store.h"

namespace luister::sqlite {

// A migrated SqliteStore in a fresh temporary directory (a file, so the
// reader pool is exercised), for tests of the SQLite engine itself.
// Repository behaviour is tested on every engine in tests/contract/.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "luister-sqlite-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/luister.db";
    auto store = SqliteStore::Open(path_, SqliteOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
  }

  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  int64_t MakeCustomer(const std::string& name) {
    NewCustomer c;
    c.name = name;
    auto r = store_->customers().Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  std::string dir_;
  std::string path_;
  std::unique_ptr<SqliteStore> store_;
};

}  // namespace luister::sqlite
