#include "domain/location.h"

#include "domain/phone.h"
#include "domain/validation.h"

namespace luister {

namespace {

void CheckName(std::string* name, std::vector<FieldError>* errors) {
  *name = WithoutControlCharacters(Trim(*name));
  if (name->empty() || name->size() > 200 || !IsValidUtf8(*name))
    errors->push_back({"name", "must be 1 to 200 bytes of UTF-8"});
}

void CheckAddress(std::string* address, std::vector<FieldError>* errors) {
  *address = std::string(Trim(*address));
  if (address->size() > 1000 || !IsValidUtf8(*address))
    errors->push_back({"address", "must be at most 1000 bytes of UTF-8"});
}

}  // namespace

Result<Location> LocationService::Create(Location l) {
  std::vector<FieldError> errors;
  CheckName(&l.name, &errors);
  CheckAddress(&l.address, &errors);
  auto dept = store_.directory().GetDepartment(l.department_id);
  if (!dept.ok() && dept.status().code() != StatusCode::kNotFound) return dept.status();
  if (!dept.ok()) errors.push_back({"department_id", "no such department"});
  if (!errors.empty()) return InvalidArgument("the location is not valid", std::move(errors));
  l.active = true;
  l.created_at = clock_.Now();
  return locations_.Create(l);
}

Result<Location> LocationService::Update(int64_t id, LocationPatch patch) {
  std::vector<FieldError> errors;
  if (patch.name) CheckName(&*patch.name, &errors);
  if (patch.address) CheckAddress(&*patch.address, &errors);
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  return locations_.Update(id, patch);
}

Result<std::pair<int64_t, bool>> LocationService::Visitor(const NewWalkIn& in,
                                                          std::vector<FieldError>* errors,
                                                          std::vector<Sighting>* seen) {
  // Whose are the address and the number given, if anyone's.
  std::optional<std::string> email, phone;
  std::optional<int64_t> email_owner, phone_owner;
  if (!Trim(in.email).empty()) {
    auto e = NormaliseEmail(in.email);
    if (!e.ok()) {
      errors->push_back({"email", e.status().message()});
    } else {
      email = *e;
      LUISTER_ASSIGN_OR_RETURN(auto found,
                               store_.customers().FindByIdentity(IdentityKind::kEmail, *email));
      if (found) email_owner = found->merged_into_id.value_or(found->id);
    }
  }
  if (!Trim(in.phone).empty()) {
    auto p = NormalisePhone(in.phone);
    if (!p.ok()) {
      errors->push_back({"phone", p.status().message()});
    } else {
      phone = *p;
      LUISTER_ASSIGN_OR_RETURN(auto found,
                               store_.customers().FindByIdentity(IdentityKind::kPhone, *phone));
      if (found) phone_owner = found->merged_into_id.value_or(found->id);
    }
  }
  // The customer: the one named, else whose address, else whose number.
  std::optional<int64_t> customer;
  if (in.customer_id) {
    auto c = store_.customers().Get(*in.customer_id);
    if (!c.ok() && c.status().code() != StatusCode::kNotFound) return c.status();
    if (!c.ok()) {
      errors->push_back({"customer_id", "no such customer"});
      return std::pair<int64_t, bool>{0, false};
    }
    customer = c->merged_into_id.value_or(c->id);
  }
  if (!customer) customer = email_owner;
  if (!customer) customer = phone_owner;
  if (customer) {
    // What was given that belongs to someone else: probably one person.
    if (email_owner && *email_owner != *customer)
      seen->push_back({*customer, *email_owner, DuplicateReason::kGaveKnownAddress, *email});
    if (phone_owner && *phone_owner != *customer)
      seen->push_back({*customer, *phone_owner, DuplicateReason::kSamePhone, *phone});
    return std::pair<int64_t, bool>{*customer, false};
  }
  // Someone new.
  NewCustomer c;
  if (email) c.identities.push_back({IdentityKind::kEmail, *email});
  if (phone) c.identities.push_back({IdentityKind::kPhone, *phone});
  c.name = std::string(Trim(in.name));
  if (c.name.empty()) errors->push_back({"name", "is required for a new customer"});
  if (!errors->empty()) return std::pair<int64_t, bool>{0, false};
  c.language = in.language;
  c.preferred_channel = Channel::kShop;
  LUISTER_ASSIGN_OR_RETURN(Customer created, customers_.Create(std::move(c)));
  return std::pair<int64_t, bool>{created.id, true};
}

Result<WalkIn> LocationService::LogWalkIn(NewWalkIn in, int64_t agent_id) {
  std::vector<FieldError> errors;
  auto location = locations_.Get(in.location_id);
  if (!location.ok() && location.status().code() != StatusCode::kNotFound) return location.status();
  if (!location.ok())
    errors.push_back({"location_id", "no such location"});
  else if (!location->active)
    errors.push_back({"location_id", "the location is closed"});
  if (Trim(in.question).empty()) errors.push_back({"question", "must not be empty"});
  if (in.queue_id && location.ok()) {
    auto q = store_.directory().GetQueue(*in.queue_id);
    if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
    if (!q.ok() || q->department_id != location->department_id)
      errors.push_back({"queue_id", "no such queue in the location's department"});
  }
  if (!errors.empty()) return InvalidArgument("the walk-in is not valid", std::move(errors));
  // The customer last: a refused walk-in makes no customer.
  std::vector<Sighting> seen;
  LUISTER_ASSIGN_OR_RETURN(auto visitor, Visitor(in, &errors, &seen));
  if (!errors.empty()) return InvalidArgument("the walk-in is not valid", std::move(errors));

  NewConversation c;
  c.customer_id = visitor.first;
  c.channel = Channel::kShop;
  c.subject = std::string(Trim(in.subject));
  if (c.subject.empty()) c.subject = Summarize(in.question, 80);
  c.department_id = location->department_id;
  c.queue_id = in.queue_id;
  c.assignee_id = agent_id;
  c.location_id = location->id;
  MessageInput first;
  first.direction = Direction::kIn;
  first.body_text = std::move(in.question);
  LUISTER_ASSIGN_OR_RETURN(AddedMessage opened,
                           conversations_.Open(std::move(c), std::move(first), agent_id));
  WalkIn out{opened.conversation, visitor.first, visitor.second};
  for (Sighting& x : seen)
    LUISTER_RETURN_IF_ERROR(ObserveDuplicate(store_, clock_, events_, x.customer_id, x.other_id,
                                             x.reason, std::move(x.detail), "shop"));
  if (in.resolved) {
    ConversationPatch done;
    done.status = ConversationStatus::kResolved;
    LUISTER_ASSIGN_OR_RETURN(out.conversation,
                             conversations_.Update(opened.conversation.id, done, agent_id));
  }
  return out;
}

}  // namespace luister
