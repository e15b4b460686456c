#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"

namespace luister::http {

// The Content-Security-Policy of the web app's pages: scripts, styles,
// fonts and connections (XHR and the live WebSocket) only from this server;
// images also as data: and blob: URLs (previews); no plugins, no <base>, no
// framing. The app has no inline script or style, and the browser tests run
// it under this policy.
inline constexpr std::string_view kAppContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
// Of everything else (JSON, problem documents, metrics): nothing to load.
inline constexpr std::string_view kApiContentSecurityPolicy =
    "default-src 'none'; frame-ancestors 'none'";

// The security headers a response to a request for `path` gets, besides
// those its handler set (a handler's own header of the same name wins):
// nosniff, no framing, no referrer, the CSP for its content type, and
// "Cache-Control: no-store" for the API, whose answers hold personal data.
// docs/security.md lists them.
std::vector<std::pair<std::string_view, std::string_view>> SecurityHeaders(const Response& res,
                                                                           std::string_view path);

// Who may read /metrics (per-route counts, failed logins): a scraper that
// sends `Authorization: Bearer <token>` with the configured token, or, when
// no token is configured, a process on this host reaching the server
// directly (a loopback peer and no X-Forwarded-For: a request through a
// local reverse proxy is not local).
bool MayScrapeMetrics(const Request& req, std::string_view token);

}  // namespace luister::http
