#pragma once

#include <string_view>

#include "domain/webhook.h"

namespace luister::webhook {

struct PosterOptions {
  // Connect to loopback and private ranges too (a test rig, or an
  // integration on the desk's own network the admin vouches for).
  bool allow_private = false;
};

// Whether the desk may connect to `ip` (a numeric IPv4 or IPv6 address)
// without `allow_private`: false for loopback, private (RFC 1918, ULA),
// link-local, carrier-grade NAT, multicast, unspecified, documentation and
// other reserved ranges, and IPv4 addresses mapped into IPv6 from those.
bool IsPublicAddress(std::string_view ip);

// POSTs over libcurl: http and https only, no redirects, certificates
// verified, the address checked when the socket is opened (after DNS, so a
// name that resolves inward is refused too), answers kept up to 64 KB.
class CurlWebhookPoster final : public WebhookPoster {
 public:
  explicit CurlWebhookPoster(PosterOptions options = {});
  WebhookResult Post(const WebhookRequest& request) override;

 private:
  PosterOptions options_;
};

}  // namespace luister::webhook
