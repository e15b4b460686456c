#include "http/security_headers.h"

#include <cctype>

namespace luister::http {

namespace {

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

bool HasHeader(const Response& res, std::string_view name) {
  for (const auto& [n, v] : res.headers)
    if (SameName(n, name)) return true;
  return false;
}

bool IsLoopback(std::string_view ip) {
  return ip.substr(0, 4) == "127." || ip == "::1" || ip.substr(0, 11) == "::ffff:127.";
}

// Compares without stopping at the first difference, so the time taken does
// not tell how much of a guess was right.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

}  // namespace

std::vector<std::pair<std::string_view, std::string_view>> SecurityHeaders(const Response& res,
                                                                           std::string_view path) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  auto add = [&](std::string_view name, std::string_view value) {
    if (!HasHeader(res, name)) out.emplace_back(name, value);
  };
  add("X-Content-Type-Options", "nosniff");
  add("X-Frame-Options", "DENY");
  add("Referrer-Policy", "no-referrer");
  const bool html = res.content_type.substr(0, 9) == "text/html";
  add("Content-Security-Policy", html ? kAppContentSecurityPolicy : kApiContentSecurityPolicy);
  if (path.substr(0, 5) == "/api/") add("Cache-Control", "no-store");
  return out;
}

bool MayScrapeMetrics(const Request& req, std::string_view token) {
  if (!token.empty()) {
    std::string_view authz = req.Header("authorization");
    return authz.substr(0, 7) == "Bearer " && SameSecret(authz.substr(7), token);
  }
  return IsLoopback(req.remote_ip) && req.Header("x-forwarded-for").empty();
}

}  // namespace luister::http
