// Listening to the contact data (C8): when customers come and how long
// they wait, as an hour × weekday heatmap from the quarter-hour rollups,
// and the staff an interval needs (Erlang C, or A with a patience) for
// what-if questions. Aggregates only: no names, no texts.
// domain/contact_volume.h, domain/staffing.h, docs/staffing.md.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/contact_volume.h"
#include "domain/staffing.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

constexpr char kDefaultZone[] = "Europe/Amsterdam";
constexpr int kDefaultDays = 28;
constexpr int kMostDays = 366;

// Six decimals; infinite and undefined as null.
json Figure(double v) {
  if (!std::isfinite(v)) return nullptr;
  return std::round(v * 1e6) / 1e6;
}

json Average(int64_t sum, int64_t n) {
  return n > 0 ? Figure(static_cast<double>(sum) / static_cast<double>(n)) : json();
}

json CountsJson(const VolumeCounts& c) {
  return {{"contacts", c.contacts()},
          {"opened", c.opened},
          {"messages_in", c.messages_in},
          {"replies", c.replies},
          {"calls_offered", c.calls_offered},
          {"calls_answered", c.calls_answered},
          {"calls_abandoned", c.calls_abandoned},
          {"abandon_rate", c.calls_offered > 0 ? Figure(static_cast<double>(c.calls_abandoned) /
                                                        static_cast<double>(c.calls_offered))
                                               : json()},
          {"avg_wait_seconds", Average(c.wait_seconds, c.waits)},
          {"avg_first_response_seconds", Average(c.first_response_seconds, c.first_responses)},
          {"avg_handle_seconds", Average(c.handle_seconds, c.handled)}};
}

Result<Response> Heatmap(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  VolumeFilter f;
  f.channel = q.Enum<Channel>("channel");
  f.department_id = q.Int("department_id");
  f.queue_id = q.Int("queue_id");
  auto to = q.Time("to");
  auto from = q.Time("from");
  const std::string tz = req.Query("tz").value_or(kDefaultZone);
  auto zone = ZoneClock::Open(tz);
  if (!zone.ok()) q.errors.push_back({"tz", "must be an IANA time zone, like Europe/Amsterdam"});
  LUISTER_RETURN_IF_ERROR(q.Finish());
  const Timestamp end = to.value_or(ctx.clock.Now());
  const Timestamp start = from.value_or(end - std::chrono::hours(24 * kDefaultDays));
  if (start >= end)
    return InvalidArgument("the query is not valid", {{"from", "must be before to"}});
  if (end - start > std::chrono::hours(24 * kMostDays))
    return InvalidArgument("the query is not valid",
                           {{"from", "a heatmap covers at most 366 days"}});
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * repo, ctx.store.Find<VolumeRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto rows, repo->Rows(VolumeBucket(start), end, f));
  const VolumeHeatmap map = BuildHeatmap(rows, *zone, start, end);
  json cells = json::array();
  for (int d = 0; d < 7; ++d)
    for (int h = 0; h < 24; ++h) {
      json c = CountsJson(map.cells[d][h]);
      c["weekday"] = d + 1;  // 1 = Monday .. 7 = Sunday
      c["hour"] = h;
      cells.push_back(std::move(c));
    }
  return JsonResponse(200, {{"from", FormatIso8601(start)},
                            {"to", FormatIso8601(end)},
                            {"tz", tz},
                            {"weeks", map.weeks},
                            {"total", CountsJson(map.total)},
                            {"cells", std::move(cells)}});
}

// A number from the query; none when absent, an error when not a number.
std::optional<double> Number(QueryReader& q, std::string_view name) {
  auto v = q.req.Query(name);
  if (!v) return std::nullopt;
  double out = 0;
  const auto* end = v->data() + v->size();
  auto [p, ec] = std::from_chars(v->data(), end, out);
  if (ec != std::errc() || p != end || !std::isfinite(out)) {
    q.errors.push_back({std::string(name), "must be a number"});
    return std::nullopt;
  }
  return out;
}

double Share(double v) { return v > 1 ? v / 100 : v; }

Result<Response> Plan(Request& req) {
  QueryReader q{req};
  StaffingInput in;
  const auto calls = Number(q, "calls");
  const auto minutes = Number(q, "interval_minutes");
  const auto aht = Number(q, "aht_seconds");
  const auto target = Number(q, "target_seconds");
  const auto level = Number(q, "service_level");
  const auto occupancy = Number(q, "max_occupancy");
  const auto shrinkage = Number(q, "shrinkage");
  const auto patience = Number(q, "patience_seconds");
  const auto concurrency = q.Int("concurrency");
  const auto agents = q.Int("agents");
  if (!calls && !req.Query("calls")) q.errors.push_back({"calls", "is required"});
  if (!aht && !req.Query("aht_seconds")) q.errors.push_back({"aht_seconds", "is required"});
  LUISTER_RETURN_IF_ERROR(q.Finish());
  in.contacts = *calls;
  in.interval_seconds = minutes.value_or(30) * 60;
  in.aht_seconds = *aht;
  in.target_seconds = target.value_or(20);
  in.service_level = Share(level.value_or(0.8));
  in.max_occupancy = Share(occupancy.value_or(1));
  in.shrinkage = Share(shrinkage.value_or(0));
  if (patience) in.patience_seconds = *patience;
  if (concurrency) in.concurrency = static_cast<int>(std::clamp<int64_t>(*concurrency, -1, 1000));
  if (agents && (*agents < 0 || *agents > 1'000'000))
    return InvalidArgument("the query is not valid", {{"agents", "must be 0 to 1000000"}});
  auto plan =
      PlanStaffing(in, agents ? std::optional<int>(static_cast<int>(*agents)) : std::nullopt);
  if (!plan.ok())
    return InvalidArgument("the staffing question is not valid: " + plan.status().message());
  json rows = json::array();
  for (const StaffingRow& r : plan->rows) {
    json row = {{"agents", r.agents},
                {"p_wait", Figure(r.p_wait)},
                {"service_level", Figure(r.service_level)},
                {"asa_seconds", Figure(r.asa_seconds)},
                {"occupancy", Figure(r.occupancy)}};
    if (r.p_abandon) row["p_abandon"] = Figure(*r.p_abandon);
    rows.push_back(std::move(row));
  }
  return JsonResponse(200, {{"erlangs", Figure(plan->erlangs)},
                            {"required", plan->required},
                            {"required_with_shrinkage", plan->required_with_shrinkage},
                            {"rows", std::move(rows)}});
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/volume/heatmap",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return Heatmap(ctx, req);
                }));
  r.Add("GET", "/api/v1/staffing",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [](Request& req, const auth::Principal&, AuditScope&) { return Plan(req); }));
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kVolumeRollupJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
        return VolumeService(ctx.store, *volume, ctx.clock).RunJob(job);
      }));
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
  return VolumeService(ctx.store, *volume, ctx.clock).EnsureJob().status();
}

}  // namespace

// Contact volume, waits and staffing (C8): domain/contact_volume.h,
// domain/staffing.h, docs/staffing.md.
ApiModule StaffingModule() {
  return {"staffing", {"volume_rollups", "volume_rollup_state"}, {}, Routes, Jobs};
}

}  // namespace luister::http
