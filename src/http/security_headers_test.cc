#include "http/security_headers.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace luister::http {
namespace {

std::map<std::string, std::string> HeadersOf(const Response& res, std::string_view path) {
  std::map<std::string, std::string> out;
  for (const auto& [n, v] : SecurityHeaders(res, path)) out.emplace(n, v);
  return out;
}

TEST(SecurityHeadersTest, PagesGetTheAppPolicyAndTheApiIsNotCached) {
  Response page;
  page.content_type = "text/html; charset=utf-8";
  auto h = HeadersOf(page, "/customers/3");
  EXPECT_EQ(h["Content-Security-Policy"], kAppContentSecurityPolicy);
  EXPECT_EQ(h["X-Frame-Options"], "DENY");
  EXPECT_EQ(h["X-Content-Type-Options"], "nosniff");
  EXPECT_EQ(h.count("Cache-Control"), 0u) << "static files set their own";

  Response json;
  auto api = HeadersOf(json, "/api/v1/customers");
  EXPECT_EQ(api["Content-Security-Policy"], kApiContentSecurityPolicy);
  EXPECT_EQ(api["Cache-Control"], "no-store");
  EXPECT_EQ(api["Referrer-Policy"], "no-referrer");
}

TEST(SecurityHeadersTest, AHandlersOwnHeaderWins) {
  Response r;
  r.SetHeader("cache-control", "private, max-age=60");
  auto h = HeadersOf(r, "/api/v1/jobs/1/result");
  EXPECT_EQ(h.count("Cache-Control"), 0u);
  EXPECT_EQ(h.count("X-Frame-Options"), 1u);
}

TEST(MetricsAccessTest, LoopbackWithoutAProxyOrTheTokenOnly) {
  Request local;
  local.remote_ip = "127.0.0.1";
  EXPECT_TRUE(MayScrapeMetrics(local, ""));
  Request v6 = local;
  v6.remote_ip = "::1";
  EXPECT_TRUE(MayScrapeMetrics(v6, ""));
  Request proxied = local;
  proxied.headers.emplace_back("x-forwarded-for", "203.0.113.9");
  EXPECT_FALSE(MayScrapeMetrics(proxied, ""));
  Request remote;
  remote.remote_ip = "203.0.113.9";
  EXPECT_FALSE(MayScrapeMetrics(remote, ""));

  // With a token configured, only the token counts, from anywhere.
  Request scraper = remote;
  scraper.headers.emplace_back("authorization", "Bearer s3cret-token");
  EXPECT_TRUE(MayScrapeMetrics(scraper, "s3cret-token"));
  EXPECT_FALSE(MayScrapeMetrics(scraper, "other-token"));
  EXPECT_FALSE(MayScrapeMetrics(local, "s3cret-token"));
}

}  // namespace
}  // namespace luister::http
