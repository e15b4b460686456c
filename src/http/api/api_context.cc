#include "http/api/api_context.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "http/problem.h"

namespace luister::http {

namespace {

bool IsStateChanging(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Response Finish(Result<Response> r) {
  if (r.ok()) return std::move(r).value();
  const Status& s = r.status();
  if (s.code() == StatusCode::kInternal || s.code() == StatusCode::kUnavailable)
    spdlog::error("request failed: {}", s.ToString());
  if (s.code() == StatusCode::kInternal)
    return ProblemResponse(500, "internal", "Internal error",
                           "the server failed to handle the request; it has been logged");
  Response resp = ProblemFromStatus(s);
  if (s.code() == StatusCode::kUnauthorized) resp.SetHeader("WWW-Authenticate", "Bearer");
  return resp;
}

}  // namespace

Response JsonResponse(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response JsonTextResponse(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Result<int64_t> IdParam(const Request& req, std::string_view name) {
  std::string_view p = req.Param(name);
  int64_t id = 0;
  auto r = std::from_chars(p.data(), p.data() + p.size(), id);
  if (r.ec != std::errc() || r.ptr != p.data() + p.size() || id <= 0)
    return NotFound("nothing at " + req.path);
  return id;
}

void AuditScope::Add(Subject s) {
  for (const Subject& seen : subjects_)
    if (seen == s) return;
  subjects_.push_back(s);
}

namespace {

// Who is calling: the session cookie (with its CSRF token on state-changing
// requests) or a bearer token.
Result<auth::Principal> Authenticate(ApiContext& ctx, const Request& req) {
  std::string_view authz = req.Header("authorization");
  if (!authz.empty()) {
    if (authz.substr(0, 7) != "Bearer ")
      return Unauthorized("the Authorization header must be 'Bearer <token>'");
    return ctx.auth.AuthenticateBearer(authz.substr(7));
  }
  std::string cookie = req.Cookie(kSessionCookie);
  if (cookie.empty()) return Unauthorized("log in or send an API token");
  LUISTER_ASSIGN_OR_RETURN(auth::Principal who, ctx.auth.AuthenticateSession(cookie));
  if (IsStateChanging(req.method)) {
    std::string_view csrf = req.Header(kCsrfHeader);
    if (csrf.empty() || csrf != who.csrf_token)
      return Forbidden("missing or wrong X-CSRF-Token header");
  }
  return who;
}

// The decoded query string, bounded: what a list or search asked for.
std::string QueryText(const Request& req) {
  constexpr size_t kMaxQueryText = 1000;
  std::string out;
  for (const auto& [k, v] : req.query) {
    if (!out.empty()) out += '&';
    out += k;
    out += '=';
    out += v;
    if (out.size() > kMaxQueryText) {
      out.resize(kMaxQueryText);
      break;
    }
  }
  return out;
}

// Writes the audit entries `intent` asks for after the handler answered
// with `result`.
Status WriteAudit(ApiContext& ctx, const Request& req, const auth::Principal& who,
                  AuditIntent intent, const AuditScope& scope, const Status& result) {
  if (!intent.personal()) return Status::Ok();
  const bool read = IsReadAction(intent.action);
  if (!result.ok() && !(read && result.code() == StatusCode::kNotFound)) return Status::Ok();
  const std::string query = read ? QueryText(req) : std::string();
  std::vector<AuditEntry> entries;
  entries.reserve(std::max<size_t>(1, scope.subjects().size()));
  for (const AuditScope::Subject& s : scope.subjects()) {
    entries.push_back(
        AuditEntryFor(ctx, req, who, intent.action, intent.entity, s.entity_id, s.customer_id));
    entries.back().query = query;
  }
  if (entries.empty()) {
    // Nothing found (or nothing to name): the attempt is recorded with the
    // id the path asked for.
    std::optional<int64_t> id;
    if (auto p = IdParam(req); p.ok()) id = *p;
    entries.push_back(AuditEntryFor(ctx, req, who, intent.action, intent.entity, id, std::nullopt));
    entries.back().query = query;
  }
  return ctx.store.audit().AppendBatch(entries);
}

}  // namespace

void ApiRoutes::Add(std::string method, std::string pattern, PublicRoute route) {
  declarations_.push_back({method, pattern, std::nullopt, kNoPersonalData});
  router_.Add(std::move(method), std::move(pattern),
              [handler = std::move(route.handler)](Request& req) { return Finish(handler(req)); });
}

void ApiRoutes::Add(std::string method, std::string pattern, SecuredRoute route) {
  const Permission permission = route.permission;
  const AuditIntent audit = route.audit;
  declarations_.push_back({method, pattern, permission, audit});
  router_.Add(std::move(method), std::move(pattern),
              [&ctx = ctx_, permission, audit, handler = std::move(route.handler)](Request& req) {
                Result<auth::Principal> who = Authenticate(ctx, req);
                if (!who.ok()) return Finish(who.status());
                if (!RoleAllows(who->user.role, permission))
                  return Finish(Forbidden("the role '" + std::string(ToString(who->user.role)) +
                                          "' may not do this"));
                AuditScope scope;
                Result<Response> result = handler(req, *who, scope);
                Status audited = WriteAudit(ctx, req, *who, audit, scope, result.status());
                if (!audited.ok()) return Finish(audited);
                scope.RunAfterWritten();
                return Finish(std::move(result));
              });
}

AuditEntry AuditEntryFor(ApiContext& ctx, const Request& req, const auth::Principal& who,
                         std::string_view action, std::string_view entity,
                         std::optional<int64_t> entity_id, std::optional<int64_t> customer_id) {
  AuditEntry e;
  e.at = ctx.clock.Now();
  e.user_id = who.user.id;
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  e.customer_id = customer_id;
  e.endpoint = req.method + " " + req.route;
  e.ip = req.remote_ip;
  return e;
}

std::optional<int64_t> QueryReader::Int(std::string_view name) {
  auto v = req.Query(name);
  if (!v) return std::nullopt;
  int64_t out = 0;
  auto r = std::from_chars(v->data(), v->data() + v->size(), out);
  if (r.ec != std::errc() || r.ptr != v->data() + v->size()) {
    errors.push_back({std::string(name), "must be an integer"});
    return std::nullopt;
  }
  return out;
}

std::optional<Timestamp> QueryReader::Time(std::string_view name) {
  auto v = req.Query(name);
  if (!v) return std::nullopt;
  auto t = ParseIso8601(*v);
  if (!t) errors.push_back({std::string(name), "must be an ISO-8601 date or time"});
  return t;
}

std::optional<bool> QueryReader::Bool(std::string_view name) {
  auto v = req.Query(name);
  if (!v) return std::nullopt;
  if (*v == "true" || *v == "1") return true;
  if (*v == "false" || *v == "0") return false;
  errors.push_back({std::string(name), "must be true or false"});
  return std::nullopt;
}

PageRequest QueryReader::Page(int default_limit) {
  PageRequest p;
  p.limit = default_limit;
  if (auto l = Int("limit")) {
    if (*l < 1 || *l > kMaxPageSize)
      errors.push_back({"limit", "must be between 1 and " + std::to_string(kMaxPageSize)});
    else
      p.limit = static_cast<int>(*l);
  }
  if (auto c = req.Query("cursor")) {
    p.after = Cursor::Decode(*c);
    if (!p.after) errors.push_back({"cursor", "is not a cursor this API returned"});
  }
  return p;
}

Status QueryReader::Finish() const {
  if (errors.empty()) return Status::Ok();
  return InvalidArgument("invalid query parameters", errors);
}

}  // namespace luister::http
