#include "domain/opening_hours.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

using nlohmann::json;

constexpr int kClosuresAheadDays = 60;

json OptionalTime(const std::optional<Timestamp>& t) {
  return t ? json(FormatIso8601(*t)) : json(nullptr);
}

// The hours as set, and what they mean now: open or not, until when, when
// next, and the closed days coming up.
json HoursJson(int64_t department_id, const std::optional<OpeningHours>& hours,
               const BusinessCalendar& calendar, Timestamp now) {
  json week = json::object();
  for (size_t d = 0; d < kWeekdayNames.size(); ++d) {
    json spans = json::array();
    if (hours)
      for (const OpenSpan& s : hours->week[d])
        spans.push_back({{"from", FormatMinute(s.from_minute)}, {"to", FormatMinute(s.to_minute)}});
    week[std::string(kWeekdayNames[d])] = std::move(spans);
  }
  json closures = json::array();
  for (const PublicHoliday& h : calendar.ClosuresAhead(now, kClosuresAheadDays))
    closures.push_back({{"date", h.date},
                        {"name_nl", h.name_nl.empty() ? json(nullptr) : json(h.name_nl)},
                        {"name_en", h.name_en.empty() ? json(nullptr) : json(h.name_en)}});
  const bool open = calendar.IsOpen(now);
  return {
      {"department_id", department_id},
      {"configured", hours.has_value()},
      {"time_zone", hours ? json(hours->time_zone) : json(nullptr)},
      {"public_holidays",
       hours && !hours->public_holidays.empty() ? json(hours->public_holidays) : json(nullptr)},
      {"week", std::move(week)},
      {"closed_dates", hours ? json(hours->closed_dates) : json::array()},
      {"open_now", open},
      {"open_until", OptionalTime(calendar.OpenUntil(now))},
      {"next_open", open ? json(nullptr) : OptionalTime(calendar.NextOpen(now))},
      {"closures_ahead", std::move(closures)},
      {"updated_at", hours ? json(FormatIso8601(hours->updated_at)) : json(nullptr)},
      {"updated_by", hours && hours->updated_by ? json(*hours->updated_by) : json(nullptr)},
  };
}

// PUT's body: the whole of the hours (a day left out is closed).
Result<OpeningHours> ReadHours(std::string_view body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  OpeningHours h;
  if (auto zone = b.String("time_zone", JsonBody::kRequired, 64)) h.time_zone = *zone;
  if (b.Has("public_holidays") && !b.IsNull("public_holidays"))
    if (auto country = b.String("public_holidays", JsonBody::kOptional, 8))
      h.public_holidays = *country;
  if (auto dates = b.StringArray("closed_dates", JsonBody::kOptional, kMaxClosedDates))
    h.closed_dates = *dates;
  b.Object("week", JsonBody::kOptional, [&](JsonBody& week) {
    for (size_t d = 0; d < kWeekdayNames.size(); ++d)
      week.Objects(kWeekdayNames[d], JsonBody::kOptional, kMaxSpansPerDay,
                   [&](JsonBody& span, size_t) {
                     auto from = span.String("from", JsonBody::kRequired, 8);
                     auto to = span.String("to", JsonBody::kRequired, 8);
                     span.RejectUnknown({"from", "to"});
                     auto f = from ? ParseMinute(*from) : std::nullopt;
                     auto t = to ? ParseMinute(*to) : std::nullopt;
                     if (from && !f) span.AddError("from", "must be a time HH:MM");
                     if (to && !t) span.AddError("to", "must be a time HH:MM (24:00 ends a day)");
                     if (f && t) h.week[d].push_back({*f, *t});
                   });
    week.RejectUnknown(
        {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
  });
  b.RejectUnknown({"time_zone", "public_holidays", "closed_dates", "week"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the opening hours are not valid"));
  LUISTER_RETURN_IF_ERROR(ValidateOpeningHours(&h));
  return h;
}

Result<OpeningHoursRepository*> Repo(ApiContext& ctx) {
  return ctx.store.Find<OpeningHoursRepository>();
}

Result<Response> Show(ApiContext& ctx, int64_t department_id) {
  LUISTER_RETURN_IF_ERROR(ctx.store.directory().GetDepartment(department_id).status());
  LUISTER_ASSIGN_OR_RETURN(OpeningHoursRepository * repo, Repo(ctx));
  LUISTER_ASSIGN_OR_RETURN(std::optional<OpeningHours> hours, repo->Get(department_id));
  BusinessCalendar calendar;
  if (hours) {
    LUISTER_ASSIGN_OR_RETURN(calendar, BusinessCalendar::Make(*hours));
  }
  return JsonResponse(200, HoursJson(department_id, hours, calendar, ctx.clock.Now()));
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/departments/{id}/hours",
        Secured(Permission::kReadDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  return Show(ctx, id);
                }));
  r.Add("PUT", "/api/v1/departments/{id}/hours",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_RETURN_IF_ERROR(ctx.store.directory().GetDepartment(id).status());
                  LUISTER_ASSIGN_OR_RETURN(OpeningHours hours, ReadHours(req.body));
                  hours.updated_at = ctx.clock.Now();
                  hours.updated_by = who.user.id;
                  LUISTER_ASSIGN_OR_RETURN(OpeningHoursRepository * repo, Repo(ctx));
                  LUISTER_RETURN_IF_ERROR(repo->Put(id, hours));
                  return Show(ctx, id);
                }));
  // Back to always open (presence alone says whether someone answers).
  r.Add("DELETE", "/api/v1/departments/{id}/hours",
        Secured(Permission::kManageDirectory, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_RETURN_IF_ERROR(ctx.store.directory().GetDepartment(id).status());
                  LUISTER_ASSIGN_OR_RETURN(OpeningHoursRepository * repo, Repo(ctx));
                  LUISTER_RETURN_IF_ERROR(repo->Remove(id).status());
                  return NoContent();
                }));
}

}  // namespace

// When each department is there for its customers (domain/opening_hours.h):
// the chat widget's honest availability, and the business calendar that
// promises (C4) and staffing (C8) count in.
ApiModule CalendarModule() { return {"calendar", {"department_hours"}, {}, Routes, {}}; }

}  // namespace luister::http
