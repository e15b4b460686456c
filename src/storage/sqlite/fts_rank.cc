#include "storage/sqlite/fts_rank.h"

#include <sqlite3.h>

#include <vector>

#include "storage/sqlite/luister_tokenizer.h"

namespace luister::sqlite {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Per-query constants, computed on the first row and kept as aux data.
struct QueryStats {
  std::vector<double> avg_tokens;  // average column length, in tokens
};

void FreeStats(void* p) { delete static_cast<QueryStats*>(p); }

QueryStats* Stats(const Fts5ExtensionApi* api, Fts5Context* ctx, int* rc) {
  auto* stats = static_cast<QueryStats*>(api->xGetAuxdata(ctx, 0));
  if (stats != nullptr) return stats;
  sqlite3_int64 rows = 0;
  *rc = api->xRowCount(ctx, &rows);
  if (*rc != SQLITE_OK) return nullptr;
  auto owned = new QueryStats();
  int columns = api->xColumnCount(ctx);
  owned->avg_tokens.resize(columns, 1.0);
  for (int col = 0; col < columns; ++col) {
    sqlite3_int64 total = 0;
    *rc = api->xColumnTotalSize(ctx, col, &total);
    if (*rc != SQLITE_OK) {
      delete owned;
      return nullptr;
    }
    if (rows > 0 && total > 0) owned->avg_tokens[col] = static_cast<double>(total) / rows;
  }
  *rc = api->xSetAuxdata(ctx, owned, &FreeStats);  // frees `owned` on failure
  return *rc == SQLITE_OK ? owned : nullptr;
}

void LuisterRank(const Fts5ExtensionApi* api, Fts5Context* ctx, sqlite3_context* result,
                 int argc, sqlite3_value** argv) {
  int rc = SQLITE_OK;
  QueryStats* stats = Stats(api, ctx, &rc);
  if (stats == nullptr) {
    sqlite3_result_error_code(result, rc == SQLITE_OK ? SQLITE_NOMEM : rc);
    return;
  }
  const int phrases = api->xPhraseCount(ctx);
  const int columns = api->xColumnCount(ctx);
  // Term frequency of each phrase in each column of this row.
  std::vector<int> tf(static_cast<size_t>(phrases) * columns, 0);
  int instances = 0;
  rc = api->xInstCount(ctx, &instances);
  for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
    int phrase = 0, col = 0, offset = 0;
    rc = api->xInst(ctx, i, &phrase, &col, &offset);
    if (rc == SQLITE_OK) ++tf[static_cast<size_t>(phrase) * columns + col];
  }
  double score = 0;
  for (int col = 0; rc == SQLITE_OK && col < columns; ++col) {
    double weight = col < argc ? sqlite3_value_double(argv[col]) : 1.0;
    if (weight == 0) continue;
    int length = 0;
    rc = api->xColumnSize(ctx, col, &length);
    if (rc != SQLITE_OK) break;
    double norm = kK1 * (1 - kB + kB * length / stats->avg_tokens[col]);
    for (int p = 0; p < phrases; ++p) {
      int f = tf[static_cast<size_t>(p) * columns + col];
      if (f > 0) score += weight * (f * (kK1 + 1)) / (f + norm);
    }
  }
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(result, rc);
    return;
  }
  sqlite3_result_double(result, -score);
}

}  // namespace

Status RegisterLuisterRank(sqlite3* db) {
  LUISTER_ASSIGN_OR_RETURN(fts5_api * api, GetFts5Api(db));
  int rc = api->xCreateFunction(api, "luister_rank", nullptr, &LuisterRank, nullptr);
  if (rc != SQLITE_OK) return Internal("cannot register luister_rank");
  return Status::Ok();
}

}  // namespace luister::sqlite
