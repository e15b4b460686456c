#include "http/json_body.h"

#include <gtest/gtest.h>

namespace luister::http {
namespace {

TEST(JsonBodyTest, NumbersBeyondADoubleAreAFieldError) {
  for (std::string body : {R"({"email": 1e400, "password": "x"})", R"({"email": -1e999})"}) {
    auto b = JsonBody::Parse(body);
    ASSERT_FALSE(b.ok()) << body;
    EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
    ASSERT_EQ(b.status().fields().size(), 1u) << body;
    EXPECT_EQ(b.status().fields()[0].field, "email");
  }
  auto nested = JsonBody::Parse(R"({"a": {"b": [1, 2e500]}})");
  ASSERT_FALSE(nested.ok());
  EXPECT_EQ(nested.status().fields().at(0).field, "b") << "the innermost key read";
  auto top = JsonBody::Parse(R"({"ok": 1, "n": 1e308})");
  EXPECT_TRUE(top.ok()) << "the largest double is fine";
}

TEST(JsonBodyTest, MalformedBodiesNameTheByte) {
  auto b = JsonBody::Parse(R"({"name": )");
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("malformed JSON at byte"), std::string::npos);
  EXPECT_FALSE(JsonBody::Parse("[1]").ok());
  EXPECT_FALSE(JsonBody::Parse(std::string(100, '[')).ok());
}

}  // namespace
}  // namespace luister::http
