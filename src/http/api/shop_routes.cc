#include "domain/location.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

json LocationJson(const Location& l) {
  return {{"id", l.id},         {"department_id", l.department_id},
          {"name", l.name},     {"address", l.address},
          {"active", l.active}, {"created_at", FormatIso8601(l.created_at)}};
}

Result<LocationService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(LocationRepository * repo, ctx.store.Find<LocationRepository>());
  return LocationService(ctx.store, *repo, ctx.clock, ctx.events);
}

Result<NewWalkIn> ReadWalkIn(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  NewWalkIn w;
  w.location_id = b.Int("location_id", JsonBody::kRequired).value_or(0);
  w.customer_id = b.Int("customer_id", JsonBody::kOptional);
  w.name = b.String("name", JsonBody::kOptional, 200).value_or("");
  w.email = b.String("email", JsonBody::kOptional, 320).value_or("");
  w.phone = b.String("phone", JsonBody::kOptional, 100).value_or("");
  w.language = b.Enum<Language>("language", JsonBody::kOptional).value_or(Language::kNl);
  w.subject = b.String("subject", JsonBody::kOptional, 300).value_or("");
  w.question = b.String("question", JsonBody::kRequired, 20000).value_or("");
  w.queue_id = b.Int("queue_id", JsonBody::kOptional);
  w.resolved = b.Bool("resolved", JsonBody::kOptional).value_or(false);
  if (w.customer_id && (!w.name.empty() || !w.email.empty() || !w.phone.empty()))
    b.AddError("customer_id", "give a customer_id or who they are (name, email, phone), not both");
  b.RejectUnknown({"location_id", "customer_id", "name", "email", "phone", "language", "subject",
                   "question", "queue_id", "resolved"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the walk-in is not valid"));
  return w;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/locations",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(LocationRepository * repo,
                                           ctx.store.Find<LocationRepository>());
                  LUISTER_ASSIGN_OR_RETURN(auto list, repo->List());
                  json items = json::array();
                  for (const Location& l : list) items.push_back(LocationJson(l));
                  return JsonResponse(200, {{"items", std::move(items)}});
                }));

  r.Add("POST", "/api/v1/locations",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  Location l;
                  l.department_id = b.Int("department_id", JsonBody::kRequired).value_or(0);
                  l.name = b.String("name", JsonBody::kRequired, 200).value_or("");
                  l.address = b.String("address", JsonBody::kOptional, 1000).value_or("");
                  b.RejectUnknown({"department_id", "name", "address"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the location is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(LocationService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(Location created, service.Create(std::move(l)));
                  Response resp = JsonResponse(201, LocationJson(created));
                  resp.SetHeader("Location", "/api/v1/locations/" + std::to_string(created.id));
                  return resp;
                }));

  r.Add("PATCH", "/api/v1/locations/{id}",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  LocationPatch p;
                  p.name = b.String("name", JsonBody::kOptional, 200);
                  p.address = b.String("address", JsonBody::kOptional, 1000);
                  p.active = b.Bool("active", JsonBody::kOptional);
                  b.RejectUnknown({"name", "address", "active"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(LocationService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(Location l, service.Update(id, std::move(p)));
                  return JsonResponse(200, LocationJson(l));
                }));

  r.Add("POST", "/api/v1/walk-ins",
        Secured(Permission::kWriteConversations, Changes("create", "conversation"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(NewWalkIn in, ReadWalkIn(req.body));
                  LUISTER_ASSIGN_OR_RETURN(LocationService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(WalkIn w, service.LogWalkIn(std::move(in), who.user.id));
                  audit.Touched(w.conversation.id, w.customer_id);
                  Response resp = JsonResponse(201, {{"conversation", ToJson(w.conversation)},
                                                     {"customer_id", w.customer_id},
                                                     {"new_customer", w.new_customer}});
                  resp.SetHeader("Location",
                                 "/api/v1/conversations/" + std::to_string(w.conversation.id));
                  return resp;
                }));
}

}  // namespace

// Shops and counters (C2): the locations of each department and the
// walk-ins agents log there.
ApiModule ShopModule() { return {"shop", {"locations"}, {}, Routes, {}}; }

}  // namespace luister::http
