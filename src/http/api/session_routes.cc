#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

std::string SessionCookie(const ApiContext& ctx, const std::string& value, int64_t max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(max_age);
  if (ctx.secure_cookies) c += "; Secure";
  return c;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("POST", "/api/v1/session", Public([&ctx](Request& req) -> Result<Response> {
          LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
          auto email = b.String("email", JsonBody::kRequired, 320);
          auto password = b.String("password", JsonBody::kRequired, 1024);
          b.RejectUnknown({"email", "password"});
          LUISTER_RETURN_IF_ERROR(b.Finish("the login is not valid"));
          int retry_after_s = 0;
          auto login = ctx.auth.Login(*email, *password, req.remote_ip, &retry_after_s);
          if (!login.ok()) {
            if (login.status().code() != StatusCode::kResourceExhausted) return login.status();
            Response resp = ProblemFromStatus(login.status());
            resp.SetHeader("Retry-After", std::to_string(retry_after_s));
            return resp;
          }
          auto max_age =
              std::chrono::duration_cast<std::chrono::seconds>(login->expires_at - ctx.clock.Now())
                  .count();
          Response resp = JsonResponse(200, {{"user", ToJson(login->user)},
                                             {"permissions", PermissionsJson(login->user.role)},
                                             {"csrf_token", login->csrf_token},
                                             {"expires_at", FormatIso8601(login->expires_at)}});
          resp.SetHeader("Set-Cookie", SessionCookie(ctx, login->session_token, max_age));
          resp.SetHeader("Cache-Control", "no-store");
          return resp;
        }));

  r.Add("GET", "/api/v1/session",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [](Request&, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  nlohmann::json body = {
                      {"user", ToJson(who.user)},
                      {"permissions", PermissionsJson(who.user.role)},
                      {"via", who.via == auth::Principal::Via::kSession ? "session" : "api_token"}};
                  if (who.via == auth::Principal::Via::kSession)
                    body["csrf_token"] = who.csrf_token;
                  Response resp = JsonResponse(200, body);
                  resp.SetHeader("Cache-Control", "no-store");
                  return resp;
                }));

  r.Add("DELETE", "/api/v1/session",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  if (who.via != auth::Principal::Via::kSession)
                    return InvalidArgument("API tokens are revoked, not logged out");
                  LUISTER_RETURN_IF_ERROR(ctx.auth.Logout(req.Cookie(kSessionCookie)));
                  // Its live streams end too, on every node.
                  if (ctx.events) ctx.events->Publish(AccessChanged(who.user.id, ctx.clock.Now()));
                  Response resp = NoContent();
                  resp.SetHeader("Set-Cookie", SessionCookie(ctx, "", 0));
                  return resp;
                }));

  r.Add("GET", "/api/v1/api-tokens",
        Secured(Permission::kManageApiTokens, kNoPersonalData,
                [&ctx](Request&, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(auto tokens, ctx.store.auth().ListApiTokens());
                  return JsonResponse(200, ListToJson(tokens));
                }));

  r.Add(
      "POST", "/api/v1/api-tokens",
      Secured(
          Permission::kManageApiTokens, Changes("create", "api_token"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            auto name = b.String("name", JsonBody::kRequired, 100);
            auto user_id = b.Int("user_id", JsonBody::kOptional);
            b.RejectUnknown({"name", "user_id"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the token is not valid"));
            auto created = ctx.auth.CreateApiToken(user_id.value_or(who.user.id), *name);
            if (!created.ok()) {
              if (created.status().code() == StatusCode::kNotFound)
                return InvalidArgument("the token is not valid", {{"user_id", "no such user"}});
              return created.status();
            }
            audit.Touched(created->first.id, std::nullopt);
            nlohmann::json body = ToJson(created->first);
            body["token"] = created->second;
            Response resp = JsonResponse(201, body);
            resp.SetHeader("Cache-Control", "no-store");
            return resp;
          }));

  r.Add("DELETE", "/api/v1/api-tokens/{id}",
        Secured(Permission::kManageApiTokens, Changes("delete", "api_token"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_RETURN_IF_ERROR(ctx.auth.RevokeApiToken(id));
                  audit.Touched(id, std::nullopt);
                  return NoContent();
                }));
}

}  // namespace

// Logging in and out, and API tokens for integrations.
ApiModule SessionModule() {
  return {"session",
          {"sessions", "api_tokens", "rate_counters"},
          // Also published by the directory when a user's role, activity or
          // password changes.
          {EventType::kAccessChanged},
          Routes,
          {}};
}

}  // namespace luister::http
