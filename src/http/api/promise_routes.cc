#include <map>
#include <nlohmann/json.hpp>

#include "domain/commitment.h"
#include "domain/job_runner.h"
#include "domain/opening_hours.h"
#include "domain/promise.h"
#include "domain/promise_mail.h"
#include "domain/time_expression.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

constexpr char kDeskZone[] = "Europe/Amsterdam";

Result<PromiseService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(PromiseRepository * repo, ctx.store.Find<PromiseRepository>());
  return PromiseService(ctx.store, *repo, ctx.clock, ctx.events);
}

json Time(const std::optional<Timestamp>& t) { return t ? json(FormatIso8601(*t)) : json(); }
json Id(const std::optional<int64_t>& v) { return v ? json(*v) : json(); }

json PromiseJson(const Promise& p) {
  return {{"id", p.id},
          {"customer_id", p.customer_id},
          {"conversation_id", Id(p.conversation_id)},
          {"message_id", Id(p.message_id)},
          {"by", ToString(p.by)},
          {"kind", ToString(p.kind)},
          {"what", p.what},
          {"due_start", Time(p.due_start)},
          {"due_end", Time(p.due_end)},
          {"original_due_end", Time(p.original_due_end)},
          {"renegotiations", p.renegotiations},
          {"channel", p.channel ? json(ToString(*p.channel)) : json()},
          {"owner_user_id", Id(p.owner_user_id)},
          {"owner_department_id", Id(p.owner_department_id)},
          {"status", ToString(p.status)},
          {"evidence_kind", p.evidence_kind ? json(ToString(*p.evidence_kind)) : json()},
          {"evidence_id", Id(p.evidence_id)},
          {"created_by", Id(p.created_by)},
          {"created_at", FormatIso8601(p.created_at)},
          {"updated_at", FormatIso8601(p.updated_at)},
          {"closed_at", Time(p.closed_at)},
          {"version", p.version}};
}

json EventJson(const PromiseEvent& e) {
  return {{"at", FormatIso8601(e.at)},
          {"user_id", Id(e.user_id)},
          {"action", e.action},
          {"from_status", e.from_status ? json(ToString(*e.from_status)) : json()},
          {"to_status", ToString(e.to_status)},
          {"old_due_end", Time(e.old_due_end)},
          {"new_due_end", Time(e.new_due_end)},
          {"note", e.note}};
}

// A refused change: 409 with the promise as it is now, so the person sees
// what changed meanwhile.
Result<Response> Changed(ApiContext& ctx, int64_t id, Result<Promise> r, AuditScope& audit) {
  if (r.ok()) {
    audit.Touched(r->id, r->customer_id);
    return JsonResponse(200, PromiseJson(*r));
  }
  if (r.status().code() != StatusCode::kConflict) return r.status();
  Response out = ProblemFromStatus(r.status());
  LUISTER_ASSIGN_OR_RETURN(PromiseRepository * repo, ctx.store.Find<PromiseRepository>());
  if (auto now = repo->Get(id); now.ok()) {
    audit.Touched(now->id, now->customer_id);
    json body = json::parse(out.body, nullptr, false);
    if (body.is_object()) {
      body["current"] = PromiseJson(*now);
      out.body = body.dump();
    }
  }
  return out;
}

// "due_start" / "due_end", ISO 8601 with an offset.
Status ReadDue(JsonBody& b, std::optional<Timestamp>* start, std::optional<Timestamp>* end,
               bool end_required) {
  *start = b.Time("due_start", JsonBody::kOptional);
  *end = b.Time("due_end", end_required);
  return Status::Ok();
}

Result<std::optional<PromiseParty>> PartyParam(const Request& req) {
  auto v = req.Query("by");
  if (!v) return std::optional<PromiseParty>();
  if (*v == "us") return std::optional<PromiseParty>(PromiseParty::kUs);
  if (*v == "customer") return std::optional<PromiseParty>(PromiseParty::kCustomer);
  return InvalidArgument("the query is not valid", {{"by", "must be us or customer"}});
}

