#include "http/api/customer_export.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "domain/page.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

// Walks every page of a keyset-paginated list.
template <typename T, typename Fetch, typename Each>
Status ForEachPage(Fetch fetch, Each each) {
  PageRequest p;
  p.limit = kMaxPageSize;
  while (true) {
    LUISTER_ASSIGN_OR_RETURN(Page<T> page, fetch(p));
    for (const T& item : page.items) LUISTER_RETURN_IF_ERROR(each(item));
    if (!page.next) return Status::Ok();
    p.after = page.next;
  }
}

}  // namespace

std::string CustomerExportPayload(int64_t customer_id) {
  return nlohmann::json{{"customer_id", customer_id}}.dump();
}

Result<int64_t> CustomerIdOfExport(const std::string& payload) {
  auto j = nlohmann::json::parse(payload, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("customer_id") || !j["customer_id"].is_number_integer())
    return InvalidArgument("the export job's payload names no customer_id");
  return j["customer_id"].get<int64_t>();
}

Result<std::string> BuildCustomerExport(Store& store, int64_t customer_id, Timestamp generated_at) {
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store.customers().Get(customer_id));
  nlohmann::json doc = {{"format", "luister.customer-export/1"},
                        {"generated_at", FormatIso8601(generated_at)},
                        {"customer", ToJson(customer)}};

  nlohmann::json conversations = nlohmann::json::array();
  ConversationFilter cf;
  cf.customer_id = customer_id;
  cf.sort = ConversationSort::kCreatedAsc;
  LUISTER_RETURN_IF_ERROR(ForEachPage<Conversation>(
      [&](const PageRequest& p) { return store.conversations().List(cf, p); },
      [&](const Conversation& c) -> Status {
        nlohmann::json entry = ToJson(c);
        nlohmann::json messages = nlohmann::json::array();
        LUISTER_RETURN_IF_ERROR(ForEachPage<Message>(
            [&](const PageRequest& p) {
              return store.conversations().ListMessages(c.id, /*include_internal=*/true, p);
            },
            [&](const Message& m) -> Status {
              messages.push_back(ToJson(m));
              return Status::Ok();
            }));
        entry["messages"] = std::move(messages);
        conversations.push_back(std::move(entry));
        return Status::Ok();
      }));
  doc["conversations"] = std::move(conversations);

  nlohmann::json timeline = nlohmann::json::array();
  TimelineFilter tf;
  tf.include_internal = true;
  LUISTER_RETURN_IF_ERROR(ForEachPage<Activity>(
      [&](const PageRequest& p) { return store.timeline().Timeline(customer_id, tf, p); },
      [&](const Activity& a) -> Status {
        timeline.push_back(ToJson(a));
        return Status::Ok();
      }));
  doc["timeline"] = std::move(timeline);

  // Phone calls, with the notes agents wrote and links to recordings.
  nlohmann::json calls = nlohmann::json::array();
  if (auto repo = store.Find<CallRepository>(); repo.ok()) {
    LUISTER_RETURN_IF_ERROR(ForEachPage<PhoneCall>(
        [&](const PageRequest& p) { return (*repo)->ListForCustomer(customer_id, p); },
        [&](const PhoneCall& c) -> Status {
          calls.push_back(ToJson(c));
          return Status::Ok();
        }));
  }
  doc["calls"] = std::move(calls);

  // Customers merged into this one (and into those, and so on): their
  // records and audit trails are about the same person.
  std::vector<int64_t> ids = {customer_id};
  nlohmann::json merges = nlohmann::json::array();
  nlohmann::json merged_customers = nlohmann::json::array();
  for (size_t i = 0; i < ids.size(); ++i) {
    LUISTER_ASSIGN_OR_RETURN(auto into, store.customers().ListMerges(ids[i]));
    for (const MergeRecord& m : into) {
      merges.push_back(ToJson(m));
      ids.push_back(m.source_id);
      LUISTER_ASSIGN_OR_RETURN(Customer source, store.customers().Get(m.source_id));
      merged_customers.push_back(ToJson(source));
    }
  }
  doc["merges"] = std::move(merges);
  doc["merged_customers"] = std::move(merged_customers);

  // Who read or changed the data, and when. Staff are not named and their
  // addresses left out: those are the staff's personal data, not the
  // customer's.
  std::vector<AuditEntry> trail;
  for (int64_t id : ids) {
    AuditFilter af;
    af.customer_id = id;
    LUISTER_RETURN_IF_ERROR(
        ForEachPage<AuditEntry>([&](const PageRequest& p) { return store.audit().List(af, p); },
                                [&](const AuditEntry& e) -> Status {
                                  trail.push_back(e);
                                  return Status::Ok();
                                }));
  }
  std::sort(trail.begin(), trail.end(), [](const AuditEntry& a, const AuditEntry& b) {
    return a.at != b.at ? a.at > b.at : a.id > b.id;
  });
  nlohmann::json audit = nlohmann::json::array();
  for (const AuditEntry& e : trail)
    audit.push_back(
        {{"at", FormatIso8601(e.at)},
         {"action", e.action},
         {"entity", e.entity},
         {"customer_id", e.customer_id ? nlohmann::json(*e.customer_id) : nlohmann::json()},
         {"endpoint", e.endpoint}});
  doc["audit"] = std::move(audit);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("POST", "/api/v1/customers/{id}/exports",
        Secured(Permission::kExportCustomerData, Changes("request", "customer_export"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t customer_id, IdParam(req));
                  if (req.body.find_first_not_of(" \t\r\n") != std::string::npos) {
                    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                    b.RejectUnknown({});
                    LUISTER_RETURN_IF_ERROR(b.Finish("an export takes no options"));
                  }
                  LUISTER_ASSIGN_OR_RETURN(Customer c, ctx.store.customers().Get(customer_id));
                  LUISTER_RETURN_IF_ERROR(CheckExportable(c));
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
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  return runner.Register(kCustomerExportJob, [&ctx](const Job& job) -> Result<std::string> {
    LUISTER_ASSIGN_OR_RETURN(int64_t customer_id, CustomerIdOfExport(job.payload));
    return BuildCustomerExport(ctx.store, customer_id, ctx.clock.Now());
  });
}

}  // namespace

// Subject access requests (GDPR art. 15): an export of everything held about
// a customer, prepared by a background job and downloaded from GET
// /api/v1/jobs/{id}/result (the jobs module).
ApiModule SubjectExportModule() { return {"subject_export", {}, {}, Routes, Jobs}; }

}  // namespace luister::http
