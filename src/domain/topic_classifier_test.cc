#include "domain/topic_classifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "domain/linear_svm.h"
#include "domain/topic_features.h"

namespace luister {
namespace {

// A small desk's questions in Dutch and English, four topics, written for
// this test.
std::vector<TopicExample> Training() {
  return {
      {"Waar blijft mijn pakket?", "delivery"},
      {"Mijn bestelling is nog steeds niet bezorgd", "delivery"},
      {"Wanneer wordt mijn pakketje geleverd?", "delivery"},
      {"De bezorger is niet langs geweest", "delivery"},
      {"Track and trace zegt al drie dagen hetzelfde", "delivery"},
      {"Where is my parcel?", "delivery"},
      {"My order still has not been delivered", "delivery"},
      {"When will my package arrive?", "delivery"},
      {"The courier never showed up", "delivery"},
      {"Tracking has not changed for three days", "delivery"},
      {"Ik wil mijn geld terug", "refund"},
      {"Hoe vraag ik een terugbetaling aan?", "refund"},
      {"Wanneer krijg ik mijn geld terug voor de retour?", "refund"},
      {"Het bedrag is nog niet teruggestort", "refund"},
      {"Kan ik mijn aankoop terugbetaald krijgen?", "refund"},
      {"I want my money back", "refund"},
      {"How do I request a refund?", "refund"},
      {"When do I get my money back for the return?", "refund"},
      {"The amount has not been refunded yet", "refund"},
      {"Can I get a refund for my purchase?", "refund"},
      {"Ik kan niet inloggen", "login"},
      {"Mijn wachtwoord werkt niet meer", "login"},
      {"Hoe stel ik een nieuw wachtwoord in?", "login"},
      {"Mijn account is geblokkeerd na drie pogingen", "login"},
      {"De inlogcode komt niet aan", "login"},
      {"I cannot log in", "login"},
      {"My password does not work anymore", "login"},
      {"How do I reset my password?", "login"},
      {"My account is locked after three attempts", "login"},
      {"The login code never arrives", "login"},
      {"Er staat een dubbele afschrijving op mijn rekening", "billing"},
      {"Waarom is mijn factuur zo hoog?", "billing"},
      {"Ik ben twee keer betaald voor dezelfde bestelling", "billing"},
      {"De factuur klopt niet", "billing"},
      {"Ik zie een onbekende betaling op mijn afschrift", "billing"},
      {"I was charged twice", "billing"},
      {"Why is my invoice so high?", "billing"},
      {"I paid twice for the same order", "billing"},
      {"The invoice is wrong", "billing"},
      {"There is an unknown payment on my statement", "billing"},
  };
}

TopicClassifierOptions Small() {
  TopicClassifierOptions o;
  o.calibration_share = 0;  // too few examples to hold any out
  return o;
}

TEST(TopicClassifierTest, LearnsDutchAndEnglishAndClassifiesParaphrases) {
  auto tc = TopicClassifier::Train(Training(), Small());
  ASSERT_TRUE(tc.ok()) << tc.status().message();
  EXPECT_EQ(tc->labels(), (std::vector<std::string>{"billing", "delivery", "login", "refund"}));
  const std::vector<std::pair<std::string, std::string>> held_out = {
      {"Mijn pakket is nog niet aangekomen", "delivery"},
      {"wanneer komt de bezorging?", "delivery"},
      {"my parcel has not arrived yet", "delivery"},
      {"Ik wil graag mijn geld terugkrijgen", "refund"},
      {"refund please, I returned it last week", "refund"},
      {"Wachtwoord vergeten, hoe log ik in?", "login"},
      {"I forgot my password and cannot log in", "login"},
      {"Waarom staat er twee keer dezelfde betaling op mijn rekening?", "billing"},
      {"why was I charged twice on my invoice?", "billing"},
  };
  for (const auto& [text, label] : held_out) {
    const std::vector<TopicScore> ranked = tc->Classify(text);
    ASSERT_EQ(ranked.size(), 4u);
    EXPECT_EQ(ranked[0].label, label) << text;
    double sum = 0;
    for (size_t i = 0; i < ranked.size(); ++i) {
      sum += ranked[i].confidence;
      if (i > 0) {
        EXPECT_GE(ranked[i - 1].confidence, ranked[i].confidence);
      }
    }
    EXPECT_NEAR(sum, 1.0, 1e-4) << text;
  }
  EXPECT_EQ(tc->Classify("Where is my parcel?", 2).size(), 2u);
}

TEST(TopicClassifierTest, AReadingAgreesWithTheRankingAndSaysHowFamiliarTheWordsAre) {
  auto tc = TopicClassifier::Train(Training(), Small());
  ASSERT_TRUE(tc.ok());
  for (const char* text :
       {"my parcel has not arrived yet", "Wachtwoord vergeten, hoe log ik in?"}) {
    const TopicReading r = tc->Read(text);
    const std::vector<TopicScore> ranked = tc->Classify(text);
    EXPECT_EQ(r.label, ranked[0].label) << text;
    EXPECT_NEAR(r.confidence, ranked[0].confidence, 1e-5) << text;
    EXPECT_GT(r.margin, 0) << text;
    EXPECT_GT(r.coverage, 0.5) << text;
  }
  // Words no training text used: nothing of it is familiar.
  const TopicReading strange = tc->Read("Xylofoonles zebrapad quasar");
  EXPECT_EQ(strange.coverage, 0);
  EXPECT_LT(strange.confidence, tc->Read("my parcel has not arrived yet").confidence);
  EXPECT_EQ(tc->Read("").coverage, 0);
}

TEST(TopicClassifierTest, EveryModelKindLearns) {
  for (TopicModelKind kind :
       {TopicModelKind::kSvm, TopicModelKind::kSoftmax, TopicModelKind::kEnsemble}) {
    TopicClassifierOptions o = Small();
    o.model = kind;
    auto tc = TopicClassifier::Train(Training(), o);
    ASSERT_TRUE(tc.ok());
    EXPECT_EQ(tc->Classify("my password is not working")[0].label, "login")
        << static_cast<int>(kind);
    EXPECT_EQ(tc->Classify("waar is mijn pakket")[0].label, "delivery") << static_cast<int>(kind);
  }
}

TEST(TopicClassifierTest, SameSeedSameModelAndSaveLoadKeepsEveryScore) {
  auto a = TopicClassifier::Train(Training(), Small());
  TopicClassifierOptions threaded = Small();
  threaded.threads = 3;
  auto b = TopicClassifier::Train(Training(), threaded);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string blob = a->Save();
  EXPECT_EQ(blob, b->Save());
  TopicClassifierOptions reseeded = Small();
  reseeded.seed = 7;
  EXPECT_NE(TopicClassifier::Train(Training(), reseeded)->Save(), blob);
  auto loaded = TopicClassifier::Load(blob);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->Save(), blob);
  for (const char* text : {"where is my parcel", "Ik kan niet inloggen", "", "🙂 ?!"}) {
    const std::vector<TopicScore> x = a->Classify(text), y = loaded->Classify(text);
    ASSERT_EQ(x.size(), y.size());
    for (size_t i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x[i].label, y[i].label) << text;
      EXPECT_EQ(x[i].confidence, y[i].confidence) << text;
    }
  }
}

