#include "channels/webhook/curl_webhook_poster.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <sodium.h>
#include <sys/socket.h>

#include <array>
#include <chrono>
#include <cstring>
#include <mutex>

namespace luister::webhook {

namespace {

constexpr size_t kMaxAnswer = 64 * 1024;

bool InV4(uint32_t ip, uint32_t net, int bits) {
  uint32_t mask = bits == 0 ? 0 : ~uint32_t{0} << (32 - bits);
  return (ip & mask) == (net & mask);
}

constexpr uint32_t V4(int a, int b, int c, int d) {
  return (static_cast<uint32_t>(a) << 24) | (static_cast<uint32_t>(b) << 16) |
         (static_cast<uint32_t>(c) << 8) | static_cast<uint32_t>(d);
}

bool PublicV4(uint32_t ip) {
  struct Range {
    uint32_t net;
    int bits;
  };
  static constexpr std::array<Range, 15> kInternal{{
      {V4(0, 0, 0, 0), 8},        // "this network"
      {V4(10, 0, 0, 0), 8},       // private
      {V4(100, 64, 0, 0), 10},    // carrier-grade NAT
      {V4(127, 0, 0, 0), 8},      // loopback
      {V4(169, 254, 0, 0), 16},   // link-local (cloud metadata lives here)
      {V4(172, 16, 0, 0), 12},    // private
      {V4(192, 0, 0, 0), 24},     // protocol assignments
      {V4(192, 0, 2, 0), 24},     // documentation
      {V4(192, 88, 99, 0), 24},   // 6to4 relay
      {V4(192, 168, 0, 0), 16},   // private
      {V4(198, 18, 0, 0), 15},    // benchmarking
      {V4(198, 51, 100, 0), 24},  // documentation
      {V4(203, 0, 113, 0), 24},   // documentation
      {V4(224, 0, 0, 0), 4},      // multicast
      {V4(240, 0, 0, 0), 4},      // reserved and broadcast
  }};
  for (const Range& r : kInternal)
    if (InV4(ip, r.net, r.bits)) return false;
  return true;
}

uint32_t V4At(const unsigned char* p) {
  return (static_cast<uint32_t>(p[0]) << 24) | (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

bool PublicV6(const unsigned char* a) {
  static constexpr unsigned char kZero[12] = {};
  static constexpr unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  static constexpr unsigned char kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  // IPv4 inside IPv6: judged as the IPv4 address it carries.
  if (std::memcmp(a, kMapped, 12) == 0 || std::memcmp(a, kNat64, 12) == 0)
    return PublicV4(V4At(a + 12));
  if (std::memcmp(a, kZero, 12) == 0) return false;         // ::, ::1 and the old compatible form
  if ((a[0] & 0xfe) == 0xfc) return false;                  // unique local fc00::/7
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return false;  // link-local fe80::/10
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0) return false;  // site-local fec0::/10
  if (a[0] == 0xff) return false;                           // multicast
  if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) return false;       // docs
  if (a[0] == 0x01 && a[1] == 0x00 && std::memcmp(a + 2, kZero, 6) == 0) return false;  // discard
  return true;
}

// "sha256=" + lower-case hex HMAC-SHA256 of "<ts>.<body>" under `key`.
std::string Signature(const std::string& key, const std::string& ts, const std::string& body) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(ts.data()), ts.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return std::string("sha256=") + hex;
}

struct Transfer {
  bool allow_private = false;
  std::string refused;  // the address refused, when one was
  std::string answer;
};

curl_socket_t OpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  if (purpose != CURLSOCKTYPE_IPCXN) return CURL_SOCKET_BAD;
  char text[INET6_ADDRSTRLEN] = {};
  if (address->family == AF_INET) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(&address->addr);
    inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
  } else if (address->family == AF_INET6) {
    const auto* in = reinterpret_cast<const sockaddr_in6*>(&address->addr);
    inet_ntop(AF_INET6, &in->sin6_addr, text, sizeof text);
  } else {
    t->refused = "a non-IP address";
    return CURL_SOCKET_BAD;
  }
  if (!t->allow_private && !IsPublicAddress(text)) {
    t->refused = text;
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

size_t Keep(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (t->answer.size() < kMaxAnswer)
    t->answer.append(data, std::min(len, kMaxAnswer - t->answer.size()));
  return len;
}

}  // namespace

bool IsPublicAddress(std::string_view ip) {
  std::string s(ip);
  unsigned char buf[16];
  if (inet_pton(AF_INET, s.c_str(), buf) == 1) return PublicV4(V4At(buf));
  if (inet_pton(AF_INET6, s.c_str(), buf) == 1) return PublicV6(buf);
  return false;
}

CurlWebhookPoster::CurlWebhookPoster(PosterOptions options) : options_(options) {
  static std::once_flag once;
  std::call_once(once, [] {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    if (sodium_init() < 0) std::abort();
  });
}

WebhookResult CurlWebhookPoster::Post(const WebhookRequest& request) {
  CURL* curl = curl_easy_init();
  if (!curl) return {WebhookOutcome::kTemporary, 0, "libcurl could not start a transfer", ""};
  Transfer t;
  t.allow_private = options_.allow_private;
  char error[CURL_ERROR_SIZE] = {};

  const std::string ts = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::system_clock::now().time_since_epoch())
                                            .count());
  curl_slist* headers = nullptr;
  auto header = [&headers](const std::string& line) {
    headers = curl_slist_append(headers, line.c_str());
  };
  header("Content-Type: application/json");
  header("X-Luister-Timestamp: " + ts);
  header("X-Luister-Signature: " + Signature(request.signing_key, ts, request.body));
  for (const auto& [name, value] : request.headers) header(name + ": " + value);
  header("Expect:");  // no 100-continue round trip

  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_PROXY,
                   "");  // straight to the destination, never via the environment's proxy
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "luister-webhook");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, OpenSocket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &t);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Keep);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));

  CURLcode rc = curl_easy_perform(curl);
  long code = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);

  WebhookResult r;
  r.status = static_cast<int>(code);
  r.body = std::move(t.answer);
  if (!t.refused.empty()) {
    r.outcome = WebhookOutcome::kRefused;
    r.answer = "not sent: " + t.refused +
               " is an internal address (the desk sends only to public addresses unless "
               "--webhooks-allow-private is set)";
    return r;
  }
  if (rc != CURLE_OK) {
    r.outcome = rc == CURLE_UNSUPPORTED_PROTOCOL || rc == CURLE_URL_MALFORMAT
                    ? WebhookOutcome::kRefused
                    : WebhookOutcome::kTemporary;
    r.answer = error[0] ? std::string(error) : std::string(curl_easy_strerror(rc));
    return r;
  }
  r.answer = "HTTP " + std::to_string(code);
  if (code >= 200 && code < 300) {
    r.outcome = WebhookOutcome::kDelivered;
  } else if (code >= 300 && code < 400) {
    r.outcome = WebhookOutcome::kRefused;
    r.answer += ": a redirect, which the desk does not follow (give the final address)";
  } else if (code == 408 || code == 425 || code == 429 || code >= 500) {
    r.outcome = WebhookOutcome::kTemporary;
  } else {
    r.outcome = WebhookOutcome::kRejected;
  }
  if (r.outcome != WebhookOutcome::kDelivered && !r.body.empty()) {
    // The destination's words, as printable ASCII (they are shown and logged).
    std::string words;
    for (char c : r.body.substr(0, 300)) words += (c >= 0x20 && c < 0x7f) ? c : ' ';
    r.answer += ": " + words;
  }
  return r;
}

}  // namespace luister::webhook
