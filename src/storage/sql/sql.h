#pragma once

#include <string>
#include <string_view>

namespace luister::sql {

enum class Engine { kSqlite, kPostgres };

// One SQL statement, written once for both engines, rendered for each when
// constructed (statements are namespace-scope constants, so that happens once
// per process). The text is standard SQL that SQLite 3.40 and PostgreSQL 15
// both accept (RETURNING, ON CONFLICT … DO UPDATE, TRUE/FALSE, CAST), with
// these differences written as:
//   ?              a parameter, bound in order: `?` on SQLite, `$1, $2, …`
//                  on PostgreSQL
//   {for_update}   ` FOR UPDATE` on PostgreSQL; nothing on SQLite, whose one
//                  writer already holds the database
//   {for_share}    ` FOR SHARE` on PostgreSQL; nothing on SQLite
//   {string_agg}   `string_agg` on PostgreSQL, `group_concat` on SQLite
//   {bigint}       `BIGINT` on PostgreSQL, `INTEGER` on SQLite (for CAST)
// Quoted text ('…', "…") is copied as it is. An unknown {marker} is a bug and
// aborts at start-up. Only constant text and fragments assembled from
// constants (QueryBuilder) go in: values are always bound.
class Sql {
 public:
  explicit Sql(std::string_view text);

  const std::string& For(Engine engine) const {
    return engine == Engine::kSqlite ? sqlite_ : postgres_;
  }
  // The text as written, for messages.
  const std::string& text() const { return text_; }
  // How many parameters the statement takes.
  int parameters() const { return parameters_; }

 private:
  std::string text_;
  std::string sqlite_;
  std::string postgres_;
  int parameters_ = 0;
};

}  // namespace luister::sql
