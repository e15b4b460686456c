#include <map>
#include <set>

#include "domain/duplicates.h"
#include "domain/job_runner.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

Result<DuplicateService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(DuplicateRepository * repo, ctx.store.Find<DuplicateRepository>());
  return DuplicateService(ctx.store, *repo, ctx.clock, ctx.events);
}

json CustomerSummary(const Customer& c) {
  json ids = json::array();
  for (const Identity& i : c.identities) ids.push_back(ToJson(i));
  return {{"id", c.id},
          {"name", c.name},
          {"kind", ToString(c.kind)},
          {"created_at", FormatIso8601(c.created_at)},
          {"identities", std::move(ids)}};
}

// The suggestions with both customers (each read once), and every
// customer they name on the audit scope.
Result<json> SuggestionsJson(ApiContext& ctx, const std::vector<DuplicateSuggestion>& list,
                             AuditScope& audit) {
  std::map<int64_t, json> customers;
  for (const DuplicateSuggestion& s : list)
    for (int64_t id : {s.customer_id, s.other_id}) {
      if (customers.count(id)) continue;
      LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(id));
      customers[id] = CustomerSummary(c);
      audit.Touched(id, id);
    }
  json items = json::array();
  for (const DuplicateSuggestion& s : list) {
    json evidence = json::array();
    for (const DuplicateEvidence& e : s.evidence)
      evidence.push_back({{"reason", ToString(e.reason)},
                          {"detail", e.detail},
                          {"door", e.door},
                          {"at", FormatIso8601(e.at)}});
    items.push_back(
        {{"id", s.id},
         {"status", ToString(s.status)},
         {"customer", customers[s.customer_id]},
         {"other", customers[s.other_id]},
         {"evidence", std::move(evidence)},
         {"created_at", FormatIso8601(s.created_at)},
         {"updated_at", FormatIso8601(s.updated_at)},
         {"decided_by", s.decided_by ? json(*s.decided_by) : json(nullptr)},
         {"decided_at", s.decided_at ? json(FormatIso8601(*s.decided_at)) : json(nullptr)}});
  }
  return items;
}

std::string DuplicateMetrics(ApiContext& ctx) {
  auto repo = ctx.store.Find<DuplicateRepository>();
  if (!repo.ok()) return "";
  auto open = (*repo)->CountOpen();
  if (!open.ok()) return "";
  return "# HELP luister_duplicate_suggestions Probable duplicate customers waiting for a person "
         "to merge or dismiss them.\n"
         "# TYPE luister_duplicate_suggestions gauge\nluister_duplicate_suggestions " +
         std::to_string(*open) + "\n";
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  ctx.metrics.AddCollector([&ctx] { return DuplicateMetrics(ctx); });

  r.Add(
      "GET", "/api/v1/duplicates",
      Secured(Permission::kReadCustomers, Reads("customer"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                QueryReader q{req};
                PageRequest page = q.Page();
                LUISTER_RETURN_IF_ERROR(q.Finish());
                LUISTER_ASSIGN_OR_RETURN(DuplicateRepository * repo,
                                         ctx.store.Find<DuplicateRepository>());
                LUISTER_ASSIGN_OR_RETURN(auto list, repo->ListOpen(page));
                LUISTER_ASSIGN_OR_RETURN(json items, SuggestionsJson(ctx, list.items, audit));
                LUISTER_ASSIGN_OR_RETURN(int64_t open, repo->CountOpen());
                return JsonResponse(
                    200, {{"items", std::move(items)},
                          {"open", open},
                          {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
              }));
  r.Add(
      "GET", "/api/v1/customers/{id}/duplicates",
      Secured(Permission::kReadCustomers, Reads("customer"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(id));
                audit.Touched(c.id, c.id);
                LUISTER_ASSIGN_OR_RETURN(DuplicateRepository * repo,
                                         ctx.store.Find<DuplicateRepository>());
                LUISTER_ASSIGN_OR_RETURN(auto list, repo->OpenFor(id));
                LUISTER_ASSIGN_OR_RETURN(json items, SuggestionsJson(ctx, list, audit));
                return JsonResponse(200, {{"items", std::move(items)}});
              }));
  // One person after all: the newer customer goes into the older one (or
  // into `keep`), as POST /customers/{id}/merge would.
  r.Add(
      "POST", "/api/v1/duplicates/{id}/merge",
      Secured(
          Permission::kMergeCustomers, Changes("merge", "customer"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            std::optional<int64_t> keep;
            if (!req.body.empty()) {
              LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
              keep = b.Int("keep", JsonBody::kOptional);
              b.RejectUnknown({"keep"});
              LUISTER_RETURN_IF_ERROR(b.Finish("the merge is not valid"));
            }
            LUISTER_ASSIGN_OR_RETURN(DuplicateService service, Service(ctx));
            LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s, service.Merge(id, who.user.id, keep));
            LUISTER_ASSIGN_OR_RETURN(json items, SuggestionsJson(ctx, {s}, audit));
            return JsonResponse(200, items[0]);
          }));
  r.Add("POST", "/api/v1/duplicates/{id}/dismiss",
        Secured(Permission::kMergeCustomers, Changes("update", "customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(DuplicateService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(DuplicateSuggestion s, service.Dismiss(id, who.user.id));
                  LUISTER_ASSIGN_OR_RETURN(json items, SuggestionsJson(ctx, {s}, audit));
                  return JsonResponse(200, items[0]);
                }));
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kDuplicateScanJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(DuplicateService service, Service(ctx));
        return service.RunScanJob(job);
      }));
  LUISTER_ASSIGN_OR_RETURN(DuplicateService service, Service(ctx));
  return service.EnsureScanJob().status();
}

}  // namespace

// One customer across doors (C2): probable duplicates with their evidence,
// found by the doors and by a scan of new customers, for a person to merge
// or dismiss (domain/duplicates.h).
ApiModule DuplicatesModule() {
  return {"duplicates",
          {"duplicate_suggestions", "duplicate_evidence", "customer_name_keys", "duplicate_scan"},
          {},
          Routes,
          Jobs};
}

}  // namespace luister::http
