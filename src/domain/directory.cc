#include "domain/directory.h"

namespace luister {

void ApplyPatch(User* u, const UserPatch& patch) {
  if (patch.name) u->name = *patch.name;
  if (patch.role) u->role = *patch.role;
  if (patch.language) u->language = *patch.language;
  if (patch.clear_department) u->department_id.reset();
  if (patch.department_id) u->department_id = patch.department_id;
  if (patch.active) u->active = *patch.active;
}

std::optional<std::string> CheckPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength)
    return "must be at least " + std::to_string(kMinPasswordLength) + " characters";
  if (password.size() > kMaxPasswordLength)
    return "must be at most " + std::to_string(kMaxPasswordLength) + " bytes";
  return std::nullopt;
}

void CheckUserChange(const User& actor, int64_t target_id, const UserPatch& patch,
                     const std::optional<std::string>& new_password,
                     std::vector<FieldError>* errors) {
  if (patch.name && patch.name->find_first_not_of(" \t\r\n") == std::string::npos)
    errors->push_back({"name", "must not be empty"});
  if (new_password) {
    if (auto wrong = CheckPassword(*new_password)) errors->push_back({"password", *wrong});
  }
  const bool demotes = patch.role && *patch.role != Role::kAdmin;
  if (target_id == actor.id && (patch.active == false || demotes))
    errors->push_back({"role", "you cannot demote or disable yourself"});
}

Result<User> PlanUserUpdate(const User& current, const UserPatch& patch) {
  User next = current;
  ApplyPatch(&next, patch);
  return next;
}

}  // namespace luister
