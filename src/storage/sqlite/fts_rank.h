#pragma once

#include "common/result.h"

struct sqlite3;

namespace luister::sqlite {

// Registers the FTS5 ranking function luister_rank(fts_table [, weight per
// column…]) on `db`: Okapi BM25 term-frequency saturation and length
// normalisation (k1 = 1.2, b = 0.75), weighted per column, without the
// inverse-document-frequency factor. Lower is better, as with bm25().
//
// Why not bm25(): its IDF needs the number of rows containing each phrase,
// which FTS5 gets by walking the phrase's whole doclist on every query; for
// a word in 200,000 messages that walk costs more than everything else the
// search does. Every row a Luister query returns contains every term (terms
// are ANDed), so IDF changes the order little; PostgreSQL's ts_rank_cd has no
// IDF either, which keeps the two engines' rankings alike.
Status RegisterLuisterRank(sqlite3* db);

}  // namespace luister::sqlite
