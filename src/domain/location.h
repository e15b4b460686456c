#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/duplicates.h"
#include "domain/repositories.h"

namespace luister {

// Shops and counters (C2): where customers walk in, one department's each.
// A walk-in is a conversation on channel `shop` that names its location
// (Conversation::location_id), so volume per location is data for staffing.

struct Location {
  int64_t id = 0;
  int64_t department_id = 0;
  std::string name;     // "Winkel Utrecht Centrum"
  std::string address;  // free text, for people
  bool active = true;   // inactive: kept for history, offered for no new walk-in
  Timestamp created_at{};
};

struct LocationPatch {
  std::optional<std::string> name;
  std::optional<std::string> address;
  std::optional<bool> active;
};

// A capability repository: `store.Find<LocationRepository>()`.
class LocationRepository {
 public:
  virtual ~LocationRepository() = default;
  // Conflict when the department has a location of that name; NotFound for
  // an unknown department.
  virtual Result<Location> Create(const Location& l) = 0;
  virtual Result<Location> Get(int64_t id) = 0;
  // By department, then name; inactive ones too.
  virtual Result<std::vector<Location>> List() = 0;
  virtual Result<Location> Update(int64_t id, const LocationPatch& patch) = 0;
};

// What an agent at the counter records.
struct NewWalkIn {
  int64_t location_id = 0;
  // A known customer, or who they are: a customer with this e-mail address
  // or phone number is that customer; otherwise a new one by this name.
  std::optional<int64_t> customer_id;
  std::string name;
  std::string email;
  std::string phone;
  Language language = Language::kNl;
  std::string subject;
  std::string question;  // what they came for, in the agent's words
  std::optional<int64_t> queue_id;
  bool resolved = false;  // answered at the counter
};

struct WalkIn {
  Conversation conversation;
  int64_t customer_id = 0;
  bool new_customer = false;
};

class LocationService {
 public:
  LocationService(Store& store, LocationRepository& locations, const Clock& clock,
                  EventPublisher* events = nullptr)
      : store_(store),
        locations_(locations),
        clock_(clock),
        events_(events),
        customers_(store, clock, events),
        conversations_(store, clock, events) {}

  Result<Location> Create(Location l);
  Result<Location> Update(int64_t id, LocationPatch patch);
  // Records the visit as a conversation at the location's department, by
  // `agent_id`, resolved when it was answered at the counter.
  Result<WalkIn> LogWalkIn(NewWalkIn in, int64_t agent_id);

 private:
  // Something given at the counter that belongs to another customer.
  struct Sighting {
    int64_t customer_id = 0;
    int64_t other_id = 0;
    DuplicateReason reason = DuplicateReason::kSamePhone;
    std::string detail;
  };
  Result<std::pair<int64_t, bool>> Visitor(const NewWalkIn& in, std::vector<FieldError>* errors,
                                           std::vector<Sighting>* seen);

  Store& store_;
  LocationRepository& locations_;
  const Clock& clock_;
  EventPublisher* events_;
  CustomerService customers_;
  ConversationService conversations_;
};

}  // namespace luister
