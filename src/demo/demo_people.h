#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_pattern.h"
#include "demo/demo_plan.h"

// Staff and customers of the demo plan. Internal to the demo builder.
namespace luister::demo {

// Department indices in DemoPlan::departments; each has two queues.
enum DepartmentIndex : int {
  kCustomerService = 0,
  kBilling = 1,
  kTechnicalSupport = 2,
  kSales = 3,
  kReturnsLogistics = 4,
};

// Fills departments and users (users[0] is the administrator).
void PlanDirectory(DemoPlan& plan);

// Fills customers: organisations first, then their members, consumers, and
// last the deliberate duplicates. Every customer is created before
// `window_start`; PlanConversations moves the created_at of the customers
// flagged in `new_in_window` to just before their first contact.
void PlanCustomers(Rng& rng, const DemoPlanOptions& o, Timestamp window_start, DemoPlan& plan,
                   std::vector<bool>* new_in_window);

// First name for a greeting: the first word of a person's name unless it is
// an initial, "" for an organisation.
std::string GreetingName(const PlannedCustomer& c);

// Lower-case ASCII letters and digits of `s`, with common accented Latin
// letters folded ("Daniëlle" -> "danielle").
std::string AsciiSlug(std::string_view s);

}  // namespace luister::demo
