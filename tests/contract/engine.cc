#include "engine.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "storage/postgres/pg_connection.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/sqlite_store.h"

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
    const char* dir = std::getenv("LUISTER_TEST_PG_DIR");
    if (dir == nullptr) {
      ADD_FAILURE() << "LUISTER_TEST_PG_DIR is not set; run the contract tests through ctest";
      return;
    }
    std::ifstream port_file(std::string(dir) + "/port");
    if (!(port_file >> port_)) {
      ADD_FAILURE() << "no PostgreSQL test cluster in " << dir;
      return;
    }
    static std::atomic<int> counter{0};
    name_ = "contract_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto admin = postgres::Connection::Open(Url("luister"), {});
    if (!admin.ok() || !(*admin)->Exec(("CREATE DATABASE " + name_).c_str()).ok()) {
      ADD_FAILURE() << "cannot create database " << name_;
      return;
    }
    auto store = PostgresStore::Open(Url(name_), PostgresOptions{});
    if (!store.ok()) {
      ADD_FAILURE() << store.status().ToString();
      return;
    }
    store_ = std::move(store).value();
  }
  ~PostgresEngine() override {
    store_.reset();
    if (name_.empty()) return;
    auto admin = postgres::Connection::Open(Url("luister"), {});
    if (admin.ok()) (void)(*admin)->Exec(("DROP DATABASE " + name_ + " WITH (FORCE)").c_str());
  }
  Store& store() override { return *store_; }

 private:
  std::string Url(const std::string& db) const {
    return "postgres://luister@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  int port_ = 0;
  std::string name_;
  std::unique_ptr<PostgresStore> store_;
};

}  // namespace

std::unique_ptr<Engine> MakeEngine(const std::string& name) {
  if (name == "postgres") return std::make_unique<PostgresEngine>();
  return std::make_unique<SqliteEngine>();
}

}  // namespace luister::contract
