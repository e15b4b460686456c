#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

namespace luister::auth {

namespace {
void EnsureSodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) throw std::runtime_error("libsodium failed to initialise");
}
}  // namespace

PasswordCost PasswordCost::Interactive() {
  return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

PasswordCost PasswordCost::Minimal() { return {crypto_pwhash_OPSLIMIT_MIN, 1 << 16}; }

Result<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  EnsureSodium();
  if (auto wrong = CheckPasswordLength(password))
    return InvalidArgument(
        password.size() > kMaxPasswordLength ? "password too long" : "password too short",
        {{"password", *wrong}});
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.mem_bytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    return Internal("out of memory while hashing a password");
  return std::string(out);
}

bool VerifyPassword(std::string_view encoded_hash, std::string_view password) {
  EnsureSodium();
  std::string h(encoded_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

}  // namespace luister::auth
