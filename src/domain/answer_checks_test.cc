// The consistency check over sent replies (domain/answer_checks.h): which
// answer a reply is about, what it contradicts, and disagreements grouped.
#include "domain/answer_checks.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

LibraryAnswer Answer(int64_t id, std::string topic, std::string title, std::string body) {
  LibraryAnswer a;
  a.answer_id = id;
  a.number = 3;
  a.topic = std::move(topic);
  a.nl = {std::move(title), std::move(body)};
  return a;
}

class AnswerChecksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto built = BuildLibrary(
        {Answer(1, "Garantie", "Hoe lang heb ik garantie?",
                "Op elektrische apparaten heeft u 24 maanden garantie. Meld een reparatie aan via "
                "het garantieformulier."),
         Answer(2, "Retour", "Hoe lang heb ik om iets terug te sturen?",
                "U kunt uw bestelling binnen 14 dagen gratis retourneren via Mijn bestellingen."),
         Answer(3, "Bezorging", "Wanneer wordt mijn pakket bezorgd?",
                "Op werkdagen voor 22.00 uur besteld is de volgende dag in huis.")});
    ASSERT_TRUE(built.ok()) << built.status().message();
    library_ = std::move(*built);
  }
  ReplyToCheck Reply(std::string question, std::string text) {
    ReplyToCheck r;
    r.message_id = ++id_;
    r.conversation_id = 10;
    r.customer_id = 20;
    r.channel = Channel::kEmail;
    r.question = std::move(question);
    r.text = std::move(text);
    return r;
  }
  AnswerLibrary::Snapshot library_;
  int64_t id_ = 0;
};

TEST_F(AnswerChecksTest, AReplyWithoutTheLibraryIsCheckedAgainstTheAnswerItIsAbout) {
  auto c = CheckReply(Reply("Hoe lang heb ik garantie op mijn wasmachine?",
                            "Beste klant, op uw wasmachine zit 12 maanden garantie. Groet, Kim"),
                      library_);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->answer_id, 1);
  EXPECT_EQ(c->answer_number, 3) << "against the live version";
  EXPECT_FALSE(c->used_library);
  EXPECT_EQ(c->customer_id, 20);
  ASSERT_TRUE(c->conflict.has_value());
  EXPECT_EQ(c->conflict->kind, ConflictKind::kPeriod);
  EXPECT_EQ(c->conflict->written_sentence,
            "Beste klant, op uw wasmachine zit 12 maanden garantie.");

  auto fine =
      CheckReply(Reply("Hoe lang garantie op mijn droger?",
                       "Op elektrische apparaten zoals uw droger heeft u twee jaar garantie."),
                 library_);
  ASSERT_TRUE(fine.has_value());
  EXPECT_EQ(fine->answer_id, 1);
  EXPECT_FALSE(fine->conflict.has_value()) << "two years is 24 months";
}

TEST_F(AnswerChecksTest, AReplyThatUsedAnAnswerIsCheckedAgainstThatOne) {
  ReplyToCheck r = Reply("", "U kunt uw bestelling binnen 30 dagen retourneren.");
  r.answer_id = 2;
  r.answer_number = 1;
  r.override_reason = "verlengde termijn";
  auto c = CheckReply(r, library_);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->answer_id, 2);
  EXPECT_TRUE(c->used_library);
  EXPECT_TRUE(c->overridden);
  ASSERT_TRUE(c->conflict.has_value());
  EXPECT_EQ(c->conflict->written, "30 dagen");
}

TEST_F(AnswerChecksTest, RepliesAboutNoTopicAreNotCounted) {
  // A question that opens like many ("hoe lang…") but a reply on
  // something else; small talk; an empty reply.
  EXPECT_FALSE(CheckReply(Reply("Hoe lang duurt het voordat mijn adres gewijzigd is?",
                                "Uw adres is aangepast naar Dorpsstraat 12."),
                          library_)
                   .has_value());
  EXPECT_FALSE(CheckReply(Reply("", "Fijne dag verder!"), library_).has_value());
  EXPECT_FALSE(CheckReply(Reply("Garantie?", "   "), library_).has_value());
  // A retired answer (not in the library) named by the reply: judged by
  // what it says like any other reply.
  ReplyToCheck old = Reply("", "Bedankt voor uw bericht.");
  old.answer_id = 99;
  EXPECT_FALSE(CheckReply(old, library_).has_value());
}

TEST_F(AnswerChecksTest, DisagreementsAreGroupedByWhatWasWrittenPerChannel) {
  std::vector<ReplyCheck> checks;
  auto add = [&](Channel ch, const char* written) {
    ReplyCheck c;
    c.channel = ch;
    c.answer_id = 1;
    if (written) c.conflict = AnswerConflict{ConflictKind::kPeriod, "24 maanden", written, "", ""};
    checks.push_back(c);
  };
  add(Channel::kEmail, "12 maanden");
  add(Channel::kChat, "12 maanden");
  add(Channel::kEmail, "12 maanden");
  add(Channel::kPhone, "36 maanden");
  add(Channel::kChat, nullptr);
  const std::vector<Disagreement> d = Disagreements(checks);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].written, "12 maanden");
  EXPECT_EQ(d[0].total, 3);
  EXPECT_EQ(d[0].channels.at(Channel::kEmail), 2);
  EXPECT_EQ(d[0].channels.at(Channel::kChat), 1);
  EXPECT_EQ(d[1].written, "36 maanden");
  EXPECT_EQ(d[1].channels.at(Channel::kPhone), 1);
}

}  // namespace
}  // namespace luister
