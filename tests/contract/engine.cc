#include "tests/contract/engine.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>

#include "domain/testing/memory_store.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/pg_test_database.h"

namespace luister::contract {

namespace {

class SqliteEngine final : public Engine {
 public:
  SqliteEngine() {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "luister-contract-XXXXXX").string();
    if (mkdtemp(tmpl.data()) == nullptr) {
      ADD_FAILURE() << "mkdtemp failed";
      return;
    }
    dir_ = tmpl;
    auto store = SqliteStore::Open(dir_ + "/luister.db", SqliteOptions{});
    if (!store.ok()) {
      ADD_FAILURE() << store.status().ToString();
      return;
    }
    store_ = std::move(store).value();
  }
  ~SqliteEngine() override {
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  Store& store() override { return *store_; }

 private:
  std::string dir_;
  std::unique_ptr<SqliteStore> store_;
};

class PostgresEngine final : public Engine {
 public:
  PostgresEngine() {
    try {
      db_ = std::make_unique<testing::PgTestDatabase>("contract");
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
      return;
    }
    auto store = PostgresStore::Open(db_->url(), PostgresOptions{});
    if (!store.ok()) {
      ADD_FAILURE() << store.status().ToString();
      return;
    }
    store_ = std::move(store).value();
  }
  ~PostgresEngine() override {
    store_.reset();
    db_.reset();
  }
  Store& store() override { return *store_; }

 private:
  std::unique_ptr<testing::PgTestDatabase> db_;
  std::unique_ptr<PostgresStore> store_;
};

class MemoryEngine final : public Engine {
 public:
  Store& store() override { return store_; }

 private:
  SystemClock clock_;
  MemoryStore store_{clock_};
};

}  // namespace

std::unique_ptr<Engine> MakeEngine(const std::string& name) {
  if (name == "postgres") return std::make_unique<PostgresEngine>();
  if (name == "memory") return std::make_unique<MemoryEngine>();
  return std::make_unique<SqliteEngine>();
}

}  // namespace luister::contract
