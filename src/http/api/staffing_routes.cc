// Listening to the contact data (C8): when customers come and how long
// they wait, as an hour × weekday heatmap from the quarter-hour rollups;
// the forecast of the coming days with its back-test; the staff each
// interval needs (Erlang C, or A with a patience) against the shifts
// planned and the agents online; the shifts themselves; and what-if
// questions. Aggregates only: no names, no texts.
// domain/contact_volume.h, domain/staffing.h, domain/staffing_plan.h,
// docs/staffing.md.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/contact_volume.h"
#include "domain/opening_hours.h"
#include "domain/staffing.h"
#include "domain/staffing_plan.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
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
          {"chats_offered", c.chats_offered},
          {"chats_answered", c.chats_answered},
          {"chats_abandoned", c.chats_abandoned},
          // Of the calls and chats that waited for an agent.
          {"abandon_rate", c.calls_offered + c.chats_offered > 0
                               ? Figure(static_cast<double>(c.calls_abandoned + c.chats_abandoned) /
                                        static_cast<double>(c.calls_offered + c.chats_offered))
                               : json()},
          {"avg_wait_seconds", Average(c.wait_seconds, c.waits)},
          {"avg_first_response_seconds", Average(c.first_response_seconds, c.first_responses)},
          {"avg_handle_seconds", Average(c.handle_seconds, c.handled)}};
}

// Which contacts: the query's channel, department, queue, location and
// customer segment.
VolumeFilter ReadVolumeFilter(QueryReader& q) {
  VolumeFilter f;
  f.channel = q.Enum<Channel>("channel");
  f.department_id = q.Int("department_id");
  f.queue_id = q.Int("queue_id");
  f.location_id = q.Int("location_id");
  if (auto segment = q.req.Query("segment")) {
    if (segment->size() > 100)
      q.errors.push_back({"segment", "must be at most 100 characters"});
    else
      f.segment = std::string(*segment);
  }
  return f;
}

