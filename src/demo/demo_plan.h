#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time.h"
#include "demo/demo_corpus.h"
#include "domain/customer.h"
#include "domain/directory.h"
#include "domain/enums.h"

// The demo data set as plain values: who works where, who the customers are,
// and every step of every conversation with its time. Building it touches no
// database, so its shape can be tested directly; demo_loader.cc writes it.
// Cross references are indices into the plan's own vectors.
namespace luister::demo {

struct PlannedDepartment {
  std::string name;
  std::vector<std::string> queues;
  // Opening hours, Monday first ("09:00-12:30,13:30-17:00", "" closed), in
  // Europe/Amsterdam with the Dutch public holidays; none: always open.
  std::vector<std::string> week;
};

struct PlannedUser {
  std::string email;
  std::string name;
  Role role = Role::kAgent;
  Language language = Language::kEn;
  std::optional<int> department;
};

struct PlannedCustomer {
  NewCustomer customer;                // organisation_id and account_manager_id are left empty
  std::optional<int> organisation;     // index of an earlier organisation customer
  std::optional<int> account_manager;  // index into users
  std::optional<int> duplicate_of;     // the first record of the same person
};

enum class StepKind {
  kMessage,   // customer or staff message; `status` is AddMessage's new_status
  kNote,      // internal note by `user`
  kAssign,    // `user` takes the conversation; status becomes open
  kStatus,    // `status` set by `user`
  kTransfer,  // to `department`/`queue`, by `user`, with `body` as hand-over note
};

struct PlannedStep {
  StepKind kind = StepKind::kMessage;
  Timestamp at{};
  Direction direction = Direction::kIn;
  std::string body;
  std::optional<int> user;  // author or actor; empty for customer messages
  std::optional<ConversationStatus> status;
  int department = 0;
  std::optional<int> queue;  // index within `department`
};

struct PlannedConversation {
  int customer = 0;
  Channel channel = Channel::kEmail;
  Language language = Language::kEn;
  std::string intent;  // Bitext intent, or "social" for a Twitter thread
  std::string subject;
  Priority priority = Priority::kNormal;
  int department = 0;             // where it starts
  int queue = 0;                  // index within `department`
  std::vector<std::string> tags;  // sorted, unique, valid tags
  Timestamp created_at{};
  std::vector<PlannedStep> steps;  // ordered by time, all before the plan's `now`
  // The status after the last step; new when no step changed it.
  ConversationStatus final_status = ConversationStatus::kNew;
};

struct DemoPlanOptions {
  uint32_t seed = 42;
  int customers = 400;
  int conversations = 3000;
  int weeks = 12;
  Timestamp now{};
};

struct DemoPlan {
  std::vector<PlannedDepartment> departments;
  std::vector<PlannedUser> users;                  // users[0] is the administrator
  std::vector<PlannedCustomer> customers;          // organisations before their members
  std::vector<PlannedConversation> conversations;  // ordered by created_at
  Timestamp directory_created_at{};
  int duplicate_pairs = 0;
  // How busy each local day from `window_start` is against an ordinary
  // one (growth, the carrier incident, the autumn sale, closed days); the
  // phone calls follow it too.
  Timestamp window_start{};
  std::vector<double> day_factors;
  // Local days (since window_start's) the desk was closed: Dutch public
  // holidays and the staff day. Phone and shop take nothing then.
  std::vector<int> closed_days;
  std::string staff_day;  // the staff day's local date, YYYY-MM-DD
};

inline constexpr std::string_view kAdminEmail = "admin@luister.local";

// Deterministic for equal options and corpus. Needs a corpus with at least
// one English pair, one Dutch pair and one social thread.
DemoPlan BuildDemoPlan(const DemoCorpus& corpus, const DemoPlanOptions& options);

}  // namespace luister::demo
