#include "storage/sql/sql_auth_repository.h"

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr std::chrono::minutes kTouchInterval{1};
constexpr int64_t kDayMillis = 24 * 60 * 60 * 1000;

const Sql kInsertSession(
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES (?, ?, ?, ?, ?)");
const Sql kPruneSessions("DELETE FROM sessions WHERE expires_at <= ?");
const Sql kSelectSession(
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = ? AND expires_at > ?");
const Sql kDeleteSession("DELETE FROM sessions WHERE token_hash = ?");
const Sql kDeleteUserSessions("DELETE FROM sessions WHERE user_id = ?");

const Sql kInsertToken(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, "
    "revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
#define LUISTER_TOKEN_COLUMNS                                                           \
  "SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at " \
  "FROM api_tokens "
const Sql kSelectLiveToken(LUISTER_TOKEN_COLUMNS "WHERE token_hash = ? AND revoked_at IS NULL");
const Sql kListTokens(LUISTER_TOKEN_COLUMNS "ORDER BY id");
#undef LUISTER_TOKEN_COLUMNS
const Sql kTouchToken("UPDATE api_tokens SET last_used_at = ? WHERE id = ?");
const Sql kRevokeToken("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
const Sql kRevokeUserTokens(
    "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");

const Sql kHit(
    "INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, 1) "
    "ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 "
    "RETURNING count");
const Sql kWindowCount("SELECT count FROM rate_counters WHERE key = ? AND window_start = ?");
const Sql kPruneKeyWindows("DELETE FROM rate_counters WHERE key = ? AND window_start < ?");
// A failure streak is one row: window_start holds the last failure's time.
const Sql kStreak("SELECT window_start, count FROM rate_counters WHERE key = ?");
const Sql kSetStreak("INSERT INTO rate_counters (key, window_start, count) VALUES (?, ?, ?)");
const Sql kPruneAllWindows("DELETE FROM rate_counters WHERE window_start < ?");
const Sql kResetCounter("DELETE FROM rate_counters WHERE key = ?");

ApiTokenRecord TokenFromRow(const Row& r) {
  ApiTokenRecord t;
  t.id = r.Int(0);
  t.user_id = r.Int(1);
  t.name = r.Text(2);
  t.token_hash = r.Text(3);
  t.prefix = r.Text(4);
  t.created_at = r.Time(5);
  t.last_used_at = r.OptTime(6);
  t.revoked_at = r.OptTime(7);
  return t;
}

Status Run(Connection& c, const Sql& sql, const Params& params) {
  return c.Execute(sql, params).status();
}

}  // namespace

Status SqlAuthRepository::CreateSession(const SessionRecord& s) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(Run(c, kPruneSessions, Params::Of(s.created_at)));
    return Run(c, kInsertSession,
               Params::Of(s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at));
  });
}

Result<SessionRecord> SqlAuthRepository::GetSession(const std::string& token_hash, Timestamp now) {
  return db_.ReadOne([&](Connection& c) -> Result<SessionRecord> {
    LUISTER_ASSIGN_OR_RETURN(
        auto s,
        First<SessionRecord>(c, kSelectSession, Params::Of(token_hash, now), [](const Row& r) {
          return SessionRecord{r.Text(0), r.Int(1), r.Text(2), r.Time(3), r.Time(4)};
        }));
    if (!s) return NotFound("no such session");
    return std::move(*s);
  });
}

Status SqlAuthRepository::DeleteSession(const std::string& token_hash) {
  return db_.Write([&](Connection& c) { return Run(c, kDeleteSession, Params::Of(token_hash)); });
}

Status SqlAuthRepository::DeleteUserSessions(int64_t user_id) {
  return db_.Write([&](Connection& c) { return Run(c, kDeleteUserSessions, Params::Of(user_id)); });
}

Result<ApiTokenRecord> SqlAuthRepository::CreateApiToken(const ApiTokenRecord& t) {
  return db_.Write([&](Connection& c) -> Result<ApiTokenRecord> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id, Scalar(c, kInsertToken,
                           Params::Of(t.user_id, t.name, t.token_hash, t.prefix, t.created_at,
                                      t.last_used_at, t.revoked_at)));
    ApiTokenRecord out = t;
    out.id = id;
    return out;
  });
}

