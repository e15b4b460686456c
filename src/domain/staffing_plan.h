#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/contact_volume.h"
#include "domain/enums.h"
#include "domain/forecast.h"
#include "domain/opening_hours.h"
#include "domain/staffing.h"
#include "domain/zone_clock.h"

namespace luister {

// From the contact data to the staff each coming interval needs, and
// whether the shifts planned and the agents online cover it (C8). The
// history comes from the quarter-hour rollups, cut into whole local days
// of the planner's time zone; the forecast is the weekday-trend model, or
// the seasonal-naive baseline when the back-test says the model did not
// beat it; each interval goes through Erlang C (A with a patience).
// Shifts are what planners enter or import as CSV. Pure apart from the
// repository interfaces; docs/staffing.md.

// `agents` people from `starts_at` to `ends_at`, for a channel, a
// department or a queue, or (left empty) for any.
struct Shift {
  int64_t id = 0;
  Timestamp starts_at{};
  Timestamp ends_at{};
  int agents = 0;
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<int64_t> queue_id;
  std::string label;
  Timestamp created_at{};
  std::optional<int64_t> created_by;
};

inline constexpr int kMostShiftAgents = 10'000;
inline constexpr size_t kMostShiftLabel = 200;
inline constexpr size_t kMostImportedShifts = 5000;

// InvalidArgument with each wrong field named (`prefix` before each name:
// "line 3: " for an import): the end before the start, longer than a day,
// agents out of 1..10000, a label too long.
Status ValidateShift(const Shift& shift, std::string_view prefix = "");

// A planner's CSV: the header `date,start,end,agents` and optionally
// `channel`, `department_id`, `queue_id`, `label`, in any order; local
// dates and HH:MM times in `zone` (an end at or before the start runs past
// midnight). All or nothing: InvalidArgument naming every bad line and
// field ("line 3: agents"), at most 50 of them.
Result<std::vector<Shift>> ParseShiftCsv(std::string_view csv, const ZoneClock& zone);

class ShiftRepository {
 public:
  virtual ~ShiftRepository() = default;
  // All in one transaction, with their ids; NotFound for an unknown
  // department or queue (nothing is written then).
  virtual Result<std::vector<Shift>> Create(std::vector<Shift> shifts) = 0;
  // Shifts overlapping [from, to), earliest first.
  virtual Result<std::vector<Shift>> Overlapping(Timestamp from, Timestamp to) = 0;
  virtual Result<bool> Remove(int64_t id) = 0;
};

// The days a forecast learns from and the days it looks at.
struct PlanWindow {
  ZoneClock zone;
  int interval_minutes = 30;  // 15, 30 or 60
  int first_history_day = 0;  // local day (days since 1970-01-01)
  int history_days = 0;       // whole days up to today
  int horizon_days = 7;       // from today
  int first_day() const { return first_history_day + history_days; }
  int intervals_per_day() const { return 24 * 60 / interval_minutes; }
  Timestamp HistoryStart() const;
  Timestamp HorizonEnd() const;
  // The UTC start of interval `slot` of local day `day`.
  Timestamp IntervalStart(int day, int slot) const;
};

// `history_weeks` whole weeks of local days before `now`'s local date.
PlanWindow MakePlanWindow(const ZoneClock& zone, Timestamp now, int interval_minutes,
                          int history_weeks, int horizon_days);

// Contacts (conversations opened and calls offered) per interval of the
// window's history, holidays marked for history and horizon by `calendar`
// (any day it keeps closed that has hours on its weekday otherwise, or a
// public holiday).
VolumeHistory HistoryOf(const std::vector<VolumeRow>& rows, const PlanWindow& window,
                        const BusinessCalendar& calendar);

// The name of the holiday or closed day `day` is under `calendar`.
std::optional<std::string> HolidayName(const BusinessCalendar& calendar, int day,
                                       std::string_view language);

enum class ForecastMethod { kWeekdayTrend, kSeasonalNaive };
std::string_view ForecastMethodName(ForecastMethod m);

struct WindowForecast {
  ForecastMethod method = ForecastMethod::kWeekdayTrend;
  VolumeForecast forecast;
  std::optional<Backtest> backtest;  // none under five weeks of history
};

// The model, unless its back-test (rolling origin, up to a week ahead)
// shows the seasonal-naive baseline doing better: then the baseline, with
// a band from how far each week was from the week before.
Result<WindowForecast> ForecastWindow(const VolumeHistory& history, int horizon_days);

// The seasonal-naive forecast with an 80 % band (the spread of each day
// against the same day a week before, over the last four weeks).
Result<VolumeForecast> SeasonalNaiveForecast(const VolumeHistory& history, int horizon_days);

// Handle time and patience measured from the rollups' calls: the average
// talk time of answered calls, and the average patience by the
// exponential estimate (the time all callers spent waiting over the
// callers who gave up). None where nothing was measured.
struct MeasuredTimes {
  std::optional<double> aht_seconds;
  std::optional<double> patience_seconds;
};
MeasuredTimes MeasureTimes(const std::vector<VolumeRow>& rows);

enum class StaffStatus { kNone, kOk, kUnder, kOver };
std::string_view StaffStatusName(StaffStatus s);

struct IntervalStaffing {
  Timestamp start{};
  ForecastInterval contacts;
  StaffingPlan need;  // with its one row at `required`
  int scheduled = 0;
  std::optional<int> online;
  StaffStatus status = StaffStatus::kNone;
};

struct ShiftFilter {
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<int64_t> queue_id;
};

// Whether a shift counts for what the plan is about: its channel,
// department and queue each match or are left open.
bool ShiftCounts(const Shift& shift, const ShiftFilter& filter);

// The plan per interval of the horizon: Erlang per forecast interval with
// `input` (its contacts and interval length set per interval), the agents
// of the shifts that cover each interval's middle, and for intervals begun
// before `now` the most agents online (the samples of the interval's
// quarters, of the department asked about or all). Under: fewer scheduled
// than the rostered need, or fewer online than the productive need; over:
// at least max(2, a quarter) more than needed; none: no shift planned at
// all and nobody measured online. An interval whose band tops out under
// one contact is never under.
Result<std::vector<IntervalStaffing>> PlanIntervals(
    const PlanWindow& window, const VolumeForecast& forecast, const StaffingInput& input,
    const std::vector<Shift>& shifts, const ShiftFilter& filter,
    const std::vector<OnlineSample>& online, Timestamp now);

}  // namespace luister
