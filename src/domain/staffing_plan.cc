#include "domain/staffing_plan.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "common/csv.h"

namespace luister {

namespace {

constexpr double kZ80 = 1.2816;
constexpr int64_t kMsPerMinute = 60'000;
constexpr size_t kMostReportedErrors = 50;
// The back-test looks this far ahead, from after four weeks of history.
constexpr int kBacktestHorizon = 7;
constexpr int kBacktestTraining = 28;

std::optional<int> ParseCount(std::string_view s) {
  if (s.empty() || s.size() > 9) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<int64_t> ParseId(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

// "YYYY-MM-DD" as a local day.
std::optional<int> ParseDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto y = ParseCount(s.substr(0, 4)), m = ParseCount(s.substr(5, 2)),
       d = ParseCount(s.substr(8, 2));
  if (!y || !m || !d) return std::nullopt;
  return DaysOfDate(*y, *m, *d);
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

Status ValidateShift(const Shift& s, std::string_view prefix) {
  std::vector<FieldError> errors;
  auto field = [&](const char* name) { return std::string(prefix) + name; };
  if (s.ends_at <= s.starts_at)
    errors.push_back({field("ends_at"), "must be after the start"});
  else if (s.ends_at - s.starts_at > std::chrono::hours(24))
    errors.push_back({field("ends_at"), "a shift lasts at most 24 hours"});
  if (s.agents < 1 || s.agents > kMostShiftAgents)
    errors.push_back({field("agents"), "must be 1 to " + std::to_string(kMostShiftAgents)});
  if (s.label.size() > kMostShiftLabel)
    errors.push_back({field("label"), "at most " + std::to_string(kMostShiftLabel) + " bytes"});
  if (s.queue_id && !s.department_id)
    errors.push_back({field("department_id"), "is needed with a queue"});
  if (!errors.empty()) return InvalidArgument("the shift is not valid", std::move(errors));
  return Status::Ok();
}

Result<std::vector<Shift>> ParseShiftCsv(std::string_view csv, const ZoneClock& zone) {
  auto rows = ParseCsv(csv);
  if (!rows.ok())
    return InvalidArgument("the CSV is not valid", {{"csv", rows.status().message()}});
  if (rows->empty()) return InvalidArgument("the CSV is empty", {{"csv", "needs a header line"}});
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < (*rows)[0].size(); ++i) column[Trim((*rows)[0][i])] = i;
  std::vector<FieldError> errors;
  for (const char* name : {"date", "start", "end", "agents"})
    if (!column.contains(name))
      errors.push_back({"header", std::string("needs a column \"") + name + "\""});
  for (const auto& [name, at] : column)
    if (name != "date" && name != "start" && name != "end" && name != "agents" &&
        name != "channel" && name != "department_id" && name != "queue_id" && name != "label")
      errors.push_back({"header", "unknown column \"" + name + "\""});
  if (errors.size() > kMostReportedErrors) errors.resize(kMostReportedErrors);
  if (!errors.empty()) return InvalidArgument("the CSV's header is not valid", std::move(errors));
  if (rows->size() - 1 > kMostImportedShifts)
    return InvalidArgument("the CSV is too long",
                           {{"csv", "at most " + std::to_string(kMostImportedShifts) + " shifts"}});
  std::vector<Shift> out;
  for (size_t r = 1; r < rows->size() && errors.size() < kMostReportedErrors; ++r) {
    const CsvRow& row = (*rows)[r];
    // Line numbers as a spreadsheet shows them (the header is line 1);
    // quoted line breaks aside.
    const std::string at = "line " + std::to_string(r + 1) + ": ";
    auto cell = [&](const char* name) -> std::string {
      auto it = column.find(name);
      return it != column.end() && it->second < row.size() ? Trim(row[it->second]) : "";
    };
    const size_t before = errors.size();
    Shift s;
    const auto day = ParseDay(cell("date"));
    if (!day) errors.push_back({at + "date", "must be a date (YYYY-MM-DD)"});
    const auto from = ParseMinute(cell("start"));
    if (!from || *from >= 24 * 60) errors.push_back({at + "start", "must be a time (HH:MM)"});
    const auto to = ParseMinute(cell("end"));
    if (!to) errors.push_back({at + "end", "must be a time (HH:MM)"});
    const auto agents = ParseCount(cell("agents"));
    if (!agents) errors.push_back({at + "agents", "must be a whole number"});
    if (std::string c = cell("channel"); !c.empty()) {
      if (auto ch = Parse<Channel>(c))
        s.channel = *ch;
      else
        errors.push_back({at + "channel", "unknown channel \"" + c + "\""});
    }
    if (std::string d = cell("department_id"); !d.empty()) {
      if (auto id = ParseId(d))
        s.department_id = *id;
      else
        errors.push_back({at + "department_id", "must be a department's id"});
    }
    if (std::string q = cell("queue_id"); !q.empty()) {
      if (auto id = ParseId(q))
        s.queue_id = *id;
      else
        errors.push_back({at + "queue_id", "must be a queue's id"});
    }
    s.label = cell("label");
    if (errors.size() != before) continue;
    s.agents = *agents;
    s.starts_at = zone.FromLocalMinute(*day, *from);
    s.ends_at = zone.FromLocalMinute(*to <= *from ? *day + 1 : *day, *to);
    if (Status v = ValidateShift(s, at); !v.ok()) {
      for (const FieldError& e : v.fields()) errors.push_back(e);
      continue;
    }
    out.push_back(std::move(s));
  }
  if (errors.size() > kMostReportedErrors) errors.resize(kMostReportedErrors);
  if (!errors.empty())
    return InvalidArgument("the CSV has lines that are not valid; nothing was imported",
                           std::move(errors));
  return out;
}

Timestamp PlanWindow::HistoryStart() const { return zone.FromLocalMinute(first_history_day, 0); }

Timestamp PlanWindow::HorizonEnd() const {
  return zone.FromLocalMinute(first_day() + horizon_days, 0);
}

Timestamp PlanWindow::IntervalStart(int day, int slot) const {
  return zone.FromLocalMinute(day, slot * interval_minutes);
}

PlanWindow MakePlanWindow(const ZoneClock& zone, Timestamp now, int interval_minutes,
                          int history_weeks, int horizon_days) {
  PlanWindow w{.zone = zone, .interval_minutes = interval_minutes};
  const int today = zone.ToLocal(now).days;
  w.history_days = 7 * history_weeks;
  w.first_history_day = today - w.history_days;
  w.horizon_days = horizon_days;
  return w;
}

VolumeHistory HistoryOf(const std::vector<VolumeRow>& rows, const PlanWindow& window,
                        const BusinessCalendar& calendar) {
  VolumeHistory h;
  const int n = window.intervals_per_day();
  h.intervals_per_day = n;
  h.first_weekday = WeekdayOf(window.first_history_day) + 1;
  h.counts.assign(static_cast<size_t>(window.history_days) * n, 0);
  for (const VolumeRow& r : rows) {
    const LocalMoment m = window.zone.ToLocal(r.key.bucket);
    const int d = m.days - window.first_history_day;
    if (d < 0 || d >= window.history_days) continue;
    const int slot = static_cast<int>(m.ms_of_day / (kMsPerMinute * window.interval_minutes));
    h.counts[static_cast<size_t>(d) * n + std::min(slot, n - 1)] +=
        static_cast<double>(r.counts.contacts());
  }
  const int days = window.history_days + window.horizon_days;
  h.holidays.resize(static_cast<size_t>(days));
  for (int d = 0; d < days; ++d)
    h.holidays[static_cast<size_t>(d)] =
        calendar.ClosedDate(FormatLocalDate(window.first_history_day + d));
  return h;
}

std::optional<std::string> HolidayName(const BusinessCalendar& calendar, int day,
                                       std::string_view language) {
  std::optional<PublicHoliday> holiday;
  if (!calendar.ClosedDate(FormatLocalDate(day), &holiday)) return std::nullopt;
  if (!holiday || holiday->name_en.empty()) return language == "nl" ? "Gesloten" : "Closed";
  return std::string(language == "nl" ? holiday->name_nl : holiday->name_en);
}

std::string_view ForecastMethodName(ForecastMethod m) {
  return m == ForecastMethod::kWeekdayTrend ? "weekday_trend" : "seasonal_naive";
}

Result<VolumeForecast> SeasonalNaiveForecast(const VolumeHistory& history, int horizon_days) {
  const int n = history.intervals_per_day;
  const int days = static_cast<int>(history.counts.size()) / std::max(n, 1);
  if (days < 14) return InvalidArgument("a forecast needs two whole weeks of history");
  // A difference of two Poisson counts has twice their variance.
  double sq = 0, mass = 0;
  for (int d = std::max(7, days - 28); d < days; ++d)
    for (int s = 0; s < n; ++s) {
      const double a = history.counts[static_cast<size_t>(d) * n + s];
      const double b = history.counts[static_cast<size_t>(d - 7) * n + s];
      sq += (a - b) * (a - b);
      mass += a + b;
    }
  const double dispersion = std::max(1.0, mass > 0 ? sq / mass : 1.0);
  const std::vector<double> naive = SeasonalNaive(history, horizon_days);
  VolumeForecast out;
  for (int k = 0; k < horizon_days; ++k) {
    double day = 0;
    for (int s = 0; s < n; ++s) {
      ForecastInterval f;
      f.expected = naive[static_cast<size_t>(k) * n + s];
      const double sd = std::sqrt(dispersion * std::max(f.expected, 0.5) * (1 + 0.02 * k));
      f.low = std::max(0.0, f.expected - kZ80 * sd);
      f.high = f.expected + kZ80 * sd;
      day += f.expected;
      out.intervals.push_back(f);
    }
    out.daily.push_back(day);
  }
  return out;
}

Result<WindowForecast> ForecastWindow(const VolumeHistory& history, int horizon_days) {
  WindowForecast out;
  const int days = static_cast<int>(history.counts.size()) / std::max(history.intervals_per_day, 1);
  if (days > kBacktestTraining) {
    auto bt = BacktestVolume(history, kBacktestHorizon, kBacktestTraining, 1);
    if (bt.ok()) out.backtest = std::move(*bt);
  }
  if (out.backtest && out.backtest->naive_wape < out.backtest->wape) {
    out.method = ForecastMethod::kSeasonalNaive;
    LUISTER_ASSIGN_OR_RETURN(out.forecast, SeasonalNaiveForecast(history, horizon_days));
  } else {
    LUISTER_ASSIGN_OR_RETURN(out.forecast, ForecastVolume(history, horizon_days));
  }
  return out;
}

MeasuredTimes MeasureTimes(const std::vector<VolumeRow>& rows) {
  int64_t handled = 0, handle = 0, waited = 0, abandoned = 0;
  for (const VolumeRow& r : rows) {
    handled += r.counts.handled;
    handle += r.counts.handle_seconds;
    waited += r.counts.wait_seconds;
    abandoned += r.counts.calls_abandoned + r.counts.chats_abandoned;
  }
  MeasuredTimes m;
  if (handled > 0) m.aht_seconds = static_cast<double>(handle) / static_cast<double>(handled);
  if (abandoned > 0 && waited > 0)
    m.patience_seconds = static_cast<double>(waited) / static_cast<double>(abandoned);
  return m;
}

std::string_view StaffStatusName(StaffStatus s) {
  switch (s) {
    case StaffStatus::kOk:
      return "ok";
    case StaffStatus::kUnder:
      return "under";
    case StaffStatus::kOver:
      return "over";
    case StaffStatus::kNone:
      break;
  }
  return "none";
}

bool ShiftCounts(const Shift& s, const ShiftFilter& f) {
  auto open_or = [](const auto& mine, const auto& asked) { return !mine || mine == asked; };
  return open_or(s.channel, f.channel) && open_or(s.department_id, f.department_id) &&
         open_or(s.queue_id, f.queue_id);
}

namespace {

StaffStatus Judge(int need, int have) {
  if (have < need) return StaffStatus::kUnder;
  const int slack = std::max(2, static_cast<int>(std::ceil(need * 0.25)));
  return have >= need + slack ? StaffStatus::kOver : StaffStatus::kOk;
}

}  // namespace

Result<std::vector<IntervalStaffing>> PlanIntervals(
    const PlanWindow& window, const VolumeForecast& forecast, const StaffingInput& input,
    const std::vector<Shift>& shifts, const ShiftFilter& filter,
    const std::vector<OnlineSample>& online, Timestamp now) {
  const int n = window.intervals_per_day();
  if (forecast.intervals.size() != static_cast<size_t>(window.horizon_days) * n)
    return InvalidArgument("the forecast does not cover the window");
  std::vector<const Shift*> counting;
  for (const Shift& s : shifts)
    if (ShiftCounts(s, filter)) counting.push_back(&s);
  const bool any_shift = !counting.empty();
  // The most online per quarter (summed over departments when none asked
  // about); samples are few, so a map is enough.
  std::map<Timestamp, int> per_quarter;
  for (const OnlineSample& o : online)
    if (!filter.department_id || o.department_id == *filter.department_id)
      per_quarter[o.bucket] += o.agents;
  StaffingInput in = input;
  in.interval_seconds = window.interval_minutes * 60.0;
  std::vector<IntervalStaffing> out;
  out.reserve(forecast.intervals.size());
  for (int k = 0; k < window.horizon_days; ++k)
    for (int s = 0; s < n; ++s) {
      IntervalStaffing p;
      p.start = window.IntervalStart(window.first_day() + k, s);
      const Timestamp end = window.IntervalStart(window.first_day() + k, s + 1);
      p.contacts = forecast.intervals[static_cast<size_t>(k) * n + s];
      in.contacts = p.contacts.expected;
      LUISTER_ASSIGN_OR_RETURN(p.need, PlanStaffing(in));
      // Only the requirement's own row is kept; the plan has it already.
      auto at = std::find_if(p.need.rows.begin(), p.need.rows.end(),
                             [&](const StaffingRow& r) { return r.agents == p.need.required; });
      p.need.rows = {at != p.need.rows.end() ? *at : EvaluateStaffing(in, p.need.required)};
      const Timestamp middle = p.start + (end - p.start) / 2;
      for (const Shift* sh : counting)
        if (sh->starts_at <= middle && middle < sh->ends_at) p.scheduled += sh->agents;
      if (p.start < now && !per_quarter.empty()) {
        int most = 0;
        for (auto it = per_quarter.lower_bound(p.start); it != per_quarter.end() && it->first < end;
             ++it)
          most = std::max(most, it->second);
        p.online = most;
      }
      if (p.online)
        p.status = Judge(p.need.required, *p.online);
      else if (any_shift)
        p.status = Judge(p.need.required_with_shrinkage, p.scheduled);
      else
        p.status = StaffStatus::kNone;
      // An interval that will most likely bring no contact at all (the top
      // of its band under one) is not called short: Erlang asks for an
      // agent at any load, and the hours around opening would all be red.
      if (p.status == StaffStatus::kUnder && p.contacts.high < 1) p.status = StaffStatus::kOk;
      out.push_back(std::move(p));
    }
  return out;
}

}  // namespace luister
