#include "domain/customer_service.h"

#include <set>

#include "domain/validation.h"

namespace luister {

namespace {

void ValidateName(std::string* name, std::vector<FieldError>* errors) {
  *name = WithoutControlCharacters(Trim(*name));
  if (name->empty()) {
    errors->push_back({"name", "must not be empty"});
  } else if (name->size() > CustomerService::kMaxNameBytes) {
    errors->push_back({"name", "must be at most 200 bytes"});
  } else if (!IsValidUtf8(*name)) {
    errors->push_back({"name", "must be valid UTF-8"});
  }
}

void ValidateSegment(std::string* segment, std::vector<FieldError>* errors) {
  *segment = std::string(Trim(*segment));
  if (segment->size() > CustomerService::kMaxSegmentBytes || !IsValidUtf8(*segment))
    errors->push_back({"segment", "must be valid UTF-8 of at most 40 bytes"});
}

}  // namespace

void ValidateContactHours(const ContactHours& h, const std::string& field,
                          std::vector<FieldError>* errors) {
  if (h.from_minute < 0 || h.from_minute >= 24 * 60 || h.to_minute <= 0 || h.to_minute > 24 * 60 ||
      h.from_minute >= h.to_minute)
    errors->push_back({field, "must be a range within one day with from before to"});
}

void CustomerService::Emit(EventType type, int64_t customer_id) {
  if (!events_) return;
  DomainEvent e;
  e.type = type;
  e.at = clock_.Now();
  e.customer_id = customer_id;
  HeldEvents::PublishOrHold(events_, e);
}

Status CustomerService::CheckReferences(std::optional<int64_t> account_manager_id,
                                        std::optional<int64_t> organisation_id,
                                        std::vector<FieldError>* errors) {
  if (account_manager_id) {
    auto u = store_.directory().GetUser(*account_manager_id);
    if (!u.ok() && u.status().code() != StatusCode::kNotFound) return u.status();
    if (!u.ok() || !u->active) errors->push_back({"account_manager_id", "no such active user"});
  }
  if (organisation_id) {
    auto o = store_.customers().Get(*organisation_id);
    if (!o.ok() && o.status().code() != StatusCode::kNotFound) return o.status();
    if (!o.ok() || o->kind != CustomerKind::kOrganisation || o->merged_into_id)
      errors->push_back({"organisation_id", "no such organisation"});
  }
  return Status::Ok();
}

Result<Customer> CustomerService::Create(NewCustomer c) {
  std::vector<FieldError> errors;
  ValidateName(&c.name, &errors);
  ValidateSegment(&c.segment, &errors);
  if (c.contact_hours) ValidateContactHours(*c.contact_hours, "contact_hours", &errors);
  if (c.kind == CustomerKind::kOrganisation && c.organisation_id)
    errors.push_back({"organisation_id", "an organisation cannot belong to an organisation"});
  if (c.identities.size() > kMaxIdentities)
    errors.push_back({"identities", "at most 50 identities"});
  std::set<std::pair<IdentityKind, std::string>> seen;
  for (size_t i = 0; i < c.identities.size(); ++i) {
    auto& id = c.identities[i];
    auto norm = NormaliseIdentity(id.kind, id.value);
    std::string field = "identities[" + std::to_string(i) + "].value";
    if (!norm.ok()) {
      errors.push_back({field, norm.status().message()});
      continue;
    }
    id.value = *norm;
    if (!seen.insert({id.kind, id.value}).second) errors.push_back({field, "listed twice"});
  }
  if (c.created_at)
    if (auto bad = CheckImportedTime(*c.created_at, clock_.Now()))
      errors.push_back({"created_at", *bad});
  LUISTER_RETURN_IF_ERROR(CheckReferences(c.account_manager_id, c.organisation_id, &errors));
  if (!errors.empty()) return InvalidArgument("the customer is not valid", std::move(errors));
  if (!c.created_at) c.created_at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(Customer created, store_.customers().Create(c));
  Emit(EventType::kCustomerCreated, created.id);
  return created;
}

Result<Customer> CustomerService::Update(int64_t id, CustomerPatch patch) {
  std::vector<FieldError> errors;
  if (patch.name) ValidateName(&*patch.name, &errors);
  if (patch.segment) ValidateSegment(&*patch.segment, &errors);
  if (patch.contact_hours) ValidateContactHours(*patch.contact_hours, "contact_hours", &errors);
  if (patch.organisation_id && *patch.organisation_id == id)
    errors.push_back({"organisation_id", "a customer cannot belong to itself"});
  LUISTER_RETURN_IF_ERROR(
      CheckReferences(patch.account_manager_id, patch.organisation_id, &errors));
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  const Timestamp at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(Customer updated,
                           store_.customers().Update(id, [&](const Customer& current) {
                             return PlanCustomerUpdate(current, patch, at);
                           }));
  Emit(EventType::kCustomerUpdated, id);
  return updated;
}

Result<Identity> CustomerService::AddIdentity(int64_t customer_id, NewIdentity identity) {
  auto norm = NormaliseIdentity(identity.kind, identity.value);
  if (!norm.ok())
    return InvalidArgument("the identity is not valid", {{"value", norm.status().message()}});
  identity.value = *norm;
  LUISTER_ASSIGN_OR_RETURN(Customer current, store_.customers().Get(customer_id));
  if (current.merged_into_id) return Conflict("customer was merged into another customer");
  if (current.identities.size() >= kMaxIdentities)
    return InvalidArgument("too many identities", {{"value", "at most 50 identities"}});
  LUISTER_ASSIGN_OR_RETURN(Identity added,
                           store_.customers().AddIdentity(customer_id, identity, clock_.Now()));
  Emit(EventType::kCustomerUpdated, customer_id);
  return added;
}

Result<MergeRecord> CustomerService::Merge(int64_t source_id, int64_t target_id,
                                           int64_t by_user_id) {
  if (source_id == target_id) return Conflict("a customer cannot be merged into itself");
  const Timestamp at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(
      MergeRecord m, store_.customers().Merge(source_id, target_id,
                                              [&](const Customer& source, const Customer& target) {
                                                return PlanMerge(source, target, by_user_id, at);
                                              }));
  Emit(EventType::kCustomerMerged, target_id);
  return m;
}

}  // namespace luister
