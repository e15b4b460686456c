#include "domain/customer.h"

namespace luister {

Status CheckMergeable(const Customer& source, const Customer& target) {
  if (source.id == target.id) return Conflict("a customer cannot be merged into itself");
  for (const Customer* side : {&source, &target}) {
    if (side->merged_into_id)
      return Conflict("customer " + std::to_string(side->id) + " was already merged into " +
                      std::to_string(*side->merged_into_id));
  }
  return Status::Ok();
}

Activity MergeActivity(const Customer& source, const Customer& target, int64_t by_user_id,
                       Timestamp at) {
  Activity a;
  a.customer_id = target.id;
  a.at = at;
  a.kind = ActivityKind::kMerged;
  a.actor_user_id = by_user_id;
  a.summary = "Merged " + source.name + " (customer " + std::to_string(source.id) + ") into " +
              target.name;
  return a;
}

}  // namespace luister
