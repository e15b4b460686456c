#include "domain/topic_discovery.h"

#include <gtest/gtest.h>

#include <set>

#include "domain/cluster_metrics.h"
#include "domain/text_analysis.h"

namespace luister {
namespace {

struct Labelled {
  std::vector<std::string> texts;
  std::vector<int> labels;
};

// Every text of every topic, labelled with its topic's index.
Labelled FromTopics(const std::vector<std::vector<std::string>>& topics) {
  Labelled l;
  for (size_t t = 0; t < topics.size(); ++t)
    for (const std::string& text : topics[t]) {
      l.texts.push_back(text);
      l.labels.push_back(static_cast<int>(t));
    }
  return l;
}

// Three Dutch topics (a parcel that did not come, a forgotten password, a
// refund), eight ways of asking each.
Labelled Dutch() {
  const std::vector<std::vector<std::string>> topics = {
      {"Mijn pakket is nog steeds niet bezorgd", "Waar blijft mijn pakket?",
       "Het pakket is niet aangekomen", "Wanneer wordt mijn pakket bezorgd?",
       "Pakket al een week onderweg en niet bezorgd", "Is mijn pakket al verzonden?",
       "De bezorger heeft mijn pakket niet afgeleverd", "Mijn pakketje is nog niet aangekomen"},
      {"Ik ben mijn wachtwoord vergeten", "Hoe kan ik mijn wachtwoord wijzigen?",
       "Wachtwoord vergeten, wat nu?", "Ik kan niet inloggen met mijn wachtwoord",
       "Mijn wachtwoord werkt niet meer", "Nieuw wachtwoord aanvragen lukt niet",
       "Inloggen lukt niet, wachtwoord kwijt", "Hoe stel ik een nieuw wachtwoord in?"},
      {"Wanneer krijg ik mijn geld terug?", "Ik wil mijn geld terug voor de bestelling",
       "Terugbetaling van mijn bestelling ontvangen?", "Hoe lang duurt de terugbetaling?",
       "Mijn geld is nog niet teruggestort", "Krijg ik mijn geld terug na retour?",
       "Terugbetaling nog steeds niet ontvangen", "Wanneer wordt het geld teruggestort?"}};
  return FromTopics(topics);
}

// The same three topics in English.
Labelled English() {
  const std::vector<std::vector<std::string>> topics = {
      {"My parcel still has not been delivered", "Where is my parcel?", "The parcel never arrived",
       "When will my parcel be delivered?", "Parcel on its way for a week and not delivered",
       "Has my parcel been shipped yet?", "The courier did not deliver my parcel",
       "My package has not arrived yet"},
      {"I forgot my password", "How do I change my password?", "Forgot password, what now?",
       "I cannot log in with my password", "My password does not work any more",
       "Requesting a new password fails", "Login fails, lost my password",
       "How do I set a new password?"},
      {"When do I get my money back?", "I want my money back for the order",
       "Refund for my order received?", "How long does the refund take?",
       "My money has not been refunded yet", "Do I get my money back after a return?",
       "Refund still not received", "When will the money be refunded?"}};
  return FromTopics(topics);
}

TEST(TopicDiscoveryTest, FindsTheTopicsInDutchAndInEnglish) {
  for (const Labelled& l : {Dutch(), English()}) {
    TopicDiscoveryOptions o;
    o.k = 3;
    auto d = DiscoverTopics(l.texts, o);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_FALSE(d->k_estimated);
    ASSERT_EQ(d->topics.size(), 3u);
    ASSERT_EQ(d->cluster.size(), l.texts.size());
    EXPECT_GE(ClusteringAccuracy(l.labels, d->cluster), 0.9) << l.texts[0];
    EXPECT_GE(NormalizedMutualInformation(l.labels, d->cluster), 0.75) << l.texts[0];
  }
}

TEST(TopicDiscoveryTest, NamesAreWordsOfTheTextsAndExamplesBelongToTheirTopic) {
  const Labelled l = Dutch();
  TopicDiscoveryOptions o;
  o.k = 3;
  auto d = DiscoverTopics(l.texts, o);
  ASSERT_TRUE(d.ok());
  std::set<std::string> words;
  for (const std::string& t : l.texts)
    for (const std::string& w : NormalisedWords(t)) words.insert(w);
  std::set<std::string> names;
  size_t total = 0;
  for (size_t t = 0; t < d->topics.size(); ++t) {
    const DiscoveredTopic& topic = d->topics[t];
    total += topic.size;
    if (t > 0) {
      EXPECT_LE(topic.size, d->topics[t - 1].size) << "largest first";
    }
    ASSERT_FALSE(topic.terms.empty());
    ASSERT_LE(topic.terms.size(), 3u);
    // Written as people wrote them ("wachtwoord", not the stem "wachtwoord"
    // or "bezorgd", not "bezorgd" stemmed to "bezorg").
    for (const std::string& term : topic.terms)
      for (const std::string& w : NormalisedWords(term)) EXPECT_TRUE(words.contains(w)) << w;
    names.insert(topic.name);
    ASSERT_EQ(topic.examples.size(), 3u);
    std::set<std::string> seen;
    for (size_t e : topic.examples) {
      EXPECT_EQ(d->cluster[e], static_cast<int>(t));
      EXPECT_TRUE(seen.insert(l.texts[e]).second) << "no repeats";
    }
  }
  EXPECT_EQ(total, l.texts.size());
  EXPECT_EQ(names.size(), 3u);
  // The topic of the password questions is named by it.
  const DiscoveredTopic& password = d->topics[d->cluster[8]];
  EXPECT_NE(password.name.find("wachtwoord"), std::string::npos) << password.name;
}

TEST(TopicDiscoveryTest, EstimatesKAndIsTheSameForTheSameSeed) {
  Labelled l = English();
  auto a = DiscoverTopics(l.texts);
  auto b = DiscoverTopics(l.texts);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->k_estimated);
  EXPECT_GE(a->topics.size(), 2u);
  EXPECT_LE(a->topics.size(), 6u);
  EXPECT_EQ(a->cluster, b->cluster);
  EXPECT_GE(NormalizedMutualInformation(l.labels, a->cluster), 0.6);
}

// Few texts are not split: two topics of eight questions each are two.
TEST(TopicDiscoveryTest, FewTextsOnTwoTopicsMakeTwo) {
  Labelled all = English();
  Labelled two;
  for (size_t i = 0; i < all.texts.size(); ++i)
    if (all.labels[i] != 1) {
      two.texts.push_back(all.texts[i]);
      two.labels.push_back(all.labels[i]);
    }
  auto d = DiscoverTopics(two.texts);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->topics.size(), 2u);
  EXPECT_GE(NormalizedMutualInformation(two.labels, d->cluster), 0.8);
}

