#include "storage/sqlite/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "storage/sqlite/store_fixture.h"

namespace luister::sqlite {
namespace {

using DatabaseTest = StoreTest;

TEST_F(DatabaseTest, ReadsProceedWhileAnotherWriterHoldsTheLock) {
  int64_t id = MakeCustomer("Reader check");
  SqliteOptions o;
  o.busy_timeout = std::chrono::milliseconds(50);
  auto second = SqliteStore::Open(path_, o);
  ASSERT_TRUE(second.ok()) << second.status().ToString();

  sqlite3* blocker = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &blocker), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(blocker, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);

  auto got = (*second)->customers().Get(id);
  EXPECT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_TRUE((*second)->Ping().ok());
  NewCustomer n;
  n.name = "Blocked";
  auto write = (*second)->customers().Create(n);
  EXPECT_EQ(write.status().code(), StatusCode::kUnavailable);

  sqlite3_exec(blocker, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(blocker);
  EXPECT_TRUE((*second)->customers().Create(n).ok());
}

TEST_F(DatabaseTest, ConcurrentWritersAndReaders) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        NewCustomer n;
        n.name = "T" + std::to_string(t) + "-" + std::to_string(i);
        n.identities = {{IdentityKind::kEmail, n.name + "@example.com"}};
        auto c = store_->customers().Create(n);
        if (!c.ok()) {
          ++failures;
          continue;
        }
        auto r = store_->customers().Get(c->id);
        if (!r.ok() || r->identities.size() != 1) ++failures;
        if (!store_->customers().List({}, {}).ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(*store_->customers().Count(), kThreads * kPerThread);
}

// One commit of about two log pages.
Status InsertBlob(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare("INSERT INTO blobs VALUES (zeroblob(3000))"));
  return st.Run();
}

TEST_F(DatabaseTest, CheckpointsRunInTheBackgroundOnceTheLogIsLarge) {
  auto db = Database::Open(path_ + ".ckpt", 1, std::chrono::milliseconds(1000));
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(
      (*db)->WithWriter([](Connection& c) { return c.Exec("CREATE TABLE blobs (b BLOB)"); }).ok());
  // Each commit adds about two pages to the log; stop once past the threshold.
  for (int i = 0; i < WalLimits().checkpoint_pages; ++i) {
    ASSERT_TRUE((*db)->Write(InsertBlob).ok());
  }
  for (int waited = 0; waited < 200 && (*db)->checkpoints() == 0; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GT((*db)->checkpoints(), 0);
}

// A writer that never pauses keeps a passive checkpoint from ever reaching
// the log's end, so the log is never restarted; past force_pages the
// commit that crosses it restarts it. Small limits keep the test quick.
TEST_F(DatabaseTest, ALogPastTheForceLimitIsRestartedUnderSustainedWrites) {
  const std::string path = path_ + ".force";
  WalLimits limits;
  limits.checkpoint_pages = 50;
  limits.force_pages = 400;
  auto db = Database::Open(path, 1, std::chrono::milliseconds(5000), limits);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(
      (*db)->WithWriter([](Connection& c) { return c.Exec("CREATE TABLE blobs (b BLOB)"); }).ok());
  auto wal_pages = [&] {
    std::error_code ec;
    auto bytes = std::filesystem::file_size(path + "-wal", ec);
    return ec ? 0 : static_cast<int64_t>(bytes / 4096);
  };
  int64_t largest = 0;
  constexpr int kCommits = 6000;  // ~2.2 log pages each
  for (int i = 0; i < kCommits; ++i) {
    ASSERT_TRUE((*db)->Write(InsertBlob).ok());
    largest = std::max(largest, wal_pages());
  }
  for (int waited = 0; waited < 300 && (*db)->forced_checkpoints() == 0; ++waited)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  EXPECT_GT((*db)->forced_checkpoints(), 0) << "the log passed force_pages and was not restarted";
  // ~13,000 pages were written in all. Without the forced checkpoint the
  // log holds all of them; with it, the limit plus what the writer added
  // while a background checkpoint kept the restart waiting.
  EXPECT_LT(largest, kCommits) << "largest log: " << largest << " pages";
}

}  // namespace
}  // namespace luister::sqlite
