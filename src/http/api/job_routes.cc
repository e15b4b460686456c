#include "http/api/api_context.h"
#include "http/api/customer_export.h"
#include "http/api/json_codec.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

// A job is seen by the user who asked for it and by administrators; anyone
// else gets the answer an unknown id gets.
Result<JobRecord> VisibleJob(ApiContext& ctx, const Request& req, const auth::Principal& who) {
  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
  auto job = ctx.store.jobs().Get(id);
  if (job.ok() && (who.user.role == Role::kAdmin || job->created_by == who.user.id)) return job;
  if (!job.ok() && job.status().code() != StatusCode::kNotFound) return job.status();
  return NotFound("job " + std::to_string(id) + " does not exist");
}

}  // namespace

void RegisterJobRoutes(ApiRoutes& r, ApiContext& ctx) {
  r.Add(
      "POST", "/api/v1/customers/{id}/exports",
      Secured(
          Permission::kExportCustomerData, Changes("request", "customer_export"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t customer_id, IdParam(req));
            if (req.body.find_first_not_of(" \t\r\n") != std::string::npos) {
              LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
              b.RejectUnknown({});
              LUISTER_RETURN_IF_ERROR(b.Finish("an export takes no options"));
            }
            LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(customer_id));
            if (c.merged_into_id)
              return Conflict("customer " + std::to_string(c.id) + " was merged into customer " +
                              std::to_string(*c.merged_into_id) +
                              "; export that one, which holds this one's data");
            NewJob job;
            job.kind = kCustomerExportJob;
            job.payload = CustomerExportPayload(c.id);
            job.run_at = ctx.clock.Now();
            job.created_at = job.run_at;
            job.created_by = who.user.id;
            LUISTER_ASSIGN_OR_RETURN(int64_t id, ctx.store.jobs().Enqueue(job));
            audit.Touched(id, c.id);
            // The export holds the trail, this request included: the
            // runner starts once its entry is written.
            if (ctx.wake_jobs) audit.AfterWritten(ctx.wake_jobs);
            LUISTER_ASSIGN_OR_RETURN(JobRecord record, ctx.store.jobs().Get(id));
            Response resp = JsonResponse(202, ToJson(record));
            resp.SetHeader("Location", "/api/v1/jobs/" + std::to_string(id));
            return resp;
          }));

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

}  // namespace luister::http
