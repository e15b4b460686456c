#include "domain/customer.h"

namespace luister {

void ApplyPatch(Customer* c, const CustomerPatch& patch) {
  if (patch.name) c->name = *patch.name;
  if (patch.segment) c->segment = *patch.segment;
  if (patch.language) c->language = *patch.language;
  if (patch.clear_preferred_channel) c->preferred_channel.reset();
  if (patch.preferred_channel) c->preferred_channel = patch.preferred_channel;
  if (patch.clear_contact_hours) c->contact_hours.reset();
  if (patch.contact_hours) c->contact_hours = patch.contact_hours;
  if (patch.clear_account_manager) c->account_manager_id.reset();
  if (patch.account_manager_id) c->account_manager_id = patch.account_manager_id;
  if (patch.clear_organisation) c->organisation_id.reset();
  if (patch.organisation_id) c->organisation_id = patch.organisation_id;
}

Status CheckMergeable(const Customer& source, const Customer& target) {
  if (source.id == target.id) return Conflict("a customer cannot be merged into itself");
  for (const Customer* side : {&source, &target}) {
    if (side->merged_into_id)
      return Conflict("customer " + std::to_string(side->id) + " was already merged into " +
                      std::to_string(*side->merged_into_id));
  }
  return Status::Ok();
}

Status CheckExportable(const Customer& c) {
  if (!c.merged_into_id) return Status::Ok();
  return Conflict("customer " + std::to_string(c.id) + " was merged into customer " +
                  std::to_string(*c.merged_into_id) +
                  "; export that one, which holds this one's data");
}

Activity MergeActivity(const Customer& source, const Customer& target, int64_t by_user_id,
                       Timestamp at) {
  Activity a;
  a.customer_id = target.id;
  a.at = at;
  a.kind = ActivityKind::kMerged;
  a.actor_user_id = by_user_id;
  a.params.Set("source_id", source.id).Set("source_name", source.name);
  return a;
}

Result<Customer> PlanCustomerUpdate(const Customer& current, const CustomerPatch& patch,
                                    Timestamp at) {
  if (current.merged_into_id)
    return Conflict("customer " + std::to_string(current.id) + " was merged into customer " +
                    std::to_string(*current.merged_into_id));
  if (patch.organisation_id && current.kind == CustomerKind::kOrganisation)
    return InvalidArgument(
        "the change is not valid",
        {{"organisation_id", "an organisation cannot belong to an organisation"}});
  Customer next = current;
  ApplyPatch(&next, patch);
  next.updated_at = at;
  return next;
}

Result<MergeChange> PlanMerge(const Customer& source, const Customer& target, int64_t by_user_id,
                              Timestamp at) {
  LUISTER_RETURN_IF_ERROR(CheckMergeable(source, target));
  MergeChange change;
  change.record.source_id = source.id;
  change.record.target_id = target.id;
  change.record.source_name = source.name;
  change.record.by_user_id = by_user_id;
  change.record.at = at;
  change.activities.push_back(MergeActivity(source, target, by_user_id, at));
  return change;
}

}  // namespace luister