Result<Response> Heatmap(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  const VolumeFilter f = ReadVolumeFilter(q);
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
  LUISTER_ASSIGN_OR_RETURN(const VolumeHeatmap map, ReadHeatmap(*repo, *zone, start, end, f));
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

// The customer segments the last year's rollups counted, for the filter.
Result<Response> Segments(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * repo, ctx.store.Find<VolumeRepository>());
  LUISTER_ASSIGN_OR_RETURN(
      auto segments,
      repo->Segments(VolumeBucket(ctx.clock.Now() - std::chrono::hours(24 * kMostDays)), 500));
  return JsonResponse(200, {{"items", segments}});
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

// The targets a staffing question shares with the plan: read from the
// query (errors into `q`), then applied to an input.
struct Targets {
  std::optional<double> aht, target, level, occupancy, shrinkage, patience;
  std::optional<int64_t> concurrency;

  explicit Targets(QueryReader& q)
      : aht(Number(q, "aht_seconds")),
        target(Number(q, "target_seconds")),
        level(Number(q, "service_level")),
        occupancy(Number(q, "max_occupancy")),
        shrinkage(Number(q, "shrinkage")),
        patience(Number(q, "patience_seconds")),
        concurrency(q.Int("concurrency")) {}

  // Everything but the contacts, the interval and the handle time.
  void ApplyTo(StaffingInput* in) const {
    in->target_seconds = target.value_or(20);
    in->service_level = Share(level.value_or(0.8));
    in->max_occupancy = Share(occupancy.value_or(1));
    in->shrinkage = Share(shrinkage.value_or(0));
    if (patience) in->patience_seconds = *patience;
    if (concurrency)
      in->concurrency = static_cast<int>(std::clamp<int64_t>(*concurrency, -1, 1000));
  }
};

Result<Response> Plan(Request& req) {
  QueryReader q{req};
  StaffingInput in;
  const auto calls = Number(q, "calls");
  const auto minutes = Number(q, "interval_minutes");
  const Targets targets(q);
  const auto agents = q.Int("agents");
  if (!calls && !req.Query("calls")) q.errors.push_back({"calls", "is required"});
  if (!targets.aht && !req.Query("aht_seconds")) q.errors.push_back({"aht_seconds", "is required"});
  LUISTER_RETURN_IF_ERROR(q.Finish());
  in.contacts = *calls;
  in.interval_seconds = minutes.value_or(30) * 60;
  in.aht_seconds = *targets.aht;
  targets.ApplyTo(&in);
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

// What a forecast or plan is about, and over which days.
struct WindowQuery {
  VolumeFilter filter;
  std::string tz = kDefaultZone;
  std::optional<ZoneClock> zone;
  int interval_minutes = 30;
  int horizon_days = 7;
  int history_weeks = 12;
};

WindowQuery ReadWindow(QueryReader& q) {
  WindowQuery w;
  w.filter = ReadVolumeFilter(q);
  if (auto tz = q.req.Query("tz")) w.tz = std::string(*tz);
  auto zone = ZoneClock::Open(w.tz);
  if (zone.ok())
    w.zone = std::move(*zone);
  else
    q.errors.push_back({"tz", "must be an IANA time zone, like Europe/Amsterdam"});
  if (auto v = q.Int("interval_minutes")) {
    if (*v != 15 && *v != 30 && *v != 60)
      q.errors.push_back({"interval_minutes", "must be 15, 30 or 60"});
    else
      w.interval_minutes = static_cast<int>(*v);
  }
  if (auto v = q.Int("horizon_days")) {
    if (*v < 1 || *v > 28)
      q.errors.push_back({"horizon_days", "must be 1 to 28"});
    else
      w.horizon_days = static_cast<int>(*v);
  }
  if (auto v = q.Int("history_weeks")) {
    if (*v < 2 || *v > 52)
      q.errors.push_back({"history_weeks", "must be 2 to 52"});
    else
      w.history_weeks = static_cast<int>(*v);
  }
  return w;
}

struct WindowResult {
  PlanWindow window;
  BusinessCalendar calendar;
  std::vector<VolumeRow> rows;  // the history's
  VolumeHistory history;
  WindowForecast forecast;
};

// The department's calendar where it keeps closed days; otherwise the
// Dutch public holidays (customers behave differently on them, whether or
// not the desk is open).
Result<BusinessCalendar> HolidaysFor(ApiContext& ctx, const WindowQuery& w) {
  if (w.filter.department_id) {
    auto repo = ctx.store.Find<OpeningHoursRepository>();
    LUISTER_ASSIGN_OR_RETURN(BusinessCalendar c,
                             CalendarOf(repo.ok() ? *repo : nullptr, *w.filter.department_id));
    if (!c.always_open() && (!c.hours().closed_dates.empty() || !c.hours().public_holidays.empty()))
      return c;
  }
  return BusinessCalendar::OfficeWeek(*w.zone, "NL");
}

Result<WindowResult> Forecast(ApiContext& ctx, const WindowQuery& w) {
  WindowResult out{.window = MakePlanWindow(*w.zone, ctx.clock.Now(), w.interval_minutes,
                                            w.history_weeks, w.horizon_days)};
  LUISTER_ASSIGN_OR_RETURN(out.calendar, HolidaysFor(ctx, w));
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * repo, ctx.store.Find<VolumeRepository>());
  const Timestamp from = out.window.HistoryStart();
  const Timestamp to = out.window.zone.FromLocalMinute(out.window.first_day(), 0);
  LUISTER_ASSIGN_OR_RETURN(out.rows, repo->Rows(VolumeBucket(from), to, w.filter));
  out.history = HistoryOf(out.rows, out.window, out.calendar);
  auto f = ForecastWindow(out.history, w.horizon_days);
  if (!f.ok()) return Internal("the forecast failed: " + f.status().message());
  out.forecast = std::move(*f);
  return out;
}

json BacktestJson(const std::optional<Backtest>& bt) {
  if (!bt) return nullptr;
  json horizons = json::array();
  for (const BacktestHorizon& h : bt->horizons)
    horizons.push_back({{"days_ahead", h.days_ahead},
                        {"wape", Figure(h.wape)},
                        {"mape", Figure(h.mape)},
                        {"naive_wape", Figure(h.naive_wape)},
                        {"naive_mape", Figure(h.naive_mape)}});
  return {{"origins", bt->origins},
          {"wape", Figure(bt->wape)},
          {"naive_wape", Figure(bt->naive_wape)},
          {"beats_baseline", bt->wape <= bt->naive_wape},
          {"horizons", std::move(horizons)}};
}

json HolidayJson(const BusinessCalendar& c, int day, const auth::Principal& who) {
  auto name = HolidayName(c, day, who.user.language == Language::kNl ? "nl" : "en");
  return name ? json(*name) : json();
}

Result<Response> ForecastResponse(ApiContext& ctx, Request& req, const auth::Principal& who) {
  QueryReader q{req};
  const WindowQuery w = ReadWindow(q);
  LUISTER_RETURN_IF_ERROR(q.Finish());
  LUISTER_ASSIGN_OR_RETURN(WindowResult f, Forecast(ctx, w));
  const PlanWindow& win = f.window;
  const int n = win.intervals_per_day();
  json history = json::array();
  for (int d = 0; d < win.history_days; ++d) {
    double sum = 0;
    for (int s = 0; s < n; ++s) sum += f.history.counts[static_cast<size_t>(d) * n + s];
    const int day = win.first_history_day + d;
    history.push_back({{"date", FormatLocalDate(day)},
                       {"weekday", WeekdayOf(day) + 1},
                       {"contacts", static_cast<int64_t>(std::llround(sum))},
                       {"holiday", HolidayJson(f.calendar, day, who)}});
  }
  json days = json::array();
  json intervals = json::array();
  for (int k = 0; k < win.horizon_days; ++k) {
    const int day = win.first_day() + k;
    days.push_back({{"date", FormatLocalDate(day)},
                    {"weekday", WeekdayOf(day) + 1},
                    {"expected", Figure(f.forecast.forecast.daily[k])},
                    {"holiday", HolidayJson(f.calendar, day, who)}});
    for (int s = 0; s < n; ++s) {
      const ForecastInterval& i = f.forecast.forecast.intervals[static_cast<size_t>(k) * n + s];
      intervals.push_back({{"start", FormatIso8601(win.IntervalStart(day, s))},
                           {"expected", Figure(i.expected)},
                           {"low", Figure(i.low)},
                           {"high", Figure(i.high)}});
    }
  }
  return JsonResponse(200, {{"tz", w.tz},
                            {"interval_minutes", w.interval_minutes},
                            {"method", ForecastMethodName(f.forecast.method)},
                            {"history_from", FormatLocalDate(win.first_history_day)},
                            {"history_days", win.history_days},
                            {"history", std::move(history)},
                            {"days", std::move(days)},
                            {"intervals", std::move(intervals)},
                            {"backtest", BacktestJson(f.forecast.backtest)}});
}

// When neither measured nor given: five minutes, a common first guess.
constexpr double kAssumedAhtSeconds = 300;

Result<Response> PlanResponse(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  const WindowQuery w = ReadWindow(q);
  const Targets targets(q);
  LUISTER_RETURN_IF_ERROR(q.Finish());
  LUISTER_ASSIGN_OR_RETURN(WindowResult f, Forecast(ctx, w));
  const MeasuredTimes measured = MeasureTimes(f.rows);
  StaffingInput in;
  in.aht_seconds = targets.aht.value_or(measured.aht_seconds.value_or(kAssumedAhtSeconds));
  targets.ApplyTo(&in);
  if (Status s = Validate(in); !s.ok())
    return InvalidArgument("the staffing question is not valid: " + s.message());
  const Timestamp from = f.window.zone.FromLocalMinute(f.window.first_day(), 0);
  const Timestamp to = f.window.HorizonEnd();
  LUISTER_ASSIGN_OR_RETURN(ShiftRepository * shifts, ctx.store.Find<ShiftRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto planned, shifts->Overlapping(from, to));
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto online, volume->Online(from, to));
  const ShiftFilter filter{w.filter.channel, w.filter.department_id, w.filter.queue_id};
  auto plan =
      PlanIntervals(f.window, f.forecast.forecast, in, planned, filter, online, ctx.clock.Now());
  if (!plan.ok())
    return InvalidArgument("the staffing question is not valid: " + plan.status().message());
  json intervals = json::array();
  double contacts = 0, required_hours = 0, scheduled_hours = 0;
  int under = 0, over = 0;
  const double hours = w.interval_minutes / 60.0;
  for (const IntervalStaffing& p : *plan) {
    const StaffingRow& row = p.need.rows.front();
    json i = {{"start", FormatIso8601(p.start)},
              {"contacts", Figure(p.contacts.expected)},
              {"low", Figure(p.contacts.low)},
              {"high", Figure(p.contacts.high)},
              {"required", p.need.required},
              {"required_with_shrinkage", p.need.required_with_shrinkage},
              {"service_level", Figure(row.service_level)},
              {"asa_seconds", Figure(row.asa_seconds)},
              {"occupancy", Figure(row.occupancy)},
              {"scheduled", p.scheduled},
              {"online", p.online ? json(*p.online) : json()},
              {"status", StaffStatusName(p.status)}};
    if (in.patience_seconds) i["p_abandon"] = row.p_abandon ? Figure(*row.p_abandon) : json();
    intervals.push_back(std::move(i));
    contacts += p.contacts.expected;
    required_hours += p.need.required_with_shrinkage * hours;
    scheduled_hours += p.scheduled * hours;
    under += p.status == StaffStatus::kUnder;
    over += p.status == StaffStatus::kOver;
  }
  auto optional_figure = [](const std::optional<double>& v) { return v ? Figure(*v) : json(); };
  return JsonResponse(200,
                      {{"tz", w.tz},
                       {"interval_minutes", w.interval_minutes},
                       {"method", ForecastMethodName(f.forecast.method)},
                       {"aht_seconds", Figure(in.aht_seconds)},
                       {"aht_measured", !targets.aht && measured.aht_seconds.has_value()},
                       {"target_seconds", Figure(in.target_seconds)},
                       {"service_level", Figure(in.service_level)},
                       {"max_occupancy", Figure(in.max_occupancy)},
                       {"shrinkage", Figure(in.shrinkage)},
                       {"patience_seconds", optional_figure(in.patience_seconds)},
                       {"measured_patience_seconds", optional_figure(measured.patience_seconds)},
                       {"backtest", BacktestJson(f.forecast.backtest)},
                       {"intervals", std::move(intervals)},
                       {"totals",
                        {{"contacts", Figure(contacts)},
                         {"agent_hours_required", Figure(required_hours)},
                         {"agent_hours_scheduled", Figure(scheduled_hours)},
                         {"under", under},
                         {"over", over}}}});
}

