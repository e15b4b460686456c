#include "storage/postgres/pg_auth_repository.h"

#include <algorithm>

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr std::chrono::minutes kTouchInterval{1};
constexpr int64_t kDayMillis = 24 * 60 * 60 * 1000;

constexpr char kInsertSession[] =
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr char kPruneSessions[] = "DELETE FROM sessions WHERE expires_at <= $1";
constexpr char kSelectSession[] =
    "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions "
    "WHERE token_hash = $1 AND expires_at > $2";
constexpr char kDeleteSession[] = "DELETE FROM sessions WHERE token_hash = $1";
constexpr char kDeleteUserSessions[] = "DELETE FROM sessions WHERE user_id = $1";

constexpr char kInsertToken[] =
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, last_used_at, "
    "revoked_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr char kTokenColumns[] =
    "SELECT id, user_id, name, token_hash, prefix, created_at, last_used_at, revoked_at "
    "FROM api_tokens ";
const std::string kSelectLiveToken =
    std::string(kTokenColumns) + "WHERE token_hash = $1 AND revoked_at IS NULL";
const std::string kListTokens = std::string(kTokenColumns) + "ORDER BY id";
constexpr char kTouchToken[] = "UPDATE api_tokens SET last_used_at = $2 WHERE id = $1";
constexpr char kRevokeToken[] =
    "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $2) WHERE id = $1";

constexpr char kHit[] =
    "INSERT INTO rate_counters (key, window_start, count) VALUES ($1, $2, 1) "
    "ON CONFLICT (key, window_start) DO UPDATE SET count = rate_counters.count + 1 "
    "RETURNING count";
constexpr char kPruneKeyWindows[] =
    "DELETE FROM rate_counters WHERE key = $1 AND window_start < $2";
constexpr char kPruneAllWindows[] = "DELETE FROM rate_counters WHERE window_start < $1";
constexpr char kResetCounter[] = "DELETE FROM rate_counters WHERE key = $1";

constexpr char kInsertAudit[] =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, customer_id, endpoint, ip) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
// Many entries in one statement: one array per column.
constexpr char kInsertAuditBatch[] =
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, customer_id, endpoint, ip) "
    "SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], "
    "$6::bigint[], $7::text[], $8::text[])";
constexpr size_t kAuditBatchRows = 2000;
constexpr char kSelectAudit[] =
    "SELECT id, at, user_id, action, entity, entity_id, customer_id, endpoint, ip "
    "FROM audit_log WHERE TRUE";

ApiTokenRecord TokenFromRow(const Rows& r, int i) {
  ApiTokenRecord t;
  t.id = r.Int(i, 0);
  t.user_id = r.Int(i, 1);
  t.name = r.Text(i, 2);
  t.token_hash = r.Text(i, 3);
  t.prefix = r.Text(i, 4);
  t.created_at = r.Time(i, 5);
  t.last_used_at = r.OptTime(i, 6);
  t.revoked_at = r.OptTime(i, 7);
  return t;
}

Status Run(Connection& c, const char* sql, const Params& p) { return c.Query(sql, p).status(); }

Status InsertAudit(Connection& c, const AuditEntry& e) {
  return Run(c, kInsertAudit,
             Params()
                 .Add(e.at)
                 .Add(e.user_id)
                 .Add(e.action)
                 .Add(e.entity)
                 .Add(e.entity_id)
                 .Add(e.customer_id)
                 .Add(e.endpoint)
                 .Add(e.ip));
}

}  // namespace

Status PgAuthRepository::CreateSession(const SessionRecord& s) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(Run(c, kPruneSessions, Params().Add(s.created_at)));
    return Run(c, kInsertSession,
               Params()
                   .Add(s.token_hash)
                   .Add(s.user_id)
                   .Add(s.csrf_token)
                   .Add(s.created_at)
                   .Add(s.expires_at));
  });
}

Result<SessionRecord> PgAuthRepository::GetSession(const std::string& token_hash, Timestamp now) {
  return db_.ReadOne([&](Connection& c) -> Result<SessionRecord> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectSession, Params().Add(token_hash).Add(now)));
    if (r.size() == 0) return NotFound("no such session");
    return SessionRecord{r.Text(0, 0), r.Int(0, 1), r.Text(0, 2), r.Time(0, 3), r.Time(0, 4)};
  });
}

Status PgAuthRepository::DeleteSession(const std::string& token_hash) {
  return db_.Write([&](Connection& c) { return Run(c, kDeleteSession, Params().Add(token_hash)); });
}

Status PgAuthRepository::DeleteUserSessions(int64_t user_id) {
  return db_.Write(
      [&](Connection& c) { return Run(c, kDeleteUserSessions, Params().Add(user_id)); });
}

Result<ApiTokenRecord> PgAuthRepository::CreateApiToken(const ApiTokenRecord& t) {
  return db_.Write([&](Connection& c) -> Result<ApiTokenRecord> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kInsertToken, Params()
                                                               .Add(t.user_id)
                                                               .Add(t.name)
                                                               .Add(t.token_hash)
                                                               .Add(t.prefix)
                                                               .Add(t.created_at)
                                                               .Add(t.last_used_at)
                                                               .Add(t.revoked_at)));
    ApiTokenRecord out = t;
    out.id = r.Int(0, 0);
    return out;
  });
}

