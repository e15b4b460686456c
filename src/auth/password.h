#pragma once

#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/directory.h"

namespace luister::auth {

// Argon2id password hashing (libsodium crypto_pwhash_str). The encoded hash
// carries its own salt and cost parameters, so costs can be raised later
// without invalidating stored hashes.
struct PasswordCost {
  unsigned long long ops;
  size_t mem_bytes;
  // libsodium's "interactive" level: ~64 MiB, the default for logins.
  static PasswordCost Interactive();
  // Small cost for bulk demo users and tests; never for real accounts.
  static PasswordCost Minimal();
};

// InvalidArgument for passwords shorter than kMinPasswordLength or longer
// than kMaxPasswordLength bytes.
Result<std::string> HashPassword(std::string_view password,
                                 PasswordCost cost = PasswordCost::Interactive());
bool VerifyPassword(std::string_view encoded_hash, std::string_view password);

using ::luister::kMaxPasswordLength;  // the rule is domain's (CheckPassword)
using ::luister::kMinPasswordLength;

}  // namespace luister::auth
