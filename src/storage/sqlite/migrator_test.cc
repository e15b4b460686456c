#include <gtest/gtest.h>
#include <sqlite3.h>

#include <vector>

#include "storage/sqlite/embedded_migrations.h"
#include "storage/sqlite/store_fixture.h"

namespace luister::sqlite {
namespace {

class MigratorTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_.reset();
    std::filesystem::remove(path_);
  }
};

TEST_F(MigratorTest, EmbeddedMigrationsAreNumberedWithoutGaps) {
  const auto& all = EmbeddedMigrations();
  ASSERT_FALSE(all.empty());
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].version, static_cast<int>(i) + 1);
    EXPECT_NE(std::string(all[i].sql).find(';'), std::string::npos)
        << "migration " << all[i].version << " holds no statement";
  }
  EXPECT_EQ(SqliteStore::LatestSchemaVersion(), all.back().version);
  EXPECT_STREQ(all[0].name, "initial");
}

TEST_F(MigratorTest, AppliesOnceAndIsIdempotent) {
  SqliteOptions o;
  o.migrate_on_open = false;
  auto store = SqliteStore::Open(path_, o);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), 0);

  std::vector<std::pair<int, std::string>> seen;
  auto applied = (*store)->Migrate([&](int v, const std::string& n) { seen.emplace_back(v, n); });
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(*applied, SqliteStore::LatestSchemaVersion());
  ASSERT_EQ(seen.size(), static_cast<size_t>(SqliteStore::LatestSchemaVersion()));
  EXPECT_EQ(seen[0], std::make_pair(1, std::string("initial")));
  EXPECT_EQ(*(*store)->SchemaVersion(), SqliteStore::LatestSchemaVersion());

  int calls = 0;
  auto again = (*store)->Migrate([&](int, const std::string&) { ++calls; });
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(calls, 0);
  store->reset();

  auto reopened = SqliteStore::Open(path_, SqliteOptions{});
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  EXPECT_EQ(*(*reopened)->Migrate(), 0);
  EXPECT_TRUE((*reopened)->Ping().ok());
}

TEST_F(MigratorTest, RefusesNewerSchema) {
  {
    auto store = SqliteStore::Open(path_, SqliteOptions{});
    ASSERT_TRUE(store.ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  std::string sql = "INSERT INTO schema_migrations VALUES (" +
                    std::to_string(SqliteStore::LatestSchemaVersion() + 1) + ", 'future', 0)";
  ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  auto store = SqliteStore::Open(path_, SqliteOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
  std::string expected = "database schema version " +
                         std::to_string(SqliteStore::LatestSchemaVersion() + 1) +
                         " is newer than this luister (" +
                         std::to_string(SqliteStore::LatestSchemaVersion()) + "); upgrade luister";
  EXPECT_EQ(store.status().message(), expected);
}

TEST_F(MigratorTest, InMemoryDatabaseWorks) {
  auto store = SqliteStore::Open(":memory:", SqliteOptions{});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto d = (*store)->directory().CreateDepartment("Sales", FromMillis(1));
  ASSERT_TRUE(d.ok());
  auto got = (*store)->directory().GetDepartment(d->id);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->name, "Sales");
}

TEST_F(MigratorTest, UnopenablePathIsUnavailable) {
  auto store = SqliteStore::Open(dir_ + "/missing/dir/x.db", SqliteOptions{});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace luister::sqlite
