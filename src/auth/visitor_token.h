#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/result.h"
#include "common/time.h"

namespace luister::auth {

// The chat widget's visitor token: "v1.<visitor id>.<issued, Unix ms>.<MAC>",
// the MAC (libsodium crypto_auth, HMAC-SHA-512-256, base64url) under a key
// derived from the desk's secret key file, so every node of a desk accepts
// the tokens of every other and nobody can make one for another visitor.
// The widget keeps it in the visitor's browser once they start a chat; it
// names the visitor and nothing else.
class VisitorTokens {
 public:
  explicit VisitorTokens(const std::array<unsigned char, 32>& key) : key_(key) {}

  std::string Issue(int64_t visitor_id, Timestamp at) const;
  // The visitor a token names; Unauthorized when it is not one of ours,
  // was changed, or was issued more than `max_age` before `now`.
  Result<int64_t> Verify(std::string_view token, Timestamp now,
                         std::chrono::hours max_age = std::chrono::hours(24 * 400)) const;

 private:
  std::array<unsigned char, 32> key_;
};

}  // namespace luister::auth
