#include "storage/sql/schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

namespace luister::sql {
namespace {

// Two small schemas that agree; each test drifts one thing.
Schema Base(ColumnType flag_type) {
  TableInfo users{"users"};
  users.columns = {{"id", ColumnType::kInteger, "INTEGER", false},
                   {"email", ColumnType::kText, "TEXT", false},
                   {"active", flag_type, "flag", false}};
  users.primary_key = {"id"};
  users.indexes = {{"users_email", {"email"}, true, false}};
  TableInfo sessions{"sessions"};
  sessions.columns = {{"token_hash", ColumnType::kText, "TEXT", false},
                      {"user_id", ColumnType::kInteger, "INTEGER", false}};
  sessions.primary_key = {"token_hash"};
  sessions.foreign_keys = {{{"user_id"}, "users", {"id"}}};
  return Schema{{sessions, users}};
}

TableInfo& Mutable(Schema& s, const std::string& name) {
  for (auto& t : s.tables)
    if (t.name == name) return t;
  throw std::logic_error("no table " + name);
}

TEST(CompareSchemasTest, AgreeingSchemasHaveNoDifferences) {
  // SQLite's INTEGER flag and PostgreSQL's BOOLEAN are the same column.
  EXPECT_TRUE(CompareSchemas(Base(ColumnType::kInteger), Base(ColumnType::kBoolean)).empty());
}

TEST(CompareSchemasTest, EachKindOfDriftIsNamed) {
  struct Case {
    const char* what;
    void (*drift)(Schema&);
    const char* expected;
  };
  const Case cases[] = {
      {"type",
       [](Schema& s) {
         Mutable(s, "users").columns[1] = {"email", ColumnType::kInteger, "bigint", false};
       },
       "table users: column email is TEXT on SQLite, bigint on PostgreSQL"},
      {"nullability", [](Schema& s) { Mutable(s, "users").columns[1].nullable = true; },
       "table users: column email is NOT NULL on SQLite, nullable on PostgreSQL"},
      {"missing column", [](Schema& s) { Mutable(s, "users").columns.pop_back(); },
       "table users: column active is only on SQLite"},
      {"missing table", [](Schema& s) { s.tables.erase(s.tables.begin()); },
       "table sessions is only on SQLite"},
      {"index", [](Schema& s) { Mutable(s, "users").indexes[0].unique = false; },
       "table users: unique index (email) is only on SQLite"},
      {"index order", [](Schema& s) { Mutable(s, "users").indexes[0].columns = {"email DESC"}; },
       "table users: unique index (email DESC) is only on PostgreSQL"},
      {"primary key", [](Schema& s) { Mutable(s, "users").primary_key = {"email"}; },
       "table users: primary key (id) on SQLite, (email) on PostgreSQL"},
      {"foreign key", [](Schema& s) { Mutable(s, "sessions").foreign_keys.clear(); },
       "table sessions: foreign key (user_id) -> users (id) is only on SQLite"},
  };
  for (const Case& c : cases) {
    Schema sqlite = Base(ColumnType::kInteger);
    Schema postgres = Base(ColumnType::kBoolean);
    c.drift(postgres);
    auto diff = CompareSchemas(sqlite, postgres);
    ASSERT_FALSE(diff.empty()) << c.what << " went unnoticed";
    EXPECT_NE(std::find(diff.begin(), diff.end(), c.expected), diff.end())
        << c.what << ": got " << diff[0];
  }
}

TEST(CompareSchemasTest, BooleanAgainstTextIsDrift) {
  Schema sqlite = Base(ColumnType::kText);
  EXPECT_FALSE(CompareSchemas(sqlite, Base(ColumnType::kBoolean)).empty());
}

TEST(DependencyOrderTest, ReferencedTablesComeFirstAndSelfReferencesDoNotCount) {
  Schema s = Base(ColumnType::kInteger);
  Mutable(s, "users").foreign_keys = {{{"manager_id"}, "users", {"id"}}};
  auto order = DependencyOrder(s);
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  ASSERT_EQ(order->size(), 2u);
  EXPECT_EQ((*order)[0]->name, "users");
  EXPECT_EQ((*order)[1]->name, "sessions");
}

TEST(DependencyOrderTest, ACycleIsRefused) {
  Schema s = Base(ColumnType::kInteger);
  Mutable(s, "users").foreign_keys = {{{"last_session"}, "sessions", {"token_hash"}}};
  auto order = DependencyOrder(s);
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace luister::sql
