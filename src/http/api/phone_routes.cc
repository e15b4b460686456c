#include "domain/phone.h"
#include "domain/phone_call.h"
#include "http/api/api_context.h"
#include "http/api/channel_payloads.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

template <typename T>
json Opt(const std::optional<T>& v) {
  return v ? json(*v) : json();
}

json CallbackJson(const CallbackItem& i) {
  return {{"number", i.customer_number},
          {"number_display", DisplayPhone(i.customer_number)},
          {"customer_id", Opt(i.customer_id)},
          {"customer_name", i.customer_name},
          {"attempts", i.attempts},
          {"first_at", FormatIso8601(i.first_at)},
          {"last_at", FormatIso8601(i.last_at)},
          {"longest_wait_seconds", i.longest_wait_seconds},
          {"last_call_id", i.last_call_id},
          {"last_outcome", std::string(ToString(i.last_outcome))},
          {"last_line", i.last_line}};
}

// A call an agent logs by hand, on a customer.
Result<NewPhoneCall> ReadLoggedCall(const std::string& body, int64_t agent_id) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  NewPhoneCall c;
  c.logged_by = agent_id;
  c.customer_id = b.Int("customer_id", JsonBody::kRequired);
  c.direction = b.Enum<Direction>("direction", JsonBody::kRequired).value_or(Direction::kIn);
  c.customer_number = b.String("number", JsonBody::kOptional, 100).value_or("");
  c.outcome = b.Enum<CallOutcome>("outcome", JsonBody::kRequired).value_or(CallOutcome::kAnswered);
  c.started_at = b.Time("started_at", JsonBody::kOptional);
  c.duration_seconds = b.Int("duration_seconds", JsonBody::kOptional);
  c.notes = b.String("notes", JsonBody::kOptional, PhoneService::kMaxNotesBytes).value_or("");
  c.conversation_id = b.Int("conversation_id", JsonBody::kOptional);
  c.queue_id = b.Int("queue_id", JsonBody::kOptional);
  b.RejectUnknown({"customer_id", "direction", "number", "outcome", "started_at",
                   "duration_seconds", "notes", "conversation_id", "queue_id"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the call is not valid"));
  return c;
}

void CountCall(ApiContext& ctx, const PhoneCall& call) {
  ctx.metrics
      .Counter("luister_phone_calls_total",
               "Calls this node recorded (reported by the telephone system or logged by hand), "
               "by outcome.",
               "outcome=\"" + std::string(ToString(call.outcome)) + "\"")
      .fetch_add(1, std::memory_order_relaxed);
}

std::string PhoneMetrics(ApiContext& ctx) {
  auto calls = ctx.store.Find<CallRepository>();
  if (!calls.ok()) return "";
  auto open = (*calls)->CountOpenCallbacks();
  if (!open.ok()) return "";
  return "# HELP luister_phone_callbacks_open Numbers that called, were not answered and wait "
         "for a call back.\n# TYPE luister_phone_callbacks_open gauge\n"
         "luister_phone_callbacks_open " +
         std::to_string(*open) + "\n";
}

Result<CallRepository*> Calls(ApiContext& ctx) { return ctx.store.Find<CallRepository>(); }

Result<RecordedCall> Record(ApiContext& ctx, NewPhoneCall in) {
  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, Calls(ctx));
  return PhoneService(ctx.store, *calls, ctx.clock, ctx.events).Record(std::move(in));
}

Response RecordedResponse(ApiContext& ctx, const RecordedCall& r, AuditScope& audit) {
  if (r.created) CountCall(ctx, r.call);
  audit.Touched(r.call.id, r.call.customer_id);
  Response resp = JsonResponse(r.created ? 201 : 200, ToJson(r.call));
  resp.SetHeader("Location", "/api/v1/calls/" + std::to_string(r.call.id));
  return resp;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  // The telephone system's webhook: one report per call, resent safely.
  r.Add("POST", "/api/v1/channels/phone/calls",
        Secured(Permission::kPostCalls, Changes("create", "call"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(NewPhoneCall in, ReadCallReport(req.body));
                  LUISTER_ASSIGN_OR_RETURN(RecordedCall rec, Record(ctx, std::move(in)));
                  return RecordedResponse(ctx, rec, audit);
                }));

  r.Add("POST", "/api/v1/calls",
        Secured(Permission::kWriteConversations, Changes("create", "call"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(NewPhoneCall in, ReadLoggedCall(req.body, who.user.id));
                  LUISTER_ASSIGN_OR_RETURN(RecordedCall rec, Record(ctx, std::move(in)));
                  return RecordedResponse(ctx, rec, audit);
                }));

  r.Add("GET", "/api/v1/calls/callbacks",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  QueryReader q{req};
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, Calls(ctx));
                  LUISTER_ASSIGN_OR_RETURN(auto list, calls->ListCallbacks(page));
                  json items = json::array();
                  for (const CallbackItem& i : list.items) {
                    audit.Touched(i.customer_id, i.customer_id);
                    items.push_back(CallbackJson(i));
                  }
                  return JsonResponse(
                      200, {{"items", std::move(items)},
                            {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
                }));

  r.Add("GET", "/api/v1/calls/{id}",
        Secured(Permission::kReadCustomers, Reads("call"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, Calls(ctx));
                  LUISTER_ASSIGN_OR_RETURN(PhoneCall c, calls->Get(id));
                  audit.Touched(c.id, c.customer_id);
                  return JsonResponse(200, ToJson(c));
                }));

  // Someone called back (or decided not to): the number's open callbacks
  // are done. Any of its calls names it.
  r.Add("POST", "/api/v1/calls/{id}/close-callbacks",
        Secured(Permission::kWriteConversations, Changes("update", "call"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  if (!req.body.empty() && req.body != "{}")
                    return InvalidArgument("this request takes no body");
                  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, Calls(ctx));
                  LUISTER_ASSIGN_OR_RETURN(PhoneCall c, calls->Get(id));
                  PhoneService service(ctx.store, *calls, ctx.clock, ctx.events);
                  LUISTER_ASSIGN_OR_RETURN(int64_t closed,
                                           service.CloseCallbacks(c.customer_number, who.user.id));
                  audit.Touched(c.id, c.customer_id);
                  return JsonResponse(200, {{"closed", closed}});
                }));

  r.Add("GET", "/api/v1/customers/{id}/calls",
        Secured(Permission::kReadCustomers, Reads("customer"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  QueryReader q{req};
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  // NotFound for an unknown customer rather than an empty list.
                  LUISTER_RETURN_IF_ERROR(ctx.store.customers().Get(id).status());
                  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, Calls(ctx));
                  LUISTER_ASSIGN_OR_RETURN(auto list, calls->ListForCustomer(id, page));
                  audit.Touched(id, id);
                  json items = json::array();
                  for (const PhoneCall& c : list.items) items.push_back(ToJson(c));
                  return JsonResponse(
                      200, {{"items", std::move(items)},
                            {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
                }));

  ctx.metrics.AddCollector([&ctx] { return PhoneMetrics(ctx); });
}

}  // namespace

// The phone (C2): calls reported by the telephone system's webhook or logged
// by agents, on the customer's timeline; unanswered callers wait in the
// call back list until someone reaches them.
ApiModule PhoneModule() {
  return {"phone", {"phone_calls"}, {EventType::kCallRecorded}, Routes, {}};
}

}  // namespace luister::http
