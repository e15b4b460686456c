#pragma once

#include "domain/repositories.h"
#include "storage/postgres/pg_database.h"

namespace luister::postgres {

// Full-text search on PostgreSQL: generated tsvector columns (English and
// Dutch stems of unaccented text) with GIN indexes. Like the SQLite engine,
// terms are ANDed (quoted phrases stay phrases), the newest 5,000 matches
// are ranked (ts_rank_cd, cover density normalised by log length, reported negated so
// lower is better, as everywhere)
// and snippets are made only for the page returned.
class PgSearchRepository final : public SearchRepository {
 public:
  explicit PgSearchRepository(Database& db) : db_(db) {}
  Result<std::vector<SearchHit>> Search(const SearchQuery& q) override;

 private:
  Database& db_;
};

}  // namespace luister::postgres
