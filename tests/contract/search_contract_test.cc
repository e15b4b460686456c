#include <gtest/gtest.h>

#include "contract_test.h"
#include "domain/search.h"

namespace luister::contract {
namespace {

class SearchTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    support_ = MakeDepartment("Support");
    sales_ = MakeDepartment("Sales");
    customer_ = MakeCustomer("Zoë Bakker", "zoe@bakkerij.example");
    mail_ = MakeConversation(customer_, support_, "Refund for broken kettle", Channel::kEmail);
    chat_ = MakeConversation(customer_, sales_, "Vraag over bestelling", Channel::kChat);
  }

  std::vector<SearchHit> Find(const std::string& text, SearchScope scope = SearchScope::kMessages) {
    SearchQuery q;
    q.text = text;
    q.scope = scope;
    auto r = store_->search().Search(q);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().ToString();
    return r.ok() ? *r : std::vector<SearchHit>{};
  }

  int64_t support_ = 0, sales_ = 0, customer_ = 0;
  Conversation mail_, chat_;
};

TEST_P(SearchTest, StemsEnglish) {
  Message m = AddMessage(mail_.id, "I would like a refund please", 10);
  AddMessage(mail_.id, "Thanks for your patience", 11);
  auto hits = Find("refunds");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, m.id);
  EXPECT_EQ(hits[0].conversation_id, mail_.id);
  EXPECT_EQ(hits[0].customer_id, customer_);
  EXPECT_EQ(hits[0].title, "Refund for broken kettle");
  EXPECT_EQ(Find("refunding").size(), 1u);
}

TEST_P(SearchTest, StemsDutch) {
  Message m = AddMessage(chat_.id, "Mijn bestelling is niet aangekomen", 10);
  auto hits = Find("bestellingen");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, m.id);
  EXPECT_EQ(Find("aangekomen bestellingen").size(), 1u);
}

TEST_P(SearchTest, FoldsDiacritics) {
  Message m1 = AddMessage(chat_.id, "We zitten in het café", 10);
  Message m2 = AddMessage(chat_.id, "Ik ben geïnteresseerd in de aanbieding", 11);
  auto hits = Find("cafe");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, m1.id);
  hits = Find("geinteresseerd");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, m2.id);
  EXPECT_EQ(Find("CAFÉ").size(), 1u);
}

TEST_P(SearchTest, HighlightsMatches) {
  AddMessage(mail_.id, "The kettle stopped working after two days", 10);
  auto hits = Find("kettle");
  ASSERT_EQ(hits.size(), 1u);
  std::string expected = std::string(1, kHighlightOpen) + "kettle" + kHighlightClose;
  EXPECT_NE(hits[0].highlight.find(expected), std::string::npos) << hits[0].highlight;
}

TEST_P(SearchTest, RanksTheNewestFiveThousandMatchesAndFindsRareWordsAnywhere) {
  // 2,000 old messages that match strongly, then 5,200 newer weak matches
  // and a few rare words spread over all of them: enough rows that
  // PostgreSQL searches in id windows.
  std::vector<NewMessage> batch;
  auto add = [&](const std::string& text, int64_t at_ms) {
    NewMessage m;
    m.conversation_id = mail_.id;
    m.direction = Direction::kIn;
    m.body_text = text;
    m.created_at = T(at_ms);
    batch.push_back(std::move(m));
    if (batch.size() == 1000) {
      ASSERT_TRUE(store_->conversations().AddMessages(batch, ToStatus(std::nullopt)).ok());
      batch.clear();
    }
  };
  for (int i = 0; i < 7200; ++i) {
    std::string text =
        i < 2000 ? "Refund refund refund"
                 : "A long note about delivery, invoices and the weather, with one refund";
    if (i % 1800 == 7) text += " zeppelin";
    add(text, i);
  }
  ASSERT_TRUE(store_->conversations().AddMessages(batch, ToStatus(std::nullopt)).ok());

  SearchQuery q;
  q.text = "refund";
  q.limit = 50;
  auto hits = store_->search().Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 50u);
  for (const auto& h : *hits) {
    auto m = store_->conversations().GetMessage(h.id);
    ASSERT_TRUE(m.ok());
    EXPECT_GE(m->created_at, T(2200)) << "only the newest 5,000 matches are ranked";
  }
  q.offset = 4990;
  auto tail = store_->search().Search(q);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(tail->size(), 10u) << "5,000 matches are ranked, no more";

  // A rare word is found in old and new messages alike: the two short
  // texts first, then the long ones, newest first within equal ranks.
  auto rare = Find("zeppelin");
  ASSERT_EQ(rare.size(), 4u);
  std::vector<Timestamp> at;
  for (const auto& h : rare) at.push_back(store_->conversations().GetMessage(h.id)->created_at);
  EXPECT_EQ(at, (std::vector<Timestamp>{T(1807), T(7), T(5407), T(3607)}));
}

