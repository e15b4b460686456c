#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "auth/authenticator.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/permissions.h"
#include "domain/repositories.h"
#include "http/metrics.h"
#include "http/router.h"

namespace luister::http {

// What handlers need, wired by app/. References outlive the server.
struct ApiContext {
  Store& store;
  CustomerService& customers;
  ConversationService& conversations;
  auth::Authenticator& auth;
  const Clock& clock;
  Metrics& metrics;
  std::string version;
  bool secure_cookies = false;  // set the Secure flag when served over HTTPS
  // Tells this node's job runner that a job was enqueued; empty when the node
  // runs none (other nodes then pick the job up at their next poll).
  std::function<void()> wake_jobs;
};

inline constexpr char kSessionCookie[] = "luister_session";
inline constexpr char kCsrfHeader[] = "x-csrf-token";

// A handler behind authentication. Returning a non-ok Status produces the
// matching problem+json response.
using SecuredHandler = std::function<Result<Response>(Request&, const auth::Principal&)>;

// Authenticates (session cookie or bearer token), checks the CSRF token for
// state-changing requests made with a session, checks the role's
// permission, then calls `handler`.
Handler Secured(ApiContext& ctx, Permission permission, SecuredHandler handler);

// A handler without authentication (login, health).
Handler Public(std::function<Result<Response>(Request&)> handler);

// The audit entry a request makes; Audit() appends it.
AuditEntry AuditEntryFor(ApiContext& ctx, const Request& req, const auth::Principal& who,
                         std::string_view action, std::string_view entity,
                         std::optional<int64_t> entity_id, std::optional<int64_t> customer_id);
// Records a read or change of personal data. A failure to record fails the
// request: personal data is never shown without its audit entry.
Status Audit(ApiContext& ctx, const Request& req, const auth::Principal& who,
             std::string_view action, std::string_view entity, std::optional<int64_t> entity_id,
             std::optional<int64_t> customer_id);

// A response whose body is already JSON text.
Response JsonTextResponse(int status, std::string body);
Response JsonResponse(int status, const nlohmann::json& body);
Response NoContent();

// The integer path parameter `name`; NotFound when it is not an id, since
// such a URL names nothing.
Result<int64_t> IdParam(const Request& req, std::string_view name = "id");

// Query helpers: each records a field error for a malformed value.
struct QueryReader {
  explicit QueryReader(const Request& r) : req(r) {}
  const Request& req;
  std::vector<FieldError> errors;

  std::optional<int64_t> Int(std::string_view name);
  std::optional<Timestamp> Time(std::string_view name);
  std::optional<bool> Bool(std::string_view name);
  template <typename E>
  std::optional<E> Enum(std::string_view name) {
    auto v = req.Query(name);
    if (!v) return std::nullopt;
    auto e = ::luister::Parse<E>(*v);
    if (!e)
      errors.push_back({std::string(name), "must be one of: " + std::string(ValidNames<E>())});
    return e;
  }
  PageRequest Page(int default_limit = 50);
  Status Finish() const;
};

// Route registration, one function per resource (api/*_routes.cc).
void RegisterSystemRoutes(Router& r, ApiContext& ctx);
void RegisterSessionRoutes(Router& r, ApiContext& ctx);
void RegisterDirectoryRoutes(Router& r, ApiContext& ctx);
void RegisterCustomerRoutes(Router& r, ApiContext& ctx);
void RegisterConversationRoutes(Router& r, ApiContext& ctx);
void RegisterSearchRoutes(Router& r, ApiContext& ctx);
void RegisterAuditRoutes(Router& r, ApiContext& ctx);
void RegisterLiveRoutes(Router& r, ApiContext& ctx);
void RegisterJobRoutes(Router& r, ApiContext& ctx);

// Decides WebSocket upgrades to /api/v1/live: the caller must be signed in
// (session cookie or bearer token) with a role that reads conversations, and
// a browser's Origin must be this server's own.
std::optional<Response> AuthorizeLive(ApiContext& ctx, Request& req);

inline void RegisterApi(Router& r, ApiContext& ctx) {
  RegisterSystemRoutes(r, ctx);
  RegisterSessionRoutes(r, ctx);
  RegisterDirectoryRoutes(r, ctx);
  RegisterCustomerRoutes(r, ctx);
  RegisterConversationRoutes(r, ctx);
  RegisterSearchRoutes(r, ctx);
  RegisterAuditRoutes(r, ctx);
  RegisterLiveRoutes(r, ctx);
  RegisterJobRoutes(r, ctx);
}

}  // namespace luister::http
