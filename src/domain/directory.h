#pragma once

#include <cstdint>
#include <optional>
#include <string>

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

}  // namespace luister
