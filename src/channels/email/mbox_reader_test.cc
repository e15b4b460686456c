#include "channels/email/mbox_reader.h"

#include <gtest/gtest.h>

#include <sstream>
#include <vector>

namespace luister::email {
namespace {

std::vector<std::string> All(const std::string& text) {
  std::istringstream in(text);
  MboxReader mbox(in);
  std::vector<std::string> out;
  std::string m;
  while (mbox.Next(&m)) out.push_back(m);
  return out;
}

TEST(MboxReaderTest, SplitsAtFromLinesAndUnescapesQuotedOnes) {
  auto messages =
      All("From a@x Thu Dec  3 08:00:00 2026\nSubject: one\n\nHallo\n>From the body\n"
          ">>From twice\n\n"
          "From b@x Thu Dec  3 08:01:00 2026\nSubject: two\n\nbody two\n");
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0], "Subject: one\n\nHallo\nFrom the body\n>From twice\n")
      << "'>From' lines lose one '>', and the blank line before a separator is the mbox's";
  EXPECT_EQ(messages[1], "Subject: two\n\nbody two\n");
}

TEST(MboxReaderTest, AFileWithoutFromLinesIsOneMessage) {
  auto messages = All("\nSubject: alone\n\nhello\n");
  ASSERT_EQ(messages.size(), 1u);
  EXPECT_EQ(messages[0], "Subject: alone\n\nhello\n");
  EXPECT_TRUE(All("").empty());
}

}  // namespace
}  // namespace luister::email
