#include "domain/commitment.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

class CommitmentTest : public ::testing::Test {
 protected:
  // Friday 4 December 2026, 10:15 in Amsterdam.
  void SetUp() override {
    auto ref = OfficeReference(*ParseIso8601("2026-12-04T10:15:00+01:00"), "Europe/Amsterdam",
                               Language::kNl);
    ASSERT_TRUE(ref.ok());
    ref_ = *ref;
  }
  std::optional<Commitment> Detect(std::string_view text) { return DetectCommitment(text, ref_); }
  std::string Due(const Commitment& c) {
    return c.due ? ref_.clock.FormatIso(c.due->start) + "/" + ref_.clock.FormatIso(c.due->end)
                 : "none";
  }
  TimeReference ref_{Timestamp{}, *ZoneClock::Open("UTC"),
                     BusinessCalendar::OfficeWeek(*ZoneClock::Open("UTC")), Language::kNl};
};

TEST_F(CommitmentTest, OurPromisesWithTheirKindAndDueMoment) {
  auto c = Detect("Dank voor uw geduld. Wij bellen u maandag tussen 9 en 11 uur terug.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kUs);
  EXPECT_EQ(c->kind, PromiseKind::kCallback);
  EXPECT_EQ(Due(*c), "2026-12-07T09:00:00+01:00/2026-12-07T11:00:00+01:00");

  c = Detect("Je ontvangt binnen 3 werkdagen een vervangende oplader.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRepairReplace);
  EXPECT_EQ(Due(*c), "2026-12-04T10:15:00+01:00/2026-12-10T00:00:00+01:00");

  c = Detect("We will refund the shipping costs by Wednesday.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRefund);
  EXPECT_EQ(Due(*c), "2026-12-04T10:15:00+01:00/2026-12-10T00:00:00+01:00");

  c = Detect("Our engineer will come round on Tuesday morning.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kVisit);
  EXPECT_EQ(Due(*c), "2026-12-08T04:00:00+01:00/2026-12-08T12:00:00+01:00");

  c = Detect("Ik zoek het uit en laat het u zo snel mogelijk weten.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kSendInformation);
  EXPECT_FALSE(c->due) << "as soon as possible: a promise without a moment";
  EXPECT_TRUE(c->asap);
}

TEST_F(CommitmentTest, WhatTheCustomerTakesOnIsTheirs) {
  auto c = Detect("Prima, ik maak het openstaande bedrag donderdag over.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kCustomer);
  EXPECT_EQ(c->kind, PromiseKind::kPayment);
  c = Detect("I'll send you the photos of the dent tonight.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kCustomer);
  EXPECT_EQ(c->kind, PromiseKind::kDocuments);
}

TEST_F(CommitmentTest, QuestionsConditionsNegationsPastAndQuotesCommitNobody) {
  for (const char* text : {
           "Kunt u mij morgen terugbellen?",
           "Could you call me back tomorrow afternoon?",
           "Als het onderdeel binnen is, bellen we u.",
           "If the part arrives, we'll call you on Monday.",
           "We kunnen helaas niet beloven dat het morgen lukt.",
           "We cannot promise delivery before Friday.",
           "Ik heb u gisteren al teruggebeld.",
           "I sent the form on Monday.",
           "U schreef: \"ik betaal volgende week\".",
           "Levering duurt meestal twee werkdagen.",
           "Stuur ons de foto's van de schade.",
           "Onze excuses voor het ongemak.",
       })
    EXPECT_FALSE(Detect(text)) << text;
}

}  // namespace
}  // namespace luister
