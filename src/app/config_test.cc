#include "app/config.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(ConfigTest, ParsesDatabaseUrls) {
  auto a = ParseDatabaseUrl("sqlite:var/luister.db");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->location, "var/luister.db");
  EXPECT_EQ(ParseDatabaseUrl("sqlite:///tmp/x.db")->location, "/tmp/x.db");
  EXPECT_FALSE(ParseDatabaseUrl("sqlite:").ok());
  EXPECT_FALSE(ParseDatabaseUrl("mysql://x").ok());
  EXPECT_FALSE(ParseDatabaseUrl("var/luister.db").ok());
  auto pg = ParseDatabaseUrl("postgres://luister@127.0.0.1:5432/luister");
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg->engine, DatabaseUrl::Engine::kPostgres);
  EXPECT_EQ(pg->location, "postgres://luister@127.0.0.1:5432/luister");
  EXPECT_EQ(ParseDatabaseUrl("postgresql://h/db")->engine, DatabaseUrl::Engine::kPostgres);
}

TEST(ConfigTest, RedactsPasswordsInDatabaseUrls) {
  EXPECT_EQ(RedactDatabaseUrl("postgres://luister:s3cret@db:5432/luister"),
            "postgres://luister:***@db:5432/luister");
  EXPECT_EQ(RedactDatabaseUrl("postgres://db/luister?user=x&password=s3cret&sslmode=require"),
            "postgres://db/luister?user=x&password=***&sslmode=require");
  EXPECT_EQ(RedactDatabaseUrl("postgres://luister@db/luister"), "postgres://luister@db/luister");
  EXPECT_EQ(RedactDatabaseUrl("sqlite:var/luister.db"), "sqlite:var/luister.db");
}

TEST(ConfigTest, ParsesListenAddresses) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8080);
  EXPECT_EQ(ParseListenAddress("[::1]:9000")->host, "::1");
  EXPECT_EQ(ParseListenAddress(":0")->host, "0.0.0.0");
  EXPECT_FALSE(ParseListenAddress("localhost").ok());
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:99999").ok());
  EXPECT_FALSE(ParseListenAddress("127.0.0.1:80x").ok());
}

}  // namespace
}  // namespace luister
