#include <gtest/gtest.h>
#include <sqlite3.h>

#include <map>
#include <vector>

#include "storage/sqlite/embedded_migrations.h"
#include "storage/sqlite/luister_tokenizer.h"
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

// Timeline entries written before migration 5 carried English sentences;
// the migration turns them into params where the text can be read back.
TEST_F(MigratorTest, ActivityTextsOfOlderVersionsBecomeParams) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_TRUE(RegisterLuisterTokenizer(db).ok());  // the search tables use it
  auto exec = [&](const std::string& sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error ? error : "") << " in " << sql.substr(0, 80);
    sqlite3_free(error);
  };
  exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at INTEGER NOT NULL)");
  for (const auto& m : EmbeddedMigrations()) {
    if (m.version > 4) break;
    exec(m.sql);
    exec("INSERT INTO schema_migrations VALUES (" + std::to_string(m.version) + ", 'x', 0)");
  }
  exec(
      "INSERT INTO users (id, email, name, role, language, password_hash, created_at) VALUES "
      "(1, 'a@x', 'Anna Bakker', 'agent', 'nl', 'h', 0), "
      "(2, 'b@x', 'Twin', 'agent', 'nl', 'h', 0), (3, 'c@x', 'Twin', 'agent', 'nl', 'h', 0)");
  exec(
      "INSERT INTO customers (id, kind, name, language, created_at, updated_at) VALUES "
      "(10, 'person', 'Jan', 'nl', 0, 0), (11, 'person', 'Jan dup', 'nl', 0, 0)");
  exec(
      "INSERT INTO merges (source_id, target_id, source_name, by_user_id, at, "
      "moved_identities, moved_conversations, moved_activities) VALUES (11, 10, 'Jan dup', 1, 6, "
      "0, 0, 0)");
  exec(
      "INSERT INTO activities (customer_id, at, kind, summary) VALUES "
      "(10, 1, 'status_changed', 'Status changed from waiting_on_us to resolved'), "
      "(10, 2, 'assigned', 'Assigned to Anna Bakker'), "
      "(10, 3, 'assigned', 'Unassigned'), "
      "(10, 4, 'assigned', 'Assigned to Twin'), "
      "(10, 5, 'message', 'Status changed from a to b'), "
      "(10, 6, 'merged', 'Merged Jan dup (customer 11) into Jan')");
  sqlite3_close(db);

  auto store = SqliteStore::Open(path_, SqliteOptions{});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto page = (*store)->timeline().Timeline(10, {}, PageRequest{50, {}});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->items.size(), 6u);
  std::map<int64_t, Activity> by_at;
  for (const auto& a : page->items) by_at[ToMillis(a.at)] = a;
  EXPECT_EQ(by_at[1].params, ActivityParams().Set("from", "waiting_on_us").Set("to", "resolved"));
  EXPECT_EQ(by_at[1].summary, "");
  EXPECT_EQ(by_at[2].params, ActivityParams().Set("assignee_id", int64_t{1}));
  EXPECT_EQ(by_at[2].summary, "");
  EXPECT_TRUE(by_at[3].params.empty());
  EXPECT_EQ(by_at[3].summary, "");
  // Two users share the name: which one is unknown, so the text stays.
  EXPECT_TRUE(by_at[4].params.empty());
  EXPECT_EQ(by_at[4].summary, "Assigned to Twin");
  // A customer's own words are never touched, whatever they say.
  EXPECT_EQ(by_at[5].summary, "Status changed from a to b");
  EXPECT_EQ(by_at[6].params,
            ActivityParams().Set("source_id", int64_t{11}).Set("source_name", "Jan dup"));
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
