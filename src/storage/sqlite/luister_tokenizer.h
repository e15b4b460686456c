#pragma once

#include <string_view>

#include "common/result.h"

struct sqlite3;
struct fts5_api;

namespace luister::sqlite {

// Marks Dutch stems in the index so they never collide with English ones.
inline constexpr char kDutchStemMarker = '\x01';

// Registers the FTS5 tokenizer "luister" on `db`: the built-in unicode61
// tokenizer with diacritics removed, emitting for each word its English
// Snowball stem and, colocated at the same position, its Dutch stem prefixed
// by kDutchStemMarker. Documents and queries go through the same steps, so
// "refunds" finds "refund" and "bestellingen" finds "bestelling". Each
// tokenizer instance owns its stemmers (Snowball is not thread-safe).
Status RegisterLuisterTokenizer(sqlite3* db);

// The FTS5 extension API of `db`; Internal when SQLite lacks FTS5.
Result<fts5_api*> GetFts5Api(sqlite3* db);

// True when `text` yields at least one token under unicode61, i.e. it would
// not be an empty FTS5 phrase.
Result<bool> HasSearchableTokens(sqlite3* db, std::string_view text);

}  // namespace luister::sqlite
