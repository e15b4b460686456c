#include "storage/postgres/pg_database.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "storage/postgres/migrator.h"
#include "storage/postgres/pg_test_fixture.h"

namespace luister::postgres {
namespace {

using namespace std::chrono_literals;

using PgDatabaseTest = PgTest;

TEST_F(PgDatabaseTest, UnreachableServerIsAClearError) {
  // A port nothing listens on (the cluster's own, plus one, is free in CI).
  auto db = Database::Open("postgres://luister@127.0.0.1:1/luister", {});
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(db.status().message().find("cannot connect to PostgreSQL"), std::string::npos)
      << db.status().message();
}

TEST_F(PgDatabaseTest, MigratesOnceAndRefusesANewerSchema) {
  auto db = Database::Open(url_, {});
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  std::vector<int> seen;
  auto applied = Migrator::Apply(**db, [&](int v, const std::string&) { seen.push_back(v); });
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(*applied, Migrator::LatestVersion());
  EXPECT_EQ(static_cast<int>(seen.size()), Migrator::LatestVersion());
  auto again = Migrator::Apply(**db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);

  ASSERT_TRUE((*db)
                  ->Write([](Connection& c) {
                    return c.Exec("INSERT INTO schema_migrations VALUES (9999, 'future', 0)");
                  })
                  .ok());
  Status newer = (*db)->ReadOne([](Connection& c) { return Migrator::CheckNotNewer(c); });
  EXPECT_EQ(newer.code(), StatusCode::kUnavailable);
  EXPECT_NE(newer.message().find("newer than this luister"), std::string::npos);
}

TEST_F(PgDatabaseTest, TwoNodesMigratingAtOnceApplyEachMigrationOnce) {
  auto a = Database::Open(url_, {});
  auto b = Database::Open(url_, {});
  ASSERT_TRUE(a.ok() && b.ok());
  Result<int> ra = 0, rb = 0;
  std::thread ta([&] { ra = Migrator::Apply(**a); });
  std::thread tb([&] { rb = Migrator::Apply(**b); });
  ta.join();
  tb.join();
  ASSERT_TRUE(ra.ok()) << ra.status().ToString();
  ASSERT_TRUE(rb.ok()) << rb.status().ToString();
  EXPECT_EQ(*ra + *rb, Migrator::LatestVersion());
}

TEST_F(PgDatabaseTest, ABrokenConnectionIsReplacedWithoutARestart) {
  auto db = Database::Open(url_, {});
  ASSERT_TRUE(db.ok());
  auto pid = (*db)->ReadOne([](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query("SELECT pg_backend_pid()"));
    return r.Int(0, 0);
  });
  ASSERT_TRUE(pid.ok());
  // What a PostgreSQL restart does to our connection.
  auto admin = Connection::Open(url_, {});
  ASSERT_TRUE(admin.ok());
  ASSERT_TRUE((*admin)->Query("SELECT pg_terminate_backend($1)", Params().Add(*pid)).ok());
  std::this_thread::sleep_for(50ms);
  auto after = (*db)->Write([](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query("SELECT pg_backend_pid()"));
    return r.Int(0, 0);
  });
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_NE(*after, *pid);
}

TEST_F(PgDatabaseTest, ThePoolIsBoundedAndWaitsThenGivesUp) {
  PoolOptions o;
  o.max_connections = 2;
  o.acquire_timeout = 200ms;
  auto db = Database::Open(url_, o);
  ASSERT_TRUE(db.ok());
  std::atomic<int> holding{0};
  auto hold = [&] {
    (void)(*db)->Write([&](Connection& c) -> Status {
      ++holding;
      std::this_thread::sleep_for(600ms);
      return Status::Ok();
    });
  };
  std::thread t1(hold), t2(hold);
  while (holding < 2) std::this_thread::sleep_for(5ms);
  Status waited = (*db)->ReadOne([](Connection& c) { return c.Exec("SELECT 1"); });
  EXPECT_EQ(waited.code(), StatusCode::kUnavailable) << waited.ToString();
  t1.join();
  t2.join();
  EXPECT_EQ((*db)->open_connections(), 2);
  EXPECT_TRUE((*db)->ReadOne([](Connection& c) { return c.Exec("SELECT 1"); }).ok());
}

TEST_F(PgDatabaseTest, SlowStatementsHitTheTimeout) {
  PoolOptions o;
  o.connect.statement_timeout = 100ms;
  auto db = Database::Open(url_, o);
  ASSERT_TRUE(db.ok());
  Status slow = (*db)->ReadOne([](Connection& c) { return c.Exec("SELECT pg_sleep(2)"); });
  EXPECT_EQ(slow.code(), StatusCode::kUnavailable) << slow.ToString();
  EXPECT_TRUE((*db)->ReadOne([](Connection& c) { return c.Exec("SELECT 1"); }).ok());
}

TEST_F(PgDatabaseTest, FailedWritesRollBackAndErrorsMapToStatuses) {
  auto db = Database::Open(url_, {});
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrator::Apply(**db).ok());
  auto insert = [](Connection& c, const std::string& name) {
    return c.Query("INSERT INTO departments (name, created_at) VALUES ($1, 0)", Params().Add(name))
        .status();
  };
  Status failed = (*db)->Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(insert(c, "Sales"));
    return InvalidArgument("changed my mind");
  });
  EXPECT_EQ(failed.code(), StatusCode::kInvalidArgument);
  auto count = (*db)->ReadOne([](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query("SELECT count(*) FROM departments"));
    return r.Int(0, 0);
  });
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 0) << "nothing half-written";

  Status dangling = (*db)->Write([](Connection& c) {
    return c.Query("INSERT INTO queues (department_id, name, created_at) VALUES (424242, 'q', 0)")
        .status();
  });
  EXPECT_EQ(dangling.code(), StatusCode::kNotFound);
  Status twice = (*db)->Write([](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(
        c.Query("INSERT INTO users (email, name, role, language, password_hash, created_at) "
                "VALUES ('a@b.nl', 'A', 'agent', 'nl', 'x', 0)")
            .status());
    return c
        .Query(
            "INSERT INTO users (email, name, role, language, password_hash, created_at) "
            "VALUES ('a@b.nl', 'B', 'agent', 'nl', 'x', 0)")
        .status();
  });
  EXPECT_EQ(twice.code(), StatusCode::kConflict);
}

TEST_F(PgDatabaseTest, FullTextFoldsDiacriticsAndStemsDutchAndEnglish) {
  auto db = Database::Open(url_, {});
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrator::Apply(**db).ok());
  auto matches = [&](const std::string& text, const std::string& query) {
    auto r = (*db)->ReadOne([&](Connection& c) -> Result<bool> {
      LUISTER_ASSIGN_OR_RETURN(
          Rows rows,
          c.Query("SELECT luister_tsvector($1) @@ (plainto_tsquery('english', luister_unaccent($2))"
                  " || plainto_tsquery('dutch', luister_unaccent($2)))",
                  Params().Add(text).Add(query)));
      return rows.Bool(0, 0);
    });
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() && *r;
  };
  EXPECT_TRUE(matches("I would like a refund please", "refunds"));
  EXPECT_TRUE(matches("Mijn bestelling is niet aangekomen", "bestellingen"));
  EXPECT_TRUE(matches("We zitten in het café", "cafe"));
  EXPECT_FALSE(matches("Thanks for your patience", "refund"));
}

}  // namespace
}  // namespace luister::postgres