Result<ApiTokenRecord> SqlAuthRepository::UseApiToken(const std::string& token_hash,
                                                      Timestamp now) {
  LUISTER_ASSIGN_OR_RETURN(auto found, db_.ReadOne([&](Connection& c) {
    return First<ApiTokenRecord>(c, kSelectLiveToken, Params::Of(token_hash), TokenFromRow);
  }));
  if (!found) return NotFound("no such API token");
  ApiTokenRecord t = std::move(*found);
  // Integrations call often; recording every use would turn each read into a
  // write. A minute's precision is enough to see which tokens are alive.
  if (t.last_used_at && now - *t.last_used_at < kTouchInterval) return t;
  LUISTER_RETURN_IF_ERROR(
      db_.Write([&](Connection& c) { return Run(c, kTouchToken, Params::Of(now, t.id)); }));
  t.last_used_at = now;
  return t;
}

Result<std::vector<ApiTokenRecord>> SqlAuthRepository::ListApiTokens() {
  return db_.ReadOne(
      [&](Connection& c) { return Collect<ApiTokenRecord>(c, kListTokens, {}, TokenFromRow); });
}

Status SqlAuthRepository::RevokeApiToken(int64_t id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kRevokeToken, Params::Of(at, id)));
    if (changed == 0) return NotFound("API token " + std::to_string(id) + " not found");
    return Status::Ok();
  });
}

Result<int64_t> SqlAuthRepository::RevokeUserApiTokens(int64_t user_id, Timestamp at) {
  return db_.Write(
      [&](Connection& c) { return c.Execute(kRevokeUserTokens, Params::Of(at, user_id)); });
}

Result<WindowCounts> SqlAuthRepository::Hit(const std::string& key, Timestamp window_start,
                                            std::chrono::milliseconds window) {
  const bool prune_all = ++hits_ % kPruneEvery == 0;
  const Timestamp previous_start = window_start - window;
  return db_.Write([&](Connection& c) -> Result<WindowCounts> {
    WindowCounts counts;
    LUISTER_ASSIGN_OR_RETURN(int64_t count, Scalar(c, kHit, Params::Of(key, window_start)));
    counts.current = static_cast<int>(count);
    if (count == 1)  // first hit of a new window: windows before the previous one are over
      LUISTER_RETURN_IF_ERROR(Run(c, kPruneKeyWindows, Params::Of(key, previous_start)));
    LUISTER_ASSIGN_OR_RETURN(auto previous,
                             First<int64_t>(c, kWindowCount, Params::Of(key, previous_start),
                                            [](const Row& r) { return r.Int(0); }));
    counts.previous = static_cast<int>(previous.value_or(0));
    if (prune_all)
      LUISTER_RETURN_IF_ERROR(
          Run(c, kPruneAllWindows, Params::Of(ToMillis(window_start) - kDayMillis)));
    return counts;
  });
}

namespace {

Result<FailureStreak> ReadStreak(Connection& c, const std::string& key) {
  LUISTER_ASSIGN_OR_RETURN(auto row,
                           First<FailureStreak>(c, kStreak, Params::Of(key), [](const Row& r) {
                             FailureStreak s;
                             s.last = r.Time(0);
                             s.failures = static_cast<int>(r.Int(1));
                             return s;
                           }));
  return row.value_or(FailureStreak{});
}

}  // namespace

Result<FailureStreak> SqlAuthRepository::AddFailure(const std::string& key, Timestamp at,
                                                    std::chrono::milliseconds forget_after) {
  return db_.Write([&](Connection& c) -> Result<FailureStreak> {
    LUISTER_ASSIGN_OR_RETURN(FailureStreak s, ReadStreak(c, key));
    if (!s.last || at - *s.last > forget_after) s.failures = 0;
    ++s.failures;
    s.last = std::max(at, s.last.value_or(at));
    LUISTER_RETURN_IF_ERROR(Run(c, kResetCounter, Params::Of(key)));
    LUISTER_RETURN_IF_ERROR(Run(c, kSetStreak, Params::Of(key, *s.last, s.failures)));
    return s;
  });
}

Result<FailureStreak> SqlAuthRepository::GetFailures(const std::string& key) {
  return db_.ReadOne([&](Connection& c) { return ReadStreak(c, key); });
}

Status SqlAuthRepository::ResetCounter(const std::string& key) {
  return db_.Write([&](Connection& c) { return Run(c, kResetCounter, Params::Of(key)); });
}

}  // namespace luister::sql
