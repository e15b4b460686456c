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

}  // namespace
}  // namespace luister
