#include "auth/secret_box.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace luister::auth {

namespace {

// The key file: a version line and the key in hex, so that a person who
// opens it sees what it is.
constexpr std::string_view kHeader = "luister-secret-key-v1\n";

std::string Errno(const std::string& what) { return what + ": " + std::strerror(errno); }

}  // namespace

std::array<unsigned char, SecretBox::kKeyBytes> SecretBox::DeriveKey(std::string_view context,
                                                                     uint64_t id) const {
  static_assert(kKeyBytes == crypto_kdf_KEYBYTES);
  char ctx[crypto_kdf_CONTEXTBYTES] = {};
  std::memcpy(ctx, context.data(), std::min(context.size(), sizeof ctx));
  std::array<unsigned char, kKeyBytes> out{};
  crypto_kdf_derive_from_key(out.data(), out.size(), id, ctx, key_.data());
  return out;
}

SecretBox SecretBox::Ephemeral() {
  if (sodium_init() < 0) std::abort();
  std::array<unsigned char, kKeyBytes> key{};
  crypto_secretbox_keygen(key.data());
  return SecretBox(key);
}

Result<SecretBox> SecretBox::FromKeyFile(const std::string& path) {
  if (sodium_init() < 0) return Internal("libsodium could not be initialised");
  std::array<unsigned char, kKeyBytes> key{};
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    // First start: a new key, written so that no one else can read it, and
    // created exclusively, so two nodes starting at once agree on one.
    crypto_secretbox_keygen(key.data());
    char hex[kKeyBytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, key.data(), key.size());
    std::string text = std::string(kHeader) + hex + "\n";
    sodium_memzero(hex, sizeof hex);
    int out = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (out >= 0) {
      bool written = ::write(out, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                     ::fsync(out) == 0;
      ::close(out);
      sodium_memzero(text.data(), text.size());
      if (!written) {
        ::unlink(path.c_str());
        return Unavailable(Errno("cannot write the secret key file " + path));
      }
      return SecretBox(key);
    }
    if (errno != EEXIST) return Unavailable(Errno("cannot create the secret key file " + path));
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // another process made it first
  }
  if (fd < 0) return Unavailable(Errno("cannot read the secret key file " + path));
  struct stat st {};
  if (::fstat(fd, &st) == 0 && (st.st_mode & 077) != 0) {
    ::close(fd);
    return InvalidArgument("the secret key file " + path +
                           " can be read by others; make it private (chmod 600)");
  }
  char buf[256];
  ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  std::string_view text(buf, n > 0 ? static_cast<size_t>(n) : 0);
  bool ok = text.substr(0, kHeader.size()) == kHeader;
  if (ok) {
    std::string_view hex = text.substr(kHeader.size());
    while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r')) hex.remove_suffix(1);
    size_t len = 0;
    ok = hex.size() == kKeyBytes * 2 &&
         sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &len, nullptr) ==
             0 &&
         len == kKeyBytes;
  }
  sodium_memzero(buf, sizeof buf);
  if (!ok) return InvalidArgument("the secret key file " + path + " does not hold a key");
  return SecretBox(key);
}

Result<std::string> SecretBox::Seal(std::string_view plain) {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  if (crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                            reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                            nonce, key_.data()) != 0)
    return Internal("the secret could not be sealed");
  return out;
}

Result<std::string> SecretBox::Open(std::string_view sealed) {
  if (sealed.size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES)
    return InvalidArgument("the stored secret is damaged");
  const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  std::string out(sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(
          reinterpret_cast<unsigned char*>(out.data()), nonce + crypto_secretbox_NONCEBYTES,
          sealed.size() - crypto_secretbox_NONCEBYTES, nonce, key_.data()) != 0)
    return InvalidArgument(
        "the stored secret cannot be opened with this server's key (was the key file replaced?); "
        "enter the password again");
  return out;
}

}  // namespace luister::auth
