#include "http/metrics.h"

#include <gtest/gtest.h>

namespace luister::http {
namespace {

using std::chrono::microseconds;

bool Contains(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

TEST(MetricsTest, RendersCounterAndCumulativeHistogram) {
  Metrics m;
  m.Observe("GET", "/api/v1/customers/{id}", 200, microseconds(300));      // <= 0.0005
  m.Observe("GET", "/api/v1/customers/{id}", 200, microseconds(2000));     // <= 0.0025
  m.Observe("GET", "/api/v1/customers/{id}", 200, microseconds(7000000));  // > 5
  m.Observe("POST", "unmatched", 404, microseconds(100));
  std::string text = m.Render();

  const std::string labels = R"(method="GET",route="/api/v1/customers/{id}",status="200")";
  EXPECT_TRUE(Contains(text, "# TYPE luister_http_requests_total counter"));
  EXPECT_TRUE(Contains(text, "# TYPE luister_http_request_duration_seconds histogram"));
  EXPECT_NE(text.find("# HELP luister_http_requests_total "), std::string::npos);
  EXPECT_NE(text.find("# HELP luister_http_request_duration_seconds "), std::string::npos);
  EXPECT_TRUE(Contains(text, "luister_http_requests_total{" + labels + "} 3"));
  EXPECT_TRUE(Contains(
      text, R"(luister_http_requests_total{method="POST",route="unmatched",status="404"} 1)"));

  const std::string bucket = "luister_http_request_duration_seconds_bucket{" + labels;
  EXPECT_TRUE(Contains(text, bucket + R"(,le="0.0005"} 1)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="0.001"} 1)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="0.0025"} 2)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="1"} 2)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="5"} 2)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="+Inf"} 3)"));
  EXPECT_TRUE(Contains(text, "luister_http_request_duration_seconds_count{" + labels + "} 3"));
  EXPECT_TRUE(Contains(text, "luister_http_request_duration_seconds_sum{" + labels + "} 7.0023"));
}

TEST(MetricsTest, BucketBoundIsInclusive) {
  Metrics m;
  m.Observe("GET", "/", 200, microseconds(1000));  // exactly le="0.001"
  std::string text = m.Render();
  const std::string bucket =
      R"(luister_http_request_duration_seconds_bucket{method="GET",route="/",status="200")";
  EXPECT_TRUE(Contains(text, bucket + R"(,le="0.0005"} 0)"));
  EXPECT_TRUE(Contains(text, bucket + R"(,le="0.001"} 1)"));
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics m;
  m.Observe("GET", "/a\"b\\c\nd", 200, microseconds(1));
  EXPECT_NE(m.Render().find(R"(route="/a\"b\\c\nd")"), std::string::npos);
}

TEST(MetricsTest, EmptyRenderHasOnlyMetadata) {
  Metrics m;
  std::string text = m.Render();
  EXPECT_EQ(text.find("luister_http_requests_total{"), std::string::npos);
  EXPECT_TRUE(Contains(text, "# TYPE luister_http_requests_total counter"));
}

}  // namespace
}  // namespace luister::http
