#include "http/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace luister::http {
namespace {

TEST(JsonWriter, WritesWhatNlohmannReadsBack) {
  JsonWriter w;
  w.BeginObject()
      .Key("id")
      .Int(-42)
      .Key("name")
      .String("Zoë \"quoted\" \\ line\nnext\ttab \x01")
      .Key("none")
      .Null()
      .Key("yes")
      .Bool(true)
      .Key("tags")
      .Strings({"a", "b"})
      .Key("nested")
      .BeginArray()
      .BeginObject()
      .Key("x")
      .OptInt(std::nullopt)
      .EndObject()
      .Raw("{\"raw\":1}")
      .EndArray()
      .EndObject();
  auto j = nlohmann::json::parse(w.str());
  EXPECT_EQ(j["id"], -42);
  EXPECT_EQ(j["name"], "Zoë \"quoted\" \\ line\nnext\ttab \x01");
  EXPECT_TRUE(j["none"].is_null());
  EXPECT_EQ(j["yes"], true);
  EXPECT_EQ(j["tags"], nlohmann::json({"a", "b"}));
  EXPECT_TRUE(j["nested"][0]["x"].is_null());
  EXPECT_EQ(j["nested"][1]["raw"], 1);
}

TEST(JsonWriter, ReplacesInvalidUtf8LikeNlohmann) {
  for (std::string bad : {std::string("a\xc3"),
                          std::string("\xff"
                                      "b"),
                          std::string("\xed\xa0\x80"), std::string("\xc0\xaf")}) {
    JsonWriter w;
    w.String(bad);
    std::string expected =
        nlohmann::json(bad).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    EXPECT_EQ(w.str(), expected);
    EXPECT_NO_THROW((void)nlohmann::json::parse(w.str()));
  }
}

}  // namespace
}  // namespace luister::http
