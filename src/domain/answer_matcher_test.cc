#include "domain/answer_matcher.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

std::vector<AnswerExample> Library() {
  return {{"Hoe lang heb ik om iets terug te sturen?", "return-period"},
          {"How long do I have to return an item?", "return-period"},
          {"Waar vind ik het retourlabel?", "return-label"},
          {"Where do I get a return label?", "return-label"},
          {"Ik ben mijn wachtwoord vergeten", "reset-password"},
          {"How do I reset my password?", "reset-password"},
          {"Wanneer wordt mijn pakket bezorgd?", "delivery-time"},
          {"When will my parcel arrive?", "delivery-time"}};
}

TEST(AnswerMatcherTest, RanksTheAnswerAQuestionAsksFor) {
  for (MatchMethod method : {MatchMethod::kHybrid, MatchMethod::kBm25}) {
    auto m = AnswerMatcher::Build(Library(), method);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->answers(), 4u);
    auto ranked = m->Rank("wachtwoord kwijt", 3);
    ASSERT_FALSE(ranked.empty());
    EXPECT_EQ(ranked[0].answer_id, "reset-password");
    ranked = m->Rank("when does my parcel arrive", 3);
    ASSERT_FALSE(ranked.empty());
    EXPECT_EQ(ranked[0].answer_id, "delivery-time");
  }
}

TEST(AnswerMatcherTest, SubwordsFindFormsAndTyposTheWordsMiss) {
  auto m = AnswerMatcher::Build(Library());
  ASSERT_TRUE(m.ok());
  auto ranked = m->Rank("pasword resett", 1);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].answer_id, "reset-password");
  EXPECT_GT(ranked[0].score, 0);
  EXPECT_LE(ranked[0].score, 1.0001);
  ranked = m->Rank("retourlabels", 1);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].answer_id, "return-label");
}

TEST(AnswerMatcherTest, NothingInCommonRanksNothingAndNoExamplesIsAnError) {
  auto m = AnswerMatcher::Build(Library());
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->Rank("", 3).empty());
  EXPECT_TRUE(m->Rank("zzzzzz qqqqqq", 3).empty());
  EXPECT_LE(m->Rank("return", 2).size(), 2u);
  EXPECT_EQ(AnswerMatcher::Build({}).status().code(), StatusCode::kInvalidArgument);
}

TEST(AnswerMatcherTest, TheSameTextsGiveTheSameScoresEveryBuild) {
  // The softmax model trains in a fixed order for a fixed seed, so a node
  // that builds the library again ranks as every other node does.
  auto a = AnswerMatcher::Build(Library());
  auto b = AnswerMatcher::Build(Library());
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  for (const char* q : {"retour label kwijt", "how long to send it back", "wachtwoord"}) {
    const auto ra = a->Rank(q, 4);
    const auto rb = b->Rank(q, 4);
    ASSERT_EQ(ra.size(), rb.size()) << q;
    ASSERT_FALSE(ra.empty()) << q;
    for (size_t i = 0; i < ra.size(); ++i) {
      EXPECT_EQ(ra[i].answer_id, rb[i].answer_id) << q;
      EXPECT_DOUBLE_EQ(ra[i].score, rb[i].score) << q;
      EXPECT_GT(ra[i].score, 0) << q;
      EXPECT_LE(ra[i].score, 1.0001) << q;
    }
  }
}

}  // namespace
}  // namespace luister
