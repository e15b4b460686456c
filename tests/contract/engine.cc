#include "engine.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_auth_repository.h"
#include "storage/postgres/pg_database.h"
#include "storage/postgres/pg_directory_repository.h"
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
  DirectoryRepository& directory() override { return store_->directory(); }
  AuthRepository& auth() override { return store_->auth(); }
  AuditRepository& audit() override { return store_->audit(); }

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
    auto db = postgres::Database::Open(Url(name_), {});
    if (!db.ok()) {
      ADD_FAILURE() << db.status().ToString();
      return;
    }
    db_ = std::move(db).value();
    auto migrated = postgres::Migrator::Apply(*db_);
    if (!migrated.ok()) ADD_FAILURE() << migrated.status().ToString();
    directory_ = std::make_unique<postgres::PgDirectoryRepository>(*db_);
    auth_ = std::make_unique<postgres::PgAuthRepository>(*db_);
    audit_ = std::make_unique<postgres::PgAuditRepository>(*db_);
  }
  ~PostgresEngine() override {
    directory_.reset();
    auth_.reset();
    audit_.reset();
    db_.reset();
    if (name_.empty()) return;
    auto admin = postgres::Connection::Open(Url("luister"), {});
    if (admin.ok()) (void)(*admin)->Exec(("DROP DATABASE " + name_ + " WITH (FORCE)").c_str());
  }
  DirectoryRepository& directory() override { return *directory_; }
  AuthRepository& auth() override { return *auth_; }
  AuditRepository& audit() override { return *audit_; }

 private:
  std::string Url(const std::string& db) const {
    return "postgres://luister@127.0.0.1:" + std::to_string(port_) + "/" + db;
  }
  int port_ = 0;
  std::string name_;
  std::unique_ptr<postgres::Database> db_;
  std::unique_ptr<postgres::PgDirectoryRepository> directory_;
  std::unique_ptr<postgres::PgAuthRepository> auth_;
  std::unique_ptr<postgres::PgAuditRepository> audit_;
};

}  // namespace

std::unique_ptr<Engine> MakeEngine(const std::string& name) {
  if (name == "postgres") return std::make_unique<PostgresEngine>();
  return std::make_unique<SqliteEngine>();
}

}  // namespace luister::contract
