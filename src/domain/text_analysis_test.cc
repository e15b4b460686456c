#include "domain/text_analysis.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace luister {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(TextAnalysisTest, WordsAreFoldedWithoutDiacriticsOrPunctuation) {
  EXPECT_EQ(NormalisedWords("Café   ÉÉN, coördinatie! Order #12345?"),
            (std::vector<std::string>{"cafe", "een", "coordinatie", "order", "12345"}));
  EXPECT_EQ(NormalisedWords("ﬁle Ｆｕｌｌ"), (std::vector<std::string>{"file", "full"}));
  EXPECT_TRUE(NormalisedWords("  ... !!! ").empty());
  EXPECT_TRUE(NormalisedWords("").empty());
}

TEST(TextAnalysisTest, StemsAndLanguagesDutchAndEnglish) {
  EXPECT_EQ(Stem("bestellingen", Language::kNl), Stem("bestelling", Language::kNl));
  EXPECT_EQ(Stem("cancelled", Language::kEn), Stem("cancelling", Language::kEn));
  EXPECT_EQ(GuessLanguage(NormalisedWords("Ik wil mijn bestelling annuleren, kan dat nog?")),
            Language::kNl);
  EXPECT_EQ(GuessLanguage(NormalisedWords("I want to cancel my order, is that still possible?")),
            Language::kEn);
  Language lang = Language::kEn;
  const auto stems = ContentStems("Ik wil mijn bestellingen annuleren", &lang);
  EXPECT_EQ(lang, Language::kNl);
  EXPECT_FALSE(Has(stems, "ik")) << "a stop word";
  EXPECT_TRUE(Has(stems, Stem("bestelling", Language::kNl)));
}

TEST(TextAnalysisTest, FeaturesShareSubwordsAcrossFormsAndTypos) {
  const auto a = Features("retourformulier").terms;
  const auto b = Features("retourneren").terms;
  EXPECT_TRUE(Has(a, "c:<ret") && Has(b, "c:<ret"));
  const auto typo = Features("pasword reset").terms;
  EXPECT_TRUE(Has(typo, "c:swo")) << "shared with password";
  const auto pair = Features("reset my password").terms;
  EXPECT_TRUE(
      Has(pair, "b:" + Stem("reset", Language::kEn) + "_" + Stem("password", Language::kEn)))
      << "the stop word between is skipped, the pair is kept";
}

TEST(TextAnalysisTest, ThreadsEachHaveTheirOwnTools) {
  std::vector<std::thread> threads;
  std::vector<size_t> sizes(4);
  for (size_t i = 0; i < sizes.size(); ++i)
    threads.emplace_back([&, i] {
      for (int n = 0; n < 200; ++n) sizes[i] = Features("Waar blijft mijn pakket?").terms.size();
    });
  for (auto& t : threads) t.join();
  for (size_t s : sizes) EXPECT_EQ(s, sizes[0]);
}

}  // namespace
}  // namespace luister
