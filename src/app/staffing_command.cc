// `luister staffing`: the staff one interval needs (domain/staffing.h), as
// one JSON object, so that anyone can check it against published figures.
#include <cmath>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/commands.h"
#include "domain/staffing.h"

namespace luister {

namespace {

// A share given as a fraction or, above 1, as a percentage.
double Share(double v) { return v > 1 ? v / 100 : v; }

// Six decimals; infinite (a queue that never empties) as null.
nlohmann::json Figure(double v) {
  if (!std::isfinite(v)) return nullptr;
  return std::round(v * 1e6) / 1e6;
}

}  // namespace

int RunStaffing(const StaffingArgs& args) {
  StaffingInput in;
  in.contacts = args.calls;
  in.interval_seconds = args.interval_minutes * 60;
  in.aht_seconds = args.aht_seconds;
  in.target_seconds = args.target_seconds;
  in.service_level = Share(args.service_level);
  in.max_occupancy = Share(args.max_occupancy);
  in.shrinkage = Share(args.shrinkage);
  if (args.patience_seconds != 0) in.patience_seconds = args.patience_seconds;
  in.concurrency = args.concurrency;
  auto plan = PlanStaffing(in, args.agents >= 0 ? std::optional<int>(args.agents) : std::nullopt);
  if (!plan.ok()) {
    std::cerr << "luister staffing: " << plan.status().message() << "\n";
    return 2;
  }
  nlohmann::json rows = nlohmann::json::array();
  for (const StaffingRow& r : plan->rows) {
    nlohmann::json row = {{"agents", r.agents},
                          {"p_wait", Figure(r.p_wait)},
                          {"service_level", Figure(r.service_level)},
                          {"asa_seconds", Figure(r.asa_seconds)},
                          {"occupancy", Figure(r.occupancy)}};
    if (r.p_abandon) row["p_abandon"] = Figure(*r.p_abandon);
    rows.push_back(std::move(row));
  }
  const nlohmann::json out = {{"erlangs", Figure(plan->erlangs)},
                              {"required", plan->required},
                              {"required_with_shrinkage", plan->required_with_shrinkage},
                              {"rows", rows}};
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace luister