TEST(TopicClassifierTest, TruncatedCorruptOrForeignBlobsFailCleanly) {
  auto tc = TopicClassifier::Train(Training(), Small());
  ASSERT_TRUE(tc.ok());
  const std::string blob = tc->Save();
  for (size_t cut : {size_t{0}, size_t{3}, size_t{10}, blob.size() / 3, blob.size() / 2,
                     blob.size() - 9, blob.size() - 1}) {
    auto r = TopicClassifier::Load(std::string_view(blob).substr(0, cut));
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message().rfind("topic model: ", 0), 0u) << r.status().message();
  }
  std::string flipped = blob;
  flipped[blob.size() / 2] ^= 0x40;
  EXPECT_FALSE(TopicClassifier::Load(flipped).ok());
  std::string newer = blob;
  newer[4] = 9;  // the version
  auto r = TopicClassifier::Load(newer);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("version 9"), std::string::npos) << r.status().message();
  EXPECT_FALSE(TopicClassifier::Load("not a model at all, just text").ok());
}

TEST(TopicClassifierTest, RefusesWhatCannotBeLearnt) {
  EXPECT_FALSE(TopicClassifier::Train({}).ok());
  EXPECT_FALSE(TopicClassifier::Train({{"a", "x"}, {"b", "x"}}).ok());  // one topic
  auto empty_label = TopicClassifier::Train({{"a", "x"}, {"b", ""}});
  ASSERT_FALSE(empty_label.ok());
  EXPECT_NE(empty_label.status().message().find("example 2"), std::string::npos);
}