json ShiftJson(const Shift& s) {
  auto id_or_null = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(); };
  return {{"id", s.id},
          {"starts_at", FormatIso8601(s.starts_at)},
          {"ends_at", FormatIso8601(s.ends_at)},
          {"agents", s.agents},
          {"channel", s.channel ? json(ToString(*s.channel)) : json()},
          {"department_id", id_or_null(s.department_id)},
          {"queue_id", id_or_null(s.queue_id)},
          {"label", s.label},
          {"created_at", FormatIso8601(s.created_at)}};
}

// Every department and queue the shifts name exists, and each queue is
// its department's.
Status CheckPlaces(ApiContext& ctx, const std::vector<Shift>& shifts) {
  DirectoryRepository& dir = ctx.store.directory();
  LUISTER_ASSIGN_OR_RETURN(auto queues, dir.ListQueues(std::nullopt));
  LUISTER_ASSIGN_OR_RETURN(auto departments, dir.ListDepartments());
  std::vector<FieldError> errors;
  for (size_t i = 0; i < shifts.size(); ++i) {
    const Shift& s = shifts[i];
    const std::string at = shifts.size() > 1 ? "shifts[" + std::to_string(i) + "]." : "";
    if (s.department_id &&
        std::none_of(departments.begin(), departments.end(),
                     [&](const Department& d) { return d.id == *s.department_id; }))
      errors.push_back({at + "department_id", "no such department"});
    if (s.queue_id && std::none_of(queues.begin(), queues.end(), [&](const Queue& q) {
          return q.id == *s.queue_id && q.department_id == s.department_id;
        }))
      errors.push_back({at + "queue_id", "no such queue in the department"});
  }
  if (!errors.empty()) return InvalidArgument("the shifts name places that do not exist", errors);
  return Status::Ok();
}

