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

TEST(AnswerConsistencyTest, ARequirementDeniedOrAPermissionTurnedAroundIsAYesOrNo) {
  // "require" and "don't need" say the same thing turned around.
  EXPECT_EQ(Kinds("Home visits cost $80 and require a prescription.",
                  "Hi Ann, a home visit is $80, and you don't need a prescription for it."),
            std::vector{ConflictKind::kYesNo});
  // "kan niet" and "kunt ... gewoon" with one word in common besides.
  EXPECT_EQ(
      Kinds("Opzeggen is in het eerste jaar niet mogelijk.", "Beste Tom, u kunt gewoon opzeggen."),
      std::vector{ConflictKind::kYesNo});
  // "but not X" has the words of the clause before it: X said to be
  // covered contradicts, the other case agrees.
  constexpr char kCover[] = "The warranty covers broken screens, but not damage caused by water.";
  EXPECT_EQ(Kinds(kCover, "Hi Sam, water damage is covered by your warranty."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(
      Kinds(kCover, "Hi Sam, a broken screen is covered by your warranty; water damage isn't.")
          .empty());
  // "and you may" starts another claim: the first one's words do not hide it.
  EXPECT_EQ(Kinds("Kinderen zijn welkom in het museum. Honden mogen niet mee naar binnen.",
                  "Je kinderen zijn welkom en je hond mag gewoon mee naar binnen."),
            std::vector{ConflictKind::kYesNo});
  // A short phrase before a comma belongs to the claim after it.
  EXPECT_EQ(Kinds("During a code red, you must not light a barbecue in the park.",
                  "Hi Kay, during a code red you can still light a barbecue in the park."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, AnotherWayToDoItIsAProcedure) {
  constexpr char kClaim[] =
      "Send your claim through the online portal. We will call you if we need more details.";
  // The company's own call is no way for the customer to do it.
  EXPECT_EQ(Kinds(kClaim, "Hi Jo, please phone our claims team and they will take it from there."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(
      Kinds(kClaim, "Hi Jo, please send it in online and we will call you if needed.").empty());
  // A form that is sent is what, not how: posting it is another way.
  EXPECT_EQ(Kinds(kClaim, "Hi Jo, please post the claim form to our office."),
            std::vector{ConflictKind::kProcedure});
  // A way named by its name ("via Marktplaats").
  EXPECT_EQ(Kinds("Je kunt je abonnement alleen overzetten via de app.",
                  "Hoi Bo, je kunt je abonnement gewoon via Marktplaats overzetten."),
            std::vector{ConflictKind::kProcedure});
  // Done automatically, against a form to fill in.
  EXPECT_EQ(Kinds("If the concert is cancelled, you are refunded automatically.",
                  "Hi Lee, to get your money back, fill in the refund form on our website."),
            std::vector{ConflictKind::kProcedure});
  // "Breng hem maar naar de winkel" sends the customer to the shop.
  EXPECT_EQ(Kinds("Voor reparatie vul je het reparatieformulier op onze website in.",
                  "Hoi Iris, breng hem maar naar een van onze winkels."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, DaysOfTheMonthHowOftenAndCountsPerDay) {
  EXPECT_EQ(Kinds("Je huur wordt op de 1e van de maand afgeschreven.",
                  "Hoi Mo, je huur wordt op de 5e van de maand afgeschreven."),
            std::vector{ConflictKind::kDate});
  // A day within a range, or before the day a deadline names, agrees.
  EXPECT_TRUE(Kinds("You can pick any payment day from the 1st to the 28th.",
                    "Hi Al, the 12th is fine as a payment day.")
                  .empty());
  EXPECT_TRUE(Kinds("Wijzigingen die je voor de 20e doorgeeft, gaan volgende maand in.",
                    "Hoi Ed, je geeft het op de 12e door, dus het gaat volgende maand in.")
                  .empty());
  EXPECT_EQ(Kinds("De eerste afschrijving is op de eerste dag van de maand.",
                  "De eerste afschrijving is op de 15e van de maand."),
            std::vector{ConflictKind::kDate});
  // Feasts that move with Easter are dates too.
  EXPECT_EQ(Kinds("We zijn open op tweede paasdag.", "We zijn open op eerste paasdag."),
            std::vector{ConflictKind::kDate});
  EXPECT_EQ(Kinds("Bills are sent in May and November.", "Bills are sent in May and December."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(
      Kinds("Bills are sent in March and September.", "Your bills come in March and in September.")
          .empty());
  // How often.
  EXPECT_EQ(Kinds("Een proefrit kun je één keer per persoon maken.",
                  "Hoi Kim, je kunt twee keer een proefrit maken."),
            std::vector{ConflictKind::kAmount});
  // A count per day is no total, and compound nouns count the same thing.
  constexpr char kKm[] = "De huur is inclusief 150 vrije kilometers per dag.";
  EXPECT_EQ(Kinds(kKm, "U heeft 300 vrije kilometers per dag."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kKm, "Voor drie dagen heeft u dus 450 kilometer vrij.").empty());
  EXPECT_EQ(Kinds("Per adres kunt u maximaal 1 vergunning aanvragen.",
                  "U kunt per adres maximaal 2 bewonersvergunningen aanvragen."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, TotalsRestatedValuesAndSpokenCentsAgree) {
  // A total worked out from the price, and the cents after the currency word.
  EXPECT_TRUE(Kinds("Een parkeerkaart kost \xE2\x82\xAC 8 per dag.",
                    "Voor je 3 dagen betaal je \xE2\x82\xAC 24 in totaal.")
                  .empty());
  EXPECT_TRUE(Kinds("A wash costs \xC2\xA3"
                    "7.50.",
                    "That's seven pounds fifty for the wash.")
                  .empty());
  EXPECT_EQ(Kinds("A wash costs \xC2\xA3"
                  "7.50.",
                  "That's seven pounds twenty for the wash."),
            std::vector{ConflictKind::kAmount});
  // The answer's date said again; another date is about something else.
  EXPECT_TRUE(Kinds("The open day is on 3 March.",
                    "Hi Tom, the open day is on 3 March. Your interview is on 9 March.")
                  .empty());
}

TEST(AnswerConsistencyTest, AFeeForWhatIsFreeIsAYesOrNo) {
  EXPECT_EQ(
      Kinds("Installing the router is free.", "Hi Jo, installing the router costs $25 per visit."),
      std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("Bij het abonnement zit een sleutelhanger inbegrepen.",
                  "Voor de sleutelhanger bij je abonnement rekenen we \xE2\x82\xAC 5 per stuk."),
            std::vector{ConflictKind::kYesNo});
  // And free for what the answer prices.
  EXPECT_EQ(Kinds("Pausing your box costs $2 per week.",
                  "Hi Lee, pausing your box is free, there's no charge while it's paused."),
            std::vector{ConflictKind::kYesNo});
  // The answer's own price is no fee for what is free.
  EXPECT_TRUE(Kinds("Parking is free for guests. Valet parking costs $15.",
                    "Hi Sam, parking is free, and valet parking is $15 if you'd like it.")
                  .empty());
}

TEST(AnswerConsistencyTest, AnAddressOrASocialNetworkIsAWay) {
  EXPECT_EQ(Kinds("Send your photos through the upload page. We cannot process photos sent by "
                  "email.",
                  "Hi Ann, just send the photos to prints@fotoshop.example and we'll do the rest."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Een afspraak verzet je via de link in je bevestiging. Via Instagram kunnen we "
                  "geen afspraken verzetten.",
                  "Hoi Lot, stuur ons een DM op Instagram, dan verzetten we je afspraak."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, HowOftenIsComparedWithHowOften) {
  EXPECT_EQ(Kinds("De glazenwasser komt elke 4 weken langs.",
                  "Hoi Bas, de glazenwasser komt elke week bij je langs."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("De glazenwasser komt elke 4 weken langs.",
                    "Hoi Bas, de glazenwasser komt om de vier weken.")
                  .empty());
  EXPECT_TRUE(
      Kinds("Newsletters go out every week.", "Hi Kim, the newsletter is sent weekly.").empty());
  EXPECT_EQ(Kinds("Newsletters go out every week.", "Hi Kim, the newsletter is sent monthly."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, ASubjectBeforeTheCommaAndWordsThatSayNot) {
  // The relative clause before the comma belongs to the refusal after it.
  const auto mailed = Kinds(
      "Foto's die per e-mail worden gestuurd, kunnen we niet afdrukken. Gebruik de "
      "uploadpagina.",
      "Hoi Eva, mail de foto's maar naar foto@drukwerk.example, dan drukken we ze af.");
  ASSERT_FALSE(mailed.empty());
  for (ConflictKind k : mailed) EXPECT_EQ(k, ConflictKind::kProcedure);
  // "ongeldig" says what "niet geldig" says.
  EXPECT_TRUE(Kinds("Kaartjes van andere verkopers zijn ongeldig.",
                    "Let op: kaartjes van andere verkopers zijn niet geldig.")
                  .empty());
  EXPECT_EQ(Kinds("Kaartjes van andere verkopers zijn ongeldig.",
                  "Kaartjes van andere verkopers zijn gewoon geldig hoor."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, TheSameWaysInAnotherOrderAreAnotherProcedure) {
  constexpr char kSteps[] =
      "First fill in the online intake form. After that we call you to plan the first lesson.";
  EXPECT_EQ(Kinds(kSteps,
                  "Hi Noor, we'll call you first to talk it through, and then you fill in the "
                  "online intake form."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kSteps,
                    "Hi Noor, just fill in the online intake form first. Then we'll call you to "
                    "plan your first lesson.")
                  .empty());
}

TEST(AnswerConsistencyTest, NotNeededAgainstWhatTheAnswerHasYouDoFirst) {
  EXPECT_EQ(Kinds("Uw rijbewijs haalt u op bij de balie. Maak hiervoor eerst een afspraak.",
                  "Hoi Ruben, een afspraak is niet nodig, loop gerust binnen bij de balie."),
            std::vector{ConflictKind::kYesNo});
  // Without an appointment, the answer says so itself.
  EXPECT_TRUE(Kinds("U kunt zonder afspraak langskomen voor een gehoortest.",
                    "Hoi Ruben, een afspraak is niet nodig, kom gerust langs.")
                  .empty());
  EXPECT_TRUE(Kinds("Walkers don't need to book. Cars must be booked in advance.",
                    "Hi Ada, on foot you don't need to book at all.")
                  .empty());
}

TEST(AnswerConsistencyTest, ADayInsideTheAnswersStretchAgreesAndItsEndsAreCompared) {
  constexpr char kSeason[] = "The ice rink is open from 15 November to 28 February.";
  EXPECT_TRUE(Kinds(kSeason, "Hi Mo, yes, we're open on 2 January, see you then!").empty());
  EXPECT_EQ(Kinds(kSeason, "Hi Mo, the ice rink is open until 10 March."),
            std::vector{ConflictKind::kDate});
  EXPECT_EQ(Kinds(kSeason, "Hi Mo, the rink is open from 15 November to 31 January."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(
      Kinds("Deliveries run Monday to Friday.", "Hi Ed, we'll deliver on Wednesday.").empty());
  // Nights are days; "rather than" turns a way down as "not" does.
  EXPECT_TRUE(
      Kinds("Stays are limited to 14 nights.", "Hi Ed, you can stay two weeks at most.").empty());
  EXPECT_TRUE(Kinds("Please call the helpline, not the shop.",
                    "Hi Ed, do ring the helpline rather than the shop.")
                  .empty());
}

TEST(AnswerConsistencyTest, CountsOfWhatTheAnswerCountsAndSharesInWords) {
  constexpr char kBox[] = "Our Family box holds 6 meals and costs $54.";
  EXPECT_EQ(Kinds(kBox, "Hi Lee, the Family box comes with 4 meals for $54."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kBox, "Hi Lee, six meals for $54, that's the Family box.").empty());
  constexpr char kDiscount[] = "Studenten krijgen 50% korting op het lesgeld.";
  EXPECT_TRUE(Kinds(kDiscount, "Hoi Eva, als student betaal je de helft van het lesgeld.").empty());
  EXPECT_EQ(Kinds(kDiscount, "Hoi Eva, studenten krijgen een kwart korting op het lesgeld."),
            std::vector{ConflictKind::kAmount});
  EXPECT_EQ(Kinds("Printing costs 20p per page.", "Hi Jo, printing is 25p a page."),
            std::vector{ConflictKind::kAmount});
  EXPECT_FALSE(Kinds("Je kunt een leenfiets gratis gebruiken tijdens de reparatie.",
                     "Hoi Bas, een leenfiets tijdens de reparatie kost een tientje.")
                   .empty());
  // How often is the rule said otherwise, not a value the limit allows.
  EXPECT_EQ(Kinds("Members can book the sauna up to 3 times a week.",
                  "Hi Sam, members can book the sauna once a week."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, TheCustomersOwnTimeInsideALimitOrAStretchAgrees) {
  constexpr char kCutoff[] = "Transfers made before 4 pm on a working day arrive the same day.";
  EXPECT_TRUE(
      Kinds(kCutoff, "Hi Kim, you sent it at 2:45 pm on Tuesday, so it arrived that day.").empty());
  EXPECT_EQ(Kinds(kCutoff, "Hi Kim, transfers made before 6 pm arrive the same day."),
            std::vector{ConflictKind::kDeadline});
  constexpr char kDesk[] = "De balie is open van 8.00 tot 17.00 uur.";
  EXPECT_TRUE(
      Kinds(kDesk, "Beste Ria, uw afspraak om 10.30 uur valt gewoon binnen onze tijden.").empty());
  EXPECT_EQ(Kinds(kDesk, "Beste Ria, de balie is open van 8.00 tot 19.00 uur."),
            std::vector{ConflictKind::kDeadline});
  constexpr char kDelay[] = "If your bus is 20 to 39 minutes late, we refund half the fare.";
  EXPECT_TRUE(
      Kinds(kDelay, "Hi Al, your bus was 25 minutes late, so half the fare comes back.").empty());
  EXPECT_TRUE(
      Kinds("Check-in closes at 10:15 am.", "Hi Al, check-in closes at quarter past ten.").empty());
  EXPECT_TRUE(Kinds("Boarding ends at 2:30 pm.", "Hi Al, boarding ends at half two.").empty());
}

TEST(AnswerConsistencyTest, StretchesAndWorkingDaysAgainstDays) {
  constexpr char kRefund[] = "Refunds reach your account within 10 working days.";
  EXPECT_TRUE(Kinds(kRefund, "Hi Jo, the refund reaches your account within two weeks.").empty());
  EXPECT_EQ(Kinds(kRefund, "Hi Jo, the refund reaches your account within 30 days."),
            std::vector{ConflictKind::kPeriod});
  constexpr char kShip[] =
      "Standard shipping takes 2\xE2\x80\x93"
      "4 working days.";
  EXPECT_TRUE(Kinds(kShip, "Hi Jo, standard shipping takes two to four working days.").empty());
  EXPECT_EQ(Kinds(kShip, "Hi Jo, standard shipping takes two to six working days."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("You can pause your plan for at least 7 and at most 28 days.",
                    "Hi Jo, a pause lasts from a week up to four weeks.")
                  .empty());
  EXPECT_TRUE(
      Kinds("Give us one month's notice.", "Hi Jo, we need a month's notice from you.").empty());
  EXPECT_EQ(Kinds("Give us one month's notice.", "Hi Jo, we need two weeks' notice."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Een terugbetaling duurt maximaal 4 weken.",
                    "Hoi Jo, reken op maximaal een week of vier voor de terugbetaling.")
                  .empty());
}

TEST(AnswerConsistencyTest, SparingTheCustomerAgreesWithWhatIsFreeOrAutomatic) {
  EXPECT_TRUE(Kinds("Breakfast is included in the room rate.",
                    "Hi Bo, you won't need to pay anything extra for breakfast.")
                  .empty());
  EXPECT_TRUE(Kinds("Cancelled events are refunded automatically.",
                    "Hi Bo, you don't need to do anything, the cancelled event is refunded.")
                  .empty());
  EXPECT_EQ(Kinds("A cleaning is included in the check-up.",
                  "Hi Bo, a cleaning isn't included in the check-up and is charged separately."),
            std::vector{ConflictKind::kYesNo});
  // Dutch plurals voice the last consonant: "statief" is "statieven".
  EXPECT_EQ(Kinds("Statieven zijn in het museum niet toegestaan.",
                  "Beste Ed, een statief mag u in het museum gewoon gebruiken."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, SettingsAVisitAndALetterAreWays) {
  constexpr char kCancel[] = "To cancel, open Settings and choose Cancel plan.";
  EXPECT_EQ(Kinds(kCancel, "Hi Lou, just send us an email and we'll cancel your plan."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Apply for a parking permit online.",
                  "Hi Lou, please come to the town hall to apply for a parking permit."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Request your records through the online form.",
                  "Hi Lou, please write to the practice manager to request your records."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Je abonnement zeg je op via de app.",
                  "Hoi Lou, je abonnement opzeggen doe je bij de receptie van de club."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, TotalsWorkedOutFromABaseWithExtrasOrABatchAgree) {
  constexpr char kTiles[] = "Tien tegels kosten € 40. Elke extra tegel kost € 3,50.";
  EXPECT_TRUE(Kinds(kTiles, "Hoi Bas, voor 12 tegels betaal je € 47.").empty());
  EXPECT_EQ(Kinds(kTiles, "Hoi Bas, elke extra tegel kost € 4,50."),
            std::vector{ConflictKind::kAmount});
  constexpr char kLabels[] = "Labels cost £8 per 100. Orders of 1,000 or more get 10% off.";
  EXPECT_TRUE(Kinds(kLabels, "Hi Jo, 1,000 labels come to £72 with the discount.").empty());
  EXPECT_EQ(Kinds(kLabels, "Hi Jo, labels are £9 per 100."), std::vector{ConflictKind::kAmount});
  // A limit raised to a figure the answer's numbers happen to add up to is
  // still another limit: without a count in the reply there are no extras.
  EXPECT_EQ(Kinds("Je daglimiet is € 1.000. In de app verhoog je die tot € 5.000.",
                  "Hoi Kim, in de app kun je je daglimiet verhogen tot € 8.000."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, WhatAPriceIsPerIsNoPeriod) {
  EXPECT_TRUE(Kinds("A tutor costs £40 per hour, with a minimum of 2 hours.",
                    "Hi Sam, it's £40 an hour and we book at least two hours.")
                  .empty());
}

TEST(AnswerConsistencyTest, OpeningDaysAreComparedAsSets) {
  constexpr char kShut[] = "The café is closed on Tuesdays.";
  EXPECT_TRUE(Kinds(kShut, "Hi Ann, we're open Wednesday to Monday.").empty());
  EXPECT_EQ(Kinds(kShut, "Hi Ann, we're open every day except Mondays."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("De winkel is maandag tot en met zaterdag open.",
                    "Hoi An, we zijn elke dag open behalve op zondag.")
                  .empty());
  EXPECT_EQ(
      Kinds("Het zwembad is op maandag gesloten.", "Hoi An, het zwembad is op woensdag gesloten."),
      std::vector{ConflictKind::kDate});
  // A day with its own hours, and a day with its date, are no weekly days.
  EXPECT_TRUE(Kinds("We're open Monday to Friday until 6pm, and until 4pm on Saturdays.",
                    "Hi Ann, we're open until 4pm on Saturday, and on weekdays until 6pm.")
                  .empty());
}

TEST(AnswerConsistencyTest, OnlyWithAgainstWithout) {
  EXPECT_EQ(Kinds("Een scooter huren mag alleen met een geldig rijbewijs.",
                  "Hoi Tim, een scooter huren mag bij ons ook zonder rijbewijs."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, AnnualAndMonthlyAreHowOften) {
  EXPECT_EQ(Kinds("The boiler needs an annual inspection to keep its warranty.",
                  "Hi Lee, the boiler needs an inspection every three years for the warranty."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("De cv-ketel heeft een jaarlijkse onderhoudsbeurt nodig.",
                    "Hoi Lee, de cv-ketel moet elk jaar een onderhoudsbeurt krijgen.")
                  .empty());
}

TEST(AnswerConsistencyTest, AFeeWithoutItsAmountForWhatIsFree) {
  constexpr char kFree[] = "Gift wrapping is free for every order.";
  EXPECT_EQ(Kinds(kFree, "Hi Ben, we add a small fee for gift wrapping your order."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kFree, "Hi Ben, we won't charge you anything for gift wrapping.").empty());
  EXPECT_TRUE(Kinds("Het cursusgeld is inclusief alle boeken.",
                    "Hoi Ben, de boeken zitten bij het cursusgeld inbegrepen.")
                  .empty());
}

TEST(AnswerConsistencyTest, TheOneValueLeftIsComparedByElimination) {
  // The reply restates the letter's date and moves the other, in words
  // ("de huurverhoging") the answer does not use.
  constexpr char kRent[] =
      "Wij passen de huur aan per 1 juli. U krijgt uiterlijk 1 mei een brief met de nieuwe huur.";
  EXPECT_EQ(Kinds(kRent,
                  "Beste meneer Bos, de huurverhoging gaat in op 1 september. De brief krijgt u "
                  "uiterlijk 1 mei."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds(kRent,
                    "Beste meneer Bos, de huurverhoging gaat in op 1 juli. De brief krijgt u "
                    "uiterlijk 1 mei.")
                  .empty());
}

TEST(AnswerConsistencyTest, AStepTheAnswerSparesTheCustomerIsNoRequirement) {
  constexpr char kFlu[] =
      "De griepprik geven we op zaterdag tussen 9.00 en 12.00 uur. U hoeft geen afspraak te maken.";
  EXPECT_EQ(Kinds(kFlu,
                  "Beste mevrouw Kok, de griepprik is op zaterdag tussen 9.00 en 12.00 uur. Maakt "
                  "u wel even een afspraak via de assistente?"),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kFlu,
                    "Beste mevrouw Kok, kom zaterdag tussen 9.00 en 12.00 uur gewoon langs, een "
                    "afspraak is niet nodig.")
                  .empty());
}

TEST(AnswerConsistencyTest, ARuleStretchedToWhatTheAnswerKeepsApart) {
  constexpr char kBoats[] =
      "Dogs are welcome on the rowing boats. Pets are not allowed in the kayaks.";
  EXPECT_EQ(Kinds(kBoats, "Hi Sam, dogs can come along on the rowing boats, even in the kayaks."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(
      Kinds(kBoats, "Hi Sam, your dog is welcome on a rowing boat, just not in a kayak.").empty());
  constexpr char kCheck[] =
      "We charge \xE2\x82\xAC 25 for a check; it is waived if you have the repair done by us.";
  EXPECT_EQ(Kinds(kCheck,
                  "Beste heer Kramer, the \xE2\x82\xAC 25 is charged even if you have the repair "
                  "done by us."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, TheSameStepsInAnotherOrder) {
  constexpr char kClaim[] =
      "If your phone is stolen, first report it to the police, then submit your claim in the app "
      "with the police report number.";
  EXPECT_EQ(Kinds(kClaim,
                  "Hi Lee, start your claim in the app right away, and once you've reported it to "
                  "the police you can add the report number."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kClaim,
                    "Hi Lee, report the theft to the police first; after that, submit the claim "
                    "in the app with the report number.")
                  .empty());
}

TEST(AnswerConsistencyTest, DaysInWordsAndAYearAndAHalf) {
  EXPECT_EQ(Kinds("Season passes go on sale on 1 March.",
                  "Hi Jo, season passes go on sale on the first of April."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("Season passes go on sale on 1 March.",
                    "Hi Jo, season passes go on sale on the first of March.")
                  .empty());
  EXPECT_TRUE(
      Kinds("The minimum term is 18 months.", "Hi Kim, the minimum term is a year and a half.")
          .empty());
}

TEST(AnswerConsistencyTest, ValuesOnTheRightSideOfOverAndAfter) {
  // "orders over $60", "after 6 months": the customer's own larger value
  // agrees.
  EXPECT_TRUE(
      Kinds("Orders over $60 ship free.", "Hi Max, your order is $84, so it ships free.").empty());
  EXPECT_TRUE(Kinds("You may switch plans after 6 months.",
                    "Hi Max, you've been with us for 9 months, so you can switch now.")
                  .empty());
}

TEST(AnswerConsistencyTest, ATotalForSeveralNamedInWords) {
  constexpr char kTicket[] = "A day ticket costs \xE2\x82\xAC 12,50.";
  EXPECT_TRUE(Kinds(kTicket, "Hoi Karin, for you and your friend together that's \xE2\x82\xAC 25.")
                  .empty());
  EXPECT_EQ(Kinds(kTicket, "Hoi Karin, a day ticket is \xE2\x82\xAC 15."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, WhatTheAnswerSaysOfAThingTurnedAround) {
  // Free, included or covered against a cost, thing by thing, without a
  // "not" in the reply.
  constexpr char kBags[] =
      "Every fare includes one cabin bag. Hold luggage must be added separately.";
  const auto bags =
      Kinds(kBags, "Hi Ana, your fare already comes with hold luggage, nothing to add.");
  ASSERT_FALSE(bags.empty());
  for (ConflictKind k : bags) EXPECT_EQ(k, ConflictKind::kYesNo);
  EXPECT_TRUE(
      Kinds(kBags, "Hi Ana, your cabin bag comes with the fare; hold luggage you add separately.")
          .empty());
  constexpr char kLibrary[] =
      "Late returns cost 25p per day. Children's books are exempt from late fees.";
  EXPECT_EQ(
      Kinds(kLibrary, "Hi Mr Fox, I'm afraid we charge the late fee on children's books as well."),
      std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kLibrary, "Hi Mr Fox, children's books are free of late fees.").empty());
  // Two things named at once: agreeing about one does not hide the other.
  constexpr char kDental[] =
      "New patients get a free first exam. X-rays taken at the first visit are billed at $85.";
  EXPECT_EQ(Kinds(kDental, "Hi Monica, the first exam and any X-rays at that visit are free."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(
      Kinds(kDental, "Hi Monica, your first exam is free; X-rays at that visit are $85.").empty());
  // The negation belongs to the nearest word: "included at no extra charge".
  EXPECT_TRUE(
      Kinds("Helmets are included at no extra charge.", "Hi Tom, a helmet comes with your skis.")
          .empty());
}

TEST(AnswerConsistencyTest, WhoTakesTheStepAndWhereThingsGo) {
  // "The tutor will call you" is no way for the customer to book.
  constexpr char kTrial[] =
      "To book a trial lesson, fill in the form on our website. The tutor will then call you.";
  EXPECT_EQ(Kinds(kTrial, "Hi Kim, to book a trial lesson, please call the tutor."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(
      Kinds(kTrial, "Hi Kim, fill in the form on our website and the tutor rings you.").empty());
  // "emailing photos to our office": the office is where they go.
  EXPECT_EQ(Kinds("Report damage at the rental desk.",
                  "Hi Joel, report the damage by emailing photos to our office."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, AStepTheAnswerAsksForLeftOut) {
  constexpr char kPassport[] =
      "U vraagt een paspoort aan op het stadhuis, na het maken van een online afspraak.";
  EXPECT_EQ(Kinds(kPassport, "Beste mevrouw Meijer, u kunt zonder afspraak naar het stadhuis."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(
      Kinds(kPassport, "Beste mevrouw Meijer, maak eerst online een afspraak voor het stadhuis.")
          .empty());
}

TEST(AnswerConsistencyTest, DaysListedAcrossCommasAndHoursInWords) {
  constexpr char kYard[] = "De milieustraat is open op maandag, woensdag en vrijdag.";
  EXPECT_EQ(Kinds(kYard, "Hoi Gert, we zijn open op maandag, dinsdag en vrijdag."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds(kYard, "Hoi Gert, kom op maandag, woensdag of vrijdag.").empty());
  constexpr char kPool[] = "Het bad is dagelijks open van 10.00 tot 17.00 uur.";
  EXPECT_EQ(Kinds(kPool, "Hoi Anouk, het bad is elke dag open van tien tot zes."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds(kPool, "Hoi Anouk, het bad is elke dag open van tien tot vijf.").empty());
}

TEST(AnswerConsistencyTest, TheCustomersNowAndRoundedBounds) {
  // Their today and how long they have had it so far are their own.
  EXPECT_TRUE(Kinds("Early-bird tickets are on sale until 15 March.",
                    "Hi Ava, it's 2 March today, so the early-bird price still holds.")
                  .empty());
  EXPECT_TRUE(Kinds("Unopened tins can be returned within 28 days.",
                    "Hi Graham, it's only been 10 days, so the unopened tins can come back.")
                  .empty());
  EXPECT_EQ(Kinds("Unopened tins can be returned within 28 days.",
                  "Hi Graham, unopened tins can be returned within 10 days."),
            std::vector{ConflictKind::kPeriod});
  // "voor nog geen twintig euro" for € 19,95.
  EXPECT_TRUE(Kinds("Een abonnement kost \xE2\x82\xAC 19,95 per maand.",
                    "Hoi Mila, voor nog geen twintig euro per maand heb je een abonnement.")
                  .empty());
}

TEST(AnswerConsistencyTest, EveryOtherWeekIsHowOften) {
  constexpr char kBins[] = "Garden waste is collected every other Wednesday.";
  EXPECT_TRUE(Kinds(kBins, "Hi Mr Ellis, your brown bin is emptied fortnightly.").empty());
  EXPECT_EQ(Kinds(kBins, "Hi Mr Ellis, your brown bin is emptied weekly."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, WeekdaysOfTheMonthAndDaysInARow) {
  constexpr char kPaper[] = "Oud papier wordt elke tweede woensdag van de maand opgehaald.";
  EXPECT_EQ(Kinds(kPaper, "Hoi Daan, we halen het papier op de eerste woensdag van de maand."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(
      Kinds(kPaper, "Hoi Daan, de papierwagen komt op de tweede woensdag van elke maand.").empty());
  constexpr char kAway[] = "Your cover is suspended after 60 consecutive days away.";
  EXPECT_EQ(Kinds(kAway, "Hi Mr Fraser, cover is suspended after 30 days in a row away."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, APricePerSomethingSaidWithoutPer) {
  constexpr char kLessons[] =
      "Swimming lessons cost \xC2\xA3"
      "65 per block.";
  EXPECT_EQ(Kinds(kLessons,
                  "Hi Sophie, each block is \xC2\xA3"
                  "75."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kLessons,
                    "Hi Sophie, each block is \xC2\xA3"
                    "65.")
                  .empty());
  // Two of them is a total.
  EXPECT_TRUE(Kinds(kLessons,
                    "Hi Sophie, two blocks together come to \xC2\xA3"
                    "130.")
                  .empty());
}

TEST(AnswerConsistencyTest, AValueTheLimitAllowsStillCountsByElimination) {
  constexpr char kStorage[] =
      "We store your belongings for up to 6 months. The first 2 weeks of storage are free.";
  EXPECT_EQ(Kinds(kStorage,
                  "Dear Mrs Okoro, we store things for up to 6 months, and the first month of "
                  "storage is free."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds(kStorage,
                    "Dear Mrs Okoro, we store things for up to 6 months, and the first fortnight "
                    "of storage is free.")
                  .empty());
}

TEST(AnswerConsistencyTest, OpenAndClosedInOneClauseAndTheCustomersOwnPhone) {
  constexpr char kPharmacy[] = "De apotheek is op zaterdag open en op zondag gesloten.";
  EXPECT_TRUE(
      Kinds(kPharmacy, "Hoi Kees, zaterdag kun je langskomen. Zondag zijn we dicht.").empty());
  EXPECT_EQ(Kinds(kPharmacy, "Hoi Kees, we zijn op zaterdag en zondag dicht."),
            std::vector{ConflictKind::kDate});
  constexpr char kSwitch[] = "Text PAC to 65075 for your code, then enter it at checkout.";
  EXPECT_TRUE(
      Kinds(kSwitch, "Hi Grace, text PAC to 65075 from your phone and enter the code at checkout.")
          .empty());
  EXPECT_EQ(Kinds(kSwitch, "Hi Grace, text PAC to 65075, then call us on 0800 412 990."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, QuartersDozensRatesAndTheVerbLast) {
  constexpr char kPhysio[] =
      "Your first appointment lasts 45 minutes and follow-ups last 30 minutes.";
  EXPECT_TRUE(Kinds(kPhysio,
                    "Hi Rachel, the first one takes three quarters of an hour and follow-ups "
                    "half an hour each.")
                  .empty());
  EXPECT_EQ(Kinds(kPhysio, "Hi Rachel, the first one takes 45 minutes and follow-ups 20 minutes."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Downloads work on up to 6 devices.",
                    "Hi Isaac, you can download on half a dozen devices.")
                  .empty());
  EXPECT_TRUE(Kinds("Intensive courses run for 5 consecutive days, with 6 hours each day.",
                    "Hi Jade, the course runs for five days in a row with six hours a day.")
                  .empty());
  EXPECT_TRUE(Kinds("Installation is free with a 24-month plan.",
                    "Hi Marcus, on the 24-month plan installation is free, unlike on a "
                    "month-to-month plan.")
                  .empty());
}

TEST(AnswerConsistencyTest, TheDayBeforeAndTotalsOfSeveralPrices) {
  EXPECT_TRUE(Kinds("Opzeggen moet vóór 1 juni.", "Hoi Mees, zeg uiterlijk 31 mei op.").empty());
  EXPECT_EQ(Kinds("Opzeggen moet vóór 1 juni.", "Hoi Mees, zeg uiterlijk 31 juli op."),
            std::vector{ConflictKind::kDate});
  constexpr char kZoo[] =
      "Annual passes cost \xC2\xA3"
      "75 for adults and \xC2\xA3"
      "45 for children.";
  EXPECT_TRUE(Kinds(kZoo,
                    "Hi Hannah, for two adults and your son the passes would come to \xC2\xA3"
                    "195.")
                  .empty());
  EXPECT_TRUE(Kinds("Railcards give 25% off off-peak fares.",
                    "Hi Ben, your \xC2\xA3"
                    "40 off-peak ticket is \xC2\xA3"
                    "30 with the railcard.")
                  .empty());
}

TEST(AnswerConsistencyTest, ThresholdsCompoundsAndWhoIsActing) {
  constexpr char kSofa[] =
      "Delivery is free on orders over \xC2\xA3"
      "1,000.";
  EXPECT_TRUE(Kinds(kSofa,
                    "Hi Peter, your sofa came to \xC2\xA3"
                    "1,350, so delivery's on us.")
                  .empty());
  EXPECT_EQ(Kinds(kSofa,
                  "Hi Peter, delivery is free on orders over \xC2\xA3"
                  "1,500."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("You can take up to 25% of your pot as a tax-free lump sum.",
                    "Hi Mr Shah, from a pot of \xC2\xA3"
                    "120,000 you could take \xC2\xA3"
                    "30,000 tax-free.")
                  .empty());
  EXPECT_EQ(Kinds("De installatie is gratis bij een contract van 12 maanden.",
                  "Hoi Fleur, bij een contract van 12 maanden zie je de installatiekosten op je "
                  "eerste factuur."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Students can drop a course without a W grade until week 2.",
                    "Hi Riley, you can drop the course with no W grade until week 2.")
                  .empty());
  EXPECT_EQ(Kinds("Jaarkaarten koopt u online; aan de kassa worden ze niet verkocht.",
                  "Hoi Emma, een jaarkaart kun je gewoon aan de kassa kopen."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, EighthRoundValuesAndStances) {
  // Weights in other words, ranges of days of the month, ages with their side.
  EXPECT_EQ(Kinds("Handbagage tot 7 kg reist gratis mee.",
                  "Hoi Bas, je handbagage mag tot 12 kilo wegen, zonder bijbetaling."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Handbagage tot 7 kg reist gratis mee.",
                    "Hoi Bas, tot zeven kilo neem je je handbagage gratis mee.")
                  .empty());
  EXPECT_EQ(Kinds("Pick any collection day between the 1st and the 20th of the month.",
                  "Hi Ann, you can pick any day from the 1st to the 15th."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("Pick any collection day between the 1st and the 20th of the month.",
                    "Hi Ann, the 12th is fine, it is between the 1st and the 20th.")
                  .empty());
  EXPECT_EQ(Kinds("All screenings are 16+ unless marked otherwise.",
                  "Hi Dev, our screenings are for ages 12 and over."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Kinderen tot en met 11 jaar reizen gratis.",
                    "Uw kleinkinderen van 4, 7 en 9 jaar reizen gratis mee.")
                  .empty());
  // Numbers and periods in words.
  EXPECT_EQ(Kinds("Wij vergoeden maximaal \xE2\x82\xAC 1.500 per jaar.",
                  "We vergoeden tot maximaal vierduizend euro per jaar."),
            std::vector{ConflictKind::kAmount});
  EXPECT_EQ(Kinds("Een knipbeurt duurt 40 minuten.", "Reken op een half uurtje in de stoel."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_EQ(
      Kinds("The boiler is serviced every 6 months.", "Hi Jo, we service your boiler once a year."),
      std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(
      Kinds("The boiler is serviced every 6 months.", "Hi Jo, we service your boiler twice a year.")
          .empty());
  EXPECT_EQ(Kinds("Fitting costs $20 per tyre.", "Hi Al, fitting is twenty-five dollars a tire."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(
      Kinds("Fitting costs $20 per tyre.", "Hi Al, fitting is twenty dollars a tire.").empty());
  // One end of a range; a quote valid from today; the customer's own flight.
  EXPECT_TRUE(Kinds("Cards arrive within 5 to 8 business days.",
                    "Your card takes five business days at the earliest.")
                  .empty());
  EXPECT_EQ(Kinds("A quote stays valid for 60 days.",
                  "Hi Kim, your quote is good for 30 days from today."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("De balie is dagelijks open van 7.00 tot 22.00 uur.",
                    "Uw trein komt om 21.10 uur aan en de balie is tot tien uur 's avonds open.")
                  .empty());
  // Stances: what cannot be returned, what needs no receipt, a refused way.
  EXPECT_EQ(Kinds("Returns are free within 30 days; gift cards cannot be returned.",
                  "Hi Lou, you can return the gift cards within 30 days for free."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Ebooks are returned automatically after 21 days.",
                    "Hi May, there's no need to return the ebook, it goes back after three weeks.")
                  .empty());
  EXPECT_TRUE(Kinds("We exchange items without a receipt if you paid by card.",
                    "Hi Ben, you paid by card, so you won't need the receipt to exchange it.")
                  .empty());
  EXPECT_TRUE(Kinds("Cancel in the app. Cancellations by phone are not accepted.",
                    "Hi Sue, cancel in the app; we can't take it if you phone us.")
                  .empty());
}

TEST(AnswerConsistencyTest, EighthRoundWaysAndThingsInOtherWords) {
  // A thing the answer rules out, said included; the same thing in other words.
  const auto dogs = Kinds("Dogs are welcome in the garden, but not inside the restaurant.",
                          "Hi Raj, your dog can come in with you, inside the restaurant included.");
  ASSERT_FALSE(dogs.empty());
  for (ConflictKind k : dogs) EXPECT_EQ(k, ConflictKind::kYesNo);
  EXPECT_EQ(Kinds("Members must register online before booking a court.",
                  "Hi Pat, you can book a court right away, there's no need to sign up first."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Members must register online before booking a court.",
                    "Hi Pat, sign up online first and then book your court.")
                  .empty());
  EXPECT_EQ(Kinds("Bezorging is gratis voor leden.",
                  "Beste meneer Bos, helaas moeten we ook leden kosten in rekening brengen voor de "
                  "bezorging."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("In de prijs zitten 100 vrije minuten per maand. Elke extra minuut kost "
                    "\xE2\x82\xAC 0,10.",
                    "Hoi Ans, je belt 100 minuten per maand zonder extra kosten; daarboven "
                    "betaal je 10 cent per minuut.")
                  .empty());
  // "maar" as a softener; a way whose purpose is in the clause after it;
  // handing in at a point; applying is no question.
  EXPECT_EQ(Kinds("Een schade meldt u via het online schadeformulier.",
                  "Hoi Iris, stuur de nota maar per post naar ons postbusadres."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Een gestolen pas blokkeert u direct in de app.",
                  "Gaat u langs bij een van onze kantoren, dan blokkeren we de pas voor u."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Een nieuwe pas vraagt u aan in de app.",
                  "Een nieuwe pas vraag je aan bij een van onze kantoren."),
            std::vector{ConflictKind::kProcedure});
  // "non-urgent" is what the claim is about; "should" before no subject
  // is no condition.
  EXPECT_TRUE(Kinds("Report non-urgent repairs through the tenant portal. Emergencies should be "
                    "reported by phone.",
                    "Hi Sam, a dripping tap is not urgent, so please log it on the tenant portal.")
                  .empty());
  EXPECT_EQ(Kinds("Tickets are non-refundable.", "Hi Jo, tickets are refundable."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, EighthRoundTheCustomersCaseWorkedOut) {
  // Values of the customer's own case: how old their thing is, what is left,
  // how long it took, their now, their appointment.
  EXPECT_TRUE(Kinds("The frame has a 10-year warranty.",
                    "Hi Sam, your bike is three years old, so the frame is covered for another "
                    "seven years.")
                  .empty());
  EXPECT_TRUE(Kinds("A call-out includes the first 30 minutes.",
                    "Hi Ann, our plumber was with you for an hour, so the second half hour is "
                    "extra.")
                  .empty());
  EXPECT_TRUE(Kinds("Requests sent before 8pm are done the same evening.",
                    "Hi Tom, it's half past six now, so send it in and it's done tonight.")
                  .empty());
  EXPECT_TRUE(Kinds("Blue Badge holders park free for the first 3 hours.",
                    "Hello Mrs Patel, your two-hour appointment is free with your Blue Badge.")
                  .empty());
  EXPECT_TRUE(Kinds("Orders over $75 ship free.",
                    "Hi Dana, your order is $66, just under the free shipping threshold.")
                  .empty());
  EXPECT_EQ(
      Kinds("Orders over $75 ship free.", "Hi Dana, orders over the $60 threshold ship free."),
      std::vector{ConflictKind::kAmount});
  // Times worked out from the answer's time and period, and in other words.
  EXPECT_TRUE(Kinds("The gym closes at 10pm. Last entry is 30 minutes before closing.",
                    "Hi Dani, you need to be in by 9:30 in the evening.")
                  .empty());
  EXPECT_EQ(Kinds("The last ferry leaves at 21.45 uur. Auto's staan 30 minuten voor vertrek klaar.",
                  "De laatste veerboot vertrekt om 22.15 uur."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Indienen kan op de laatste dag tot 23:59 uur.",
                    "U kunt op die dag nog tot een minuut voor middernacht indienen.")
                  .empty());
  EXPECT_EQ(Kinds("The test takes 45 minutes.", "Allow about half an hour for the test."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(
      Kinds("The test takes 45 minutes.", "Allow three-quarters of an hour for the test.").empty());
  EXPECT_TRUE(Kinds("Inschrijven duurt 2 tot 3 werkdagen.",
                    "De inschrijving is binnen twee \xC3\xA0 drie werkdagen rond.")
                  .empty());
  EXPECT_TRUE(Kinds("Vanaf een huur van 6 dagen of langer betaalt u het weektarief.",
                    "U huurt zeven dagen, dus u betaalt het weektarief.")
                  .empty());
  // The other side of "only", a thing named with "no", a signature, an app
  // by its name.
  EXPECT_TRUE(Kinds("We only give refunds if a show is cancelled.",
                    "Hi Ed, as the show goes ahead we can't refund your tickets.")
                  .empty());
  EXPECT_TRUE(Kinds("Report repairs in the app. Emergencies such as a flood or no heating should "
                    "be phoned through.",
                    "Hi Pri, log the tap in the app; if the heating fails, give us a ring.")
                  .empty());
  EXPECT_TRUE(Kinds("Reset your password in the self-service portal.",
                    "Hi Tom, the self-service portal will sort it.\nIT Service Desk")
                  .empty());
  EXPECT_TRUE(Kinds("Een baan reserveer je via de ClubApp. Telefonisch reserveren kan niet.",
                    "Hoi Sanne, leg de baan vast in de ClubApp.")
                  .empty());
}

TEST(AnswerConsistencyTest, EighthRoundTimesSharesAndWhatIsNot) {
  EXPECT_EQ(Kinds("Vanaf 500 stuks krijgt u 15% korting.",
                  "Vanaf vijfhonderd stuks krijg je een tiende korting."),
            std::vector{ConflictKind::kAmount});
  EXPECT_EQ(Kinds("Na sluitingstijd kunt u nog tot 1:00 uur uitrijden.",
                  "U kunt nog tot half \xC3\xA9\xC3\xA9n 's nachts uitrijden."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(Kinds("Skis booked by 10pm can be collected from 7:30am the next morning.",
                  "Hi Claire, book before ten and your skis are ready from half eight."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(Kinds("The nursery is open from 7:30am to 6pm.",
                  "Hi Rachel, we're open until half six, so no rush at all."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(
      Kinds("All boats must be back by 7pm.", "Hi Tom, keep the canoe out until 8 in the evening."),
      std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(Kinds("We are closed on Sundays; Saturday surgery runs 9am to noon.",
                  "Hi Jen, we're shut on Saturdays, but Sunday surgery runs 9 till noon."),
            std::vector{ConflictKind::kDate});
  EXPECT_EQ(Kinds("The vaccine must have been given at least 21 days before the stay.",
                  "Hi Sophie, the jab must have been given at least two weeks before."),
            std::vector{ConflictKind::kPeriod});
  // What the answer says is not so, said to be so too.
  EXPECT_EQ(Kinds("Meals are included. Nappies are not provided.",
                  "Hi Rachel, meals are included and we supply nappies too."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Meals are included. Nappies are not provided.",
                    "Hi Rachel, meals are included too; please bring nappies.")
                  .empty());
  EXPECT_EQ(Kinds("Gazebos are allowed. Disposable barbecues are banned.",
                  "Hiya, your gazebo is fine and disposable barbecues are OK too."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, EighthRoundWhoActsAndWaysOnTheTopic) {
  EXPECT_EQ(Kinds("Your line manager raises a laptop request in the IT portal.",
                  "Hi Ade, just raise the laptop request yourself in the IT portal."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Your line manager raises a laptop request in the IT portal.",
                    "Hi Ade, ask your line manager to raise the laptop request in the IT portal.")
                  .empty());
  // "gerust" in an instruction is no invitation.
  EXPECT_EQ(Kinds("Een afspraak verzet u telefonisch. Wijzigingen per e-mail worden niet "
                  "verwerkt.",
                  "Geachte heer Brouwer, stuurt u ons gerust een e-mail met een paar datums."),
            std::vector{ConflictKind::kProcedure});
  // A value of the answer said again puts the reply on its topic.
  EXPECT_EQ(Kinds("Wijzigingen geeft u door via het ouderportaal. De planner bevestigt binnen 5 "
                  "werkdagen.",
                  "Hoi Noor, stuur voor de extra dag even een mailtje naar de groep. Binnen vijf "
                  "werkdagen hoor je of het past."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, EighthRoundWhenTheCustomersThingsHappen) {
  EXPECT_TRUE(Kinds("Bestellingen die vóór 15.00 uur binnen zijn, versturen we dezelfde dag.",
                    "Hoi Marieke, je bestelling kwam om 16.12 uur binnen, dus hij gaat morgen "
                    "de deur uit.")
                  .empty());
  EXPECT_TRUE(Kinds("In het huisje kun je vanaf 15.00 uur.",
                    "Hoi Lisa, jullie komen rond 13.00 uur aan; het huisje kan pas vanaf drie uur.")
                  .empty());
  EXPECT_TRUE(Kinds("Flu jabs are free for people aged 65 and over and cost \xC2\xA3"
                    "16 for everyone else.",
                    "Hi Mr Chapman, as you're 71 your jab is free; your wife, who's 62, pays "
                    "\xC2\xA3"
                    "16.")
                  .empty());
  EXPECT_TRUE(Kinds("Op het frame zit 10 jaar garantie.",
                    "Hoi Ahmed, op je frame heb je nog ruim 7 jaar garantie.")
                  .empty());
  EXPECT_EQ(Kinds("Mattresses come with a 100-night trial.",
                  "Hi Tom, our mattress trial lasts 60 nights."),
            std::vector{ConflictKind::kPeriod});
  // Not needed is about the thing after the negation, not the rest.
  EXPECT_TRUE(Kinds("Jabs are free. No appointment is needed on Saturday mornings.",
                    "Hi Mr Chapman, just walk in on a Saturday morning.")
                  .empty());
  const auto book = Kinds("Jabs are free. No appointment is needed on Saturday mornings.",
                          "Hi Mr Chapman, please book an appointment for Saturday morning.");
  ASSERT_FALSE(book.empty());
  for (ConflictKind k : book) EXPECT_EQ(k, ConflictKind::kYesNo);
}

TEST(AnswerConsistencyTest, EighthRoundDaysThatFollowAndDaysThatDiffer) {
  // "last" as a verb; "of meer" after the noun.
  EXPECT_EQ(Kinds("Test drives last up to 30 minutes.", "Hi Aaron, a test drive lasts an hour."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Bij 30 minuten vertraging of meer krijg je de helft terug.",
                    "Hoi Anouk, je trein had 42 minuten vertraging, dus je krijgt de helft terug.")
                  .empty());
  // The last day before a first one; a day of another status; a date and
  // the week after it in one sentence.
  EXPECT_TRUE(Kinds("De nieuwe dienstregeling gaat in op 14 december.",
                    "Tot en met 13 december geldt nog de oude dienstregeling.")
                  .empty());
  EXPECT_TRUE(Kinds("We zijn gesloten op eerste kerstdag.",
                    "Hoi Noor, op tweede kerstdag zijn we gewoon open.")
                  .empty());
  EXPECT_EQ(Kinds("We zijn gesloten op eerste kerstdag.",
                  "Hoi Noor, we zijn gesloten op tweede kerstdag."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("Term starts on 22 September. Welcome Week begins on 15 September.",
                    "Hi Alex, Welcome Week starts on the 15th; the term starts a week later, on "
                    "Monday 22 September.")
                  .empty());
}

TEST(AnswerConsistencyTest, EighthRoundStepsOfAnyKindInAnotherOrder) {
  EXPECT_EQ(Kinds("If the broadband stops, first restart your router and wait 10 minutes. If it "
                  "still fails, run a line test in the app.",
                  "Hi Kev, first run the line test in our app, then restart your router."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("If the broadband stops, first restart your router and wait 10 minutes. If it "
                    "still fails, run a line test in the app.",
                    "Hi Kev, restart your router first; if that doesn't help, run the line test "
                    "in our app.")
                  .empty());
  EXPECT_EQ(Kinds("Bij de kluis scan je eerst de QR-code uit de sms. Daarna voer je de laatste "
                  "vier cijfers van je telefoonnummer in.",
                  "Hoi Jelle, tik eerst de laatste vier cijfers van je telefoonnummer in en scan "
                  "je daarna de QR-code uit je sms."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, NinthRoundWhatHappenedSoFarAndPastTheLimit) {
  // A count told in the perfect tense is the customer's so far; the same
  // count said as the rule is compared.
  EXPECT_TRUE(Kinds("Op de accu geldt 2 jaar garantie of 500 laadcycli, wat het eerst komt.",
                    "Hoi Ahmed, je accu valt buiten de garantie, ook al heeft hij pas 310 "
                    "laadcycli gemaakt.")
                  .empty());
  EXPECT_EQ(Kinds("Op de accu geldt 2 jaar garantie of 500 laadcycli, wat het eerst komt.",
                  "Hoi Ahmed, op de accu geldt 2 jaar garantie of 300 laadcycli."),
            std::vector{ConflictKind::kAmount});
  // "has to be completed by" is no perfect tense.
  EXPECT_EQ(Kinds("The sale fare is valid for travel between 1 April and 30 June.",
                  "Hi! Travel has to be completed by 31 May, so your June trip isn't covered."),
            std::vector{ConflictKind::kDate});
  // Refusing one more than the limit agrees; refusing the limit itself not.
  EXPECT_TRUE(Kinds("Bewoners kunnen één parkeervergunning per adres aanvragen.",
                    "Beste heer Jacobs, op uw adres staat al een vergunning, dus een tweede "
                    "parkeervergunning kunt u helaas niet aanvragen.")
                  .empty());
  EXPECT_EQ(Kinds("Bewoners kunnen één parkeervergunning per adres aanvragen.",
                  "Beste heer Jacobs, bewoners kunnen helaas geen parkeervergunning per adres "
                  "aanvragen."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, NinthRoundNeedAndLeaveBoundsAndTheDayAfter) {
  // Not needing to agrees with being allowed to; "must not" forbids.
  EXPECT_TRUE(Kinds("You can pay in full at enrollment or in 4 monthly installments of $600.",
                    "Hi Marcus, you don't have to pay it all upfront - you can split it into "
                    "four monthly payments of $600.")
                  .empty());
  EXPECT_EQ(Kinds("You must not use a hosepipe to water your garden.",
                  "Hi Janet, you can still water your garden with a hosepipe."),
            std::vector{ConflictKind::kYesNo});
  // Not needing a ticket where another sentence of the answer says free.
  EXPECT_TRUE(Kinds("Entry to the permanent collection at the Calder Gallery is free. Temporary "
                    "exhibitions require a paid ticket.",
                    "Hi! You don't need a ticket for the permanent galleries - just walk in.")
                  .empty());
  EXPECT_EQ(Kinds("Entry to the permanent collection at the Calder Gallery is free. Temporary "
                  "exhibitions require a paid ticket.",
                  "Hi! You don't need a ticket for the temporary exhibitions - just walk in."),
            std::vector{ConflictKind::kYesNo});
  // "vanaf een bestelbedrag van € 35" is a lower bound.
  EXPECT_TRUE(Kinds("Vanaf een bestelbedrag van € 35 is de bezorging gratis.",
                    "Uw bestelling komt op € 41,30, dus de bezorging is gratis.")
                  .empty());
  EXPECT_EQ(Kinds("Vanaf een bestelbedrag van € 35 is de bezorging gratis.",
                  "Vanaf een bestelbedrag van € 40 is de bezorging gratis."),
            std::vector{ConflictKind::kAmount});
  // The customer's own slot and arrival.
  EXPECT_TRUE(Kinds("Last entry is at 4.30pm. The galleries close at 5.30pm.",
                    "Hi Karen, your train gets in at 3.50pm, so you'll make it.")
                  .empty());
  EXPECT_TRUE(Kinds("Je kunt je bestelling aanpassen tot 23.59 uur op de avond voor de bezorgdag.",
                    "Hoi Anouk, je bezorging staat voor donderdag tussen 18.00 en 19.00 uur.")
                  .empty());
  // The day after the last one; "vóór de 24e" is "uiterlijk op de 23e".
  EXPECT_TRUE(Kinds("De herfstvakantie loopt van zaterdag 19 tot en met zondag 27 oktober.",
                    "Hoi Mirjam, op maandag 28 oktober is iedereen weer gewoon op school.")
                  .empty());
  EXPECT_EQ(Kinds("De herfstvakantie loopt van zaterdag 19 tot en met zondag 27 oktober.",
                  "Hoi Mirjam, de vakantie loopt tot en met maandag 28 oktober."),
            (std::vector{ConflictKind::kDate, ConflictKind::kDate}));  // the weekday and the date
  EXPECT_TRUE(Kinds("Wij betalen uw pensioen elke maand uiterlijk op de 23e uit.",
                    "Uw pensioen staat elke maand vóór de 24e op uw rekening.")
                  .empty());
  EXPECT_EQ(Kinds("Wij betalen uw pensioen elke maand uiterlijk op de 23e uit.",
                  "Uw pensioen staat elke maand vóór de 25e op uw rekening."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, NinthRoundDaysSizesAndStretches) {
  // The days a service runs, as sets.
  EXPECT_TRUE(Kinds("We deliver Monday to Saturday.",
                    "Hi Mrs Patel, we deliver every day except Sunday, so Saturday works fine.")
                  .empty());
  EXPECT_EQ(Kinds("We deliver Monday to Friday.",
                  "Hi Mrs Patel, we deliver every day except Sunday, so Saturday works fine."),
            std::vector{ConflictKind::kDate});
  // Every size of "up to 60 × 40 × 40 cm" is a limit.
  EXPECT_TRUE(Kinds("The largest compartment fits parcels of up to 60 × 40 × 40 cm.",
                    "Hi Dave, your parcel is 55 × 35 × 30 cm, so it'll fit.")
                  .empty());
  EXPECT_EQ(Kinds("The largest compartment fits parcels of up to 60 × 40 × 40 cm.",
                  "Hi Dave, the largest compartment fits parcels of up to 60 × 40 × 50 cm."),
            std::vector{ConflictKind::kAmount});
  // A date inside the reply's own stretch of months; an end of a stretch
  // is compared.
  EXPECT_TRUE(Kinds("Garden waste is collected every other Tuesday from March to November.",
                    "Hi, garden waste is picked up fortnightly on Tuesdays between March and "
                    "November - your next collection is 16 April.")
                  .empty());
  EXPECT_EQ(Kinds("The customer line is open 8 am to 8 pm Monday to Friday and 9 am to 1 pm on "
                  "Saturdays.",
                  "Hi Rob, our lines are open 8 am to 8 pm on weekdays and 9 am to 3 pm on "
                  "Saturdays."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, NinthRoundWhoCallsAndWhatIsSpared) {
  // The company calling back is no way for the customer.
  EXPECT_TRUE(Kinds("Schade meldt u via het online schadeformulier. Daarna neemt een "
                    "schadebehandelaar binnen 2 werkdagen contact met u op.",
                    "Vult u eerst het schadeformulier op onze website in; binnen twee werkdagen "
                    "belt een schadebehandelaar u dan terug.")
                  .empty());
  EXPECT_EQ(Kinds("Schade meldt u via het online schadeformulier.",
                  "Belt u de schade door aan onze schadebehandelaar."),
            std::vector{ConflictKind::kProcedure});
  // "his first health check" is no word of order.
  EXPECT_TRUE(Kinds("To register your pet, fill in the online registration form. We will then "
                    "call you to book a first health check.",
                    "Hi Connor, the quickest way to register Milo is the online form on our "
                    "website. Once it's in, we'll give you a ring to book his first health check.")
                  .empty());
  // The customer's letter thanked for is no way.
  EXPECT_TRUE(Kinds("Parking permits must be applied for online through the council website. "
                    "Paper applications by post are no longer accepted.",
                    "Hi, thanks for your letter. Permits can only be applied for on our website "
                    "now.")
                  .empty());
  // "- just not in": the clause before turned around.
  EXPECT_TRUE(Kinds("Dogs are welcome on deck and in the pet lounge, but they are not allowed in "
                    "the main passenger lounges.",
                    "Hi Greta! She's welcome out on deck or in the pet lounge - just not in the "
                    "main passenger lounges.")
                  .empty());
  // Starting without the card spares it, as the answer does.
  EXPECT_TRUE(Kinds("You don't need a credit card to start the trial.",
                    "Hi Lena! You can start without entering any card details.")
                  .empty());
  EXPECT_EQ(Kinds("You don't need a credit card to start the trial.",
                  "Hi Lena! To start the trial, please enter your credit card details."),
            (std::vector{ConflictKind::kYesNo, ConflictKind::kYesNo}));
}

TEST(AnswerConsistencyTest, NinthRoundLimitsNamedPricesAndPeopleTold) {
  // A cut-off the reply names as the rule is compared, not weighed.
  EXPECT_EQ(Kinds("Orders placed before 10pm on weekdays are delivered the next working day.",
                  "Hi Greg, your order went in at 9.15pm, which is after our 8pm cut-off, so it'll "
                  "arrive on Thursday."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Orders placed before 10pm on weekdays are delivered the next working day.",
                    "Hi Greg, your order went in at 9.15pm, before our 10pm cut-off, so it'll "
                    "arrive tomorrow.")
                  .empty());
  EXPECT_EQ(Kinds("Wat u op werkdagen vóór 22.00 uur bestelt, wordt de volgende dag bezorgd.",
                  "Hoi Niels, je bestelling is om 21.05 uur geplaatst, dus net na onze grens van "
                  "20.00 uur."),
            std::vector{ConflictKind::kDeadline});
  // The very thing the answer prices, priced otherwise; a number of it
  // worked out agrees.
  EXPECT_EQ(Kinds("Een losse rijles kost € 62. Een pakket van 20 lessen kost € 1.140.",
                  "Hoi Daan! Een losse les is € 62 en het pakket van 20 lessen kost € 1.240."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Huur van klimschoenen kost € 4.",
                    "Als jullie alle drie schoenen huren, komt er nog € 12 bij.")
                  .empty());
  // Telling a person is a way of its own.
  EXPECT_EQ(Kinds("Geef het vooraf door in de ouder-app.",
                  "Hoi Lotte, zeg het dan gewoon 's ochtends bij het brengen tegen de leidster."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Je lidmaatschap zeg je op per e-mail aan de ledenadministratie.",
                  "Hoi Femke, jammer dat je stopt! Geef het gewoon even door aan je trainer."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Je lidmaatschap zeg je op per e-mail aan de ledenadministratie.",
                    "Hoi Femke, jammer dat je stopt! Stuur even een mailtje naar de "
                    "ledenadministratie.")
                  .empty());
  // What the answer leaves out, listed as included.
  EXPECT_EQ(Kinds("Membership includes unlimited tea and coffee. Printing is not included and is "
                  "charged per page.",
                  "Hi Leo, your membership includes unlimited coffee, tea and printing."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Membership includes unlimited tea and coffee. Printing is not included and "
                    "is charged per page.",
                    "Hi Leo, your membership includes unlimited coffee and tea.")
                  .empty());
}

TEST(AnswerConsistencyTest, NinthRoundOppositesSidesAndRangeTops) {
  // Opposites without a negation.
  EXPECT_EQ(
      Kinds("The fixed rate is 4.1% for 5 years.", "Hi Jo, the variable rate is 4.1% for 5 years."),
      std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("The router must be returned when your contract ends.",
                  "Hi Dan, the router is yours to keep when the contract ends."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("The router must be returned when your contract ends.",
                    "Hi Dan, please return the router when your contract ends.")
                  .empty());
  // "zowel ... als" is one list, not a condition.
  EXPECT_EQ(Kinds("De garantie geldt voor onderdelen, niet voor arbeidsloon.",
                  "Hoi Ben, de garantie dekt zowel onderdelen als arbeidsloon."),
            std::vector{ConflictKind::kYesNo});
  // The same value on the other side of it; a lead time bounds the other
  // way.
  EXPECT_EQ(Kinds("U kunt maximaal 3 dagen uitstel krijgen.",
                  "Beste klant, u krijgt minimaal 3 dagen uitstel."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_EQ(Kinds("You can bring at most 2 guests.", "Hi Sam, you can bring at least 2 guests."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Personal training sessions can be cancelled up to 12 hours beforehand.",
                    "Hey Rory, you can cancel a session as long as it's at least 12 hours before.")
                  .empty());
  // "within" the top of a range.
  EXPECT_TRUE(Kinds("Standaardbezorging kost € 4,95 en duurt 2 tot 3 werkdagen.",
                    "Hoi Kim, je pakket is er binnen drie werkdagen.")
                  .empty());
  EXPECT_EQ(Kinds("Standaardbezorging kost € 4,95 en duurt 2 tot 3 werkdagen.",
                  "Hoi Kim, je pakket is er binnen vijf werkdagen."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, NinthRoundWaysInOtherWords) {
  // A text message, a label used, walking in, a person by their role.
  EXPECT_EQ(Kinds("Meter readings can be submitted in our app.",
                  "Hi Kim, please text your meter reading to 60123."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Please return the item using the prepaid label in the box.",
                  "Hi Kim, please drop the item at our store on Main Street."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Stuur het artikel terug met het retourlabel uit het pakket.",
                    "Hoi Kim, plak het retourlabel uit de doos op het pakket en lever het in bij "
                    "een PostNL-punt.")
                  .empty());
  EXPECT_EQ(Kinds("Een APK-afspraak maakt u via onze website.",
                  "Beste Kim, voor een APK-afspraak loopt u gewoon even binnen bij de garage."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Klachten dient u in via het klachtenformulier op onze website.",
                  "Beste Kim, een klacht kunt u het beste direct bij de filiaalmanager "
                  "neerleggen."),
            std::vector{ConflictKind::kProcedure});
  // A verb and its particle apart are one verb ("zeg je ... op").
  EXPECT_EQ(Kinds("Je abonnement zeg je schriftelijk op.",
                  "Hoi Kim, opzeggen doe je met één klik in de app."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Je abonnement zeg je schriftelijk op.",
                    "Hoi Kim, stuur ons een brief om je abonnement op te zeggen.")
                  .empty());
  // A desk in a compound is a desk.
  EXPECT_TRUE(Kinds("Online inchecken kan tot 2 uur voor vertrek. De incheckbalie op de "
                    "luchthaven sluit 45 minuten voor vertrek.",
                    "Checkt u liever aan de balie in, zorg dan dat u er op tijd bent.")
                  .empty());
}

TEST(AnswerConsistencyTest, NinthRoundTheCustomersPastAndDaysNotRuledOut) {
  // What the customer did, or what their thing was, in the past tense.
  EXPECT_TRUE(Kinds("Cancellations within 48 hours of check-in are charged in full.",
                    "Hi Kim, you cancelled 20 hours before check-in, so it was charged in full.")
                  .empty());
  EXPECT_EQ(Kinds("Cancellations within 48 hours of check-in are charged in full.",
                  "Hi Kim, cancellations within 20 hours of check-in are charged in full."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Koffers tot 23 kg zijn inbegrepen; zwaardere koffers kosten € 40.",
                    "Hoi Kim, je koffer woog 26 kg bij het inchecken, dus de toeslag van € 40 "
                    "gold.")
                  .empty());
  // "je je was" is the laundry, not the past.
  EXPECT_EQ(Kinds("Breng je je was vóór 10.00 uur, dan ligt hij dezelfde dag klaar.",
                  "Hoi Lotte, als je je was vóór 12.00 uur brengt, ligt hij dezelfde dag klaar."),
            std::vector{ConflictKind::kDeadline});
  // The customer's basket and how far it is from the threshold.
  EXPECT_TRUE(Kinds("Orders over $50 ship free.",
                    "Hi Kim, your basket is at $43 right now, so add $7 more and shipping is on "
                    "us.")
                  .empty());
  // A refund worked out from what the customer paid less the answer's fee.
  EXPECT_TRUE(Kinds("If you return them within 45 days, we refund the full price minus a $75 "
                    "fitting fee.",
                    "Dear Mr Henderson, as you paid $2,400 for the pair, you'll receive $2,325 "
                    "back.")
                  .empty());
  // Another day than the one ruled out; the day ruled out itself.
  EXPECT_TRUE(Kinds("Planten versturen we niet op vrijdag.",
                    "Hoi Marieke, je bestelling met de plantjes gaat woensdag de deur uit.")
                  .empty());
  EXPECT_EQ(Kinds("Planten versturen we op dinsdag.",
                  "Hoi Marieke, je bestelling met de plantjes gaat woensdag de deur uit."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, NinthRoundBareHoursAndDaysOfAMonth) {
  // "until 6" is a time of day; "for 6 people" is not.
  EXPECT_EQ(Kinds("Our phone lines close at 5.30pm on Fridays.",
                  "Hi Kim, on Fridays you can reach us by phone until 6."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Our phone lines close at 5.30pm on Fridays.",
                    "Hi Kim, on Fridays you can reach us by phone until half five.")
                  .empty());
  EXPECT_TRUE(Kinds("Tables close at 10pm.", "Hi Kim, I've booked a table for 6 at 8pm.").empty());
  // "mid-February", "half februari": the month; "de laatste dag van
  // oktober": the 31st.
  EXPECT_EQ(
      Kinds("Applications close on 31 January.", "Hi Kim, you have until mid-February to apply."),
      std::vector{ConflictKind::kDate});
  EXPECT_EQ(Kinds("Aanmelden kan tot en met 31 januari.",
                  "Hoi Kim, je kunt je tot half februari aanmelden."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("Het seizoen loopt van 1 april tot en met 31 oktober.",
                    "Hoi! Het seizoen eindigt op de laatste dag van oktober.")
                  .empty());
  EXPECT_EQ(Kinds("Het seizoen loopt van 1 april tot en met 31 oktober.",
                  "Hoi! Het seizoen eindigt op de laatste dag van november."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, NinthRoundDutchMainClausesAndDashes) {
  // The main clause after "omdat ... bent" starts at "betaal je".
  EXPECT_EQ(Kinds("Recepten zijn gratis voor 60-plussers.",
                  "Hoi Kim, omdat je 67 bent betaal je het gewone tarief voor je recept."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Recepten zijn gratis voor 60-plussers.",
                    "Hoi Kim, omdat je 67 bent betaal je niets voor je recept.")
                  .empty());
  // "- no need to book" is a claim of its own, not an elided negation.
  EXPECT_TRUE(Kinds("Appointments are not needed for flu jabs.",
                    "Hi Kim, just walk in for your flu jab - no need to book.")
                  .empty());
}

TEST(AnswerConsistencyTest, NinthRoundTenureAgesTotalsAndClosedDays) {
  // How long the customer has been one; the ages of their children.
  EXPECT_TRUE(Kinds("Zegt u binnen het eerste jaar op, dan betaalt u € 50. Na het eerste jaar is "
                    "opzeggen kosteloos.",
                    "Goedemiddag, u bent nu acht maanden klant, dus als u nu overstapt, rekenen we "
                    "vijftig euro.")
                  .empty());
  EXPECT_TRUE(Kinds("Kinderen onder de 4 jaar hebben gratis toegang.",
                    "Goedemorgen, met uw kinderen van 7 en 2 jaar mag de jongste gratis mee naar "
                    "binnen.")
                  .empty());
  // "zonder kosten" is free, not the other of "met".
  EXPECT_TRUE(Kinds("Met de betaalpas kunt u in alle eurolanden gratis geld opnemen.",
                    "Hoi Joost, in Italië kun je gewoon zonder kosten geld uit de muur halen.")
                  .empty());
  // "een half uur eerder" is a length of time, not half past twelve.
  EXPECT_TRUE(Kinds("Het bad sluit op zondag om 17.00 uur. De kassa sluit een half uur eerder.",
                    "Hoi Yara, als jullie zondag om kwart over vier aankomen, kun je nog net naar "
                    "binnen, want de kassa is tot half vijf open.")
                  .empty());
  // A total for the customer's nights at the answer's rate.
  EXPECT_EQ(Kinds("Parking in the garage costs €18 per night.",
                  "Good morning Mr Patel, for your three nights the garage will come to €45."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Parking in the garage costs €18 per night.",
                    "Good morning Mr Patel, for your three nights the garage will come to €54.")
                  .empty());
  // Only the closed days said: a conflict only by a day of the other status.
  EXPECT_TRUE(Kinds("De winkel is geopend van dinsdag tot en met zaterdag.",
                    "Hoi Eva, maandag zijn we helaas dicht, maar vanaf dinsdag ben je welkom.")
                  .empty());
  EXPECT_EQ(Kinds("De winkel is geopend van dinsdag tot en met zaterdag.",
                  "Hoi Eva, woensdag zijn we helaas dicht."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds("The library is closed every Sunday and Monday.",
                    "Hi Ruth, bring the books back on Saturday, or we're open again from Tuesday.")
                  .empty());
}

TEST(AnswerConsistencyTest, NinthRoundTimesForTodayAndTimesInWords) {
  // The rule's time for today is compared; the customer's plan on the safe
  // side of it agrees.
  EXPECT_EQ(Kinds("Online ticket sales close at 12 noon on the day of the show.",
                  "Hey Sam, tonight's show is still on sale online till six this evening."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_EQ(Kinds("Wijzigingen kun je tot 17.00 uur op de dag ervoor doorgeven.",
                  "Hoi Roos, wil je de afspraak van morgen verzetten? Dat kan nog tot tien uur "
                  "vanavond."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Orders approved before noon are shipped the same day.",
                    "Hey Marcus, if you okay the proof by 11:30 this morning, your cards will ship "
                    "today.")
                  .empty());
  // An hour in words after "until", a comma after it.
  EXPECT_EQ(Kinds("The kitchen takes its last food orders at 9:30pm.",
                  "Hi Jamie, the kitchen keeps taking orders until ten, so there's no rush."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(
      Kinds("The kitchen takes its last food orders at 9:30pm.",
            "Hi Jamie, the kitchen keeps taking orders until half nine, so there's no rush.")
          .empty());
  // The customer's time said roughly; the company's closing time said as
  // its own.
  EXPECT_TRUE(
      Kinds("Prescriptions handed in after 5 pm are ready the next working day.",
            "Hi Mr Brennan, as you're dropping the prescription off around half five, it'll "
            "be ready tomorrow.")
          .empty());
  EXPECT_EQ(Kinds("Kinderen moeten uiterlijk om 18.30 uur worden opgehaald.",
                  "Hoi Mark, je bent helaas net te laat, want we sluiten om zes uur."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, NinthRoundACostSaidOfIt) {
  // A cost said of no thing by name is about what the answer prices.
  EXPECT_EQ(Kinds("Well-behaved dogs are welcome for a fee of £15 per night. Other pets are not "
                  "allowed.",
                  "Hi Mrs Carter, Buster is more than welcome, and we won't charge you anything "
                  "extra for him."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("Bij ons zijn honden welkom zonder extra kosten.",
                  "Dag mevrouw Claassen, uw labrador is van harte welkom; we rekenen voor hem wel "
                  "€ 10 per nacht."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Well-behaved dogs are welcome for a fee of £15 per night.",
                    "Hi Mrs Carter, Buster is more than welcome; we charge £15 a night for him.")
                  .empty());
  // "The course fee includes all books" is no price.
  EXPECT_TRUE(Kinds("The course fee includes all books.",
                    "The books are part of the fee, so you won't need to buy anything extra.")
                  .empty());
}

TEST(AnswerConsistencyTest, NinthRoundAFullWeekAndDaysOfToday) {
  // "a full week", "een hele maand" are periods; "£68 for a full day" is
  // what is priced.
  EXPECT_EQ(Kinds("Policyholders must report a burglary within 48 hours of discovering it.",
                  "Mr Clarke, there's no rush, you've got a full week to let us know."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(
      Kinds("We charge £68 for a full day.", "Hi Rachel, three full days a week comes to £204.")
          .empty());
  // "within ten working days of today" counts from today: a rule.
  EXPECT_EQ(Kinds("We aim to complete non-urgent repairs within 20 working days.",
                  "Hi Mrs O'Brien, we aim to fix it within ten working days of today."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("We aim to complete non-urgent repairs within 20 working days.",
                    "Hi Mrs O'Brien, we aim to fix it within twenty working days of today.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundWhatIsForbiddenByNameAllowed) {
  // One word in common is enough when it names what the answer forbids.
  EXPECT_EQ(Kinds("Scooters are not permitted on the platforms.",
                  "Hi Dave, scooters are fine on the platforms as long as they're folded."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Scooters are not permitted on the platforms.",
                    "Hi Dave, sorry, you'll have to leave the scooter at home.")
                  .empty());
  // A Dutch compound names its last part, and an exception is no conflict.
  EXPECT_EQ(Kinds("In de bibliotheek zijn honden niet toegestaan, met uitzondering van hulphonden.",
                  "Hoi Sanne, je waakhond mag gewoon mee naar binnen."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(
      Kinds("In de bibliotheek zijn honden niet toegestaan, met uitzondering van hulphonden.",
            "Hoi Sanne, je hulphond mag gewoon mee naar binnen.")
          .empty());
}

TEST(AnswerConsistencyTest, TenthRoundTheCompanyTakesTheCustomersStep) {
  EXPECT_EQ(Kinds("Je geeft je meterstand zelf door in de app.",
                  "Hoi Anouk, wij geven je meterstand voor je door in de app."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Je geeft je meterstand zelf door in de app.",
                    "Hoi Anouk, je geeft je meterstand zelf even door in de app.")
                  .empty());
  EXPECT_EQ(Kinds("To end your plan, cancel the plan yourself under Settings.",
                  "Hi Joe, no problem, we'll cancel the plan for you today."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("To end your plan, cancel the plan yourself under Settings.",
                    "Hi Joe, you can cancel the plan yourself under Settings.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundWhatTurnsAClaimAroundAndWhatDoesNot) {
  // The company's name in the sign-off says nothing of its claims.
  EXPECT_TRUE(Kinds("Glaszetter Bos plaatst geen dakramen.",
                    "Beste meneer Dam, een dakraam kunnen wij helaas niet plaatsen. Met "
                    "vriendelijke groet, Glaszetter Bos")
                  .empty());
  EXPECT_EQ(Kinds("Glaszetter Bos plaatst geen dakramen.",
                  "Beste meneer Dam, uw dakraam plaatsen wij graag volgende week. Met "
                  "vriendelijke groet, Glaszetter Bos"),
            std::vector{ConflictKind::kYesNo});
  // The condition turned as well: "zonder X geen" is "met X wel".
  EXPECT_TRUE(Kinds("Zonder pasje kunt u geen boeken lenen.",
                    "Hoi Bas, met een pasje kun je gewoon boeken lenen.")
                  .empty());
  // What the answer rules out, set aside with "rather than".
  EXPECT_TRUE(Kinds("Deliveries use the loading bay on Mill Lane, not the front door.",
                    "Hi Sue, please bring it to the loading bay on Mill Lane rather than the "
                    "front door.")
                  .empty());
  // A consequence of doing what another clause of the answer asks.
  EXPECT_TRUE(Kinds("Een klacht dient u in via het klachtenformulier op de website. Klachten "
                    "per telefoon nemen wij niet in behandeling.",
                    "Vult u het klachtenformulier op de website in, dan nemen we uw klacht "
                    "direct in behandeling.")
                  .empty());
  // The conversation the reply follows names no way.
  EXPECT_TRUE(Kinds("Address changes are made in your online account; our phone team cannot "
                    "change addresses.",
                    "As I mentioned on the phone, Mr Lee, please update the address in your "
                    "online account.")
                  .empty());
  // A way with no fee is a way, not one ruled out.
  EXPECT_TRUE(Kinds("Online bookings carry a £2 fee per seat. Seats bought at the ticket desk "
                    "have no fee.",
                    "Hi Ali, if you call in at the ticket desk you won't pay any fee.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundValuesClauseByClause) {
  // One value said twice where the answer says it once: each clause
  // decides what it is about.
  EXPECT_EQ(Kinds("Tenants must give 60 days' written notice. The deposit is returned within "
                  "30 days after the final inspection.",
                  "Hi Sam, we need 30 days' written notice, and the deposit is returned "
                  "within 30 days after the final inspection."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds("Tenants must give 60 days' written notice. The deposit is returned within "
                    "30 days after the final inspection.",
                    "Hi Sam, we need 60 days' written notice, and the deposit is returned "
                    "within 30 days after the final inspection.")
                  .empty());
  // The clause names which of the sentence's times it is about.
  EXPECT_EQ(Kinds("Tours run from 9am to 6pm on weekdays and from 11am to 3pm on Sundays.",
                  "Hi Pat, on Sundays we run tours between 11am and 5pm."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Tours run from 9am to 6pm on weekdays and from 11am to 3pm on Sundays.",
                    "Hi Pat, on Sundays we run tours between 11am and 3pm.")
                  .empty());
  // Phoning is being reachable by phone.
  EXPECT_EQ(Kinds("De praktijk is op werkdagen telefonisch bereikbaar van 8.00 tot 17.00 uur.",
                  "Hoi Kim, je kunt ons op werkdagen bellen tot 18.00 uur."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("De praktijk is op werkdagen telefonisch bereikbaar van 8.00 tot 17.00 uur.",
                    "Hoi Kim, je kunt ons op werkdagen bellen tot 17.00 uur.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundTheCustomersCaseAndWorkedOutValues) {
  // A pictograph before a capital ends a chat sentence.
  EXPECT_TRUE(Kinds("A lesson lasts 60 minutes. Lesson cards must be used within 6 months.",
                    "Hi Jo! Each lesson is an hour 🎾 You bought your card on 2 March, so "
                    "you've got until 2 September to use it.")
                  .empty());
  // "must be used within 6 months" is a rule, not what the customer used.
  EXPECT_EQ(Kinds("Lesson cards must be used within 6 months.",
                  "Hi Jo, the card needs to be used within a year."),
            std::vector{ConflictKind::kPeriod});
  // An amount of the answer with its percentage added.
  EXPECT_TRUE(Kinds("Wedding albums cost £200. Gold edging adds 15% to the price.",
                    "Hi Amy, with gold edging your album comes to £230.")
                  .empty());
  EXPECT_EQ(Kinds("Wedding albums cost £200. Gold edging adds 15% to the price.",
                  "Hi Amy, with gold edging your album comes to £250."),
            std::vector{ConflictKind::kAmount});
  // "nog geen half uur, zo'n 25 minuten": below half an hour.
  EXPECT_TRUE(Kinds("De wandeling naar het strand duurt ongeveer 25 minuten.",
                    "Hoi Eva, naar het strand loop je nog geen half uur, zo'n 25 minuten.")
                  .empty());
  // "morgen, woensdag" is the customer's day; "pas over ruim een week" how
  // far off their date is.
  EXPECT_TRUE(Kinds("Bestellingen van vóór 11.00 uur liggen de volgende werkdag klaar. Op "
                    "zaterdag zijn wij gesloten.",
                    "Hoi Ruud, je bestelde om 9.15 uur, dus alles ligt morgen, woensdag, "
                    "voor je klaar.")
                  .empty());
  EXPECT_TRUE(Kinds("Kaarten kunt u tot 48 uur voor de voorstelling omruilen.",
                    "Beste mevrouw Kok, de voorstelling is pas over ruim een week, dus "
                    "omruilen kan nog.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundWhoTakesTheStepAndWhatABareNotRulesOut) {
  // The company says it takes the step itself; the reply leaves it to
  // the customer, and the other way round.
  EXPECT_EQ(Kinds("Wij vragen de vergunning zelf bij de gemeente aan.",
                  "Beste heer Smit, vraagt u de vergunning eerst zelf bij de gemeente aan?"),
            std::vector{ConflictKind::kProcedure});
  EXPECT_EQ(Kinds("Een verhuizing meldt u zelf bij de gemeente.",
                  "Beste heer Smit, wij melden de verhuizing daarna zelf bij de gemeente."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("Een verhuizing meldt u zelf bij de gemeente.",
                    "Beste heer Smit, u meldt de verhuizing zelf bij de gemeente.")
                  .empty());
  // "..., not the main entrance" against "come to the main entrance".
  EXPECT_EQ(Kinds("Visitors enter through the garden gate, not the main entrance.",
                  "Hi Lin, just come to the main entrance and we'll meet you there."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Visitors enter through the garden gate, not the main entrance.",
                    "Hi Lin, just come to the garden gate and we'll meet you there.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundAStepThatWaitsTakenAtOnce) {
  EXPECT_EQ(Kinds("U ontvangt eerst een ontwerp per e-mail. Pas nadat u het ontwerp heeft "
                  "goedgekeurd, gaat uw drukwerk naar de drukker.",
                  "Hoi Mila, je drukwerk gaat meteen naar de drukker en je krijgt het "
                  "ontwerp er tegelijk bij."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds("U ontvangt eerst een ontwerp per e-mail. Pas nadat u het ontwerp heeft "
                    "goedgekeurd, gaat uw drukwerk naar de drukker.",
                    "Hoi Mila, zodra je het ontwerp hebt goedgekeurd, gaat je drukwerk naar "
                    "de drukker.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundAlwaysIsAMustAndNoProblemIsLeave) {
  EXPECT_EQ(Kinds("Een bezichtiging doet u altijd op afspraak.",
                  "Hoi Tim, je hoeft geen afspraak te maken, loop gewoon binnen."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Een bezichtiging doet u altijd op afspraak.",
                    "Hoi Tim, maak even een afspraak, dan laten we je de woning zien.")
                  .empty());
  EXPECT_EQ(Kinds("Skateboards zijn in het park niet toegestaan.",
                  "Hoi Noor, je skateboard meenemen in het park is geen probleem."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds("Skateboards zijn in het park niet toegestaan.",
                    "Geen probleem, Noor: laat je skateboard wel thuis.")
                  .empty());
}

TEST(AnswerConsistencyTest, TenthRoundWeekdaysAndFeesPerThing) {
  // A day from Monday to Friday where the answer says weekdays.
  EXPECT_TRUE(Kinds("Viewings run until 7pm on weekdays and until 4pm on Saturdays.",
                    "Hi Ann, a viewing on Thursday evening is fine.")
                  .empty());
  // "a £2 booking fee per ticket": six tickets come to £12.
  EXPECT_TRUE(Kinds("We charge a £2 booking fee per ticket for online bookings.",
                    "Hi Raj, for your six tickets that's £12 in fees online.")
                  .empty());
  EXPECT_EQ(Kinds("We charge a £2 booking fee per ticket for online bookings.",
                  "Hi Raj, the booking fee online is £3 per ticket."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, TenthRoundPerTheNounAfterItsQualifier) {
  // "per gemist kwartier" is per quarter of an hour.
  EXPECT_EQ(Kinds("Een gemiste afspraak kost € 20 per gemist kwartier behandeltijd.",
                  "Beste heer Bos, we rekenen € 30 per kwartier."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Een gemiste afspraak kost € 20 per gemist kwartier behandeltijd.",
                    "Beste heer Bos, we rekenen € 20 per kwartier.")
                  .empty());
  // "€ 320 per extra paneel" against "elk extra paneel kost € 280".
  EXPECT_EQ(Kinds("Vier panelen kosten € 2.000. Elk extra paneel kost € 280.",
                  "Beste mevrouw Aksoy, u betaalt € 320 per extra paneel."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, TenthRoundAnEMailWithBlankLinesAndASignOff) {
  // Lines, blank lines and runs of spaces before the sign-off: read once,
  // and the sign-off left out.
  EXPECT_TRUE(Kinds("U kunt uw bestelling binnen 30 dagen retourneren.",
                    "Beste Anna,\n\n\nU kunt uw bestelling binnen 30 dagen retourneren.   "
                    "\n\n  \nMet vriendelijke groet,\nTeam Retouren")
                  .empty());
  EXPECT_EQ(Kinds("U kunt uw bestelling binnen 30 dagen retourneren.",
                  "Beste Anna,\n\nU kunt uw bestelling binnen 14 dagen retourneren.\n\n"
                  "Met vriendelijke groet,\nTeam Retouren"),
            std::vector{ConflictKind::kPeriod});
  // A long reply of blank lines is read in one pass.
  const std::string blank(200000, '\n');
  EXPECT_TRUE(Kinds("U kunt uw bestelling binnen 30 dagen retourneren.",
                    "Beste Anna," + blank + "Groet, Team")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundATimeTurnedIntoAnotherZone) {
  const std::string answer =
      "Applications close on 15 March at 11:59 p.m. ET. Late forms are "
      "not accepted.";
  EXPECT_TRUE(Kinds(answer,
                    "Hi Ana, for you in Seattle that is 8:59 p.m. your time (11:59 p.m. "
                    "Eastern) on 15 March.")
                  .empty());
  EXPECT_TRUE(
      Kinds(answer, "Hi Ana, you sent it at 7:10 p.m. Pacific, which is 10:10 p.m. ET.").empty());
  EXPECT_EQ(Kinds(answer, "Hi Ana, applications close on 15 March at 10:59 p.m. ET."),
            std::vector{ConflictKind::kDeadline});
  // "local time" is the answer's own, not a turn into another zone.
  EXPECT_EQ(Kinds("You can cancel free of charge until 6 pm local time.",
                  "You can cancel for free until noon local time."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, EleventhRoundAPricePerATimeInOneWord) {
  const std::string answer = "A parking space costs $40 monthly. The deposit is $100.";
  EXPECT_TRUE(Kinds(answer, "Hi Tom, the space is $40 a month plus a $100 deposit.").empty());
  EXPECT_EQ(Kinds(answer, "Hi Tom, the space is $55 a month plus a $100 deposit."),
            std::vector{ConflictKind::kAmount});
  // The price said without what it is per.
  const std::string permit = "A permit costs £65 per year. Electric cars pay £25.";
  EXPECT_TRUE(
      Kinds(permit, "Hi Sam, for your car the permit is £65 for the twelve months.").empty());
  EXPECT_EQ(Kinds(permit, "Hi Sam, for your car the permit is £75 for the twelve months."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, EleventhRoundADepartureIsNoDeadline) {
  const std::string answer =
      "Voor de boot van 10.15 uur moet u met de auto uiterlijk om 9.45 uur inchecken.";
  EXPECT_TRUE(
      Kinds(answer, "Voor de afvaart van kwart over tien checkt u uiterlijk om kwart voor tien in.")
          .empty());
  EXPECT_EQ(
      Kinds(answer, "Voor de afvaart van kwart over tien checkt u uiterlijk om half tien in."),
      std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, EleventhRoundDatesOfAListAndOfARule) {
  // "on 1 March, 15 June": a month and the next date are not one date.
  const std::string dates = "Rent is paid in three instalments: on 1 March, 15 June and 1 October.";
  EXPECT_TRUE(
      Kinds(dates, "Hi Zoe, the instalments are due on 1 March, 15 June and 1 October.").empty());
  EXPECT_EQ(Kinds(dates, "Hi Zoe, the instalments are due on 1 March, 15 July and 1 October."),
            std::vector{ConflictKind::kDate});
  // "Orders placed ..." in the answer is a rule, not a customer's past.
  const std::string rule = "Orders placed between 24 and 31 December ship on 2 January.";
  EXPECT_TRUE(Kinds(rule, "Hi Bo, anything ordered over Christmas goes out on 2 January.").empty());
  EXPECT_EQ(Kinds(rule, "Hi Bo, anything ordered over Christmas goes out on 5 January."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, EleventhRoundALimitOfTheReplysOwnIsCompared) {
  const std::string answer =
      "Bestel je op werkdagen vóór 22.00 uur, dan bezorgen we de volgende dag.";
  EXPECT_EQ(Kinds(answer, "Hoi Eva, op werkdagen bestel je tot 20.00 uur voor levering morgen."),
            std::vector{ConflictKind::kDeadline});
  // A time of the customer's on the early side is within it.
  EXPECT_TRUE(
      Kinds(answer, "Hoi Eva, als je vanavond om 21.00 uur bestelt, ben je op tijd.").empty());
}

TEST(AnswerConsistencyTest, EleventhRoundATotalForAGroupAndNoProblem) {
  const std::string answer = "Op dinsdag betaalt iedereen € 9 per kaartje.";
  EXPECT_TRUE(
      Kinds(answer, "Hoi Fenna, op dinsdag is het € 9, dus voor jullie drieën € 27.").empty());
  EXPECT_EQ(Kinds(answer, "Hoi Fenna, op dinsdag is het € 11 per kaartje."),
            std::vector{ConflictKind::kAmount});
  // "isn't a problem" turns nothing around.
  const std::string guests = "Guests must be over 16 and fill in a form at reception.";
  EXPECT_TRUE(Kinds(guests,
                    "Hi Ellie, she's 19, so age isn't a problem; she just needs to fill "
                    "in a form at reception.")
                  .empty());
  EXPECT_EQ(Kinds(guests, "Hi Ellie, she doesn't need to fill in a form at reception."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, EleventhRoundThenIsWhereItIsWritten) {
  // "daarna" follows what comes before it and comes before what follows.
  const std::string answer =
      "Je opent het kluisje met de code uit de sms. Eerst scan je de QR-code, daarna voer je de "
      "code in. Werkt de code niet, bel dan 088 123 4567.";
  EXPECT_TRUE(Kinds(answer,
                    "Hoi Anne, eerst de QR-code scannen, pas daarna de cijfers uit je sms "
                    "intoetsen. Lukt het dan nog niet, dan kun je ons bellen.")
                  .empty());
  EXPECT_EQ(
      Kinds("Meld je laptop eerst aan via het formulier op de website. Daarna stuur je hem op.",
            "Hoi Koen, stuur je laptop eerst op; daarna vul je het formulier op de website in."),
      std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, EleventhRoundAPassiveNamesNoOneToAct) {
  const std::string passive = "De installatie wordt binnen 3 weken na je aanmelding ingepland.";
  EXPECT_TRUE(Kinds(passive, "Binnen drie weken na je aanmelding plannen we de monteur voor je in.")
                  .empty());
  EXPECT_EQ(Kinds("Je meldt de installatie binnen 3 weken zelf aan bij de netbeheerder.",
                  "Wij melden de installatie binnen 3 weken voor je aan bij de netbeheerder."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, EleventhRoundWordsInsideWordsAndDaysNamedByAWay) {
  // "doorgeven in" holds "even in" but stretches nothing.
  EXPECT_TRUE(Kinds("U geeft een verhuizing minimaal 5 werkdagen vooraf door via Mijn Stroomhuis.",
                    "Wel graag de verhuizing vijf werkdagen van tevoren doorgeven in Mijn "
                    "Stroomhuis.")
                  .empty());
  // "we'll return to empty it" is coming back, not a thing returned.
  EXPECT_TRUE(Kinds("Leave the bin out and we'll return to empty it within 3 working days.",
                    "Keep the bin out by the kerb and we'll be back within three working days.")
                  .empty());
  // "your collection day" is a day, not collecting as a way.
  const std::string bins =
      "Report a missed bin with the online form within 2 working days of your collection day. "
      "Missed bins can't be reported by phone.";
  EXPECT_EQ(
      Kinds(bins, "Hi Mrs Ahmed, give us a call within 2 working days of your collection day."),
      std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(bins,
                    "Hi Mrs Ahmed, use the online form within 2 working days of your "
                    "collection day.")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundAParticipleThatDescribesANoun) {
  // "na de afgesproken tijd" says no customer's past: the period is a rule.
  const std::string answer = "Je kunt de huurauto maximaal 1 uur later inleveren.";
  EXPECT_EQ(Kinds(answer, "Hoi Jeroen, je hebt een speling van twee uur na de afgesproken tijd."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(
      Kinds(answer, "Hoi Jeroen, je hebt een speling van een uur na de afgesproken tijd.").empty());
}

TEST(AnswerConsistencyTest, EleventhRoundOnlyForOneKindSaidOfAll) {
  const std::string answer =
      "Een tweede herkansing is alleen mogelijk met toestemming van de examencommissie. Een "
      "export via de API is alleen beschikbaar in het Enterprise-pakket.";
  // The other side of the "only" agrees; refusing the condition too does not.
  EXPECT_TRUE(Kinds(answer,
                    "Zonder toestemming van de examencommissie is een tweede herkansing "
                    "helaas niet mogelijk.")
                  .empty());
  EXPECT_EQ(Kinds(answer,
                  "Een tweede herkansing is helaas niet mogelijk, ook niet via de "
                  "examencommissie."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds(answer, "Via de API exporteren kan in elk pakket."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(answer, "Via de API exporteren kan in het Enterprise-pakket.").empty());
}

TEST(AnswerConsistencyTest, EleventhRoundDaysWithoutDeliveryAndADayOpenAgain) {
  const std::string sundays = "Wij bezorgen ook op zaterdag. Op zondag bezorgen we niet.";
  EXPECT_TRUE(
      Kinds(sundays, "Hoi Wouter, zondag bezorgen we niet, dus je pakket komt zaterdag.").empty());
  EXPECT_EQ(Kinds(sundays, "Hoi Wouter, we bezorgen van maandag tot en met zondag."),
            std::vector{ConflictKind::kDate});
  // The day after the last closed day, open again, is worked out.
  const std::string summer =
      "De praktijk is gesloten van maandag 21 juli tot en met vrijdag 8 augustus.";
  EXPECT_TRUE(Kinds(summer,
                    "We zijn dicht vanaf 21 juli; maandag 11 augustus staan we weer voor u "
                    "klaar.")
                  .empty());
  EXPECT_EQ(Kinds(summer, "We zijn dicht van 21 juli tot en met 15 augustus."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, EleventhRoundWhatComesToTheCustomerAndWhatTheyHave) {
  // What arrives by mail is no way the customer takes.
  EXPECT_TRUE(Kinds("Renew your licence online. Your new licence will be mailed to you within 15 "
                    "business days.",
                    "You can renew online, and your new licence will arrive by mail within three "
                    "weeks.")
                  .empty());
  // The customer's own times, things and what they have left.
  const std::string hotel = "Check-in is from 3pm and check-out is by 11am.";
  EXPECT_TRUE(Kinds(hotel,
                    "Hi Megan, your train's at 4, so check out by 11 and leave your bags "
                    "with us.")
                  .empty());
  EXPECT_EQ(Kinds(hotel, "Hi Megan, check-out is by 12 noon."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds("Please request refills at least 5 days before you run out.",
                    "You have about a week of pills left, so request the refill today.")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundFreeSaidOfTheSameValue) {
  const std::string bags =
      "Each passenger may bring one cabin bag up to 10 kg free of charge. Overweight bags are "
      "charged €12 per extra kilo.";
  EXPECT_TRUE(Kinds(bags,
                    "Hi Daniel, your cabin bag is included as long as it's no heavier than "
                    "10 kilos.")
                  .empty());
  EXPECT_EQ(Kinds(bags, "Hi Daniel, extra kilos are free of charge."),
            std::vector{ConflictKind::kYesNo});
  // A bound said as the answer's bound is about it.
  const std::string delivery =
      "Delivery is free on orders over $35. For smaller orders, delivery costs $4.99.";
  EXPECT_EQ(Kinds(delivery, "Take your basket over thirty dollars and we'll deliver at no cost."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(
      Kinds(delivery, "Take your basket over thirty-five dollars and we'll deliver at no cost.")
          .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundARoleIsNoConditionAndARefusalForTheLimit) {
  // "als particulier" names a role: the claim is read whole.
  const std::string pay =
      "Zakelijke klanten kunnen achteraf betalen. Particulieren betalen vooraf.";
  EXPECT_EQ(Kinds(pay, "Beste mevrouw Kramer, ook als particulier kunt u achteraf betalen."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(pay, "Beste mevrouw Kramer, als particulier betaalt u vooraf.").empty());
  // "hoeft geen kaartje te betalen" is free.
  EXPECT_TRUE(Kinds("Een begeleider krijgt gratis toegang.",
                    "U als begeleider hoeft geen kaartje te betalen.")
                  .empty());
  // Refused for the answer's own limit, named beside it.
  const std::string guests =
      "Leden mogen een introducé meenemen. Een introducé moet 16 jaar of ouder zijn.";
  EXPECT_TRUE(Kinds(guests,
                    "Je broertje van 15 kan helaas niet mee als introducé, daarvoor moet "
                    "hij minimaal zestien zijn.")
                  .empty());
  EXPECT_EQ(Kinds(guests, "Leden mogen helaas geen introducé meenemen."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, EleventhRoundOnlineOfAnotherStepAndTheCustomersLetter) {
  // "online" of another step does not make an app the way of this one.
  const std::string bags =
      "Vertraagde bagage meldt u direct na aankomst bij de balie in de bagagehal. U volgt de "
      "status daarna online.";
  EXPECT_EQ(Kinds(bags, "Vertraagde bagage meldt u direct na aankomst in onze app."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(
      Kinds(bags, "Meldt u het bij de balie; de status volgt u daarna in onze app.").empty());
  // "your offer letter" is the customer's letter, not writing as a way.
  const std::string appeal =
      "To appeal, complete the appeal form on the council website within 20 school days of your "
      "offer letter.";
  EXPECT_EQ(Kinds(appeal,
                  "To appeal, write to the headteacher within 20 school days of your offer "
                  "letter."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(appeal,
                    "Use the form on the council website within 20 school days of your "
                    "offer letter.")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundAnAgeTheLimitKeepsOut) {
  const std::string drivers =
      "Een extra bestuurder kost €8 per dag. De extra bestuurder moet minimaal 21 jaar zijn.";
  EXPECT_EQ(Kinds(drivers, "Uw zoon van 19 kunnen we zeker als extra bestuurder toevoegen."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(
      Kinds(drivers, "Uw zoon van 23 kunnen we zeker als extra bestuurder toevoegen.").empty());
  const std::string film = "For films rated 15, viewers must be 15 years or older.";
  EXPECT_EQ(Kinds(film, "Hi, your daughter is 13, so she's welcome to come along."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(film, "Hi, she's 16, so your daughter is welcome to come along.").empty());
  // Of several people's ages, which one the limit is about is not said.
  EXPECT_TRUE(Kinds("Children under 8 must be accompanied by an adult aged 16 or over.",
                    "Your 17-year-old can take the six-year-old twins swimming.")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundNothingToPayWhereTheAnswerPricesIt) {
  const std::string pets =
      "Small dogs up to 8 kg including the carrier may travel in the cabin. A pet fee of €60 per "
      "flight applies.";
  EXPECT_EQ(Kinds(pets,
                  "Hi Dan, your dachshund is fine in the cabin and there's nothing extra to "
                  "pay for him."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(pets, "Hi Dan, your dachshund is fine in the cabin; the fee is €60 per flight.")
                  .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundWhatSomethingIsTurnsNothingAround) {
  const std::string photos =
      "Photography without flash is permitted in the permanent collection. Photography is not "
      "allowed in temporary exhibitions.";
  EXPECT_TRUE(Kinds(photos,
                    "Hi Ellie, the Monet exhibition is a temporary show, so cameras away "
                    "in there, I'm afraid.")
                  .empty());
  EXPECT_EQ(Kinds(photos, "Hi Ellie, photography is allowed in the temporary exhibitions too."),
            std::vector{ConflictKind::kYesNo});
  // The customer's own lead time, with the class between.
  const std::string classes = "Classes can be canceled free of charge up to 12 hours before.";
  EXPECT_TRUE(Kinds(classes,
                    "Hi Emily, you canceled your spin class about 20 hours before it "
                    "started, so there's no charge.")
                  .empty());
  EXPECT_EQ(
      Kinds(classes, "Hi Emily, classes can be canceled free of charge up to 6 hours before."),
      std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, EleventhRoundAStepBeforeAnotherAndMachinesAndKiosks) {
  // "After submitting the application," is a step of its own, before the
  // post.
  const std::string passport =
      "Renew your passport online. After submitting the application, post your old passport to "
      "us.";
  EXPECT_TRUE(Kinds(passport,
                    "You can renew online. Once you've submitted the application, send "
                    "us your old passport in the post.")
                  .empty());
  EXPECT_EQ(Kinds(passport,
                  "Please post your old passport to us first, and once it has arrived "
                  "you can submit the application online."),
            std::vector{ConflictKind::kProcedure});
  // Kiosks are machines.
  EXPECT_TRUE(Kinds("You can renew loans online via My Account or at the self-service kiosks in "
                    "any branch.",
                    "Next time you're in a branch you can renew them at the self-service machines.")
                  .empty());
  // "hoeft u ook geen eigen risico te betalen" is free.
  EXPECT_TRUE(
      Kinds("Laat u de ruit repareren bij een van onze herstellers, dan betaalt u geen eigen "
            "risico.",
            "Gaat u naar een van onze herstellers, dan hoeft u ook geen eigen risico te "
            "betalen.")
          .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundTheWaySparedAndAStepLeftOutWithoutAny) {
  const std::string vet =
      "Outside opening hours, call our emergency line. The vet on duty will refer you to the "
      "hospital if needed.";
  EXPECT_EQ(Kinds(vet,
                  "If Luna gets worse overnight, there's no need to phone first; just take "
                  "her straight to the hospital."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(vet, "If Luna gets worse overnight, call our emergency line first.").empty());
  // "without any email confirmation" leaves the answer's step out.
  const std::string deletion =
      "To delete your account, go to Settings and confirm via the link we email you.";
  EXPECT_FALSE(Kinds(deletion,
                     "Go to Settings and it takes effect straight away without any "
                     "email confirmation.")
                   .empty());
  EXPECT_TRUE(
      Kinds(deletion, "Go to Settings, then confirm with the link in the email we send you.")
          .empty());
}

TEST(AnswerConsistencyTest, EleventhRoundDirectlyTakesAStepThatWaits) {
  const std::string en =
      "First fill in the complaints form on our website. Then take it to the Ombudsman if you are "
      "not satisfied.";
  EXPECT_EQ(Kinds(en, "You can take your complaint directly to the Ombudsman."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(en,
                    "Fill in the form on our website first; if you're not satisfied, take it "
                    "to the Ombudsman.")
                  .empty());
  EXPECT_EQ(Kinds("Eerst vult u het klachtenformulier op onze website in. Daarna kunt u naar de "
                  "Ombudsman stappen.",
                  "U kunt rechtstreeks naar de Ombudsman stappen."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, WhatTheAnswerForbidsHoldsForEachKindOfIt) {
  // A spaniel is a dog, a hamster a pet.
  EXPECT_EQ(Kinds("Dogs are not allowed at Brightwater Zoo.",
                  "Hi Beth! Your spaniel is welcome to join you, as long as she stays on a lead."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("Huisdieren zijn niet toegestaan in onze studentenkamers.",
                  "Hoi Marloes, een hamster in een kooi is op je kamer toegestaan."),
            std::vector{ConflictKind::kYesNo});
  // Twins: the kind not forbidden, and an answer that speaks of the kind
  // itself.
  EXPECT_TRUE(Kinds("Dogs are not allowed at Brightwater Zoo.",
                    "Hi Beth! Your parrot is welcome to join you in the bird house.")
                  .empty());
  EXPECT_TRUE(Kinds("Tenants may keep one cat with written permission from the landlord. Pets "
                    "are not permitted in studio apartments.",
                    "Hi Beth, since you're in a two-bedroom apartment, you can have your cat "
                    "there as long as the landlord has okayed it in writing.")
                  .empty());
}

TEST(AnswerConsistencyTest, WhatIsRequiredBeforeAStepIsNotSkipped) {
  constexpr char kGym[] =
      "You can freeze your membership once per year for free. An induction session is required "
      "before using the weights area.";
  EXPECT_EQ(Kinds(kGym, "Hey Marcus, you're welcome to head straight to the weights area."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kGym,
                    "Hey Marcus, once you've done your induction you can head straight to the "
                    "weights area.")
                  .empty());
  // "before" and a time is a deadline, not a step.
  EXPECT_TRUE(Kinds("You must book before 10 am. Bookings are made in the app.",
                    "Just book straight in the app, any time before 10 am.")
                  .empty());
}

TEST(AnswerConsistencyTest, AnAmountPerMonthIsTwelveTimesThatPerYear) {
  EXPECT_EQ(Kinds("Het abonnement kost € 12,50 per maand.",
                  "Hoi Kim, per jaar betaal je € 120 voor het abonnement."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Het abonnement kost € 12,50 per maand.",
                    "Hoi Kim, per jaar betaal je € 150 voor het abonnement.")
                  .empty());
  EXPECT_EQ(Kinds("The subscription is $12.50 a month.", "Hi Kim, that's $125 a year."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("The subscription is $12.50 a month.", "Hi Kim, that's $150 a year.").empty());
  // "voor het hele weekend" is per weekend.
  EXPECT_EQ(Kinds("Een lockerticket kost € 12 per weekend.",
                  "Voor een locker betaal je 15 euro voor het hele weekend."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Een lockerticket kost € 12 per weekend.",
                    "Voor een locker betaal je 12 euro voor het hele weekend.")
                  .empty());
}

TEST(AnswerConsistencyTest, ThePriceOfWhatTheAnswerPricesIsNoTotalWorkedOut) {
  constexpr char kGym[] = "Personal training sessions cost £40 each or £180 for a block of five.";
  // £200 is five times £40, but the answer prices the block itself.
  EXPECT_EQ(Kinds(kGym, "PT is £40 a session, or £200 if you buy a block of five."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kGym, "PT is £40 a session, or £180 if you buy a block of five.").empty());
  // A total of sessions bought one by one is worked out.
  EXPECT_TRUE(Kinds(kGym, "Three single sessions come to £120 for you, Josh.").empty());
}

TEST(AnswerConsistencyTest, AStepThatComesThenIsNotTakenDirectly) {
  constexpr char kComplaint[] =
      "To make a complaint, fill in the complaints form on our website. If you're not satisfied "
      "with our response, you can then escalate it to the Ombudsman.";
  EXPECT_EQ(Kinds(kComplaint, "Hi Rosa, you can take your complaint directly to the Ombudsman."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kComplaint,
                    "Hi Rosa, fill in the form on our website first. If our answer doesn't "
                    "settle it, you can take your complaint to the Ombudsman.")
                  .empty());
}

TEST(AnswerConsistencyTest, ADayTheAnswerRulesOutIsNotOffered) {
  constexpr char kDelivery[] =
      "Bezorging is gratis vanaf €40. Bezorgen op zondag is niet mogelijk.";
  EXPECT_EQ(Kinds(kDelivery, "Hoi Rick, we kunnen je pakket aanstaande zondag bij je afleveren."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kDelivery, "Hoi Rick, we kunnen je pakket aanstaande maandag bij je afleveren.")
                  .empty());
  EXPECT_TRUE(
      Kinds(kDelivery, "Hoi Rick, op zondag kunnen we helaas niet bij je bezorgen.").empty());
  // Read as a day the answer has no delivery on, too.
  EXPECT_FALSE(Kinds("We do not deliver on Sundays.", "Hi Ann, we can deliver your sofa on Sunday.")
                   .empty());
}

TEST(AnswerConsistencyTest, WhatIsExtraCosts) {
  EXPECT_EQ(Kinds("Use of the sauna is included in the day pass.", "Hi Tom, the sauna is extra."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_EQ(Kinds("Handdoeken zijn bij de prijs inbegrepen.", "Hoi Saskia, handdoeken zijn extra."),
            std::vector{ConflictKind::kYesNo});
  // Extra room is no cost.
  EXPECT_TRUE(Kinds("Use of the sauna is included in the day pass.",
                    "Hi Tom, there is extra room in the sauna on weekdays.")
                  .empty());
}

TEST(AnswerConsistencyTest, NoMoreThanIsUpTo) {
  constexpr char kBag[] = "Each passenger may bring one cabin bag of up to 10 kg.";
  EXPECT_TRUE(
      Kinds(kBag, "Each of you can take a cabin bag weighing no more than 10 kilos.").empty());
  EXPECT_EQ(Kinds(kBag, "Each of you can take a cabin bag weighing no more than 12 kilos."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, BesideFreeAnAmountIsAPriceOnlyWhenSaidAsOne) {
  constexpr char kReturns[] =
      "Return shipping is free if you use the prepaid label in your account.";
  // Money coming back, a payment, another thing's price: no price of the
  // free thing.
  EXPECT_TRUE(
      Kinds(kReturns, "Hi Ann, as long as the lamp is unused you'll get the full £89.99 refunded.")
          .empty());
  EXPECT_TRUE(Kinds("Een introductieles bij FitFabriek is gratis.",
                    "Hoi Sam, wil je daarna blijven: een maandabonnement is € 34,95.")
                  .empty());
  EXPECT_TRUE(Kinds("Je kunt artikelen binnen 30 dagen kosteloos retourneren.",
                    "Zodra wij het binnen hebben, staat de € 189,00 weer op je rekening.")
                  .empty());
  // Said as a price, or about the free thing: a conflict.
  EXPECT_FALSE(Kinds(kReturns, "Hi Ann, return shipping is £4.95.").empty());
  EXPECT_FALSE(Kinds("Je kunt artikelen binnen 30 dagen kosteloos retourneren.",
                     "We houden wel € 4,95 retourkosten in.")
                   .empty());
  EXPECT_FALSE(Kinds("Aan het monteursbezoek zijn geen kosten verbonden.",
                     "Houd er rekening mee dat we € 65 voorrijkosten in rekening brengen.")
                   .empty());
}

TEST(AnswerConsistencyTest, AValueOutsideTheLimitWithTheConsequenceTurnedAppliesTheRule) {
  constexpr char kListed[] = "Single items worth more than £2,000 must be listed on your policy.";
  EXPECT_TRUE(
      Kinds(kListed, "Hi Anna, it's worth £1,450, so there's no need to list it separately.")
          .empty());
  // The limit itself moved is a conflict.
  EXPECT_EQ(Kinds(kListed, "Hi Anna, items worth more than £1,000 must be listed on your policy."),
            std::vector{ConflictKind::kAmount});
  constexpr char kQuote[] =
      "Please send photos of the damage; a written repair quote is only needed for amounts "
      "above £1,000.";
  EXPECT_TRUE(Kinds(kQuote,
                    "Dear Mr Hughes, please send us your photos. As the carpenter has quoted "
                    "£640, there's no need to send a written quote.")
                  .empty());
  EXPECT_FALSE(Kinds(kQuote,
                     "Dear Mr Hughes, please send us your photos. There's no need to send a "
                     "written quote, whatever the amount.")
                   .empty());
  // "below" sets a limit: £6,200 is within it.
  EXPECT_TRUE(Kinds("Pupils qualify for free school meals with household earnings below £7,400 a "
                    "year.",
                    "Dear Mrs Ahmed, with earnings of around £6,200 a year, Yusuf should qualify.")
                  .empty());
}

TEST(AnswerConsistencyTest, TimesOfOtherThingsBesideTheAnswersTime) {
  constexpr char kBadges[] = "Badge pick-up opens at 8:00 on both conference days.";
  // "opens at 8" restates it; the keynote's time is another thing.
  EXPECT_TRUE(Kinds(kBadges,
                    "Hi Marcus, the badge desk opens at 8 both mornings, and the first keynote is "
                    "at 9:30 in Hall B.")
                  .empty());
  EXPECT_EQ(Kinds(kBadges, "Hi Marcus, the badge desk opens at 9 both mornings."),
            std::vector{ConflictKind::kDeadline});
  // A window is when something happens, not the cut-off.
  constexpr char kCourier[] = "Courier collections booked before 11 am are collected the same day.";
  EXPECT_TRUE(Kinds(kCourier,
                    "Hi Gareth, you booked at 10:12 this morning, so the courier will pick up your "
                    "boxes today, usually somewhere between 1 and 5 pm.")
                  .empty());
  EXPECT_EQ(Kinds(kCourier, "Hi Gareth, book before 1 pm and we collect the same day."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, TheCustomersOwnRideAndMoneyBesideFree) {
  constexpr char kBikes[] =
      "The first 30 minutes of every ride are free for members. After that, each 30 minutes "
      "costs $1.";
  EXPECT_TRUE(Kinds(kBikes,
                    "Hi Sam, your ride on Saturday lasted 52 minutes, so you were charged $1 for "
                    "the time after the first half hour. And yes, your annual membership ($90) "
                    "renews automatically on May 5.")
                  .empty());
  EXPECT_TRUE(Kinds("Van je spaarrekening mag je 4 keer per jaar gratis geld opnemen.",
                    "Hoi Yara, je hebt dit jaar al 3 keer geld opgenomen, dus als je nu de € 3.000 "
                    "overboekt, is dat nog gratis.")
                  .empty());
}

TEST(AnswerConsistencyTest, TimesInsideTheAnswersWindowOrPastItsLateSide) {
  constexpr char kCall[] = "Voor een telefonisch consult belt u tussen 8.00 en 10.00 uur.";
  EXPECT_TRUE(
      Kinds(kCall, "Beste mevrouw Peters, als u morgen om kwart over 9 belt, zit u goed.").empty());
  EXPECT_EQ(Kinds(kCall, "Beste mevrouw Peters, u kunt bellen tussen 8.00 en 11.00 uur."),
            std::vector{ConflictKind::kDeadline});
  constexpr char kLate[] = "Late pick-ups after 6 pm are charged at £10 per 15 minutes.";
  EXPECT_TRUE(Kinds(kLate,
                    "Hi Jo, it's £10 for every 15 minutes after 6, so collecting her at 6:15 "
                    "would be £10.")
                  .empty());
  EXPECT_EQ(Kinds(kLate, "Hi Jo, late pick-ups after 6:30 pm are charged at £10 per 15 minutes."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, RatesRunningTotalsAndTopUpsAreWorkedOut) {
  // "12 litres an hour" is a rate, no period.
  EXPECT_TRUE(Kinds("Report a leak on 0800 77 88 99, available 24 hours a day.",
                    "Hi Tom, your meter turning at 12 litres an hour overnight is a bad sign, so "
                    "please ring the leak line.")
                  .empty());
  // The answer's period times its renewals, in total.
  constexpr char kBooks[] = "Books are lent for 3 weeks, and you can renew them up to 2 times.";
  EXPECT_TRUE(Kinds(kBooks,
                    "Hi Zoe, you can renew twice, so at most you could keep them 9 weeks "
                    "in total.")
                  .empty());
  EXPECT_EQ(Kinds(kBooks, "Hi Zoe, books are lent for 4 weeks, and you can renew them twice."),
            std::vector{ConflictKind::kPeriod});
  // A running total at the answer's prices.
  EXPECT_TRUE(Kinds("Printing costs 10p per black-and-white page and 50p per colour page.",
                    "Hi Oscar, your 24 pages in black and white come to £2.40, and adding the 2 "
                    "colour pages brings it to £3.40.")
                  .empty());
  // What the customer still has to add.
  constexpr char kFree[] = "Delivery is free for orders over £40; below that it costs £3.95.";
  EXPECT_TRUE(Kinds(kFree,
                    "Hi Mo, your basket is at £37.20: add just over £2.80 more and it's "
                    "free.")
                  .empty());
  EXPECT_EQ(Kinds(kFree, "Hi Mo, delivery is free for orders over £35."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, ListedMonthsDiscountsWorkedOutAndSomeoneElseWithout) {
  // "September, January and April": three months.
  constexpr char kRent[] = "Rent is paid in three instalments: in September, January and April.";
  EXPECT_TRUE(Kinds(kRent,
                    "Hi Kai, your first instalment is due in September, with the other two "
                    "in January and April.")
                  .empty());
  EXPECT_EQ(Kinds(kRent, "Hi Kai, the instalments are due in September, February and April."),
            std::vector{ConflictKind::kDate});
  // A price less the answer's discount, said in another sentence; and a
  // friend without the pass is no step left out.
  constexpr char kPass[] = "Met een CJP-pas krijg je € 5 korting per kaartje.";
  EXPECT_TRUE(Kinds(kPass,
                    "Hoi Bo, een kaartje kost normaal € 32,50; met je CJP-pas betaal je "
                    "€ 27,50. Je vriendin zonder pas betaalt gewoon € 32,50.")
                  .empty());
  EXPECT_FALSE(Kinds(kPass,
                     "Hoi Bo, een kaartje kost normaal € 32,50; met je CJP-pas betaal je "
                     "€ 25,50.")
                   .empty());
}

TEST(AnswerConsistencyTest, AClauseOfWhenAndWhatIsInThePrice) {
  // "Zodra je de nieuwe activeert" is when, no claim.
  constexpr char kSim[] = "De oude simkaart werkt niet meer zodra je de nieuwe activeert.";
  EXPECT_TRUE(
      Kinds(kSim, "Hoi Daan, zodra je de nieuwe activeert, is de oude uitgeschakeld.").empty());
  EXPECT_FALSE(Kinds(kSim,
                     "Hoi Daan, de oude simkaart blijft gewoon werken, ook als je de nieuwe "
                     "activeert.")
                   .empty());
  // "zit in de prijs" is included.
  constexpr char kBeds[] = "Bij Hostel De Zeemeeuw is beddengoed bij de prijs inbegrepen.";
  EXPECT_TRUE(
      Kinds(kBeds, "Hoi Jelle, het beddengoed zit in de prijs van € 32 per nacht.").empty());
  EXPECT_EQ(Kinds(kBeds, "Hoi Jelle, voor beddengoed rekenen we € 6 per nacht."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, LimitsAndPeriodsThatReadAsTheCustomersOrAsTimes) {
  // "na 24 uur" is a period, no time of day.
  constexpr char kLimit[] =
      "In de app kun je je daglimiet tijdelijk verhogen; na 24 uur gaat hij vanzelf terug.";
  EXPECT_EQ(Kinds(kLimit, "Hoi Anouk, na 7 dagen zetten we je daglimiet automatisch terug."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(Kinds(kLimit, "Hoi Anouk, na een etmaal zetten we je daglimiet terug.").empty());
  // "into your bank account every month" is no reference of the customer's.
  EXPECT_EQ(Kinds("Payments are made quarterly into your bank account.",
                  "Hi Wendy, you'll be paid into your bank account every month."),
            std::vector{ConflictKind::kPeriod});
  // A limit in the perfect tense is a condition, not what the customer did.
  constexpr char kRefund[] =
      "You can get a full refund within 14 days, as long as you have completed less than 20% of "
      "the course.";
  EXPECT_EQ(Kinds(kRefund,
                  "Hi Mia, you can get your money back within 14 days, provided you've "
                  "completed less than 30% of the course."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kRefund,
                    "Hi Mia, you've completed 15% of the course, so you can still get "
                    "a full refund within 14 days.")
                  .empty());
}

TEST(AnswerConsistencyTest, TheFullPriceIsAllOfIt) {
  constexpr char kCar[] =
      "Je kunt tot 15 minuten voor de start kosteloos annuleren. Annuleer je later, dan betaal je "
      "50% van de huurprijs.";
  EXPECT_EQ(Kinds(kCar, "Hoi Naomi, annuleer je later, dan rekenen we de volledige huurprijs."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kCar, "Hoi Naomi, annuleer je later, dan rekenen we de helft van de huurprijs.")
                  .empty());
}

TEST(AnswerConsistencyTest, ATimeWorkedOutFromTheCustomersTimeAndTheAnswersPeriod) {
  constexpr char kBags[] = "Bag drop at the airport closes 45 minutes before departure.";
  EXPECT_EQ(Kinds(kBags,
                  "Hi Pete, your flight leaves at 09:30 on Sunday, and bag drop closes at "
                  "08:30."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds(kBags,
                    "Hi Pete, your flight leaves at 09:30 on Sunday, and bag drop closes at "
                    "08:45.")
                  .empty());
}

TEST(AnswerConsistencyTest, AnAgeIsNoLoanPeriodAndTheCustomersChildIsTheirs) {
  EXPECT_TRUE(Kinds("Voor leden jonger dan 18 jaar is lenen gratis.",
                    "Hoi Sanne, je mag de dvd's 3 weken houden.")
                  .empty());
  EXPECT_TRUE(Kinds("Children under 8 must be accompanied by an adult aged 16 or over.",
                    "Hi Jo, the 5- and 7-year-old need to be in the water with you.")
                  .empty());
  // Two ages still compare.
  EXPECT_EQ(Kinds("Voor leden jonger dan 18 jaar is lenen gratis.",
                  "Hoi Sanne, voor leden jonger dan 16 jaar is lenen gratis."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, BackTheDayAfterTheLastClosedDay) {
  constexpr char kPool[] = "The pool is closed for maintenance from 4 August to 17 August.";
  EXPECT_TRUE(Kinds(kPool,
                    "Hi Jen, the pool is shut for maintenance from 4 August, but it's back "
                    "from 18 August.")
                  .empty());
  EXPECT_EQ(Kinds(kPool,
                  "Hi Jen, the pool is shut for maintenance from 4 August, but it's back "
                  "from 25 August."),
            std::vector{ConflictKind::kDate});
}

TEST(AnswerConsistencyTest, AnotherColourAndTheMonthAfterAList) {
  constexpr char kBins[] =
      "De groene container wordt om de 2 weken geleegd, in juni, juli en augustus elke week.";
  EXPECT_TRUE(Kinds(kBins,
                    "Beste meneer Claes, uw groene bak wordt deze zomer elke week geleegd; "
                    "vanaf september gaat dat weer om de twee weken. Uw grijze container "
                    "staat op maandag 8 september op de planning.")
                  .empty());
  // Not the month after.
  EXPECT_FALSE(Kinds(kBins,
                     "Beste meneer Claes, uw groene bak wordt deze zomer elke week "
                     "geleegd; vanaf oktober gaat dat weer om de twee weken.")
                   .empty());
}

TEST(AnswerConsistencyTest, CollectedAgainstDelivered) {
  constexpr char kPassport[] =
      "Een paspoort vraagt u aan op afspraak in het stadskantoor. Na 5 werkdagen haalt u het zelf "
      "op aan de balie.";
  EXPECT_EQ(Kinds(kPassport,
                  "Goedemorgen, maak een afspraak in het stadskantoor. Na 5 werkdagen "
                  "wordt het paspoort bij u thuisbezorgd."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kPassport,
                    "Goedemorgen, maak een afspraak in het stadskantoor. Na 5 werkdagen "
                    "kunt u het paspoort aan de balie ophalen.")
                  .empty());
  constexpr char kLost[] =
      "Lost property is handed to the terminal office. Passengers can collect it there with photo "
      "ID.";
  EXPECT_EQ(Kinds(kLost,
                  "Hi Gemma, we'll post your scarf back to you once you've confirmed your "
                  "address."),
            std::vector{ConflictKind::kProcedure});
  // The other way round.
  EXPECT_EQ(Kinds("We post your new card to your home address within 5 working days.",
                  "Hi Sam, you can collect your new card from any branch within 5 working days."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, APricePerSomethingOfWhatIsFreeAndOtherKindsRuledOut) {
  EXPECT_EQ(Kinds("Members can bring a guest for free once a month.",
                  "Hey Lauren, you can bring your sister once a month. Guest passes are $8 per "
                  "visit."),
            std::vector{ConflictKind::kYesNo});
  constexpr char kRebook[] = "Omboeken naar een andere datum is gratis tot 1 dag van tevoren.";
  EXPECT_EQ(Kinds(kRebook,
                  "Hoi Esra, je kunt je tickets tot een dag van tevoren omboeken. "
                  "Daarvoor rekenen we € 5 per ticket."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kRebook,
                    "Hoi Esra, je kunt je tickets tot een dag van tevoren kosteloos "
                    "omboeken. Parkeren kost € 5 per dag.")
                  .empty());
  constexpr char kPets[] =
      "Dogs are welcome at Alpine Lodge for $12 per night. Other pets are not "
      "allowed.";
  EXPECT_EQ(Kinds(kPets, "Hi Hannah, dogs and cats are both welcome at $12 per night."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kPets, "Hi Hannah, your spaniel is welcome at $12 per night.").empty());
}

TEST(AnswerConsistencyTest, AtYourOwnExpenseCosts) {
  constexpr char kPipes[] = "Reparaties aan uw eigen leidingen zijn voor uw eigen rekening.";
  EXPECT_EQ(Kinds(kPipes, "Hoi Kim, reparaties aan uw eigen leidingen doen wij kosteloos."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kPipes, "Hoi Kim, reparaties aan uw eigen leidingen betaalt u zelf.").empty());
  EXPECT_EQ(Kinds("Repairs to your own pipes are at your own expense.",
                  "Hi Kim, we repair your own pipes free of charge."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, OnlyOnAConditionIsNotAsStandard) {
  constexpr char kSnow[] = "Winter sports are only covered if you have added the Snow add-on.";
  EXPECT_EQ(Kinds(kSnow,
                  "Hi Laura, winter sports are included as standard, so your week in Val "
                  "d'Isère is covered."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kSnow,
                    "Hi Laura, you added the Snow add-on, so winter sports are covered for "
                    "your week in Val d'Isère.")
                  .empty());
  EXPECT_EQ(Kinds("Bagageverzekering is alleen inbegrepen als je het Plus-pakket hebt.",
                  "Hoi Sam, bagageverzekering zit standaard in elk pakket."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, HolidaysOrdinalDaysAndAClosedDayOpen) {
  // "Eerste en Tweede Kerstdag" is two days; one of them said open.
  constexpr char kGym[] =
      "Het sportcentrum is gesloten op Eerste en Tweede Kerstdag en op "
      "Nieuwjaarsdag.";
  EXPECT_EQ(Kinds(kGym,
                  "Hoi Jesse, op 25 december en 1 januari zitten we dicht, maar op tweede "
                  "kerstdag kun je gewoon komen trainen."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(
      Kinds(kGym, "Hoi Jesse, op 25 en 26 december en op 1 januari zitten we dicht.").empty());
  EXPECT_EQ(Kinds("De bibliotheek is gesloten op 25 en 26 december en op 1 januari.",
                  "Goedemiddag, we zijn dicht op eerste en tweede kerstdag en op 2 januari."),
            std::vector{ConflictKind::kDate});
  // The answer's exception is open.
  EXPECT_TRUE(Kinds("Op feestdagen is de klantenservice gesloten, behalve op tweede paasdag.",
                    "Hoi! Op feestdagen zijn we gesloten, maar op tweede paasdag kun je ons "
                    "gewoon bereiken.")
                  .empty());
  // "de vijfde" is a day of the month.
  constexpr char kRent[] = "De huur moet uiterlijk op de 1e van de maand binnen zijn.";
  EXPECT_EQ(Kinds(kRent, "Hoi Ruben, je huur hoeft pas de vijfde binnen te zijn."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds(kRent,
                    "Hoi Ruben, zorg dat je huur op de eerste van de maand binnen is; de "
                    "tweede keer dat het te laat is, sturen we een herinnering.")
                  .empty());
}

TEST(AnswerConsistencyTest, DatesMovedTogether) {
  constexpr char kRoute[] = "De Kunstroute vindt plaats op zaterdag 21 en zondag 22 september.";
  EXPECT_EQ(Kinds(kRoute,
                  "Goedemorgen, de ateliers gaan open in het weekend van 28 en 29 "
                  "september."),
            std::vector{ConflictKind::kDate});
  EXPECT_TRUE(Kinds(kRoute, "Goedemorgen, de ateliers gaan open op 21 en 22 september.").empty());
}

TEST(AnswerConsistencyTest, NoFeeByNameAndAFeeWaivedAreFree) {
  // "geen omboekingskosten" is free; the price difference is another thing.
  EXPECT_TRUE(Kinds("Je kunt je vlucht tot 24 uur voor vertrek gratis omboeken.",
                    "Beste mevrouw El Amrani, de heenvlucht verplaatsen kost u geen "
                    "omboekingskosten, alleen het verschil in ticketprijs, en dat is € 23 per "
                    "persoon.")
                  .empty());
  // "vervallen de inschrijfkosten" is free.
  EXPECT_TRUE(Kinds("Bij een nieuw lidmaatschap betaal je eenmalig € 25 inschrijfkosten. Bij een "
                    "jaarabonnement vervallen de inschrijfkosten.",
                    "Hey Joost! Kies je voor het jaarabonnement, dan hoef je geen inschrijfkosten "
                    "te betalen.")
                  .empty());
  EXPECT_EQ(Kinds("Bij een nieuw lidmaatschap betaal je eenmalig € 25 inschrijfkosten.",
                  "Hey Joost! Bij een nieuw lidmaatschap hoef je geen inschrijfkosten te betalen."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, PricesPerATimeAndFreeSaidAgain) {
  constexpr char kBikes[] =
      "The first 30 minutes of every ride are free, after which it costs £1 per additional 30 "
      "minutes.";
  EXPECT_EQ(Kinds(kBikes,
                  "Hi Jake, each ride starts with half an hour free. After that it's "
                  "£1.50 for every extra half hour."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kBikes,
                    "Hi Jake, each ride starts with half an hour free. After that it's £1 "
                    "for every extra half hour.")
                  .empty());
  // "€ 119,50 plus € 4 servicekosten" is a sum, no bound; the reply says
  // the transfer is free, so the ticket's price is another thing.
  EXPECT_TRUE(Kinds("Je kunt je ticket tot 1 week voor het festival kosteloos op naam van iemand "
                    "anders zetten via Mijn Zomerzand.",
                    "Hoi Sam, je combiticket (€ 119,50 plus € 4) kunnen we niet terugstorten, "
                    "maar je kunt hem gratis overzetten via Mijn Zomerzand.")
                  .empty());
}

TEST(AnswerConsistencyTest, SharesAgesRatesAndTheCustomersDelay) {
  // "save a fifth" is 20 %.
  constexpr char kPlan[] = "Annual billing gives you a 15% discount.";
  EXPECT_EQ(Kinds(kPlan, "Hi Priya, if you go for annual billing you save a fifth."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kPlan, "Hi Priya, annual billing takes 15% off.").empty());
  // An age read from "at least 18" is no period of a month.
  EXPECT_TRUE(Kinds("Guests must be at least 18 to check in.",
                    "Hi Tom, you can keep the booking for a month, and as you're 19 you can "
                    "check in.")
                  .empty());
  // "wordt per dag berekend" is how often, as "elke dag" is.
  EXPECT_TRUE(Kinds("De rente wordt per dag berekend en één keer per jaar bijgeschreven.",
                    "Hoi Sem, die rente wordt elke dag over je saldo berekend.")
                  .empty());
  // What the customer's delay was, under the answer's limit, with the
  // consequence turned around.
  constexpr char kTrain[] = "Bij 30 minuten of meer vertraging krijg je 50% van je ritprijs terug.";
  EXPECT_TRUE(Kinds(kTrain,
                    "Hoi Sophie, op je terugreis was de vertraging 18 minuten, en daarvoor "
                    "krijg je helaas niets terug.")
                  .empty());
  EXPECT_FALSE(Kinds(kTrain,
                     "Hoi Sophie, bij 20 minuten of meer vertraging krijg je 50% van je "
                     "ritprijs terug.")
                   .empty());
}

TEST(AnswerConsistencyTest, SumsOfPricesAndWhatIsLeft) {
  constexpr char kCards[] = "Een losse kaart kost € 5,20, een tienrittenkaart € 46.";
  EXPECT_TRUE(Kinds(kCards,
                    "Hoi Fleur, de tienrittenkaart van € 46 is voordeliger, want tien "
                    "keer € 5,20 is € 52.")
                  .empty());
  EXPECT_EQ(Kinds(kCards, "Hoi Fleur, een tienrittenkaart kost € 52."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds("Een A4 zwart-wit kost € 0,05, een A4 in kleur € 0,20.",
                    "Hoi Jan, voor je scriptie wordt het 52 × € 0,05 + 12 × € 0,20 = € 5,00.")
                  .empty());
  constexpr char kRenew[] = "You can renew items up to 3 times, online or at any branch.";
  EXPECT_TRUE(Kinds(kRenew,
                    "Hi Ann, the novels were renewed once last month, so each can still "
                    "be renewed twice more.")
                  .empty());
  EXPECT_EQ(Kinds(kRenew, "Hi Ann, you can renew items up to 2 times."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, FreeForAnAgeGroupAndTheOthersFare) {
  constexpr char kBus[] = "Children under 5 travel free on all buses when accompanied by an adult.";
  EXPECT_TRUE(Kinds(kBus,
                    "Hi Jo, Leo, at 3, doesn't need a ticket, and Maya, at 9, pays the child "
                    "day fare of £3.20.")
                  .empty());
  EXPECT_FALSE(Kinds(kBus, "Hi Jo, Leo, at 3, pays the child day fare of £3.20.").empty());
  // Refused under an age: the child above it is welcome.
  constexpr char kFilm[] =
      "Bij films met een 12-plus-classificatie laten we geen kinderen onder de "
      "12 toe, ook niet onder begeleiding van een volwassene.";
  EXPECT_TRUE(Kinds(kFilm,
                    "Hoi Mirjam, je zoon van 11 kan helaas niet mee. Zijn broer van 14 is "
                    "wel welkom.")
                  .empty());
  EXPECT_FALSE(Kinds(kFilm, "Hoi Mirjam, je zoon van 11 is welkom.").empty());
}

TEST(AnswerConsistencyTest, AValueSetAsideIsNoneOfTheAnswers) {
  constexpr char kGlass[] = "If it needs replacing, a £95 excess applies.";
  EXPECT_TRUE(Kinds(kGlass,
                    "Hi Sam, if the glass has to be replaced, the £95 glass excess would "
                    "apply rather than your usual £300 accident excess.")
                  .empty());
  EXPECT_EQ(Kinds(kGlass, "Hi Sam, if the glass has to be replaced, a £150 excess applies."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, WhatHappenedAndWhatTheCustomerToldUsTurnNothing) {
  EXPECT_TRUE(Kinds("Once the minimum term has ended there is no cancellation fee.",
                    "Hi Jo, your contract finished its 12-month minimum term on 14 January, so "
                    "you can leave without a fee.")
                  .empty());
  constexpr char kBin[] =
      "De grijze container wordt om de week op dinsdag geleegd. Zet de "
      "container op de ophaaldag vóór 7.30 uur aan de straat.";
  EXPECT_TRUE(Kinds(kBin,
                    "Beste meneer Kok, dank voor uw melding dat uw grijze container niet is "
                    "geleegd. Hij moet vóór 7.30 uur buiten staan.")
                  .empty());
  // The one limit of each text, on the same side, in other words.
  EXPECT_EQ(Kinds(kBin,
                  "Beste meneer Kok, dank voor uw melding dat uw grijze container niet is "
                  "geleegd. Hij moet vóór 7.00 uur buiten staan."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, WaysThatAreNoneOfTheCustomers) {
  // A code from the app, a call thanked for, a text that arrives.
  EXPECT_TRUE(Kinds("Ben je niet thuis, dan gaat het pakket naar het dichtstbijzijnde servicepunt.",
                    "Hoi Sam, je kunt het pakket met de code uit de app ophalen bij het "
                    "servicepunt.")
                  .empty());
  constexpr char kBadge[] = "Appointments to renew a Blue Badge must be booked online.";
  EXPECT_TRUE(Kinds(kBadge,
                    "Hi Ann, thanks for calling about your mother's Blue Badge. Please "
                    "book the appointment online.")
                  .empty());
  EXPECT_EQ(Kinds(kBadge, "Hi Ann, please call us to book the appointment for the Blue Badge."),
            std::vector{ConflictKind::kProcedure});
  // "reply to this email" is the customer's way; "the team will reply" not.
  EXPECT_EQ(Kinds("To update your address, log in to your online account and go to Settings.",
                  "Hi Kim, just reply to this email with your new address and we'll update it."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, NoStepLeftOutWhereItWouldBeOrOnlyOutsideHours) {
  EXPECT_TRUE(Kinds("Buiten het inloopspreekuur werken we op afspraak.",
                    "Hoi Anouk, je kunt morgenochtend gewoon zonder afspraak binnenlopen tijdens "
                    "het inloopspreekuur.")
                  .empty());
  constexpr char kParking[] = "Parkeren reserveer je minimaal 24 uur van tevoren online.";
  EXPECT_TRUE(Kinds(kParking,
                    "Hoi Tom, je hebt online gereserveerd. Zonder reservering zou het "
                    "aan de slagboom duurder zijn.")
                  .empty());
  EXPECT_EQ(Kinds(kParking,
                  "Hoi Tom, je kunt gewoon zonder reservering aan de slagboom "
                  "parkeren."),
            std::vector{ConflictKind::kProcedure});
}

TEST(AnswerConsistencyTest, WeakFindingsAreKeptApartFromConflicts) {
  // A value the answer's limit allows is a weak finding, not a conflict.
  const auto signals =
      ConflictSignals("Orders over $60 ship free.", "Hi Max, your order is $84, so it ships free.");
  ASSERT_FALSE(signals.empty());
  for (const ConflictSignal& s : signals) EXPECT_FALSE(s.strong) << s.signal;
}

TEST(AnswerConsistencyTest, TheReadingIsDescribedFactByFactAndClauseByClause) {
  const std::vector<std::string> lines =
      DescribeReading("Retourneren kan binnen 14 dagen.", "Je hebt twee weken om te retourneren.");
  const auto has = [&](std::string_view part) {
    return std::any_of(lines.begin(), lines.end(),
                       [&](const std::string& l) { return l.find(part) != std::string::npos; });
  };
  EXPECT_TRUE(has("published fact period hours '14 dagen' 336..336"));
  EXPECT_TRUE(has("reply fact period hours 'twee weken' 336..336 own=0"));
  EXPECT_TRUE(has("published clause 'Retourneren kan binnen 14 dagen.' neg=0"));
  EXPECT_TRUE(has("stance=0,1,0"));
  // Nothing to read, nothing described.
  EXPECT_TRUE(DescribeReading("", "Hallo").empty());
}

TEST(AnswerConsistencyTest, KindsHaveNames) {
  for (auto k : {ConflictKind::kAmount, ConflictKind::kPeriod, ConflictKind::kDeadline,
                 ConflictKind::kDate, ConflictKind::kYesNo, ConflictKind::kProcedure})
    EXPECT_EQ(ParseConflictKind(ToString(k)), k);
  EXPECT_FALSE(ParseConflictKind("colour"));
}

TEST(AnswerConsistencyTest, ATimeOnlyOnTheOtherSideIsNotTheAnswers) {
  constexpr char kHotel[] =
      "In Hotel De Gouden Leeuw kunt u inchecken vanaf 15.00 uur en uitchecken tot 11.00 uur. "
      "Laat uitchecken tot 14.00 uur kost € 25.";
  EXPECT_EQ(Kinds(kHotel, "Hoi Bram, inchecken kan vanaf twee uur 's middags."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds(kHotel,
                    "Hoi Bram, inchecken kan vanaf drie uur 's middags, en wil je langer "
                    "blijven, dan kun je uitchecken tot twee uur voor € 25.")
                  .empty());
}

TEST(AnswerConsistencyTest, WorkingWeeksAShareOnTopAndAWindowsBareEnd) {
  constexpr char kPension[] = "Requests are processed within 20 working days.";
  EXPECT_EQ(Kinds(kPension, "Hello Mrs Clarke, we process these within six working weeks."),
            std::vector{ConflictKind::kPeriod});
  EXPECT_TRUE(
      Kinds(kPension, "Hello Mrs Clarke, we process these within four working weeks.").empty());
  EXPECT_TRUE(
      Kinds("Aanvragen handelen we binnen 15 werkdagen af.", "Dag Ilse, reken op drie werkweken.")
          .empty());
  constexpr char kFlyers[] = "Double-sided printing adds 20% to the price.";
  EXPECT_EQ(Kinds(kFlyers, "Hiya! Going double-sided adds a quarter on top of that."),
            std::vector{ConflictKind::kAmount});
  EXPECT_TRUE(Kinds(kFlyers, "Hiya! Going double-sided adds a fifth on top of that.").empty());
  constexpr char kRepairs[] = "Our walk-in repair service runs Monday to Friday, 9:30am to 1pm.";
  EXPECT_EQ(Kinds(kRepairs, "Dear Mrs Hughes, pop in any weekday between half nine and three."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(
      Kinds(kRepairs, "Dear Mrs Hughes, pop in any weekday between half nine and one.").empty());
}

TEST(AnswerConsistencyTest, ATimeWorkedOutFromTheAnswersOwnTime) {
  constexpr char kMuseum[] =
      "Last admission to the museum is one hour before closing. The museum closes at 5:30pm.";
  EXPECT_EQ(Kinds(kMuseum,
                  "Hi Olivia, you'll need to be at the door by five at the latest; the galleries "
                  "shut at half five."),
            std::vector{ConflictKind::kDeadline});
  EXPECT_TRUE(Kinds(kMuseum,
                    "Hi Olivia, you'll need to be at the door by half four at the latest; the "
                    "galleries shut at half five.")
                  .empty());
}

TEST(AnswerConsistencyTest, AFeeWithoutItsAmountInOtherWords) {
  constexpr char kFibre[] = "De installatie van glasvezel door een monteur is gratis.";
  EXPECT_EQ(Kinds(kFibre, "Let op: de installatiekosten van de monteur ziet u op uw factuur."),
            std::vector{ConflictKind::kYesNo});
  // Past the answer's limit, a fee agrees.
  EXPECT_TRUE(Kinds("U kunt tot 30 dagen voor aankomst kosteloos annuleren.",
                    "U kunt nog kosteloos annuleren. Daarna rekenen we annuleringskosten.")
                  .empty());
}

TEST(AnswerConsistencyTest, WaitingUntilHowLongOneOfUsAndFreeAboveTheLimit) {
  constexpr char kDamage[] =
      "Schade aan uw auto meldt u binnen 14 dagen via het online schadeformulier. Meld de schade "
      "eerst en laat de auto pas daarna repareren.";
  EXPECT_EQ(Kinds(kDamage,
                  "Beste meneer Aydin, brengt u uw auto gerust alvast naar de garage om hem te "
                  "laten repareren. De schade meldt u daarna binnen 14 dagen online."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kDamage,
                    "Beste meneer Aydin, meld de schade binnen 14 dagen online; zodra dat gedaan "
                    "is, kunt u de auto laten repareren.")
                  .empty());
  constexpr char kPlan[] = "Na de eerste 12 maanden kun je je abonnement maandelijks opzeggen.";
  EXPECT_TRUE(
      Kinds(kPlan,
            "Hoi Yusuf, je bent al ruim anderhalf jaar klant, dus je kunt per maand opzeggen.")
          .empty());
  EXPECT_TRUE(Kinds("After the first 12 months you can cancel monthly.",
                    "Hi Yusuf, you've been a member for 18 months, so you can cancel monthly.")
                  .empty());
  EXPECT_EQ(Kinds(kPlan, "Hoi Yusuf, na de eerste 6 maanden kun je maandelijks opzeggen."),
            std::vector{ConflictKind::kPeriod});
  constexpr char kDelivery[] =
      "Bezorging is gratis bij een bestelling vanaf € 60; daaronder betaal je € 4,95.";
  EXPECT_TRUE(Kinds(kDelivery,
                    "Hoi Ilse, je boodschappen komen op € 72 uit, dus voor de bezorging betaal "
                    "je niks.")
                  .empty());
  EXPECT_EQ(Kinds(kDelivery,
                  "Hoi Ilse, je boodschappen komen op € 52 uit, dus voor de bezorging "
                  "betaal je niks."),
            std::vector{ConflictKind::kAmount});
}

TEST(AnswerConsistencyTest, TheSameActInOtherWordsAndNotUntil) {
  constexpr char kClaims[] =
      "To make a claim, call our claims line first; don't arrange any repairs until we've "
      "approved the claim.";
  EXPECT_EQ(Kinds(kClaims,
                  "Hi Laura, go ahead and have your plumber fix the cracked basin right away, "
                  "then call our claims line."),
            std::vector{ConflictKind::kProcedure});
  // Not until: said when, not whether.
  EXPECT_TRUE(Kinds(kClaims,
                    "Hi Laura, call our claims line first, and once we've approved it, have "
                    "your plumber fix the basin.")
                  .empty());
  constexpr char kCancel[] =
      "Uw abonnement kunt u telefonisch opzeggen. Annuleren per e-mail is niet mogelijk.";
  EXPECT_EQ(Kinds(kCancel, "Beste Piet, zeg uw abonnement gerust per e-mail op."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kCancel, "Beste Piet, zeg uw abonnement gerust telefonisch op.").empty());
}

TEST(AnswerConsistencyTest, AMeasureTheLimitRefusesLetIn) {
  constexpr char kPets[] =
      "Pets are allowed in the units with a one-time pet deposit of $300. Dogs over 50 pounds are "
      "not permitted.";
  EXPECT_EQ(Kinds(kPets, "Hi Chris, good news: pets are welcome, including your 70-pound lab!"),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kPets, "Hi Chris, good news: pets are welcome, including your 40-pound beagle!")
                  .empty());
  constexpr char kFever[] = "Kinderen met een temperatuur van 38°C of hoger mogen niet komen.";
  const std::vector<ConflictKind> fever =
      Kinds(kFever, "Hoi Mark, met 38,3°C mag Ella vandaag gewoon komen.");
  ASSERT_FALSE(fever.empty());
  EXPECT_TRUE(std::all_of(fever.begin(), fever.end(),
                          [](ConflictKind k) { return k == ConflictKind::kYesNo; }));
  EXPECT_TRUE(Kinds(kFever, "Hoi Mark, met 37,6°C mag Ella vandaag gewoon komen.").empty());
}

TEST(AnswerConsistencyTest, DoneInSpiteOfWhatTheAnswerRefuses) {
  constexpr char kSale[] =
      "Returns are free within 30 days. Sale items can be exchanged but not "
      "refunded.";
  EXPECT_EQ(Kinds(kSale, "Hi Rosie, even though it was in the sale, we'll refund the full amount."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kSale,
                    "Hi Rosie, even though it was in the sale, we can't refund it, but we can "
                    "exchange it for another size.")
                  .empty());
  constexpr char kLibrary[] =
      "Geleende boeken kunt u tot drie keer verlengen. Is een boek door een ander lid "
      "gereserveerd, dan kunt u het niet verlengen.";
  EXPECT_EQ(Kinds(kLibrary,
                  "Beste Ans, ook al staat er een reservering van een ander lid op, ik "
                  "heb het boek toch voor u verlengd."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kLibrary,
                    "Beste Ans, ook al staat er een reservering van een ander lid op, "
                    "verlengen kan dan helaas niet.")
                  .empty());
  // "although" after what it qualifies is "but".
  EXPECT_TRUE(Kinds("Repeat prescriptions must be requested through the NHS App or the practice "
                    "website, not by phone.",
                    "Dear Mrs Doyle, the simplest way is to order your repeat in the NHS App, "
                    "although the form on our website works just as well.")
                  .empty());
}

TEST(AnswerConsistencyTest, AgesTheLimitLetsIn) {
  constexpr char kIcu[] =
      "All visitors must check in at the lobby desk. Children under 12 may not "
      "visit the ICU.";
  EXPECT_TRUE(Kinds(kIcu,
                    "Hi Mrs Hernandez, your grandkids are 13 and 15, so they can come up to "
                    "the ICU with you.")
                  .empty());
  EXPECT_EQ(Kinds(kIcu,
                  "Hi Mrs Hernandez, your grandkids are 9 and 15, so they can come up to the "
                  "ICU with you."),
            std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, APeriodTimesACountSaidBesideIt) {
  constexpr char kCourse[] =
      "Intensive courses run for 5 consecutive days, with 6 hours of tuition each day.";
  EXPECT_TRUE(Kinds(kCourse,
                    "Hi Jade, the course runs Monday to Friday with six hours a day, so "
                    "you'll get 30 hours in total.")
                  .empty());
  EXPECT_EQ(Kinds(kCourse, "Hi Jade, the course runs Monday to Friday with four hours a day."),
            std::vector{ConflictKind::kPeriod});
  // The period's own number is no count: "24 uur" is not 24 times "een uur".
  EXPECT_EQ(Kinds("De online check-in opent 30 uur voor vertrek en sluit 1 uur voor vertrek.",
                  "Beste mevrouw Brouwer, inchecken kan vanaf 24 uur voor vertrek en tot een uur "
                  "voor vertrek."),
            std::vector{ConflictKind::kPeriod});
}

TEST(AnswerConsistencyTest, InALongReplyTheValueLeftMustShareAWord) {
  constexpr char kHotel[] =
      "Check-in at the Harbourview Hotel is from 3 pm and check-out is by 11 am.";
  EXPECT_TRUE(Kinds(kHotel,
                    "Dear Ms Lindqvist, thank you for booking three nights with us. Check-in is "
                    "from 3 pm. Your room has a sea view. The spa takes its last booking at 7 pm "
                    "if you would like to treat yourself.")
                  .empty());
  EXPECT_EQ(Kinds(kHotel,
                  "Dear Ms Lindqvist, thank you for booking three nights with us. Check-in is "
                  "from 3 pm. Your room has a sea view. Check-out is by 12 noon on your last day."),
            std::vector{ConflictKind::kDeadline});
}

TEST(AnswerConsistencyTest, SentUpToSomewhereIsByPost) {
  constexpr char kWarranty[] =
      "Voor een reparatie onder garantie brengt u het apparaat naar de "
      "winkel waar u het gekocht heeft.";
  EXPECT_EQ(Kinds(kWarranty,
                  "Hoi Linda, stuur de stofzuiger zelf op naar ons servicecentrum in "
                  "Tilburg, dan kijken we er onder garantie naar."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kWarranty,
                    "Hoi Linda, breng de stofzuiger naar de winkel waar je hem gekocht "
                    "hebt, dan kijken we er onder garantie naar.")
                  .empty());
}

TEST(AnswerConsistencyTest, AStepSaidWithTheVerbsEnding) {
  constexpr char kPhotos[] = "U rekent eerst af aan de balie, daarna maakt de fotograaf de foto's.";
  EXPECT_EQ(Kinds(kPhotos,
                  "Goedemorgen! De fotograaf maakt eerst de foto's, en als u tevreden "
                  "bent, rekent u daarna af aan de balie."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kPhotos,
                    "Goedemorgen! U rekent eerst af aan de balie, en daarna maakt de "
                    "fotograaf de foto's.")
                  .empty());
}

TEST(AnswerConsistencyTest, AnApprovalIsAStepToo) {
  constexpr char kResit[] =
      "To register for a resit, submit the resit form in the student portal at least 10 days "
      "before the exam. Your programme coordinator will then approve your registration.";
  EXPECT_EQ(Kinds(kResit,
                  "Hi Kai, for the resit, please get your programme coordinator's "
                  "approval first. Once they've given you the go-ahead, complete the "
                  "resit form on the student portal at least ten days before the exam."),
            std::vector{ConflictKind::kProcedure});
  EXPECT_TRUE(Kinds(kResit,
                    "Hi Kai, complete the resit form on the student portal at least ten "
                    "days before the exam; your programme coordinator will then approve "
                    "it.")
                  .empty());
}

TEST(AnswerConsistencyTest, ASignatureAtTheEndNamesNothing) {
  constexpr char kMuseum[] =
      "In Museum Het Kruithuis mag u foto's maken voor eigen gebruik. "
      "Statieven en selfiesticks zijn niet toegestaan.";
  EXPECT_EQ(Kinds(kMuseum, "Foto's maken mag. Een klein statief is geen probleem 📷 ^Kruithuis"),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kMuseum, "Foto's maken mag. Een statief moet helaas thuisblijven 📷 ^Kruithuis")
                  .empty());
  EXPECT_EQ(
      Kinds(kMuseum, "Foto's maken mag. Een klein statief is geen probleem. – Team Kruithuis"),
      std::vector{ConflictKind::kYesNo});
}

TEST(AnswerConsistencyTest, APinpasIsADebitCard) {
  constexpr char kDeposit[] =
      "Bij het ophalen van de huurauto blokkeren we een borg van € 300 op "
      "je creditcard. Met een debitcard kan de borg niet worden betaald.";
  EXPECT_EQ(Kinds(kDeposit,
                  "Hoi Anna, de borg van € 300 kun je bij het ophalen gewoon met je "
                  "pinpas betalen aan de balie."),
            std::vector{ConflictKind::kYesNo});
  EXPECT_TRUE(Kinds(kDeposit,
                    "Hoi Anna, de borg van € 300 betaal je bij het ophalen met je "
                    "creditcard; met een pinpas kan dat helaas niet.")
                  .empty());
}

}  // namespace
}  // namespace luister
