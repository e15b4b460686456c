#include "domain/reply_text.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(NewTextTest, TextWithoutHistoryIsKeptWhole) {
  EXPECT_EQ(NewText("Hallo,\n\nmijn pakket is niet aangekomen.\n"),
            "Hallo,\n\nmijn pakket is niet aangekomen.");
  EXPECT_EQ(NewText(""), "");
}

TEST(NewTextTest, QuotedLinesAndTheirAttributionGo) {
  EXPECT_EQ(
      NewText("Ja, graag.\n\nOn Mon, 30 Nov 2026 at 09:00, Support <s@x.nl> wrote:\n> Zal ik?\n"),
      "Ja, graag.");
  // Wrapped over two lines, as Gmail does with long names.
  EXPECT_EQ(NewText("Prima.\n\nOp ma 30 nov. 2026 om 09:00 schreef Klantenservice Voorbeeld <\n"
                    "service@voorbeeld.nl>:\n\n> Wij bellen u terug.\n"),
            "Prima.");
  EXPECT_EQ(NewText("Danke.\nAm 30.11.2026 um 09:00 schrieb Support <s@x.de>:\n> Frage\n"),
            "Danke.");
  EXPECT_EQ(NewText("Merci.\nLe 30 nov. 2026 à 09:00, Support <s@x.fr> a écrit :\n> Question\n"),
            "Merci.");
}

TEST(NewTextTest, AnswersBetweenQuotesAreKept) {
  EXPECT_EQ(NewText("> Wat is uw ordernummer?\n12345\n> En uw postcode?\n1234 AB\n"),
            "12345\n1234 AB");
}

TEST(NewTextTest, AnAttributionLikeSentenceWithoutQuoteStays) {
  std::string text = "On Monday my colleague wrote: the invoice is wrong.\nPlease check.";
  EXPECT_EQ(NewText(text), text);
}

TEST(NewTextTest, OutlookHeaderBlocksAndMarkersCutTheRest) {
  EXPECT_EQ(NewText("Zie onder.\n\n-----Original Message-----\nFrom: a\nbla"), "Zie onder.");
  EXPECT_EQ(NewText("Doorgestuurd.\n\n---------- Forwarded message ---------\nFrom: x"),
            "Doorgestuurd.");
  EXPECT_EQ(
      NewText("Kijk hier.\n\nFrom: Support <s@x.nl>\nSent: Monday\nTo: Jan\nSubject: Re\n\nold"),
      "Kijk hier.");
  EXPECT_EQ(NewText("Nog steeds kapot.\n\n________________________________\nVan: Support\n"
                    "Verzonden: maandag\nAan: Anna\nOnderwerp: Storing\n\nOud"),
            "Nog steeds kapot.");
  // A "From:" line in the customer's own words is not a header block.
  EXPECT_EQ(NewText("From: my side everything works.\nThanks"),
            "From: my side everything works.\nThanks");
}

TEST(NewTextTest, SignaturesGo) {
  EXPECT_EQ(NewText("Tot morgen.\n-- \nPiet Jansen\n06-12345678"), "Tot morgen.");
  EXPECT_EQ(NewText("Tot morgen.\n\nVerzonden vanaf mijn iPhone"), "Tot morgen.");
  EXPECT_EQ(NewText("See you.\n\nSent from my iPhone\n\n> quoted"), "See you.");
  EXPECT_EQ(NewText("Bis dann.\nVon meinem iPhone gesendet"), "Bis dann.");
}

TEST(NewTextTest, BlankLinesAreTrimmedAndCollapsed) {
  EXPECT_EQ(NewText("\n\n  \nEen\n\n\n\nTwee  \n\n"), "Een\n\nTwee");
  EXPECT_EQ(NewText("Een\r\nTwee\r\n"), "Een\nTwee");
}

}  // namespace
}  // namespace luister