// The temperature is fitted on held-out examples when there are enough:
// confident where the topics are far apart, and still probabilities.
TEST(TopicClassifierTest, CalibratesOnAHeldOutShare) {
  std::vector<TopicExample> many;
  for (int copy = 0; copy < 5; ++copy)
    for (const TopicExample& e : Training())
      many.push_back({e.text + (copy ? " " + std::to_string(copy) : ""), e.label});
  auto tc = TopicClassifier::Train(many);
  ASSERT_TRUE(tc.ok());
  EXPECT_NE(tc->temperature(), TopicClassifierOptions{}.temperature);
  EXPECT_GT(tc->temperature(), 0);
  EXPECT_GT(tc->Classify("I was charged twice for one order")[0].confidence, 0.5F);
}

// Function words are features: "not", "why", "how" and "niet" change the
// vector; characters catch a misspelt word.
TEST(TopicFeaturesTest, KeepsFunctionWordsAndCharacterGrams) {
  const TopicFeatureOptions o;
  const auto with = TopicTerms("why was my card declined", o);
  const auto without = TopicTerms("my card was declined", o);
  EXPECT_GT(with.size(), without.size());
  const std::set<uint64_t> a(with.begin(), with.end());
  const auto typo = TopicTerms("declnied", o);
  const auto right = TopicTerms("declined", o);
  const std::set<uint64_t> r(right.begin(), right.end());
  int shared = 0;
  for (uint64_t t : typo) shared += r.contains(t);
  EXPECT_GT(shared, 3);
  auto v = TopicVectorizer::Fit({with, without}, o);
  const SparseVector x = v.Transform("why was my card declined");
  double norm = 0;
  for (const auto& [f, w] : x) norm += double{w} * w;
  EXPECT_NEAR(norm, 1.0, 1e-5);
  EXPECT_TRUE(v.Transform("").empty());
}

// The SVM separates what is separable, the same for any number of threads.
TEST(LinearSvmTest, SeparatesAndIsDeterministic) {
  const std::vector<SparseVector> x = {
      {{0, 1}}, {{0, 1}, {2, 0.5F}}, {{1, 1}}, {{1, 1}, {2, 0.5F}}};
  const std::vector<int> y = {0, 0, 1, 1};
  const LinearSvm one = LinearSvm::Train(x, y, 3, 2);
  LinearSvmOptions two_threads;
  two_threads.threads = 2;
  const LinearSvm two = LinearSvm::Train(x, y, 3, 2, two_threads);
  EXPECT_EQ(one.weights(), two.weights());
  for (size_t i = 0; i < x.size(); ++i) {
    const std::vector<float> s = one.Scores(x[i]);
    EXPECT_GT(s[static_cast<size_t>(y[i])], s[static_cast<size_t>(1 - y[i])]) << i;
  }
}

}  // namespace
}  // namespace luister