// The calendar of the department a suggestion is for: its opening hours
// count business days; without hours, Monday to Friday and the Dutch
// public holidays.
Result<TimeReference> ReferenceFor(ApiContext& ctx, std::optional<int64_t> department,
                                   Language lang) {
  LUISTER_ASSIGN_OR_RETURN(TimeReference ref, OfficeReference(ctx.clock.Now(), kDeskZone, lang));
  if (!department) return ref;
  auto hours = ctx.store.Find<OpeningHoursRepository>();
  if (!hours.ok()) return ref;
  LUISTER_ASSIGN_OR_RETURN(BusinessCalendar calendar, CalendarOf(*hours, *department));
  if (calendar.always_open() || !calendar.clock()) return ref;
  ref.clock = *calendar.clock();
  ref.business = std::move(calendar);
  return ref;
}

std::string PromiseMetrics(ApiContext& ctx);

void Routes(ApiRoutes& r, ApiContext& ctx) {
  ctx.metrics.AddCollector([&ctx] { return PromiseMetrics(ctx); });
  r.Add(
      "GET", "/api/v1/promises",
      Secured(
          Permission::kReadConversations, Reads("promise"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            QueryReader q{req};
            PromiseFilter f;
            f.customer_id = q.Int("customer_id");
            f.conversation_id = q.Int("conversation_id");
            f.owner_department_id = q.Int("department_id");
            if (req.Query("account_manager") == "me")
              f.account_manager_id = who.user.id;
            else
              f.account_manager_id = q.Int("account_manager_id");
            if (req.Query("owner") == "me")
              f.owner_user_id = who.user.id;
            else
              f.owner_user_id = q.Int("owner_user_id");
            const auto status = req.Query("status").value_or("live");
            if (status != "live" && status != "all")
              q.errors.push_back({"status", "must be live or all"});
            f.live_only = status == "live";
            const auto due = req.Query("due");
            PageRequest page = q.Page();
            LUISTER_RETURN_IF_ERROR(q.Finish());
            LUISTER_ASSIGN_OR_RETURN(f.by, PartyParam(req));
            if (due) {
              LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open(kDeskZone));
              const Timestamp now = ctx.clock.Now();
              const LocalMoment l = zone.ToLocal(now);
              if (*due == "overdue")
                f.due_before = now;
              else if (*due == "today")
                f.due_before = zone.FromLocal(l.days + 1, 0);
              else if (*due == "week")
                f.due_before = zone.FromLocal(l.days - WeekdayOf(l.days) + 7, 0);
              else
                return InvalidArgument("the query is not valid",
                                       {{"due", "must be overdue, today or week"}});
              f.live_only = true;
            }
            LUISTER_ASSIGN_OR_RETURN(PromiseRepository * repo, ctx.store.Find<PromiseRepository>());
            LUISTER_ASSIGN_OR_RETURN(auto list, repo->List(f, page));
            json items = json::array();
            for (const Promise& p : list.items) {
              audit.Touched(p.id, p.customer_id);
              items.push_back(PromiseJson(p));
            }
            return JsonResponse(200,
                                {{"items", std::move(items)},
                                 {"next_cursor", list.next ? json(list.next->Encode()) : json()}});
          }));
  r.Add(
      "GET", "/api/v1/promises/{id}",
      Secured(Permission::kReadConversations, Reads("promise"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(PromiseRepository * repo,
                                         ctx.store.Find<PromiseRepository>());
                LUISTER_ASSIGN_OR_RETURN(Promise p, repo->Get(id));
                audit.Touched(p.id, p.customer_id);
                LUISTER_ASSIGN_OR_RETURN(auto history, repo->History(id));
                json out = PromiseJson(p);
                json lines = json::array();
                for (const PromiseEvent& e : history) lines.push_back(EventJson(e));
                out["history"] = std::move(lines);
                return JsonResponse(200, out);
              }));
  r.Add("POST", "/api/v1/promises",
        Secured(Permission::kWriteConversations, Changes("create", "promise"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  NewPromise p;
                  if (auto v = b.Int("customer_id", JsonBody::kRequired)) p.customer_id = *v;
                  p.conversation_id = b.Int("conversation_id", JsonBody::kOptional);
                  p.message_id = b.Int("message_id", JsonBody::kOptional);
                  if (auto by = b.String("by", JsonBody::kOptional, 16)) {
                    if (*by == "customer")
                      p.by = PromiseParty::kCustomer;
                    else if (*by != "us")
                      b.AddError("by", "must be us or customer");
                  }
                  if (auto kind = b.String("kind", JsonBody::kRequired, 32)) {
                    if (auto k = ParsePromiseKind(*kind))
                      p.kind = *k;
                    else
                      b.AddError("kind",
                                 "must be one of: callback, send_information, repair_replace, "
                                 "refund, visit, payment, documents, other");
                  }
                  if (auto what = b.String("what", JsonBody::kRequired, kMaxPromiseText))
                    p.what = *what;
                  LUISTER_RETURN_IF_ERROR(ReadDue(b, &p.due_start, &p.due_end, false));
                  if (auto ch = b.String("channel", JsonBody::kOptional, 16)) {
                    p.channel = Parse<Channel>(*ch);
                    if (!p.channel) b.AddError("channel", "not a channel");
                  }
                  p.owner_user_id = b.Int("owner_user_id", JsonBody::kOptional);
                  p.owner_department_id = b.Int("owner_department_id", JsonBody::kOptional);
                  b.RejectUnknown({"customer_id", "conversation_id", "message_id", "by", "kind",
                                   "what", "due_start", "due_end", "channel", "owner_user_id",
                                   "owner_department_id"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the promise is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(PromiseService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(Promise made, service.Make(p, who.user.id));
                  audit.Touched(made.id, made.customer_id);
                  return JsonResponse(201, PromiseJson(made));
                }));
  // keep / break / cancel / renegotiate, each naming the version it saw.
  for (const char* act : {"keep", "break", "cancel", "renegotiate"}) {
    const std::string action = act;
    r.Add("POST", "/api/v1/promises/{id}/" + action,
          Secured(Permission::kWriteConversations, Changes("update", "promise"),
                  [&ctx, action](Request& req, const auth::Principal& who,
                                 AuditScope& audit) -> Result<Response> {
                    LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                    LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                    auto version = b.Int("version", JsonBody::kRequired);
                    auto note = b.String("note", JsonBody::kOptional, kMaxPromiseText);
                    std::optional<EvidenceKind> kind;
                    std::optional<int64_t> evidence;
                    std::optional<Timestamp> due_start, due_end;
                    if (action == "keep") {
                      if (auto k = b.String("evidence_kind", JsonBody::kRequired, 16)) {
                        kind = ParseEvidenceKind(*k);
                        if (!kind) b.AddError("evidence_kind", "must be message or call");
                      }
                      evidence = b.Int("evidence_id", JsonBody::kRequired);
                      b.RejectUnknown({"version", "note", "evidence_kind", "evidence_id"});
                    } else if (action == "renegotiate") {
                      LUISTER_RETURN_IF_ERROR(ReadDue(b, &due_start, &due_end, true));
                      b.RejectUnknown({"version", "note", "due_start", "due_end"});
                    } else {
                      b.RejectUnknown({"version", "note"});
                    }
                    LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
                    LUISTER_ASSIGN_OR_RETURN(PromiseService service, Service(ctx));
                    const std::string text = note.value_or("");
                    Result<Promise> done = NotFound("");
                    if (action == "keep")
                      done = service.Keep(id, *version, *kind, *evidence, text, who.user.id);
                    else if (action == "break")
                      done = service.Break(id, *version, text, who.user.id);
                    else if (action == "cancel")
                      done = service.Cancel(id, *version, text, who.user.id);
                    else
                      done =
                          service.Renegotiate(id, *version, due_start, *due_end, text, who.user.id);
                    return Changed(ctx, id, std::move(done), audit);
                  }));
  }
  // The customer hears of it: a confirmation of what was agreed, or a
  // gentle reminder of what they took on; by their own channel where the
  // desk can write there, else by e-mail.
  for (const char* act : {"confirm", "remind-customer"}) {
    const std::string action = act;
    r.Add("POST", "/api/v1/promises/{id}/" + action,
          Secured(Permission::kWriteConversations, Changes("update", "promise"),
                  [&ctx, action](Request& req, const auth::Principal& who,
                                 AuditScope& audit) -> Result<Response> {
                    LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                    if (!req.body.empty()) {
                      LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                      b.RejectUnknown({});
                      LUISTER_RETURN_IF_ERROR(b.Finish("the request is not valid"));
                    }
                    LUISTER_ASSIGN_OR_RETURN(PromiseService service, Service(ctx));
                    auto sent = service.Notify(id,
                                               action == "confirm" ? PromiseNotice::kConfirmation
                                                                   : PromiseNotice::kReminder,
                                               who.user.id);
                    if (!sent.ok()) return Changed(ctx, id, sent.status(), audit);
                    audit.Touched(sent->promise.id, sent->promise.customer_id);
                    json out = PromiseJson(sent->promise);
                    out["notice"] = {{"conversation_id", sent->conversation_id},
                                     {"message_id", sent->message_id},
                                     {"channel", ToString(sent->route.channel)},
                                     {"fallback", sent->route.fallback}};
                    return JsonResponse(200, out);
                  }));
  }
  // How well promises are kept, per agent, department, channel, kind or
  // week: aggregates only (counts, rates, minutes), never a customer.
  r.Add("GET", "/api/v1/promises/measures",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  QueryReader q{req};
                  const Timestamp now = ctx.clock.Now();
                  const Timestamp to = q.Time("to").value_or(now);
                  const Timestamp from = q.Time("from").value_or(to - std::chrono::hours(24 * 90));
                  const std::string group_name(req.Query("group").value_or("week"));
                  const auto group = ParsePromiseGroup(group_name);
                  if (!group)
                    q.errors.push_back(
                        {"group", "must be one of: agent, department, channel, kind, week"});
                  if (from >= to) q.errors.push_back({"from", "must be before to"});
                  if (to - from > std::chrono::hours(24 * 731))
                    q.errors.push_back({"from", "at most two years at a time"});
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(auto by, PartyParam(req));
                  LUISTER_ASSIGN_OR_RETURN(PromiseRepository * repo,
                                           ctx.store.Find<PromiseRepository>());
                  LUISTER_ASSIGN_OR_RETURN(
                      auto facts, repo->Facts(from, to, by.value_or(PromiseParty::kUs), now));
                  LUISTER_ASSIGN_OR_RETURN(ZoneClock zone, ZoneClock::Open(kDeskZone));
                  // Names for the agents and departments the rows name.
                  std::map<std::string, std::string> labels;
                  if (*group == PromiseGroup::kAgent) {
                    LUISTER_ASSIGN_OR_RETURN(auto users, ctx.store.directory().ListUsers());
                    for (const User& u : users) labels[std::to_string(u.id)] = u.name;
                  } else if (*group == PromiseGroup::kDepartment) {
                    LUISTER_ASSIGN_OR_RETURN(auto depts, ctx.store.directory().ListDepartments());
                    for (const Department& d : depts) labels[std::to_string(d.id)] = d.name;
                  }
                  json rows = json::array();
                  for (const PromiseMeasure& m : MeasurePromises(facts, *group, now, zone)) {
                    auto label = labels.find(m.key);
                    rows.push_back(
                        {{"key", m.key.empty() ? json() : json(m.key)},
                         {"label", label != labels.end() ? json(label->second)
                                                         : (m.key.empty() ? json() : json(m.key))},
                         {"made", m.made},
                         {"kept", m.kept},
                         {"kept_on_time", m.kept_on_time},
                         {"broken", m.broken},
                         {"cancelled", m.cancelled},
                         {"live", m.live},
                         {"overdue", m.overdue},
                         {"chased", m.chased},
                         {"kept_rate", m.kept_rate ? json(*m.kept_rate) : json()},
                         {"median_lateness_minutes",
                          m.median_lateness_minutes ? json(*m.median_lateness_minutes) : json()}});
                  }
                  return JsonResponse(200, {{"group", group_name},
                                            {"by", ToString(by.value_or(PromiseParty::kUs))},
                                            {"from", FormatIso8601(from)},
                                            {"to", FormatIso8601(to)},
                                            {"rows", std::move(rows)}});
                }));
  // What a text promises (an agent's reply before or after it goes out):
  // the suggestion the agent confirms or corrects with one click.
  r.Add("POST", "/api/v1/promises/suggest",
        Secured(Permission::kWriteConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto text = b.String("text", JsonBody::kRequired, 64 * 1024);
                  auto lang = b.String("lang", JsonBody::kOptional, 2);
                  auto department = b.Int("department_id", JsonBody::kOptional);
                  std::optional<ContactHours> hours;
                  if (auto h = b.String("contact_hours", JsonBody::kOptional, 16)) {
                    hours = ParseContactHours(*h);
                    if (!hours) b.AddError("contact_hours", "must be HH:MM-HH:MM");
                  }
                  if (lang && *lang != "nl" && *lang != "en")
                    b.AddError("lang", "must be nl or en");
                  b.RejectUnknown({"text", "lang", "department_id", "contact_hours"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the text is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(
                      TimeReference ref,
                      ReferenceFor(ctx, department, lang == "en" ? Language::kEn : Language::kNl));
                  json out = {{"commitment", false}, {"by", nullptr}, {"kind", nullptr},
                              {"due", nullptr},      {"asap", false}, {"sentence", nullptr}};
                  if (auto c = DetectCommitment(*text, ref)) {
                    out["commitment"] = true;
                    out["by"] = ToString(c->by);
                    out["kind"] = ToString(c->kind);
                    out["asap"] = c->asap;
                    out["sentence"] = text->substr(c->begin, c->end - c->begin);
                    // A call or a visit within the customer's contact hours.
                    if (c->due && hours && c->by == PromiseParty::kUs)
                      c->due = WithinContactHours(*c->due, c->kind, *hours, ref.clock);
                    if (c->due)
                      out["due"] = {{"start", FormatIso8601(c->due->start)},
                                    {"end", FormatIso8601(c->due->end)},
                                    {"grain", ToString(c->due->grain)}};
                  }
                  return JsonResponse(200, out);
                }));
}

// This node's reminder and escalation mails by outcome.
std::string MailMetrics() {
  const PromiseMailCounts n = CountedPromiseMails();
  return "# HELP luister_promise_mails_total Reminder and escalation mails about promises, by "
         "outcome (sent; skipped: closed meanwhile; retried: not sent yet; failed: refused or "
         "no mailbox sends).\n# TYPE luister_promise_mails_total counter\n"
         "luister_promise_mails_total{outcome=\"sent\"} " +
         std::to_string(n.sent) + "\nluister_promise_mails_total{outcome=\"skipped\"} " +
         std::to_string(n.skipped) + "\nluister_promise_mails_total{outcome=\"retried\"} " +
         std::to_string(n.retried) + "\nluister_promise_mails_total{outcome=\"failed\"} " +
         std::to_string(n.failed) + "\n";
}

std::string PromiseMetrics(ApiContext& ctx) {
  auto repo = ctx.store.Find<PromiseRepository>();
  if (!repo.ok()) return "";
  auto counts = (*repo)->CountLive(ctx.clock.Now());
  if (!counts.ok()) return "";
  return "# HELP luister_promises_live Promises of ours that are open or renegotiated.\n"
         "# TYPE luister_promises_live gauge\nluister_promises_live " +
         std::to_string(counts->first) +
         "\n# HELP luister_promises_overdue Live promises of ours past their due moment.\n"
         "# TYPE luister_promises_overdue gauge\nluister_promises_overdue " +
         std::to_string(counts->second) +
         "\n# HELP luister_promise_auto_keep_failures_total Replies after which keeping the "
         "information promise they delivered failed (it stays open for a person).\n"
         "# TYPE luister_promise_auto_keep_failures_total counter\n"
         "luister_promise_auto_keep_failures_total " +
         std::to_string(PromiseAutoKeepFailures()) + "\n" + MailMetrics();
}

// Whether this node can send mail (a reminder by e-mail as well as live).
bool CanMail(const ApiContext& ctx) { return ctx.mail_composer && ctx.smtp && ctx.secrets; }

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kPromiseRemindJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(PromiseService service, Service(ctx));
        service.MailReminders(CanMail(ctx));
        return service.RunRemindJob(job);
      }));
  if (CanMail(ctx)) {
    LUISTER_RETURN_IF_ERROR(
        runner.Register(kPromiseMailJob, [&ctx](const Job& job) -> Result<std::string> {
          PromiseMailer mailer(ctx.store, ctx.clock, *ctx.mail_composer, *ctx.smtp, *ctx.secrets);
          return mailer.Run(job);
        }));
  }
  LUISTER_ASSIGN_OR_RETURN(PromiseService service, Service(ctx));
  return service.EnsureRemindJob().status();
}

}  // namespace

// Promises and obligations, both ways (C4): domain/promise.h,
// docs/promises.md.
ApiModule PromisesModule() {
  return {"promises",
          {"promises", "promise_events", "promise_remind_job"},
          {EventType::kPromiseChanged, EventType::kPromiseDue, EventType::kPromiseOverdue},
          Routes,
          Jobs};
}

}  // namespace luister::http
