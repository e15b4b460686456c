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

// Passwords: at least 10 characters (code points, not bytes: five "é" are
// five), at most 1024 bytes (Argon2id takes longer ones, but nobody types
// them), and not easy to guess: zxcvbn's estimate must reach
// kMinPasswordBits, with common passwords, English words, keyboard and
// number patterns, common Dutch words and the account's own e-mail address
// and name counted as guessable. Refuses "aaaaaaaaaa", "1234567890",
// "Wachtwoord1" and the user's own address; takes a passphrase.
inline constexpr size_t kMinPasswordLength = 10;
inline constexpr size_t kMaxPasswordLength = 1024;
inline constexpr double kMinPasswordBits = 28;  // about 2.7e8 guesses

// What a password may not be made of besides the common lists.
struct PasswordContext {
  std::string_view email;
  std::string_view name;
};

// The length rule alone (what the hasher enforces): the field error
// message, or nullopt.
std::optional<std::string> CheckPasswordLength(std::string_view password);
// The whole rule, for a new password: the field error message, or nullopt.
std::optional<std::string> CheckPassword(std::string_view password,
                                         const PasswordContext& context = {});

// What `actor` may change on the account of `target`: the name must stay
// non-empty, a new password must pass CheckPassword (against the target's
// address and its name, the new one when it changes), and nobody demotes or
// disables themselves (an administrator could lock everyone out). Adds one
// field error per broken rule to `errors`.
void CheckUserChange(const User& actor, const User& target, const UserPatch& patch,
                     const std::optional<std::string>& new_password,
                     std::vector<FieldError>* errors);

}  // namespace luister
