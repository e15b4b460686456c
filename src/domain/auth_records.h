#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/time.h"

namespace luister {

// Only hashes of secrets are stored; the plain token leaves the server once.
struct SessionRecord {
  std::string token_hash;  // hex SHA-256 of the cookie value
  int64_t user_id = 0;
  std::string csrf_token;
  Timestamp created_at{};
  Timestamp expires_at{};
};

struct ApiTokenRecord {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  std::string token_hash;  // hex SHA-256
  std::string prefix;      // first characters of the token, shown to admins to tell tokens apart
  Timestamp created_at{};
  std::optional<Timestamp> last_used_at;
  std::optional<Timestamp> revoked_at;
};

struct Credentials {
  int64_t user_id = 0;
  std::string password_hash;
  bool active = true;
};

}  // namespace luister
