#pragma once

#include <array>
#include <string>
#include <string_view>

#include "common/result.h"
#include "domain/mailbox.h"

namespace luister::auth {

// Seals the secrets the desk keeps for talking to other servers (IMAP and
// SMTP passwords, OAuth tokens) with libsodium's secretbox
// (XSalsa20-Poly1305): a random nonce per secret, stored with it. The key
// is 32 random bytes in a file of its own in the data directory, created
// on first start with mode 0600 and never in the database, so a copy of
// the database alone reveals no secret. Losing the file means entering the
// passwords again; Open then fails with a clear error.
class SecretBox final : public SecretKeeper {
 public:
  static constexpr size_t kKeyBytes = 32;

  // Reads the key from `path`, creating the file with a new random key when
  // it does not exist. Unavailable when it cannot be read or written,
  // InvalidArgument when it holds something other than a key.
  static Result<SecretBox> FromKeyFile(const std::string& path);
  // A box with a random key that lives as long as the process (tests, and
  // the in-memory demo).
  static SecretBox Ephemeral();

  Result<std::string> Seal(std::string_view plain) override;
  // InvalidArgument when `sealed` was not sealed with this key or was changed.
  Result<std::string> Open(std::string_view sealed) override;

  // A key of its own for another use of this key file (`context`: exactly 8
  // characters, e.g. "visitors"), so that one key never serves two purposes.
  std::array<unsigned char, kKeyBytes> DeriveKey(std::string_view context, uint64_t id = 1) const;

 private:
  explicit SecretBox(const std::array<unsigned char, kKeyBytes>& key) : key_(key) {}
  std::array<unsigned char, kKeyBytes> key_;
};

}  // namespace luister::auth
