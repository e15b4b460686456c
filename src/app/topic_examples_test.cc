#include "app/topic_examples.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace luister {
namespace {

TEST(TopicExamplesTest, ReadsCsvWithQuotingAndOtherColumnNames) {
  auto r = ParseTopicExamples(
      "\xEF\xBB\xBFid,Utterance,Category\r\n"
      "1,\"Waar blijft mijn pakket, al een week?\",delivery\r\n"
      "2,\"She said \"\"wait\"\"\nand then nothing\", delivery \r\n"
      "\n"
      "3,I want a refund,refund\n",
      "x.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].text, "Waar blijft mijn pakket, al een week?");
  EXPECT_EQ((*r)[1].text, "She said \"wait\"\nand then nothing");
  EXPECT_EQ((*r)[1].label, "delivery");
  EXPECT_EQ((*r)[2].label, "refund");
  auto intent = ParseTopicExamples("text,intent\nhoi,greet\n", "y.csv");
  ASSERT_TRUE(intent.ok());
  EXPECT_EQ((*intent)[0].label, "greet");
}

TEST(TopicExamplesTest, ReadsJsonLinesByExtensionOrContent) {
  const std::string lines =
      "{\"text\":\"where is my card\",\"label\":\"card_arrival\"}\n"
      "\n"
      "{\"utterance\":\"kan ik betalen, met \\\"iDEAL\\\"?\",\"intent\":7}\n";
  for (const char* name : {"a.jsonl", "a.txt", "-"}) {
    auto r = ParseTopicExamples(lines, name);
    ASSERT_TRUE(r.ok()) << name << ": " << r.status().message();
    ASSERT_EQ(r->size(), 2u) << name;
    EXPECT_EQ((*r)[1].text, "kan ik betalen, met \"iDEAL\"?");
    EXPECT_EQ((*r)[1].label, "7");
  }
  auto unlabelled = ParseTopicExamples("{\"text\":\"hoi\"}\n", "u.jsonl", false);
  ASSERT_TRUE(unlabelled.ok());
  EXPECT_EQ((*unlabelled)[0].label, "");
}

// Every refusal names the file and, where there is one, the line.
TEST(TopicExamplesTest, NamesTheFileAndLineOfBadInput) {
  const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> cases = {
      {"", {"e.csv", "e.csv holds no examples"}},
      {"text,label\n", {"h.csv", "h.csv holds no examples"}},
      {"question,label\na,b\n", {"t.csv", "t.csv:1: no text column"}},
      {"text,topic\na,b\n", {"l.csv", "l.csv:1: no label column"}},
      {"text,label\na,b\n\"multi\nline\",c\nd,e,f\n", {"f.csv", "f.csv:5: 3 fields"}},
      {"text,label\na,b\nc,\n", {"n.csv", "n.csv:3: empty label"}},
      {"text,label\na,b\n\"open,c\n", {"q.csv", "q.csv: CSV ends inside the quoted field"}},
      {"{\"text\":\"a\",\"label\":\"b\"}\n{\"text\":\"a\",\n",
       {"j.jsonl", "j.jsonl:2: not a JSON"}},
      {"{\"text\":\"a\",\"label\":\"b\"}\n{\"label\":\"b\"}\n",
       {"k.jsonl", "k.jsonl:2: no \"text\""}},
      {"{\"text\":\"a\",\"label\":[1]}\n", {"m.jsonl", "m.jsonl:1: no \"label\""}},
  };
  for (const auto& [content, expected] : cases) {
    auto r = ParseTopicExamples(content, expected.first);
    ASSERT_FALSE(r.ok()) << expected.first;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(r.status().message().find(expected.second), std::string::npos)
        << r.status().message();
  }
}

TEST(TopicExamplesTest, ReadsFilesAndRefusesMissingOnes) {
  char dir_template[] = "/tmp/luister-topic-examples-XXXXXX";
  const std::string dir = mkdtemp(dir_template);
  std::ofstream(dir + "/train.csv") << "text,label\nhallo,greet\n";
  auto r = ReadTopicExamples(dir + "/train.csv");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->size(), 1u);
  auto missing = ReadTopicExamples(dir + "/missing.csv");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot read " + dir + "/missing.csv"),
            std::string::npos);
  EXPECT_FALSE(ReadTopicExamples(dir).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace luister
