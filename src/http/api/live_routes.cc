#include "http/api/api_context.h"
#include "http/api/module.h"
#include "http/problem.h"

namespace luister::http {

namespace {

constexpr std::string_view kLivePath = "/api/v1/live";

// True when `origin` ("https://desk.example:8443") names this server as the
// request reached it: scheme http or https (no other scheme serves our
// pages), and host and port exactly as in the Host header.
bool IsOwnOrigin(std::string_view origin, std::string_view host) {
  for (std::string_view scheme : {"https://", "http://"}) {
    if (origin.substr(0, scheme.size()) == scheme) {
      std::string_view rest = origin.substr(scheme.size());
      return !rest.empty() && rest == host;
    }
  }
  return false;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  // Reached only without an upgrade: the WebSocket handshake is answered by
  // the server before routing.
  r.Add("GET", std::string(kLivePath), Public([](Request&) -> Result<Response> {
          Response resp = ProblemResponse(426, "upgrade-required", "Upgrade required",
                                          "/api/v1/live speaks WebSocket; see docs/live-events.md");
          resp.SetHeader("Upgrade", "websocket");
          return resp;
        }));
}

}  // namespace

// The WebSocket stream of live events (answered before routing; this is its plain-GET answer).
ApiModule LiveModule() { return {"live", {}, {}, Routes, {}}; }

std::optional<Response> AuthorizeLive(ApiContext& ctx, Request& req) {
  if (req.path != kLivePath)
    return ProblemResponse(404, "not-found", "Not found", "no WebSocket endpoint at " + req.path);
  req.route = std::string(kLivePath);
  std::string_view origin = req.Header("origin");
  if (!origin.empty() && !IsOwnOrigin(origin, req.Header("host")))
    return ProblemResponse(403, "forbidden", "Not allowed",
                           "WebSocket connections must come from this server's own pages");
  Result<auth::Principal> who = Unauthorized("log in first");
  std::string_view authz = req.Header("authorization");
  if (authz.substr(0, 7) == "Bearer ") {
    who = ctx.auth.AuthenticateBearer(authz.substr(7));
  } else if (std::string cookie = req.Cookie(kSessionCookie); !cookie.empty()) {
    who = ctx.auth.AuthenticateSession(cookie);
  }
  if (!who.ok()) return ProblemFromStatus(who.status());
  if (!RoleAllows(who->user.role, Permission::kReadConversations))
    return ProblemFromStatus(Forbidden("this role does not see conversations"));
  req.user_id = who->user.id;
  return std::nullopt;
}

}  // namespace luister::http
