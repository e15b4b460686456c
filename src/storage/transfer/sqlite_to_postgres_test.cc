#include "storage/transfer/sqlite_to_postgres.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "domain/blob.h"
#include "storage/postgres/pg_test_fixture.h"
#include "storage/postgres/postgres_store.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlite_store.h"

namespace luister::transfer {
namespace {

// A small SQLite installation: departments, users, customers (one merged
// into another, one member of an organisation), conversations with tags,
// messages with attachments, timeline and audit rows.
class TransferTest : public postgres::PgTest {
 protected:
  void SetUp() override {
    PgTest::SetUp();
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "luister-transfer-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    path_ = dir_ + "/luister.db";
    auto store = SqliteStore::Open(path_, SqliteOptions{});
    ASSERT_TRUE(store.ok());
    Store& s = **store;
    auto dept = s.directory().CreateDepartment("Klantenservice", Now());
    NewUser u{.email = "a@b.nl", .name = "Ann", .password_hash = "h"};
    auto user = s.directory().CreateUser(u, Now());
    ASSERT_TRUE(dept.ok() && user.ok());
    NewCustomer org{.kind = CustomerKind::kOrganisation, .name = "Bakkerij BV"};
    auto o = s.customers().Create(org);
    ASSERT_TRUE(o.ok());
    for (int i = 0; i < 1500; ++i) {  // more than one batch
      NewCustomer c;
      c.name = "Klant " + std::to_string(i);
      c.organisation_id = o->id;
      c.identities = {{IdentityKind::kEmail, "klant" + std::to_string(i) + "@example.nl"}};
      auto made = s.customers().Create(c);
      ASSERT_TRUE(made.ok()) << made.status().ToString();
      if (i < 20) {
        NewConversation nc{.customer_id = made->id,
                           .channel = Channel::kEmail,
                           .subject = "Vraag " + std::to_string(i),
                           .department_id = dept->id,
                           .tags = {"factuur", "spoed"}};
        auto conv = s.conversations().Create(
            nc, [&](const Conversation& v) { return PlanOpening(v, user->id); });
        ASSERT_TRUE(conv.ok());
        NewMessage m{.conversation_id = conv->id,
                     .direction = Direction::kIn,
                     .body_text = "Mijn bestelling is niet aangekomen"};
        m.attachments = {{"foto.jpg", "image/jpeg", 1234}};
        ASSERT_TRUE(s.conversations().AddMessage(m, PlanMessageByRule).ok());
      }
    }
    const Timestamp at = Now();
    auto merged =
        s.customers().Merge(o->id + 2, o->id + 1, [&](const Customer& from, const Customer& into) {
          return PlanMerge(from, into, user->id, at);
        });
    ASSERT_TRUE(merged.ok()) << merged.status().ToString();
    ASSERT_TRUE(s.audit()
                    .Append({.at = Now(),
                             .user_id = user->id,
                             .action = "read",
                             .entity = "customer",
                             .endpoint = "GET /x",
                             .ip = "::1"})
                    .ok());
    // A finished export with its document, and one still queued.
    auto done =
        s.jobs().Enqueue(NewJob{"customer.export", R"({"customer_id":2})", Now(), Now(), user->id});
    ASSERT_TRUE(done.ok());
    auto claim = s.jobs().Claim("node", {"customer.export"}, Now(), std::chrono::seconds(10));
    ASSERT_TRUE(claim.ok() && claim->has_value());
    ASSERT_TRUE(
        s.jobs().Complete(**claim, Now(), R"({"format":"luister.customer-export/1"})").ok());
    job_id_ = *done;
    // Bytes of every value, NUL included, and a raw e-mail that compresses.
    std::string binary;
    for (int b = 0; b < 256; ++b) binary.push_back(static_cast<char>(b));
    auto blobs = s.Find<BlobRepository>();
    ASSERT_TRUE(blobs.ok());
    ASSERT_TRUE((*blobs)->Put("binary", binary).ok());
    ASSERT_TRUE((*blobs)->Put("mail", std::string(5000, 'm')).ok());
    ASSERT_TRUE(
        s.jobs().Enqueue(NewJob{"customer.export", R"({"customer_id":3})", Now(), Now()}).ok());
  }
  void TearDown() override {
    std::filesystem::remove_all(dir_);
    PgTest::TearDown();
  }
  std::string dir_, path_;
  int64_t job_id_ = 0;
};

TEST_F(TransferTest, CopiesEverythingAndTheCopyServesTheSameData) {
  auto reports = CopySqliteToPostgres(path_, url_, {});
  ASSERT_TRUE(reports.ok()) << reports.status().ToString();
  int64_t customers = 0;
  for (const auto& r : *reports)
    if (r.table == "customers") customers = r.rows;
  EXPECT_EQ(customers, 1501);

  auto pg = PostgresStore::Open(url_, PostgresOptions{});
  ASSERT_TRUE(pg.ok()) << pg.status().ToString();
  auto found = (*pg)->customers().FindByIdentity(IdentityKind::kEmail, "klant0@example.nl");
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->organisation_id.has_value(), true) << "self-references restored";
  SearchQuery q;
  q.text = "bestellingen";
  auto hits = (*pg)->search().Search(q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(hits->size(), 20u) << "the copy is searchable";
  SearchQuery by_email;
  by_email.text = "klant7";
  by_email.scope = SearchScope::kCustomers;
  EXPECT_EQ((*pg)->search().Search(by_email)->size(), 1u) << "identities reach customer search";
  auto blobs = (*pg)->Find<BlobRepository>();
  ASSERT_TRUE(blobs.ok());
  auto binary = (*blobs)->Get("binary");
  ASSERT_TRUE(binary.ok()) << binary.status().ToString();
  ASSERT_EQ(binary->size(), 256u);
  EXPECT_EQ(static_cast<unsigned char>((*binary)[0]), 0);
  EXPECT_EQ(static_cast<unsigned char>((*binary)[255]), 255);
  EXPECT_EQ(*(*blobs)->Get("mail"), std::string(5000, 'm')) << "compressed blobs survive the move";
  auto job = (*pg)->jobs().Get(job_id_);
  ASSERT_TRUE(job.ok()) << job.status().ToString();
  EXPECT_EQ(job->state, JobState::kDone);
  EXPECT_EQ(*(*pg)->jobs().GetResult(job_id_), R"({"format":"luister.customer-export/1"})")
      << "finished exports can still be fetched after the move";
  auto queued =
      (*pg)->jobs().Claim("pg-node", {"customer.export"}, Now(), std::chrono::seconds(10));
  ASSERT_TRUE(queued.ok() && queued->has_value()) << "queued jobs run on the new engine";
  EXPECT_EQ((*queued)->payload, R"({"customer_id":3})");
  // New rows continue after the copied ids.
  auto fresh = (*pg)->directory().CreateDepartment("Nieuw", Now());
  ASSERT_TRUE(fresh.ok()) << fresh.status().ToString();
  EXPECT_GT(fresh->id, 1);

  auto again = CopySqliteToPostgres(path_, url_, {});
  EXPECT_EQ(again.status().code(), StatusCode::kInvalidArgument) << "a non-empty target is refused";
  TransferOptions force;
  force.force = true;
  EXPECT_TRUE(CopySqliteToPostgres(path_, url_, force).ok());
}

TEST_F(TransferTest, TextPostgreSQLWouldRefuseIsNamedAndTheCopyResumesOnceFixed) {
  // SQLite keeps any bytes; an older tool may have left a subject cut inside
  // a character.
  auto set_subject = [&](const char* sql) {
    auto db = sqlite::Database::Open(path_, 0, std::chrono::seconds(5));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE((*db)->WithWriter([&](sqlite::Connection& c) { return c.Exec(sql); }).ok());
  };
  set_subject("UPDATE conversations SET subject = CAST(X'50726963652031C2' AS TEXT) WHERE id = 7");
  auto failed = CopySqliteToPostgres(path_, url_, {});
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(failed.status().message().find("table conversations, row 7, column subject"),
            std::string::npos)
      << failed.status().message();

  set_subject("UPDATE conversations SET subject = 'Price 1' WHERE id = 7");
  auto resumed = CopySqliteToPostgres(path_, url_, {});
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  auto pg = PostgresStore::Open(url_, PostgresOptions{});
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ((*pg)->conversations().Get(7)->subject, "Price 1");
}

TEST_F(TransferTest, AnInterruptedCopyResumes) {
  TransferOptions stop_early;
  int batches = 0;
  stop_early.progress = [&](const std::string& table, int64_t, int64_t) {
    if (table == "customers" && ++batches == 1) throw std::runtime_error("power cut");
  };
  EXPECT_THROW((void)CopySqliteToPostgres(path_, url_, stop_early), std::runtime_error);
  // Run again: it continues (the target is not "non-empty" to it) and verifies.
  auto resumed = CopySqliteToPostgres(path_, url_, {});
  ASSERT_TRUE(resumed.ok()) << resumed.status().ToString();
  for (const auto& r : *resumed)
    if (r.table == "customers") EXPECT_EQ(r.rows, 1501);
}

}  // namespace
}  // namespace luister::transfer
