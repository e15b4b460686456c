#include "domain/answer.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(AnswerVariablesTest, NamesInOrderOfFirstUseAndMalformedOnesRefused) {
  auto v = AnswerVariables("Beste {{customer.name}}, order {{ order_number }}: {{customer.name}}.",
                           "nl.body");
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, (std::vector<std::string>{"customer.name", "order_number"}));
  EXPECT_TRUE(AnswerVariables("Geen variabelen {hier}.", "nl.body")->empty());
  for (const char* bad : {"Op {{bezorg datum}}.", "Soon {{date", "{{ }}", "{{Order}}", "{{1st}}"}) {
    auto r = AnswerVariables(bad, "en.body");
    ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
    ASSERT_EQ(r.status().fields().size(), 1u);
    EXPECT_EQ(r.status().fields()[0].field, "en.body");
  }
}

TEST(RenderAnswerTest, KnownVariablesFilledUnknownOnesLeftForTheAgent) {
  EXPECT_EQ(RenderAnswer("Beste {{customer.name}}, uw order {{order_number}} is onderweg.",
                         {{"customer.name", "Karin"}}),
            "Beste Karin, uw order {{order_number}} is onderweg.");
  EXPECT_EQ(RenderAnswer("{{ a }}{{b}}", {{"a", "1"}, {"b", "2"}}), "12");
  EXPECT_EQ(RenderAnswer("open {{ only", {{"only", "x"}}), "open {{ only");
  EXPECT_EQ(RenderAnswer("", {}), "");
}

TEST(AnswerStateTest, NamesRoundTrip) {
  for (AnswerState s : {AnswerState::kDraft, AnswerState::kInReview, AnswerState::kPublished,
                        AnswerState::kSuperseded})
    EXPECT_EQ(ParseAnswerState(ToString(s)), s);
  EXPECT_FALSE(ParseAnswerState("live"));
  EXPECT_EQ(ParseAnswerListState("stale"), AnswerListState::kStale);
  EXPECT_FALSE(ParseAnswerListState("lost"));
}

}  // namespace
}  // namespace luister
