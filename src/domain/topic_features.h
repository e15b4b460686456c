#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "domain/linear_model.h"

namespace luister {

// The features the topic classifier (C9) reads from a short customer
// message, Dutch or English. Unlike `Features` (text_analysis.h) it keeps
// the function words: "why", "not", "can" and "niet" tell intents apart
// ("why was my card declined" against "my card was declined"). Four
// blocks, each sublinear TF-IDF and unit length, then weighted, the whole
// unit length again:
//  - words: the Snowball stem of every word in the language guessed for
//    the text, and its stem in the other language too where that differs
//    (short texts are often guessed wrong, and desks mix languages);
//  - pairs: adjacent stems, with the start of the text as a word, so the
//    opening ("^ why", "^ kan") counts;
//  - characters: the n-grams of each normalised word with its edges marked
//    ("<car", "ard>"), which catch compounds, inflection and typos;
//  - co-occurrences: unordered pairs of content stems (stop words left
//    out) up to `cooc_window` content words apart, which tell "card" with
//    "arrive" from "card" with "decline" wherever the words stand.
// Terms are 64-bit hashes (FNV-1a of block and text), so a model keeps no
// strings and a text is read without building any.
struct TopicFeatureOptions {
  int char_min = 2;  // character n-gram lengths, inclusive
  int char_max = 5;
  int cooc_window = 5;  // 0: no co-occurrences
  float word_weight = 1.0F;
  float pair_weight = 1.0F;
  float char_weight = 1.0F;
  float cooc_weight = 1.0F;
  int min_count = 1;  // terms seen in fewer training texts are dropped
};

// The hashed terms of one text, each tagged with its block (0 words,
// 1 pairs, 2 characters, 3 co-occurrences) in the top two bits.
std::vector<uint64_t> TopicTerms(std::string_view text, const TopicFeatureOptions& options);

// A vocabulary and its document frequencies, learnt from training texts;
// turns a text into a sparse, unit-length vector. Immutable after Fit, so
// one vectorizer may serve many threads.
class TopicVectorizer {
 public:
  static TopicVectorizer Fit(const std::vector<std::vector<uint64_t>>& texts,
                             const TopicFeatureOptions& options);
  // The vector of a text's terms; terms outside the vocabulary are ignored.
  SparseVector Transform(const std::vector<uint64_t>& terms) const;
  SparseVector Transform(std::string_view text) const {
    return Transform(TopicTerms(text, options_));
  }
  // The share of the text's word terms (block 0) the vocabulary knows: a
  // question in words the training texts never used is about something
  // else. 0 for a text without words.
  double WordCoverage(const std::vector<uint64_t>& terms) const;
  int size() const { return static_cast<int>(idf_.size()); }
  const TopicFeatureOptions& options() const { return options_; }

  // Appends the vocabulary to `out`; Read takes it back from `in` at
  // `*pos`, advancing it (InvalidArgument on truncated or malformed bytes).
  void Write(std::string* out) const;
  static Result<TopicVectorizer> Read(std::string_view in, size_t* pos);

 private:
  TopicFeatureOptions options_;
  std::unordered_map<uint64_t, int> ids_;  // term hash -> feature id
  std::vector<uint64_t> terms_;            // feature id -> term hash
  std::vector<float> idf_;
};

}  // namespace luister
