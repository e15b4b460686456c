// `luister mail parse`: the JSON shape support staff and tools rely on.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "luister_process.h"

namespace luister::e2e {
namespace {

std::string MailFile(const std::string& name) {
  return std::string(LUISTER_SOURCE_DIR) + "/tests/data/mail/" + name;
}

TEST(MailCliTest, ParsePrintsExactlyTheDocumentedKeys) {
  auto r = RunLuister({"mail", "parse", MailFile("apple-inline-image.eml")});
  ASSERT_EQ(r.exit_code, 0) << r.out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"from", "to", "cc", "reply_to", "subject", "date",
                                            "message_id", "in_reply_to", "references", "kind",
                                            "text", "new_text", "html", "attachments"}));
  EXPECT_EQ(j["from"],
            (nlohmann::ordered_json{{"name", "Lisa"}, {"address", "lisa@icloud.example"}}));
  EXPECT_TRUE(j["to"].is_array());
  EXPECT_TRUE(j["reply_to"].is_array());
  EXPECT_EQ(j["date"], "2026-12-02T12:00:00Z");
  EXPECT_EQ(j["message_id"], "A1B2C3@icloud.example");
  EXPECT_EQ(j["in_reply_to"], "");
  EXPECT_EQ(j["references"], nlohmann::ordered_json::array());
  EXPECT_EQ(j["kind"], "message");
  EXPECT_EQ(j["new_text"], "Zie foto.");
  EXPECT_EQ(j["html"], true);
  ASSERT_EQ(j["attachments"].size(), 2u);
  std::vector<std::string> attachment_keys;
  for (const auto& [key, value] : j["attachments"][0].items()) attachment_keys.push_back(key);
  EXPECT_EQ(attachment_keys, (std::vector<std::string>{"filename", "content_type", "size", "sha256",
                                                       "content_id", "inline"}));
  EXPECT_EQ(j["attachments"][0]["content_id"], "photo1@icloud");
  EXPECT_EQ(j["attachments"][0]["inline"], true);
  EXPECT_EQ(j["attachments"][1]["size"], 45);
}

TEST(MailCliTest, KindsAndMissingValues) {
  auto bounce = RunLuister({"mail", "parse", MailFile("bounce-dsn.eml")});
  ASSERT_EQ(bounce.exit_code, 0) << bounce.out;
  EXPECT_EQ(nlohmann::json::parse(bounce.out)["kind"], "bounce");
  auto reply = RunLuister({"mail", "parse", MailFile("auto-reply-rfc3834.eml")});
  EXPECT_EQ(nlohmann::json::parse(reply.out)["kind"], "auto_reply");
  auto broken = RunLuister({"mail", "parse", MailFile("broken-charset-label.eml")});
  ASSERT_EQ(broken.exit_code, 0) << broken.out;
  EXPECT_TRUE(nlohmann::json::parse(broken.out)["date"].is_null());
}

TEST(MailCliTest, UnreadableInputIsAClearErrorWithNonZeroExit) {
  auto missing = RunLuister({"mail", "parse", "/nonexistent/message.eml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("cannot read /nonexistent/message.eml"), std::string::npos)
      << missing.out;
  auto usage = RunLuister({"mail", "parse"});
  EXPECT_NE(usage.exit_code, 0);
  auto not_mail = RunLuister({"mail", "parse", MailFile("../../../README.md")});
  // A Markdown file starts with "# Luister": no header can be read from it.
  EXPECT_EQ(not_mail.exit_code, 1) << not_mail.out;
  EXPECT_NE(not_mail.out.find("not an e-mail message"), std::string::npos) << not_mail.out;
}

}  // namespace
}  // namespace luister::e2e
