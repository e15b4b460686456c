#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "common/time.h"
#include "domain/activity.h"
#include "domain/enums.h"

namespace luister {

// One way to reach a customer. `value` is normalised: lower-case e-mail,
// E.164 phone ("+31612345678"), "network:handle" for social handles. A value
// belongs to at most one customer.
struct Identity {
  int64_t id = 0;
  int64_t customer_id = 0;
  IdentityKind kind = IdentityKind::kEmail;
  std::string value;
  Timestamp created_at{};
  // Mail to this address bounced: the last bounce's words, and when; unset
  // while it works (and again once the customer writes from it).
  std::optional<std::string> failing;
  std::optional<Timestamp> failing_at;
};

// Contact hours as minutes after local midnight, e.g. 9:00-17:30 = 540-1050.
struct ContactHours {
  int from_minute = 0;
  int to_minute = 0;
};

struct Customer {
  int64_t id = 0;
  CustomerKind kind = CustomerKind::kPerson;
  std::string name;
  std::optional<int64_t> organisation_id;  // a person may belong to an organisation
  std::string segment;                     // free label, e.g. "consumer", "smb", "key_account"
  Language language = Language::kEn;
  std::optional<Channel> preferred_channel;
  std::optional<ContactHours> contact_hours;
  std::optional<int64_t> account_manager_id;
  std::optional<int64_t> merged_into_id;  // set on a customer merged away; it stays as a tombstone
  Timestamp created_at{};
  Timestamp updated_at{};
  std::vector<Identity> identities;
};

struct NewIdentity {
  IdentityKind kind = IdentityKind::kEmail;
  std::string value;
};

struct NewCustomer {
  CustomerKind kind = CustomerKind::kPerson;
  std::string name;
  std::optional<int64_t> organisation_id;
  std::string segment;
  Language language = Language::kEn;
  std::optional<Channel> preferred_channel;
  std::optional<ContactHours> contact_hours;
  std::optional<int64_t> account_manager_id;
  std::vector<NewIdentity> identities;
  std::optional<Timestamp> created_at;  // for imports; defaults to now
};

// Fields absent from a patch are left as they are; `clear_*` empties a field.
struct CustomerPatch {
  std::optional<std::string> name;
  std::optional<std::string> segment;
  std::optional<Language> language;
  std::optional<Channel> preferred_channel;
  bool clear_preferred_channel = false;
  std::optional<ContactHours> contact_hours;
  bool clear_contact_hours = false;
  std::optional<int64_t> account_manager_id;
  bool clear_account_manager = false;
  std::optional<int64_t> organisation_id;
  bool clear_organisation = false;
};

struct CustomerFilter {
  std::optional<std::string> segment;
  std::optional<int64_t> account_manager_id;
  std::optional<CustomerKind> kind;
  std::optional<int64_t> organisation_id;
  bool include_merged = false;
};

// Recorded when `source` is merged into `target`.
struct MergeRecord {
  int64_t id = 0;
  int64_t source_id = 0;
  int64_t target_id = 0;
  std::string source_name;
  int64_t by_user_id = 0;
  Timestamp at{};
  int moved_identities = 0;
  int moved_conversations = 0;
  int moved_activities = 0;
};

// Sets the fields `patch` names; a value given wins over its clear_* flag.
void ApplyPatch(Customer* c, const CustomerPatch& patch);

// Rules every storage engine applies inside its merge transaction.

// Conflict when `source` cannot be merged into `target` (the same customer,
// or either side already merged away).
Status CheckMergeable(const Customer& source, const Customer& target);
// The merged activity on the target's timeline.
// A subject access export is made of the customer who holds the data: one
// merged into another is Conflict, naming the one to export instead.
Status CheckExportable(const Customer& c);

Activity MergeActivity(const Customer& source, const Customer& target, int64_t by_user_id,
                       Timestamp at);

// Changes to a customer are plans, as for conversations (domain/
// conversation.h): functions of the locked current state that storage calls
// inside its transaction and whose result it persists as given.

// The next state of a customer as it stands.
using CustomerPlan = std::function<Result<Customer>(const Customer& current)>;
// `patch` at `at`. Conflict when the customer was merged away;
// InvalidArgument when it would make an organisation a member of one.
Result<Customer> PlanCustomerUpdate(const Customer& current, const CustomerPatch& patch,
                                    Timestamp at);

// What merging records: the merge (its moved_* counts are filled in by
// storage, which moves the rows) and the timeline entries.
struct MergeChange {
  MergeRecord record;
  std::vector<Activity> activities;
};
using MergePlan =
    std::function<Result<MergeChange>(const Customer& source, const Customer& target)>;
// Merging `source` into `target` by `by_user_id` at `at`: CheckMergeable,
// the record and the merged entry on the target's timeline.
Result<MergeChange> PlanMerge(const Customer& source, const Customer& target, int64_t by_user_id,
                              Timestamp at);

}  // namespace luister
