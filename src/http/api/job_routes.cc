#include "http/api/api_context.h"
#include "http/api/customer_export.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"

namespace luister::http {

namespace {

// A job another user may not see gets the answer an unknown id gets.
Result<JobRecord> VisibleJob(ApiContext& ctx, const Request& req, const auth::Principal& who) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  auto job = ctx.store.jobs().Get(id);
  if (job.ok() && MaySeeJob(who.user, *job)) return job;
  if (!job.ok() && job.status().code() != StatusCode::kNotFound) return job.status();
  return NotFound("job " + std::to_string(id) + " does not exist");
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/jobs/{id}",
        Secured(Permission::kExportCustomerData, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JobRecord job, VisibleJob(ctx, req, who));
                  return JsonResponse(200, ToJson(job));
                }));

  r.Add(
      "GET", "/api/v1/jobs/{id}/result",
      Secured(
          Permission::kExportCustomerData, Reads("customer_export"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(JobRecord job, VisibleJob(ctx, req, who));
            if (job.state != JobState::kDone || !job.has_result)
              return Conflict("job " + std::to_string(job.id) + " is " +
                              std::string(ToString(job.state)) +
                              "; its result is there once it is done");
            std::optional<int64_t> customer_id;
            if (job.kind == kCustomerExportJob) {
              auto id = CustomerIdOfExport(job.payload);
              if (id.ok()) customer_id = *id;
            }
            LUISTER_ASSIGN_OR_RETURN(std::string body, ctx.store.jobs().GetResult(job.id));
            // An export is personal data: its download is audited like any read.
            audit.Touched(job.id, customer_id);
            Response resp = JsonTextResponse(200, std::move(body));
            std::string name = customer_id ? "customer-" + std::to_string(*customer_id) + "-export"
                                           : "job-" + std::to_string(job.id);
            resp.SetHeader("Content-Disposition", "attachment; filename=\"" + name + ".json\"");
            return resp;
          }));
}

}  // namespace

// Background jobs as their requesters see them, and their results.
ApiModule JobsModule() { return {"jobs", {"jobs"}, {}, Routes, {}}; }

}  // namespace luister::http
