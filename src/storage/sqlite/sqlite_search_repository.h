#pragma once

#include <optional>
#include <string>

#include "domain/repositories.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// Ranked full-text search over the FTS5 tables of migration 0001, tokenized
// by the "luister" tokenizer (stemmed English + Dutch, diacritics folded).
class SqliteSearchRepository final : public SearchRepository {
 public:
  explicit SqliteSearchRepository(Database& db) : db_(db) {}

  // Every word and "quoted phrase" must match (AND). Input is never parsed as
  // FTS5 syntax; text without searchable tokens yields no hits.
  Result<std::vector<SearchHit>> Search(const SearchQuery& q) override;

  // The FTS5 MATCH expression for user text: each word and quoted phrase
  // becomes an FTS5 string, joined by AND. nullopt when nothing searchable
  // is left. Needs a connection for the tokenizer.
  static Result<std::optional<std::string>> BuildMatchExpression(Connection& c,
                                                                 std::string_view text);

 private:
  Database& db_;
};

}  // namespace luister::sqlite
