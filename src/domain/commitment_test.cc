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

TEST_F(CommitmentTest, DutchModalsAndSeparableVerbsCloseTheClause) {
  auto c = Detect("Wij zullen u morgen terugbellen.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kCallback);
  EXPECT_EQ(Due(*c), "2026-12-05T00:00:00+01:00/2026-12-06T00:00:00+01:00");
  c = Detect("We zullen het bedrag binnen 3 werkdagen terugstorten.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRefund);
  c = Detect("Ik zal de factuur voor het einde van de maand betalen.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kCustomer);
  c = Detect("Het pakket wordt morgen bij u afgeleverd.");
  ASSERT_TRUE(c);
  EXPECT_EQ(Due(*c), "2026-12-05T00:00:00+01:00/2026-12-06T00:00:00+01:00");
  c = Detect("Ik heb een collega gevraagd u morgen terug te bellen.");
  ASSERT_TRUE(c) << "asked for a moment to come";
  EXPECT_EQ(c->kind, PromiseKind::kCallback);
  c = Detect("Ik heb een monteur ingepland voor dinsdag.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kVisit);
  for (const char* text : {
           "De bezorger heeft het pakket bij de buren afgegeven.",
           "We hebben uw geld vorige week teruggestort.",
           "Ik heb u gevraagd de foto's voor vrijdag te sturen.",
           "Wij kunnen u morgen terugbellen.",
       })
    EXPECT_FALSE(Detect(text)) << text;
}

TEST_F(CommitmentTest, DutchSubjectsOfOursAndWhatArrives) {
  auto c = Detect("Onze medewerker belt u morgen.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kCallback);
  c = Detect("De technische dienst neemt maandag contact met u op.");
  ASSERT_TRUE(c);
  EXPECT_EQ(Due(*c), "2026-12-07T00:00:00+01:00/2026-12-08T00:00:00+01:00");
  c = Detect("Onze bezorgdienst levert het pakket morgen af.");
  ASSERT_TRUE(c);
  c = Detect("Het bedrag staat uiterlijk vrijdag op uw rekening.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRefund);
  EXPECT_EQ(Due(*c), "2026-12-04T10:15:00+01:00/2026-12-12T00:00:00+01:00");
  c = Detect("De reparatie is vrijdag klaar.");
  ASSERT_TRUE(c);
  c = Detect("Het retourlabel volgt vandaag per e-mail.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kDocuments);
  c = Detect("De bezorging vindt morgen tussen 14 en 18 uur plaats.");
  ASSERT_TRUE(c);
  EXPECT_EQ(Due(*c), "2026-12-05T14:00:00+01:00/2026-12-05T18:00:00+01:00");
  c = Detect("U krijgt morgen een e-mail van ons.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kUs) << "what comes from us is ours";
  c = Detect("Ik stuur u vandaag een retourlabel, zodat u het toestel gratis kan terugsturen.");
  ASSERT_TRUE(c) << "a purpose of theirs is no offer";
  EXPECT_EQ(c->by, PromiseParty::kUs);
  for (const char* text : {
           "Die gebruiken we om het met de vervoerder op te nemen.",
           "Het bedrag stond gisteren op uw rekening.",
           "Mijn pakket komt morgen.",
           "Wij leveren binnen heel Nederland.",
           "De monteur komt alleen op werkdagen.",
           "Ik vraag me af of het pakket morgen komt.",
           "Bestelt u voor 22:00 uur, dan bezorgen we de volgende werkdag.",
           "Komt het morgen niet, dan sturen wij een nieuw pakket.",
       })
    EXPECT_FALSE(Detect(text)) << text;
}

TEST_F(CommitmentTest, EnglishFormsOfPromising) {
  ref_.language = Language::kEn;
  auto c = Detect("We'll be sending a new card on Monday.");
  ASSERT_TRUE(c);
  EXPECT_EQ(Due(*c), "2026-12-07T00:00:00+01:00/2026-12-08T00:00:00+01:00");
  c = Detect("The engineer is coming on Tuesday.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kVisit);
  c = Detect("Your order is being shipped today.");
  ASSERT_TRUE(c);
  c = Detect("Your new card should arrive within 5 working days.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRepairReplace);
  c = Detect("The refund will go back to your card within 5 working days.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kRefund);
  c = Detect("You should receive the refund within 5 business days.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kUs);
  c = Detect("Expect a call from us tomorrow morning.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kCallback);
  EXPECT_EQ(Due(*c), "2026-12-05T04:00:00+01:00/2026-12-05T12:00:00+01:00");
  c = Detect("You can expect a call from our engineer on Tuesday.");
  ASSERT_TRUE(c);
  c = Detect("We aim to get back to you within 2 working days.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kSendInformation);
  c = Detect("I've booked an engineer for Tuesday morning.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->kind, PromiseKind::kVisit);
  c = Detect("I've asked a colleague to call you tomorrow.");
  ASSERT_TRUE(c);
  c = Detect("We deliver your new sofa on Tuesday.");
  ASSERT_TRUE(c) << "a present with a time";
  c = Detect("I'll send you a return label today so you can send the phone back free of charge.");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->by, PromiseParty::kUs);
  for (const char* text : {
           "You will have to pay the invoice by Friday.",
           "You should have received an email from us yesterday.",
           "You should send us the photos by Friday.",
           "Expect delays over the holidays.",
           "We aim to answer all emails within 24 hours.",
           "My parcel will arrive tomorrow, according to the tracking.",
           "I think the engineer will come tomorrow.",
           "I wonder whether the parcel will arrive tomorrow.",
           "I have asked you to send the photos by Friday.",
           "I have asked for a new PIN this afternoon.",
           "We deliver throughout the UK.",
           "The engineer only comes on weekdays.",
           "Our support team is available to answer any questions.",
           "We can call you back tomorrow.",
       })
    EXPECT_FALSE(Detect(text)) << text;
}

}  // namespace
}  // namespace luister
