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

// A fixed-window counter's count in the current window and in the one
// before it: with the time into the current window, a sliding estimate.
struct WindowCounts {
  int current = 0;
  int previous = 0;
};

// Failures of one thing in a row (a login by one account from one address),
// none further apart than the repository was told to remember.
struct FailureStreak {
  int failures = 0;
  std::optional<Timestamp> last;  // when the last one was; nullopt when none
};

}  // namespace luister
