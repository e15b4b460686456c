#include "domain/validation.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

std::optional<ContactHours> ReadContactHours(JsonBody& b) {
  auto s = b.String("contact_hours", JsonBody::kOptional, 32);
  if (!s) return std::nullopt;
  auto h = ParseContactHours(*s);
  if (!h) b.AddError("contact_hours", "must look like 09:00-17:30");
  return h;
}

Result<NewCustomer> ReadNewCustomer(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  NewCustomer c;
  c.kind = b.Enum<CustomerKind>("kind", JsonBody::kOptional).value_or(CustomerKind::kPerson);
  c.name = b.String("name", JsonBody::kRequired, 1000).value_or("");
  c.organisation_id = b.Int("organisation_id", JsonBody::kOptional);
  c.segment = b.String("segment", JsonBody::kOptional, 1000).value_or("");
  c.language = b.Enum<Language>("language", JsonBody::kOptional).value_or(Language::kEn);
  c.preferred_channel = b.Enum<Channel>("preferred_channel", JsonBody::kOptional);
  c.contact_hours = ReadContactHours(b);
  c.account_manager_id = b.Int("account_manager_id", JsonBody::kOptional);
  c.created_at = b.Time("created_at", JsonBody::kOptional);
  b.Objects("identities", JsonBody::kOptional, 50, [&](JsonBody& item, size_t) {
    auto kind = item.Enum<IdentityKind>("kind", JsonBody::kRequired);
    auto value = item.String("value", JsonBody::kRequired, 400);
    item.RejectUnknown({"kind", "value"});
    if (kind && value) c.identities.push_back({*kind, *value});
  });
  b.RejectUnknown({"kind", "name", "organisation_id", "segment", "language", "preferred_channel",
                   "contact_hours", "account_manager_id", "identities", "created_at"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the customer is not valid"));
  return c;
}

Result<CustomerPatch> ReadCustomerPatch(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  CustomerPatch p;
  if (b.IsNull("name")) b.AddError("name", "cannot be removed");
  p.name = b.String("name", JsonBody::kOptional, 1000);
  p.segment = b.String("segment", JsonBody::kOptional, 1000);
  if (b.IsNull("segment")) p.segment = "";
  p.language = b.Enum<Language>("language", JsonBody::kOptional);
  p.preferred_channel = b.Enum<Channel>("preferred_channel", JsonBody::kOptional);
  p.clear_preferred_channel = b.IsNull("preferred_channel");
  p.contact_hours = ReadContactHours(b);
  p.clear_contact_hours = b.IsNull("contact_hours");
  p.account_manager_id = b.Int("account_manager_id", JsonBody::kOptional);
  p.clear_account_manager = b.IsNull("account_manager_id");
  p.organisation_id = b.Int("organisation_id", JsonBody::kOptional);
  p.clear_organisation = b.IsNull("organisation_id");
  b.RejectUnknown({"name", "segment", "language", "preferred_channel", "contact_hours",
                   "account_manager_id", "organisation_id"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
  return p;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/customers",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  QueryReader q{req};
                  CustomerFilter f;
                  f.segment = req.Query("segment");
                  f.account_manager_id = q.Int("account_manager_id");
                  f.kind = q.Enum<CustomerKind>("kind");
                  f.organisation_id = q.Int("organisation_id");
                  f.include_merged = q.Bool("include_merged").value_or(false);
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.customers().List(f, page));
                  for (const Customer& c : list.items) audit.Touched(c.id, c.id);
                  return JsonResponse(200, PageToJson(list));
                }));

  r.Add("GET", "/api/v1/customers/lookup",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  QueryReader q{req};
                  auto kind = q.Enum<IdentityKind>("kind");
                  auto value = req.Query("value");
                  if (!kind && q.errors.empty()) q.errors.push_back({"kind", "is required"});
                  if (!value) q.errors.push_back({"value", "is required"});
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  auto norm = NormaliseIdentity(*kind, *value);
                  if (!norm.ok())
                    return InvalidArgument("invalid query parameters",
                                           {{"value", norm.status().message()}});
                  LUISTER_ASSIGN_OR_RETURN(auto found,
                                           ctx.store.customers().FindByIdentity(*kind, *norm));
                  if (!found) return NotFound("no customer has " + *norm);
                  audit.Touched(found->id, found->id);
                  return JsonResponse(200, ToJson(*found));
                }));

  r.Add("POST", "/api/v1/customers",
        Secured(Permission::kWriteCustomers, Changes("create", "customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(NewCustomer c, ReadNewCustomer(req.body));
                  LUISTER_ASSIGN_OR_RETURN(Customer created, ctx.customers.Create(std::move(c)));
                  audit.Touched(created.id, created.id);
                  Response resp = JsonResponse(201, ToJson(created));
                  resp.SetHeader("Location", "/api/v1/customers/" + std::to_string(created.id));
                  return resp;
                }));

  r.Add("GET", "/api/v1/customers/{id}",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(id));
                  audit.Touched(id, id);
                  return JsonResponse(200, ToJson(c));
                }));

  r.Add("PATCH", "/api/v1/customers/{id}",
        Secured(Permission::kWriteCustomers, Changes("update", "customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(CustomerPatch p, ReadCustomerPatch(req.body));
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.customers.Update(id, std::move(p)));
                  audit.Touched(id, id);
                  return JsonResponse(200, ToJson(c));
                }));

  r.Add(
      "POST", "/api/v1/customers/{id}/identities",
      Secured(
          Permission::kWriteCustomers, Changes("update", "customer"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            auto kind = b.Enum<IdentityKind>("kind", JsonBody::kRequired);
            auto value = b.String("value", JsonBody::kRequired, 400);
            b.RejectUnknown({"kind", "value"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the identity is not valid"));
            LUISTER_ASSIGN_OR_RETURN(Identity i, ctx.customers.AddIdentity(id, {*kind, *value}));
            audit.Touched(id, id);
            return JsonResponse(201, ToJson(i));
          }));

  r.Add("DELETE", "/api/v1/customers/{id}/identities/{identity_id}",
        Secured(Permission::kWriteCustomers, Changes("update", "customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(int64_t identity_id, IdParam(req, "identity_id"));
                  LUISTER_RETURN_IF_ERROR(ctx.store.customers().RemoveIdentity(id, identity_id));
                  audit.Touched(id, id);
                  return NoContent();
                }));

  r.Add("GET", "/api/v1/customers/{id}/timeline",
        Secured(Permission::kReadCustomers, Reads("timeline"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  QueryReader q{req};
                  TimelineFilter f;
                  f.channel = q.Enum<Channel>("channel");
                  f.department_id = q.Int("department_id");
                  f.from = q.Time("from");
                  f.to = q.Time("to");
                  f.include_internal = q.Bool("include_internal").value_or(true);
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  // NotFound for an unknown customer rather than an empty timeline.
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(id));
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.timeline().Timeline(id, f, page));
                  audit.Touched(id, id);
                  nlohmann::json body = PageToJson(list);
                  body["customer"] = {{"id", c.id}, {"name", c.name}};
                  return JsonResponse(200, body);
                }));

  r.Add("POST", "/api/v1/customers/{id}/merge",
        Secured(Permission::kMergeCustomers, Changes("merge", "customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t target, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto source = b.Int("source_id", JsonBody::kRequired);
                  b.RejectUnknown({"source_id"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the merge is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(MergeRecord m,
                                           ctx.customers.Merge(*source, target, who.user.id));
                  audit.Touched(target, target);
                  audit.Touched(*source, *source);
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(target));
                  return JsonResponse(200, {{"merge", ToJson(m)}, {"customer", ToJson(c)}});
                }));

  r.Add("GET", "/api/v1/customers/{id}/merges",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(id));
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.customers().ListMerges(id));
                  audit.Touched(id, id);
                  return JsonResponse(200, ListToJson(list));
                }));
}

}  // namespace

// Customers with their identities, one timeline, and merges of duplicates (C1).
ApiModule CustomersModule() {
  return {"customers",
          {"customers", "identities", "merges", "activities"},
          {EventType::kCustomerCreated, EventType::kCustomerUpdated, EventType::kCustomerMerged},
          Routes,
          {}};
}

}  // namespace luister::http
