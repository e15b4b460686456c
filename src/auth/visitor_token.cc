#include "auth/visitor_token.h"

#include <sodium.h>

#include <charconv>
#include <vector>

namespace luister::auth {

namespace {

std::string Mac(const std::array<unsigned char, 32>& key, std::string_view data) {
  static_assert(crypto_auth_KEYBYTES == 32);
  unsigned char mac[crypto_auth_BYTES];
  crypto_auth(mac, reinterpret_cast<const unsigned char*>(data.data()), data.size(), key.data());
  char out[sodium_base64_ENCODED_LEN(crypto_auth_BYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, mac, sizeof mac, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && *out >= 0;
}

}  // namespace

std::string VisitorTokens::Issue(int64_t visitor_id, Timestamp at) const {
  const std::string body = "v1." + std::to_string(visitor_id) + "." + std::to_string(ToMillis(at));
  return body + "." + Mac(key_, body);
}

Result<int64_t> VisitorTokens::Verify(std::string_view token, Timestamp now,
                                      std::chrono::hours max_age) const {
  const Status bad = Unauthorized("the visitor token is not valid; start a new chat");
  if (token.size() > 200) return bad;
  const size_t last = token.rfind('.');
  if (last == std::string_view::npos) return bad;
  const std::string_view body = token.substr(0, last);
  const std::string expected = Mac(key_, body);
  const std::string_view given = token.substr(last + 1);
  if (given.size() != expected.size() ||
      sodium_memcmp(given.data(), expected.data(), expected.size()) != 0)
    return bad;
  // body: v1.<id>.<ms>
  if (body.substr(0, 3) != "v1.") return bad;
  const std::string_view rest = body.substr(3);
  const size_t dot = rest.find('.');
  if (dot == std::string_view::npos) return bad;
  int64_t id = 0, ms = 0;
  if (!ParseInt(rest.substr(0, dot), &id) || !ParseInt(rest.substr(dot + 1), &ms)) return bad;
  const Timestamp issued = FromMillis(ms);
  if (issued > now + std::chrono::minutes(5) || now - issued > max_age) return bad;
  return id;
}

}  // namespace luister::auth
