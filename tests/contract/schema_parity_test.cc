// The two engines' schemas, read from their catalogs after every migration,
// must agree (storage/sql/schema.h says what is compared and what each
// engine keeps for itself). A new migration on one engine only fails here.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>

#include "storage/postgres/pg_connection.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sql/schema.h"
#include "storage/sqlite/sqlite_store.h"
#include "tests/support/pg_test_database.h"

namespace luister {
namespace {

class SchemaParityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "luister-parity-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto sqlite = SqliteStore::Open(dir_ + "/luister.db", SqliteOptions{});
    ASSERT_TRUE(sqlite.ok()) << sqlite.status().ToString();
    sqlite_ = std::move(sqlite).value();
    try {
      pg_db_ = std::make_unique<testing::PgTestDatabase>("parity");
    } catch (const std::exception& e) {
      FAIL() << e.what();
    }
    auto pg = PostgresStore::Open(pg_db_->url(), PostgresOptions{});
    ASSERT_TRUE(pg.ok()) << pg.status().ToString();
    postgres_ = std::move(pg).value();
  }
  void TearDown() override {
    sqlite_.reset();
    postgres_.reset();
    pg_db_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::string dir_;
  std::unique_ptr<SqliteStore> sqlite_;
  std::unique_ptr<testing::PgTestDatabase> pg_db_;
  std::unique_ptr<PostgresStore> postgres_;
};

TEST_F(SchemaParityTest, BothEnginesHaveTheSameTablesColumnsKeysAndIndexes) {
  auto s = sqlite_->ReadSchema();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto p = postgres_->ReadSchema();
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  // The readers see the real schema, not an empty one.
  const sql::TableInfo* messages = s->Table("messages");
  ASSERT_NE(messages, nullptr);
  EXPECT_NE(messages->Column("body_text"), nullptr);
  EXPECT_FALSE(messages->indexes.empty());
  EXPECT_FALSE(messages->foreign_keys.empty());
  EXPECT_EQ(s->Table("messages_fts"), nullptr) << "SQLite's FTS tables are its own";
  ASSERT_NE(p->Table("customers"), nullptr);
  EXPECT_EQ(p->Table("customers")->Column("search"), nullptr) << "tsvector columns are its own";
  EXPECT_GE(s->tables.size(), 16u);

  std::vector<std::string> diff = sql::CompareSchemas(*s, *p);
  std::string all;
  for (const auto& d : diff) all += "\n  " + d;
  EXPECT_TRUE(diff.empty()) << "the engines' schemas drifted:" << all;
}

TEST_F(SchemaParityTest, DriftInARealCatalogIsCaught) {
  auto conn = postgres::Connection::Open(pg_db_->url(), {});
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  ASSERT_TRUE((*conn)
                  ->Exec("ALTER TABLE users ADD COLUMN nickname TEXT; "
                         "ALTER TABLE jobs ALTER COLUMN payload DROP NOT NULL; "
                         "DROP INDEX audit_log_customer")
                  .ok());
  auto s = sqlite_->ReadSchema();
  auto p = postgres_->ReadSchema();
  ASSERT_TRUE(s.ok() && p.ok());
  std::vector<std::string> diff = sql::CompareSchemas(*s, *p);
  auto has = [&](const std::string& line) {
    return std::find(diff.begin(), diff.end(), line) != diff.end();
  };
  EXPECT_TRUE(has("table users: column nickname is only on PostgreSQL"));
  EXPECT_TRUE(has("table jobs: column payload is NOT NULL on SQLite, nullable on PostgreSQL"));
  EXPECT_TRUE(has("table audit_log: index (customer_id, at, id) is only on SQLite"));
}

}  // namespace
}  // namespace luister