TEST(TopicDiscoveryTest, OddInputGetsTopicsAndBadOptionsAreRefused) {
  EXPECT_EQ(DiscoverTopics({}).status().code(), StatusCode::kInvalidArgument);
  // A topic without a word to name it by is named by its text.
  auto greeting = DiscoverTopics({"  hallo "});
  ASSERT_TRUE(greeting.ok());
  EXPECT_EQ(greeting->topics.at(0).name, "hallo");
  TopicDiscoveryOptions o;
  o.k = -1;
  EXPECT_EQ(DiscoverTopics({"a"}, o).status().code(), StatusCode::kInvalidArgument);
  // No words, one text, repeats, nothing shared, more topics than texts.
  for (const std::vector<std::string>& texts : std::vector<std::vector<std::string>>{
           {""}, {"?!", "", "..."}, {"hallo"}, {"same", "same", "same"}, {"x y", "z w", "q r"}}) {
    for (int k : {0, 2, 10}) {
      o.k = k;
      auto d = DiscoverTopics(texts, o);
      ASSERT_TRUE(d.ok()) << texts[0];
      ASSERT_EQ(d->cluster.size(), texts.size());
      EXPECT_LE(d->topics.size(), texts.size());
      for (int c : d->cluster) {
        ASSERT_GE(c, 0);
        ASSERT_LT(c, static_cast<int>(d->topics.size()));
      }
    }
  }
}

}  // namespace
}  // namespace luister
