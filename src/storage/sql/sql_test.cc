#include "storage/sql/sql.h"

#include <gtest/gtest.h>

#include "storage/sql/query_builder.h"

namespace luister::sql {
namespace {

TEST(SqlTest, ParametersAreNumberedForPostgresOnly) {
  Sql s("UPDATE users SET name = ? WHERE id = ? AND active = TRUE");
  EXPECT_EQ(s.For(Engine::kSqlite), "UPDATE users SET name = ? WHERE id = ? AND active = TRUE");
  EXPECT_EQ(s.For(Engine::kPostgres), "UPDATE users SET name = $1 WHERE id = $2 AND active = TRUE");
  EXPECT_EQ(s.parameters(), 2);
}

TEST(SqlTest, MarkersRenderPerEngine) {
  Sql s("SELECT {string_agg}(tag, ' '), CAST(? AS {bigint}) FROM t WHERE id = ?{for_update}");
  EXPECT_EQ(s.For(Engine::kSqlite),
            "SELECT group_concat(tag, ' '), CAST(? AS INTEGER) FROM t WHERE id = ?");
  EXPECT_EQ(s.For(Engine::kPostgres),
            "SELECT string_agg(tag, ' '), CAST($1 AS BIGINT) FROM t WHERE id = $2 FOR UPDATE");
}

TEST(SqlTest, QuotedTextIsLeftAlone) {
  Sql s("SELECT '?{x}' || \"a?b\" FROM t WHERE x = ?");
  EXPECT_EQ(s.For(Engine::kPostgres), "SELECT '?{x}' || \"a?b\" FROM t WHERE x = $1");
  EXPECT_EQ(s.parameters(), 1);
}

TEST(SqlDeathTest, AnUnknownMarkerIsABug) {
  EXPECT_DEATH(Sql("SELECT {nope}"), "unknown marker");
  EXPECT_DEATH(Sql("SELECT 'open"), "unclosed quote");
}

TEST(QueryBuilderTest, CollectsFragmentsAndValuesInOrder) {
  QueryBuilder q("SELECT id FROM conversations WHERE TRUE");
  q.Add(" AND status = ?", std::string("open")).Add(" AND (id < ? OR id > ?)", int64_t{5}, 9);
  Sql s = q.Build();
  EXPECT_EQ(s.For(Engine::kPostgres),
            "SELECT id FROM conversations WHERE TRUE AND status = $1 AND (id < $2 OR id > $3)");
  ASSERT_EQ(q.params().size(), 3u);
  EXPECT_EQ(std::get<std::string>(q.params().values()[0]), "open");
  EXPECT_EQ(std::get<int64_t>(q.params().values()[2]), 9);
}

}  // namespace
}  // namespace luister::sql