TEST_P(SearchTest, RanksMoreRelevantFirst) {
  // The strong match is the older one, so only relevance can put it first
  // (ties go to the newest).
  Message strong = AddMessage(mail_.id, "Refund refund refund", 10);
  Message weak = AddMessage(mail_.id,
                            "Long message about many things: delivery, invoices, the weather, "
                            "opening hours, and one mention of a refund somewhere in here.",
                            11);
  Message short_once = AddMessage(mail_.id, "Refund requested", 12);
  auto hits = Find("refund");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].id, strong.id) << "more occurrences rank higher";
  EXPECT_EQ(hits[1].id, short_once.id) << "one mention in a short text beats one in a long text";
  EXPECT_EQ(hits[2].id, weak.id);
  EXPECT_LT(hits[0].rank, hits[1].rank);
  EXPECT_LT(hits[1].rank, hits[2].rank);
}

TEST_P(SearchTest, AndSemanticsAndPhrases) {
  Message a = AddMessage(mail_.id, "the blue kettle is broken", 10);
  AddMessage(mail_.id, "the kettle is blue and not broken", 11);
  EXPECT_EQ(Find("kettle broken").size(), 2u);
  EXPECT_EQ(Find("kettle teapot").size(), 0u);
  auto hits = Find("\"blue kettle\"");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, a.id);
}

TEST_P(SearchTest, HostileInputNeverErrors) {
  AddMessage(mail_.id, "a near miss with col val and stars", 10);
  for (const char* text :
       {"\"a\" OR NEAR(", "*", "col:val", "NEAR(a b)", "\"", "\"\"", "-", "^a", "a AND", "OR",
        "(((", "'; DROP TABLE messages; --", "{col} : x", "\x01", "a\"b", "\xe2\x80\x94"}) {
    SearchQuery q;
    q.text = text;
    auto r = store_->search().Search(q);
    EXPECT_TRUE(r.ok()) << "query " << text << ": " << r.status().ToString();
  }
  EXPECT_TRUE(Find("*").empty());
  EXPECT_TRUE(Find("").empty());
  EXPECT_TRUE(Find("  --- !!! ").empty());
  EXPECT_EQ(Find("col:val").size(), 1u);
  EXPECT_EQ(Find("stars *").size(), 1u);
  EXPECT_EQ(*store_->conversations().CountMessages(), 1);
}

TEST_P(SearchTest, FiltersByChannelAndDepartment) {
  AddMessage(mail_.id, "order question by mail", 10);
  AddMessage(chat_.id, "order question by chat", 11);
  SearchQuery q;
  q.text = "order";
  EXPECT_EQ(store_->search().Search(q)->size(), 2u);
  q.channel = Channel::kChat;
  auto r = store_->search().Search(q);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].conversation_id, chat_.id);
  q.channel.reset();
  q.department_id = support_;
  r = store_->search().Search(q);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].conversation_id, mail_.id);
  q.department_id.reset();
  q.limit = 1;
  q.offset = 1;
  EXPECT_EQ(store_->search().Search(q)->size(), 1u);
  q.offset = 2;
  EXPECT_TRUE(store_->search().Search(q)->empty());
}

TEST_P(SearchTest, SearchesConversationsAndCustomers) {
  auto conv = Find("kettles", SearchScope::kConversations);
  ASSERT_EQ(conv.size(), 1u);
  EXPECT_EQ(conv[0].id, mail_.id);
  EXPECT_EQ(conv[0].scope, SearchScope::kConversations);

  auto by_name = Find("zoe", SearchScope::kCustomers);
  ASSERT_EQ(by_name.size(), 1u);
  EXPECT_EQ(by_name[0].id, customer_);
  EXPECT_EQ(by_name[0].title, "Zoë Bakker");
  EXPECT_EQ(Find("bakkerij", SearchScope::kCustomers).size(), 1u);

  // Identity changes and renames reach the index.
  ASSERT_TRUE(
      store_->customers().AddIdentity(customer_, {IdentityKind::kPhone, "+31699"}, T(1)).ok());
  EXPECT_EQ(Find("31699", SearchScope::kCustomers).size(), 1u);
  CustomerPatch p;
  p.name = "Zoë de Wit";
  ASSERT_TRUE(UpdateCustomer(customer_, p, T(2)).ok());
  EXPECT_TRUE(Find("bakker", SearchScope::kCustomers).empty());
  EXPECT_EQ(Find("wit", SearchScope::kCustomers).size(), 1u);

  // Merged customers drop out; their identities are found on the target.
  int64_t admin = MakeUser("admin@example.com");
  int64_t other = MakeCustomer("Zoë Duplicate", "zoe@other.example");
  ASSERT_TRUE(Merge(other, customer_, admin, T(3)).ok());
  auto merged = Find("zoe", SearchScope::kCustomers);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].id, customer_);
  EXPECT_EQ(Find("other", SearchScope::kCustomers).size(), 1u);
}

LUISTER_CONTRACT_ENGINES(SearchTest);

}  // namespace
}  // namespace luister::contract
