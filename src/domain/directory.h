#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/status.h"
#include "common/time.h"
#include "domain/enums.h"

namespace luister {

// The organisation's own structure: departments, their queues, and the staff.

struct Department {
  int64_t id = 0;
  std::string name;
  Timestamp created_at{};
};

struct Queue {
  int64_t id = 0;
  int64_t department_id = 0;
  std::string name;
  Timestamp created_at{};
};

struct User {
  int64_t id = 0;
  std::string email;  // login name, lower-case
  std::string name;
  Role role = Role::kAgent;
  Language language = Language::kEn;
  std::optional<int64_t> department_id;
  bool active = true;
  Timestamp created_at{};
};

struct NewUser {
  std::string email;
  std::string name;
  Role role = Role::kAgent;
  Language language = Language::kEn;
  std::optional<int64_t> department_id;
  std::string password_hash;  // produced by auth/, never a plain password
};

struct UserPatch {
  std::optional<std::string> name;
  std::optional<Role> role;
  std::optional<Language> language;
  std::optional<int64_t> department_id;
  bool clear_department = false;
  std::optional<bool> active;
};

// Sets the fields `patch` names; department_id wins over clear_department.
void ApplyPatch(User* u, const UserPatch& patch);
// The next state of a user as it stands (locked), for
// DirectoryRepository::UpdateUser.
using UserPlan = std::function<Result<User>(const User& current)>;
// `patch` applied (the rules of who may change what are CheckUserChange's).
Result<User> PlanUserUpdate(const User& current, const UserPatch& patch);

// Passwords: at least 10 characters, at most 1024 bytes (Argon2id takes
// longer ones, but nobody types them). The one copy of the rule: what is
// wrong with `password` as a field error message, or nullopt.
inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 1024;
std::optional<std::string> CheckPassword(std::string_view password);

// What `actor` may change on the account of user `target_id`: the name must
// stay non-empty, a new password must pass CheckPassword, and nobody demotes
// or disables themselves (an administrator could lock everyone out). Adds
// one field error per broken rule to `errors`.
void CheckUserChange(const User& actor, int64_t target_id, const UserPatch& patch,
                     const std::optional<std::string>& new_password,
                     std::vector<FieldError>* errors);

}  // namespace luister