Result<ApiTokenRecord> PgAuthRepository::UseApiToken(const std::string& token_hash, Timestamp now) {
  LUISTER_ASSIGN_OR_RETURN(
      ApiTokenRecord t, db_.ReadOne([&](Connection& c) -> Result<ApiTokenRecord> {
        LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kSelectLiveToken, Params().Add(token_hash)));
        if (r.size() == 0) return NotFound("no such API token");
        return TokenFromRow(r, 0);
      }));
  // A minute's precision is enough to see which tokens are alive.
  if (t.last_used_at && now - *t.last_used_at < kTouchInterval) return t;
  LUISTER_RETURN_IF_ERROR(
      db_.Write([&](Connection& c) { return Run(c, kTouchToken, Params().Add(t.id).Add(now)); }));
  t.last_used_at = now;
  return t;
}

Result<std::vector<ApiTokenRecord>> PgAuthRepository::ListApiTokens() {
  return db_.ReadOne([&](Connection& c) -> Result<std::vector<ApiTokenRecord>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kListTokens));
    return Collect<ApiTokenRecord>(r, TokenFromRow);
  });
}

Status PgAuthRepository::RevokeApiToken(int64_t id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Status {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kRevokeToken, Params().Add(id).Add(at)));
    if (r.affected() == 0) return NotFound("API token " + std::to_string(id) + " not found");
    return Status::Ok();
  });
}

Result<int> PgAuthRepository::Hit(const std::string& key, Timestamp window_start) {
  const bool prune_all = ++hits_ % kPruneEvery == 0;
  return db_.Write([&](Connection& c) -> Result<int> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kHit, Params().Add(key).Add(window_start)));
    int count = static_cast<int>(r.Int(0, 0));
    if (count == 1)  // first hit of a new window: earlier windows of this key are over
      LUISTER_RETURN_IF_ERROR(Run(c, kPruneKeyWindows, Params().Add(key).Add(window_start)));
    if (prune_all)
      LUISTER_RETURN_IF_ERROR(
          Run(c, kPruneAllWindows, Params().Add(ToMillis(window_start) - kDayMillis)));
    return count;
  });
}

Status PgAuthRepository::ResetCounter(const std::string& key) {
  return db_.Write([&](Connection& c) { return Run(c, kResetCounter, Params().Add(key)); });
}

Status PgAuditRepository::Append(const AuditEntry& e) {
  return db_.Write([&](Connection& c) { return InsertAudit(c, e); });
}

Status PgAuditRepository::AppendBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  // One round trip per 2,000 entries rather than per entry: the group commit
  // of read entries (domain/audit_buffer.h) must keep up with every read.
  return db_.Write([&](Connection& c) -> Status {
    for (size_t from = 0; from < entries.size(); from += kAuditBatchRows) {
      BatchColumns rows(8);
      for (size_t i = from; i < std::min(entries.size(), from + kAuditBatchRows); ++i) {
        const AuditEntry& e = entries[i];
        rows.Set(0, e.at)
            .Set(1, e.user_id)
            .Set(2, std::optional<std::string>(e.action))
            .Set(3, std::optional<std::string>(e.entity))
            .Set(4, e.entity_id)
            .Set(5, e.customer_id)
            .Set(6, std::optional<std::string>(e.endpoint))
            .Set(7, std::optional<std::string>(e.ip));
      }
      LUISTER_RETURN_IF_ERROR(Run(c, kInsertAuditBatch, rows.ToParams()));
    }
    return Status::Ok();
  });
}

Result<Page<AuditEntry>> PgAuditRepository::List(const AuditFilter& f, const PageRequest& p) {
  QueryBuilder q(kSelectAudit);
  if (f.user_id) q.Add(" AND user_id = ?", *f.user_id);
  if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
  if (f.action) q.Add(" AND action = ?", *f.action);
  if (f.from) q.Add(" AND at >= ?", *f.from);
  if (f.to) q.Add(" AND at < ?", *f.to);
  if (p.after) q.Add(" AND (at, id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY at DESC, id DESC LIMIT ?", int64_t{p.limit} + 1);
  return db_.ReadOne([&](Connection& c) -> Result<Page<AuditEntry>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, q.Run(c));
    std::vector<AuditEntry> rows = Collect<AuditEntry>(r, [](const Rows& r, int i) {
      AuditEntry e;
      e.id = r.Int(i, 0);
      e.at = r.Time(i, 1);
      e.user_id = r.OptInt(i, 2);
      e.action = r.Text(i, 3);
      e.entity = r.Text(i, 4);
      e.entity_id = r.OptInt(i, 5);
      e.customer_id = r.OptInt(i, 6);
      e.endpoint = r.Text(i, 7);
      e.ip = r.Text(i, 8);
      return e;
    });
    return MakePage(std::move(rows), p.limit, [](const AuditEntry& e) { return ToMillis(e.at); });
  });
}

}  // namespace luister::postgres
