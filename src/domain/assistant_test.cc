// The assistant's own judgements (domain/assistant.h): when a customer asks
// for a person or sounds angry, and the transcript an agent reads.
#include "domain/assistant.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(AssistantTest, HearsACustomerAskForAPersonInDutchAndEnglish) {
  for (const char* text :
       {"Ik wil een medewerker spreken", "kan ik iemand spreken?", "Mag ik een mens?",
        "I want to talk to a human", "real person please", "Can I speak to an agent"})
    EXPECT_TRUE(AsksForPerson(text)) << text;
  for (const char* text : {"Hoe lang duurt de bezorging?", "Where is my parcel?",
                           "Mijn pakket is beschadigd", "What are your opening hours?"})
    EXPECT_FALSE(AsksForPerson(text)) << text;
}

TEST(AssistantTest, HearsAnger) {
  for (const char* text :
       {"Dit is echt belachelijk", "Schandalig hoe jullie dit doen", "This is ridiculous",
        "WAAR BLIJFT MIJN PAKKET NOU", "Where is my order!!!"})
    EXPECT_TRUE(SoundsAngry(text)) << text;
  for (const char* text :
       {"Hoe lang duurt de bezorging?", "Can I return my order?", "Mijn IBAN is gewijzigd"})
    EXPECT_FALSE(SoundsAngry(text)) << text;
}

TEST(AssistantTest, HandoverTextIsHonestAboutWhetherSomeoneIsThere) {
  EXPECT_NE(HandoverText(HandoverReason::kNoMatch, false, Language::kNl).find("niemand"),
            std::string::npos);
  EXPECT_NE(HandoverText(HandoverReason::kNoMatch, true, Language::kNl).find("medewerker"),
            std::string::npos);
  EXPECT_NE(HandoverText(HandoverReason::kNotHelped, false, Language::kEn).find("Nobody"),
            std::string::npos);
}

TEST(AssistantTest, TheTranscriptSaysWhatWasAskedShownAndWhy) {
  AnswerLibrary::Snapshot library;
  AssistantTurn asked;
  asked.question = "Hoe lang duurt de bezorging?";
  asked.outcome = AssistantOutcome::kAnswered;
  asked.answer_id = 7;
  asked.answer_number = 2;
  asked.topic = "Bezorging";
  asked.helped = false;
  AssistantTurn odd;
  odd.question = "Bitcoin?";
  odd.outcome = AssistantOutcome::kNoMatch;
  const std::string t =
      AssistantTranscript({asked, odd}, library, HandoverReason::kNotHelped, Language::kEn);
  EXPECT_NE(t.find("Question: Hoe lang duurt de bezorging?"), std::string::npos) << t;
  EXPECT_NE(t.find("Answer shown: Bezorging (#7, version 2)"), std::string::npos) << t;
  EXPECT_NE(t.find("Did it help? no"), std::string::npos) << t;
  EXPECT_NE(t.find("No answer matched."), std::string::npos) << t;
  EXPECT_NE(t.find("Handed over: an answer did not help."), std::string::npos) << t;
}

TEST(AssistantTest, GapsOnOneThemeAreGroupedAndNamed) {
  AnswerLibrary::Snapshot library;  // empty: nothing answers them
  std::vector<AnswerGap> gaps;
  for (const char* text :
       {"Kan ik met bitcoin betalen?", "Accepteren jullie bitcoin als betaling?",
        "Betalen met bitcoin mogelijk?", "Hebben jullie een winkel in Utrecht?"}) {
    AnswerGap g;
    g.text = text;
    gaps.push_back(g);
  }
  const std::vector<GapGroup> groups = GroupGaps(gaps, library, 10);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].gaps.size(), 3u);
  EXPECT_NE(groups[0].label.find("bitcoin"), std::string::npos) << groups[0].label;
  EXPECT_EQ(groups[1].gaps.size(), 1u);
  EXPECT_TRUE(GroupGaps(gaps, library, 1).size() == 1u);
}

}  // namespace
}  // namespace luister
