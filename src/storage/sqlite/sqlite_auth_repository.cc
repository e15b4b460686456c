#include "storage/sqlite/sqlite_auth_repository.h"

#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr std::chrono::minutes kTouchInterval{1};

constexpr char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kPruneSessions[] = "DELETE FROM sessions WHERE expires_at <= ?1";
constexpr char kSelectSession[] =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = ?1 AND expires_at > ?2";
constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE token_hash = ?1";
constexpr char kDeleteUserSessions[] = "DELETE FROM sessions WHERE user_id = ?1";

constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, "
    "revoked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
constexpr char kTokenColumns[] =
    "SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at "
    "FROM api_tokens ";
const std::string kSelectLiveToken =
    std::string(kTokenColumns) + "WHERE token_hash = ?1 AND revoked_at IS NULL";
const std::string kListTokens = std::string(kTokenColumns) + "ORDER BY id";
constexpr char kTouchToken[] = "UPDATE api_tokens SET last_used_at = ?2 WHERE id = ?1";
constexpr char kRevokeToken[] =
    "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?2) WHERE id = ?1";

constexpr char kHit[] =
    "INSERT INTO rate_counters (key, window_start, count) VALUES (?1, ?2, 1) "
    "ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1 RETURNING count";
constexpr char kPruneKeyWindows[] =
    "DELETE FROM rate_counters WHERE key = ?1 AND window_start < ?2";
constexpr char kPruneAllWindows[] = "DELETE FROM rate_counters WHERE window_start < ?1";
constexpr char kResetCounter[] = "DELETE FROM rate_counters WHERE key = ?1";

constexpr int64_t kDayMillis = 24 * 60 * 60 * 1000;

ApiTokenRecord TokenFromRow(const Statement& st) {
  ApiTokenRecord t;
  t.id = st.Int(0);
  t.user_id = st.Int(1);
  t.name = st.Text(2);
  t.token_hash = st.Text(3);
  t.prefix = st.Text(4);
  t.created_at = st.Time(5);
  t.last_used_at = st.OptTime(6);
  t.revoked_at = st.OptTime(7);
  return t;
}

Status RunWithText(Connection& c, const char* sql, const std::string& v) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(sql));
  return st.Bind(1, v).Run();
}

}  // namespace

Status SqliteAuthRepository::CreateSession(const SessionRecord& s) {
  return db_.Write([&](Connection& c) -> Status {
    {
      LUISTER_ASSIGN_OR_RETURN(auto prune, c.Prepare(kPruneSessions));
      LUISTER_RETURN_IF_ERROR(prune.Bind(1, s.created_at).Run());
    }
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertSession));
    return st.Bind(1, s.token_hash)
        .Bind(2, s.user_id)
        .Bind(3, s.csrf_token)
        .Bind(4, s.created_at)
        .Bind(5, s.expires_at)
        .Run();
  });
}

Result<SessionRecord> SqliteAuthRepository::GetSession(const std::string& token_hash,
                                                       Timestamp now) {
  return db_.ReadOne([&](Connection& c) -> Result<SessionRecord> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectSession));
    st.Bind(1, token_hash).Bind(2, now);
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) return NotFound("no such session");
    return SessionRecord{st.Text(0), st.Int(1), st.Text(2), st.Time(3), st.Time(4)};
  });
}

Status SqliteAuthRepository::DeleteSession(const std::string& token_hash) {
  return db_.Write([&](Connection& c) { return RunWithText(c, kDeleteSession, token_hash); });
}

Status SqliteAuthRepository::DeleteUserSessions(int64_t user_id) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kDeleteUserSessions));
    return st.Bind(1, user_id).Run();
  });
}

Result<ApiTokenRecord> SqliteAuthRepository::CreateApiToken(const ApiTokenRecord& t) {
  return db_.Write([&](Connection& c) -> Result<ApiTokenRecord> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertToken));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, t.user_id)
                                .Bind(2, t.name)
                                .Bind(3, t.token_hash)
                                .Bind(4, t.prefix)
                                .Bind(5, t.created_at)
                                .Bind(6, t.last_used_at)
                                .Bind(7, t.revoked_at)
                                .Run());
    ApiTokenRecord out = t;
    out.id = c.LastInsertId();
    return out;
  });
}

Result<ApiTokenRecord> SqliteAuthRepository::UseApiToken(const std::string& token_hash,
                                                         Timestamp now) {
  LUISTER_ASSIGN_OR_RETURN(
      ApiTokenRecord t, db_.ReadOne([&](Connection& c) -> Result<ApiTokenRecord> {
        LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kSelectLiveToken));
        st.Bind(1, token_hash);
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) return NotFound("no such API token");
        return TokenFromRow(st);
      }));
  // Integrations call often; recording every use would turn each read into a
  // write. A minute's precision is enough to see which tokens are alive.
  if (t.last_used_at && now - *t.last_used_at < kTouchInterval) return t;
  LUISTER_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto touch, c.Prepare(kTouchToken));
    return touch.Bind(1, t.id).Bind(2, now).Run();
  }));
  t.last_used_at = now;
  return t;
}

Result<std::vector<ApiTokenRecord>> SqliteAuthRepository::ListApiTokens() {
  return db_.Read([&](Connection& c) -> Result<std::vector<ApiTokenRecord>> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kListTokens));
    std::vector<ApiTokenRecord> out;
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return out;
      out.push_back(TokenFromRow(st));
    }
  });
}

Status SqliteAuthRepository::RevokeApiToken(int64_t id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kRevokeToken));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, at).Run());
    if (c.Changes() == 0) return NotFound("API token " + std::to_string(id) + " not found");
    return Status::Ok();
  });
}

Result<int> SqliteAuthRepository::Hit(const std::string& key, Timestamp window_start) {
  const bool prune_all = ++hits_ % kPruneEvery == 0;
  return db_.Write([&](Connection& c) -> Result<int> {
    int count = 0;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kHit));
      st.Bind(1, key).Bind(2, window_start);
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Internal("counter upsert returned no row");
      count = static_cast<int>(st.Int(0));
      LUISTER_RETURN_IF_ERROR(st.Run());
    }
    if (count == 1) {
      // First hit of a new window: earlier windows of this key are over.
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kPruneKeyWindows));
      LUISTER_RETURN_IF_ERROR(st.Bind(1, key).Bind(2, window_start).Run());
    }
    if (prune_all) {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kPruneAllWindows));
      LUISTER_RETURN_IF_ERROR(st.Bind(1, ToMillis(window_start) - kDayMillis).Run());
    }
    return count;
  });
}

Status SqliteAuthRepository::ResetCounter(const std::string& key) {
  return db_.Write([&](Connection& c) { return RunWithText(c, kResetCounter, key); });
}

}  // namespace luister::sqlite
