#include "domain/answer_consistency.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

// The kinds found for `reply` against `published`.
std::vector<ConflictKind> Kinds(std::string_view published, std::string_view reply) {
  std::vector<ConflictKind> out;
  for (const AnswerConflict& c : FindConflicts(published, reply)) out.push_back(c.kind);
  return out;
}

constexpr char kReturns[] =
    "U kunt uw bestelling binnen 14 dagen kosteloos retourneren via het retourformulier in uw "
    "account.";
constexpr char kDelivery[] =
    "Orders placed before 22:00 on a working day are delivered the next day. Delivery costs "
    "\xE2\x82\xAC"
    "4,95.";

TEST(AnswerConsistencyTest, APeriodThatDiffersIsNamedWithBothSentences) {
  const auto found =
      FindConflicts(kReturns, "Hoi Sanne, je kunt je bestelling binnen 30 dagen terugsturen.");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, ConflictKind::kPeriod);
  EXPECT_EQ(found[0].published, "14 dagen");
  EXPECT_EQ(found[0].written, "30 dagen");
  EXPECT_EQ(found[0].published_sentence, kReturns);
  EXPECT_EQ(found[0].written_sentence,
            "Hoi Sanne, je kunt je bestelling binnen 30 dagen terugsturen.");
}

TEST(AnswerConsistencyTest, TheSameFactsInOtherWordsAndUnitsAgree) {
  EXPECT_TRUE(Kinds(kReturns,
                    "Beste Sanne, je hebt twee weken de tijd om bestelling 12345 terug te sturen, "
                    "dat kan via het retourformulier.")
                  .empty());
  EXPECT_TRUE(
      Kinds(kDelivery,
            "Hi Tom, order by 10 pm and it arrives the next day; shipping costs 4.95 euros.")
          .empty());
  // The customer's own numbers and dates are not the answer's facts.
  EXPECT_TRUE(Kinds(kDelivery,
                    "Your order #88123 placed at 11:45 on Monday arrives tomorrow. Sorry for the 2 "
                    "e-mails.")
                  .empty());
}

TEST(AnswerConsistencyTest, FindsEachKindInDutchAndEnglish) {
  EXPECT_EQ(Kinds(kDelivery, "If you order before 6 pm you'll get it tomorrow."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(Kinds(kDelivery,
                  "Delivery is \xE2\x82\xAC"
                  "6,95."),
            std::vector{ConflictKind::kAmount});
  EXPECT_EQ(Kinds("We are closed on 26 December.", "Please note we're closed on December 27th."),
            std::vector{ConflictKind::kDate});
  EXPECT_EQ(Kinds("U kunt niet contant betalen in onze winkels.",
                  "Contant betalen in de winkel kan gewoon."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("Repeat prescriptions must be requested through our online form. We do not "
                  "accept requests by phone.",
                  "You can simply ring us to request your repeat prescription."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, AgreeingNegationsAndPhrasesAreNoConflict) {
  EXPECT_TRUE(Kinds("Annuleren is niet mogelijk.",
                    "Helaas, annuleren is echt niet mogelijk. "
                    "Geen probleem verder!")
                  .empty());
  EXPECT_TRUE(Kinds("Drivers must be at least 21 and have held a licence for at least 1 year.",
                    "As you have held your licence for three years, you can rent with us.")
                  .empty());
  EXPECT_TRUE(Kinds("", "anything").empty());
  EXPECT_TRUE(Kinds(kReturns, "").empty());
}

TEST(AnswerConsistencyTest, KindsHaveNames) {
  for (auto k : {ConflictKind::kAmount, ConflictKind::kPeriod, ConflictKind::kDeadline,
                 ConflictKind::kDate, ConflictKind::kYesNo, ConflictKind::kProcedure})
    EXPECT_EQ(ParseConflictKind(ToString(k)), k);
  EXPECT_FALSE(ParseConflictKind("colour"));
}

}  // namespace
}  // namespace luister
