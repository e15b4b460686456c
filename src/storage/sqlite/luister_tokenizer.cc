#include "storage/sqlite/luister_tokenizer.h"

#include <libstemmer.h>
#include <sqlite3.h>

#include <memory>
#include <string>

namespace luister::sqlite {

namespace {

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

constexpr const char* kInnerArgs[] = {"remove_diacritics", "2"};

// The unicode61 tokenizer created with kInnerArgs.
struct Unicode61 {
  fts5_tokenizer api{};
  Fts5Tokenizer* instance = nullptr;

  int Create(fts5_api* fts5) {
    void* ctx = nullptr;
    int rc = fts5->xFindTokenizer(fts5, "unicode61", &ctx, &api);
    if (rc != SQLITE_OK) return rc;
    return api.xCreate(ctx, const_cast<const char**>(kInnerArgs), 2, &instance);
  }
  ~Unicode61() {
    if (instance != nullptr) api.xDelete(instance);
  }
};

class Tokenizer {
 public:
  static int Create(void* fts5, const char** args, int n_args, Fts5Tokenizer** out) {
    auto t = std::make_unique<Tokenizer>();
    int rc = t->inner_.Create(static_cast<fts5_api*>(fts5));
    if (rc != SQLITE_OK) return rc;
    t->english_ = sb_stemmer_new("english", "UTF_8");
    t->dutch_ = sb_stemmer_new("dutch", "UTF_8");
    if (t->english_ == nullptr || t->dutch_ == nullptr) return SQLITE_NOMEM;
    *out = reinterpret_cast<Fts5Tokenizer*>(t.release());
    return SQLITE_OK;
  }

  static void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<Tokenizer*>(t); }

  static int Tokenize(Fts5Tokenizer* self, void* ctx, int flags, const char* text, int n_text,
                      TokenCallback emit) {
    auto* t = reinterpret_cast<Tokenizer*>(self);
    Call call{t, ctx, emit};
    return t->inner_.api.xTokenize(t->inner_.instance, &call, flags, text, n_text, &OnToken);
  }

  ~Tokenizer() {
    if (english_ != nullptr) sb_stemmer_delete(english_);
    if (dutch_ != nullptr) sb_stemmer_delete(dutch_);
  }

 private:
  struct Call {
    Tokenizer* self;
    void* ctx;
    TokenCallback emit;
  };

  static int OnToken(void* p, int tflags, const char* token, int n, int start, int end) {
    auto* call = static_cast<Call*>(p);
    Tokenizer* t = call->self;
    const auto* in = reinterpret_cast<const sb_symbol*>(token);

    const sb_symbol* en = sb_stemmer_stem(t->english_, in, n);
    int rc = en != nullptr ? call->emit(call->ctx, tflags, reinterpret_cast<const char*>(en),
                                        sb_stemmer_length(t->english_), start, end)
                           : call->emit(call->ctx, tflags, token, n, start, end);
    if (rc != SQLITE_OK) return rc;

    const sb_symbol* nl = sb_stemmer_stem(t->dutch_, in, n);
    t->buffer_.assign(1, kDutchStemMarker);
    if (nl != nullptr) {
      t->buffer_.append(reinterpret_cast<const char*>(nl), sb_stemmer_length(t->dutch_));
    } else {
      t->buffer_.append(token, n);
    }
    return call->emit(call->ctx, FTS5_TOKEN_COLOCATED, t->buffer_.data(),
                      static_cast<int>(t->buffer_.size()), start, end);
  }

  Unicode61 inner_;
  sb_stemmer* english_ = nullptr;
  sb_stemmer* dutch_ = nullptr;
  std::string buffer_;
};

}  // namespace

Result<fts5_api*> GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    rc = sqlite3_finalize(stmt);
  }
  if (rc != SQLITE_OK || api == nullptr) return Internal("SQLite was built without FTS5");
  return api;
}

Status RegisterLuisterTokenizer(sqlite3* db) {
  LUISTER_ASSIGN_OR_RETURN(fts5_api * api, GetFts5Api(db));
  fts5_tokenizer tokenizer{&Tokenizer::Create, &Tokenizer::Delete, &Tokenizer::Tokenize};
  int rc = api->xCreateTokenizer(api, "luister", api, &tokenizer, nullptr);
  if (rc != SQLITE_OK) return Internal("cannot register the luister tokenizer");
  return Status::Ok();
}

Result<bool> HasSearchableTokens(sqlite3* db, std::string_view text) {
  LUISTER_ASSIGN_OR_RETURN(fts5_api * api, GetFts5Api(db));
  Unicode61 inner;
  if (inner.Create(api) != SQLITE_OK) return Internal("cannot create the unicode61 tokenizer");
  bool found = false;
  auto on_token = [](void* p, int, const char*, int, int, int) {
    *static_cast<bool*>(p) = true;
    return SQLITE_DONE;  // one token is enough; stops tokenizing
  };
  int rc = inner.api.xTokenize(inner.instance, &found, FTS5_TOKENIZE_QUERY, text.data(),
                               static_cast<int>(text.size()), on_token);
  if (rc != SQLITE_OK && rc != SQLITE_DONE) return Internal("tokenizing the query failed");
  return found;
}

}  // namespace luister::sqlite
