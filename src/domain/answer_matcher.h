#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/result.h"
#include "domain/linear_model.h"

namespace luister {

// Which canonical answer a customer's question asks for (C6, C7): the
// library's answers, each known by texts that ask for it (its title and
// the questions it answered), and a question ranked against them. Read as
// text_analysis.h reads text (Dutch and English stems and subwords),
// weighted by TF-IDF; an answer scores by its nearest known question and by
// the centre of all of them, blended with the probability a softmax model
// (linear_model.h) learnt from the same texts gives it. On CPU, in memory:
// built in seconds from thousands of texts, a question ranked in a fraction
// of a millisecond. BM25 over the same texts is there to compare with.
// docs/answers.md.

struct AnswerExample {
  std::string text;
  std::string answer_id;
};

struct AnswerScore {
  std::string answer_id;
  double score = 0;  // cosine-like: 0 nothing in common, 1 the same words
};

enum class MatchMethod { kHybrid, kBm25 };

class AnswerMatcher {
 public:
  // InvalidArgument without examples.
  static Result<AnswerMatcher> Build(const std::vector<AnswerExample>& examples,
                                     MatchMethod method = MatchMethod::kHybrid);
  // The best `k` answers for `text`, best first; fewer when fewer share a
  // word with it.
  std::vector<AnswerScore> Rank(std::string_view text, size_t k) const;
  size_t answers() const { return answer_ids_.size(); }

 private:
  struct Posting {
    int doc = 0;
    float weight = 0;
  };
  // The text's weighted terms (TF-IDF, unit length), by term id; terms
  // outside the vocabulary dropped.
  std::vector<std::pair<int, float>> Vector(std::string_view text) const;
  std::vector<AnswerScore> RankBm25(std::string_view text, size_t k) const;

  MatchMethod method_ = MatchMethod::kHybrid;
  std::vector<std::string> answer_ids_;
  std::unordered_map<std::string, int> terms_;
  std::vector<float> idf_;
  std::vector<std::vector<Posting>> example_postings_;  // by term: examples
  std::vector<std::vector<Posting>> centre_postings_;   // by term: answers
  std::vector<int> example_answer_;                     // example -> answer
  LinearModel model_;  // answer probabilities, learnt from the texts
  bool has_model_ = false;
  // BM25: per answer, its length in stems; per term, postings of tf.
  std::vector<float> doc_length_;
  float mean_length_ = 0;
};

}  // namespace luister
