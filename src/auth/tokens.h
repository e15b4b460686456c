#pragma once

#include <string>
#include <string_view>

namespace luister::auth {

// `bytes` random bytes from the OS CSPRNG, base64url without padding.
std::string RandomToken(size_t bytes = 32);

// Lower-case hex SHA-256; tokens are stored only as this hash.
std::string Sha256Hex(std::string_view data);

// Lower-case hex HMAC-SHA256 of `data` under `key` (webhook signatures).
std::string HmacSha256Hex(std::string_view key, std::string_view data);

// Constant-time comparison for secrets of equal length.
bool SecretsEqual(std::string_view a, std::string_view b);

}  // namespace luister::auth
