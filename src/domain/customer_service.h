#pragma once

#include <cstdint>

#include "common/result.h"
#include "common/time.h"
#include "domain/events.h"
#include "domain/repositories.h"

namespace luister {

// Customer rules: validation and normalisation of names and identities,
// merging. Stateless apart from the references it holds; thread-safe.
// `events`, when given, hears about every committed change.
class CustomerService {
 public:
  CustomerService(Store& store, const Clock& clock, EventPublisher* events = nullptr)
      : store_(store), clock_(clock), events_(events) {}

  Result<Customer> Create(NewCustomer c);
  Result<Customer> Update(int64_t id, CustomerPatch patch);
  Result<Identity> AddIdentity(int64_t customer_id, NewIdentity identity);
  // Merging a customer into itself or into one that was merged away is a
  // Conflict; the target must exist.
  Result<MergeRecord> Merge(int64_t source_id, int64_t target_id, int64_t by_user_id);

  static constexpr size_t kMaxNameBytes = 200;
  static constexpr size_t kMaxSegmentBytes = 40;
  static constexpr size_t kMaxIdentities = 50;

 private:
  Status CheckReferences(std::optional<int64_t> account_manager_id,
                         std::optional<int64_t> organisation_id, std::vector<FieldError>* errors);

  void Emit(EventType type, int64_t customer_id);

  Store& store_;
  const Clock& clock_;
  EventPublisher* events_;
};

// Validates contact hours; appends to `errors` under `field`.
void ValidateContactHours(const ContactHours& h, const std::string& field,
                          std::vector<FieldError>* errors);

}  // namespace luister