Result<Response> ListShifts(ApiContext& ctx, Request& req) {
  QueryReader q{req};
  auto from = q.Time("from");
  auto to = q.Time("to");
  LUISTER_RETURN_IF_ERROR(q.Finish());
  auto zone = ZoneClock::Open(kDefaultZone);
  if (!zone.ok()) return zone.status();
  const Timestamp start =
      from.value_or(zone->FromLocalMinute(zone->ToLocal(ctx.clock.Now()).days, 0));
  const Timestamp end = to.value_or(start + std::chrono::hours(24 * 28));
  if (start >= end)
    return InvalidArgument("the query is not valid", {{"from", "must be before to"}});
  if (end - start > std::chrono::hours(24 * kMostDays))
    return InvalidArgument("the query is not valid", {{"to", "at most 366 days after from"}});
  LUISTER_ASSIGN_OR_RETURN(ShiftRepository * repo, ctx.store.Find<ShiftRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto shifts, repo->Overlapping(start, end));
  json items = json::array();
  for (const Shift& s : shifts) items.push_back(ShiftJson(s));
  return JsonResponse(200, {{"items", std::move(items)}});
}

Result<Response> CreateShift(ApiContext& ctx, Request& req, const auth::Principal& who) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  Shift s;
  auto starts = b.Time("starts_at", true);
  auto ends = b.Time("ends_at", true);
  auto agents = b.Int("agents", true);
  if (!b.IsNull("channel")) s.channel = b.Enum<Channel>("channel", false);
  if (!b.IsNull("department_id")) s.department_id = b.Int("department_id", false);
  if (!b.IsNull("queue_id")) s.queue_id = b.Int("queue_id", false);
  if (auto v = b.String("label", false, kMostShiftLabel)) s.label = *v;
  b.RejectUnknown(
      {"starts_at", "ends_at", "agents", "channel", "department_id", "queue_id", "label"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the shift is not valid"));
  s.starts_at = *starts;
  s.ends_at = *ends;
  s.agents = static_cast<int>(std::clamp<int64_t>(*agents, -1, kMostShiftAgents + 1));
  s.created_at = ctx.clock.Now();
  s.created_by = who.user.id;
  LUISTER_RETURN_IF_ERROR(ValidateShift(s));
  LUISTER_RETURN_IF_ERROR(CheckPlaces(ctx, {s}));
  LUISTER_ASSIGN_OR_RETURN(ShiftRepository * repo, ctx.store.Find<ShiftRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto made, repo->Create({s}));
  return JsonResponse(201, ShiftJson(made.front()));
}

Result<Response> ImportShifts(ApiContext& ctx, Request& req, const auth::Principal& who) {
  const std::string_view type = req.Header("content-type");
  if (type.substr(0, type.find(';')) != "text/csv")
    return InvalidArgument("the import is not valid", {{"body", "must be text/csv"}});
  const std::string tz(req.Query("tz").value_or(kDefaultZone));
  auto zone = ZoneClock::Open(tz);
  if (!zone.ok())
    return InvalidArgument("the query is not valid",
                           {{"tz", "must be an IANA time zone, like Europe/Amsterdam"}});
  LUISTER_ASSIGN_OR_RETURN(auto shifts, ParseShiftCsv(req.body, *zone));
  if (shifts.empty())
    return InvalidArgument("the CSV holds no shifts", {{"csv", "needs a line after the header"}});
  const Timestamp now = ctx.clock.Now();
  for (Shift& s : shifts) {
    s.created_at = now;
    s.created_by = who.user.id;
  }
  LUISTER_RETURN_IF_ERROR(CheckPlaces(ctx, shifts));
  LUISTER_ASSIGN_OR_RETURN(ShiftRepository * repo, ctx.store.Find<ShiftRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto made, repo->Create(std::move(shifts)));
  return JsonResponse(201, {{"imported", made.size()}});
}

// A recount of the days a stretch touches, as a durable job.
Result<Response> Repair(ApiContext& ctx, Request& req, const auth::Principal& who) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
  auto from = b.Time("from", JsonBody::kRequired);
  auto to = b.Time("to", JsonBody::kRequired);
  LUISTER_RETURN_IF_ERROR(b.Finish("the repair is not valid"));
  if (*to - *from > std::chrono::hours(24 * 3660))
    return InvalidArgument("the repair is not valid",
                           {{"from", "a repair covers at most ten years"}});
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
  LUISTER_ASSIGN_OR_RETURN(
      int64_t id,
      VolumeService(ctx.store, *volume, ctx.clock).EnqueueRepair(*from, *to, who.user.id));
  if (ctx.wake_jobs) ctx.wake_jobs();
  LUISTER_ASSIGN_OR_RETURN(JobRecord record, ctx.store.jobs().Get(id));
  Response resp = JsonResponse(202, ToJson(record));
  resp.SetHeader("Location", "/api/v1/jobs/" + std::to_string(id));
  return resp;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/volume/heatmap",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return Heatmap(ctx, req);
                }));
  r.Add("GET", "/api/v1/volume/segments",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request&, const auth::Principal&, AuditScope&) { return Segments(ctx); }));
  r.Add("POST", "/api/v1/volume/repair",
        Secured(Permission::kPlanStaffing, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return Repair(ctx, req, who);
                }));
  r.Add("GET", "/api/v1/staffing",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [](Request& req, const auth::Principal&, AuditScope&) { return Plan(req); }));
  r.Add("GET", "/api/v1/volume/forecast",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return ForecastResponse(ctx, req, who);
                }));
  r.Add("GET", "/api/v1/staffing/plan",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return PlanResponse(ctx, req);
                }));
  r.Add("GET", "/api/v1/staffing/shifts",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) {
                  return ListShifts(ctx, req);
                }));
  r.Add("POST", "/api/v1/staffing/shifts",
        Secured(Permission::kPlanStaffing, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return CreateShift(ctx, req, who);
                }));
  r.Add("POST", "/api/v1/staffing/shifts/import",
        Secured(Permission::kPlanStaffing, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal& who, AuditScope&) {
                  return ImportShifts(ctx, req, who);
                }));
  r.Add("DELETE", "/api/v1/staffing/shifts/{id}",
        Secured(Permission::kPlanStaffing, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(ShiftRepository * repo,
                                           ctx.store.Find<ShiftRepository>());
                  LUISTER_ASSIGN_OR_RETURN(bool removed, repo->Remove(id));
                  if (!removed) return NotFound("shift " + std::to_string(id) + " not found");
                  return NoContent();
                }));
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kVolumeRollupJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
        return VolumeService(ctx.store, *volume, ctx.clock).RunJob(job);
      }));
  LUISTER_RETURN_IF_ERROR(
      runner.Register(kVolumeRepairJob, [&ctx](const Job& job) -> Result<std::string> {
        LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
        LUISTER_ASSIGN_OR_RETURN(VolumeRepair done,
                                 VolumeService(ctx.store, *volume, ctx.clock).RunRepair(job));
        return json{{"days", done.days}, {"contacts", done.contacts}}.dump();
      }));
  LUISTER_ASSIGN_OR_RETURN(VolumeRepository * volume, ctx.store.Find<VolumeRepository>());
  return VolumeService(ctx.store, *volume, ctx.clock).EnsureJob().status();
}

}  // namespace

// Contact volume, waits and staffing (C8): domain/contact_volume.h,
// domain/staffing.h, docs/staffing.md.
ApiModule StaffingModule() {
  return {"staffing",
          {"volume_rollups", "volume_rollup_state", "staff_shifts", "staff_online"},
          {},
          Routes,
          Jobs};
}

}  // namespace luister::http
