#include "domain/validation.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

Result<std::string> ValidName(JsonBody& b, std::string_view what) {
  auto name = b.String("name", JsonBody::kRequired, 100);
  if (name && Trim(*name).empty()) b.AddError("name", "must not be empty");
  LUISTER_RETURN_IF_ERROR(b.Finish(what));
  return std::string(Trim(*name));
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/departments",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [&ctx](Request&, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.directory().ListDepartments());
                  return JsonResponse(200, ListToJson(list));
                }));
  r.Add("POST", "/api/v1/departments",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  b.RejectUnknown({"name"});
                  LUISTER_ASSIGN_OR_RETURN(std::string name,
                                           ValidName(b, "the department is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(
                      Department d, ctx.store.directory().CreateDepartment(name, ctx.clock.Now()));
                  return JsonResponse(201, ToJson(d));
                }));
  r.Add("GET", "/api/v1/queues",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  QueryReader q{req};
                  auto dept = q.Int("department_id");
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.directory().ListQueues(dept));
                  return JsonResponse(200, ListToJson(list));
                }));
  r.Add("POST", "/api/v1/queues",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto dept = b.Int("department_id", JsonBody::kRequired);
                  b.RejectUnknown({"name", "department_id"});
                  LUISTER_ASSIGN_OR_RETURN(std::string name,
                                           ValidName(b, "the queue is not valid"));
                  auto q = ctx.store.directory().CreateQueue(*dept, name, ctx.clock.Now());
                  if (!q.ok() && q.status().code() == StatusCode::kNotFound)
                    return InvalidArgument("the queue is not valid",
                                           {{"department_id", "no such department"}});
                  LUISTER_ASSIGN_OR_RETURN(Queue queue, std::move(q));
                  return JsonResponse(201, ToJson(queue));
                }));

  r.Add("GET", "/api/v1/users",
        Secured(Permission::kReadDirectory, Reads("user"),
                [&ctx](Request&, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.directory().ListUsers());
                  return JsonResponse(200, ListToJson(list));
                }));
  r.Add(
      "GET", "/api/v1/users/{id}",
      Secured(Permission::kReadDirectory, Reads("user"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                audit.Touched(id, std::nullopt);
                LUISTER_ASSIGN_OR_RETURN(User u, ctx.store.directory().GetUser(id));
                return JsonResponse(200, ToJson(u));
              }));
  r.Add(
      "POST", "/api/v1/users",
      Secured(
          Permission::kManageUsers, Changes("create", "user"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            NewUser u;
            auto email = b.String("email", JsonBody::kRequired, 320);
            auto name = b.String("name", JsonBody::kRequired, 200);
            auto role = b.Enum<Role>("role", JsonBody::kRequired);
            auto lang = b.Enum<Language>("language", JsonBody::kOptional);
            auto dept = b.Int("department_id", JsonBody::kOptional);
            auto password = b.String("password", JsonBody::kRequired, 1024);
            b.RejectUnknown({"email", "name", "role", "language", "department_id", "password"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the user is not valid"));
            u.email = *email;
            u.name = *name;
            u.role = *role;
            u.language = lang.value_or(Language::kEn);
            u.department_id = dept;
            LUISTER_ASSIGN_OR_RETURN(User created, ctx.auth.CreateUser(u, *password));
            audit.Touched(created.id, std::nullopt);
            return JsonResponse(201, ToJson(created));
          }));
  r.Add(
      "PATCH", "/api/v1/users/{id}",
      Secured(
          Permission::kManageUsers, Changes("update", "user"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            UserPatch p;
            p.name = b.String("name", JsonBody::kOptional, 200);
            p.role = b.Enum<Role>("role", JsonBody::kOptional);
            p.language = b.Enum<Language>("language", JsonBody::kOptional);
            p.department_id = b.Int("department_id", JsonBody::kOptional);
            p.clear_department = b.IsNull("department_id");
            p.active = b.Bool("active", JsonBody::kOptional);
            auto password = b.String("password", JsonBody::kOptional, 1024);
            LUISTER_ASSIGN_OR_RETURN(User target, ctx.store.directory().GetUser(id));
            std::vector<FieldError> broken;
            CheckUserChange(who.user, target, p, password, &broken);
            for (const FieldError& e : broken) b.AddError(e.field, e.message);
            b.RejectUnknown({"name", "role", "language", "department_id", "active", "password"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
            if (p.department_id) {
              auto d = ctx.store.directory().GetDepartment(*p.department_id);
              if (!d.ok() && d.status().code() == StatusCode::kNotFound)
                return InvalidArgument("the change is not valid",
                                       {{"department_id", "no such department"}});
            }
            LUISTER_ASSIGN_OR_RETURN(
                User u, ctx.store.directory().UpdateUser(
                            id, [&](const User& current) { return PlanUserUpdate(current, p); }));
            // A new password or a deactivation ends the user's sessions and
            // API tokens (docs/security.md).
            if (password) LUISTER_RETURN_IF_ERROR(ctx.auth.SetPassword(id, *password));
            if (p.active == false) LUISTER_RETURN_IF_ERROR(ctx.auth.EndAccess(id));
            // Role and activity are part of every cached principal, and the
            // live streams a user opened under the old ones end (on every
            // node; a browser reconnects only if it is still admitted).
            ctx.auth.ForgetPrincipals();
            if (ctx.events && (p.role || p.active || password))
              ctx.events->Publish(AccessChanged(id, ctx.clock.Now()));
            audit.Touched(id, std::nullopt);
            return JsonResponse(200, ToJson(u));
          }));
}

}  // namespace

// Departments, queues and staff users.
ApiModule DirectoryModule() {
  return {"directory", {"departments", "queues", "users"}, {}, Routes, {}};
}

}  // namespace luister::http
