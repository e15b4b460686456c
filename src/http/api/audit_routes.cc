#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"

namespace luister::http {

namespace {

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/audit",
        Secured(Permission::kReadAuditLog, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  QueryReader q{req};
                  AuditFilter f;
                  f.user_id = q.Int("user_id");
                  f.customer_id = q.Int("customer_id");
                  f.action = req.Query("action");
                  f.from = q.Time("from");
                  f.to = q.Time("to");
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.audit().List(f, page));
                  return JsonResponse(200, PageToJson(list));
                }));
}

}  // namespace

// Reading the audit log of personal data.
ApiModule AuditModule() { return {"audit", {"audit_log"}, {}, Routes, {}}; }

}  // namespace luister::http
