#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace luister {

// An HTTP POST of JSON to a destination an admin configured (a social
// source's reply URL), signed like the webhooks the desk takes: headers
// X-Luister-Timestamp (Unix seconds) and X-Luister-Signature
// ("sha256=" + hex HMAC-SHA256 under `signing_key` of "<timestamp>.<body>").
struct WebhookRequest {
  std::string url;
  std::string body;  // JSON
  std::string signing_key;
  std::vector<std::pair<std::string, std::string>> headers;  // more headers
  std::chrono::seconds timeout{15};
};

enum class WebhookOutcome {
  kDelivered,  // 2xx
  kRejected,   // a 4xx other than 408/425/429: the same request will not do better
  kTemporary,  // 5xx, 408, 425, 429, timeout or no connection: try again later
  kRefused,    // the desk would not send it: a private address, a redirect, not http(s)
};

struct WebhookResult {
  WebhookOutcome outcome = WebhookOutcome::kDelivered;
  int status = 0;      // the HTTP status; 0 when there was none
  std::string answer;  // for people: the status line or the network's words
  std::string body;    // the answer's body (at most 64 KB)
};

// Sends signed webhooks (channels/webhook: libcurl). Implementations follow
// no redirects and, unless the installation allows it, connect to no
// loopback, private, link-local or otherwise internal address: a reply URL
// must not become a way into the desk's own network.
class WebhookPoster {
 public:
  virtual ~WebhookPoster() = default;
  virtual WebhookResult Post(const WebhookRequest& request) = 0;
};

}  // namespace luister
