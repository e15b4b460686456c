#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "domain/linear_model.h"
#include "domain/linear_svm.h"
#include "domain/topic_features.h"

namespace luister {

// Which topic a short customer message (Dutch or English) is about, learnt
// from labelled examples (C9). Texts become word, word-pair and character
// n-gram TF-IDF vectors (topic_features.h); a linear SVM (linear_svm.h) and
// a softmax regression (linear_model.h) learn from them, and their scores
// are added and turned into probabilities by a softmax whose temperature
// is fitted on a held-out share of the examples, so a confidence of 0.8
// is right about 8 times in 10 and a threshold on it can say "no known
// topic". Both models are linear, so the trained classifier is one weight
// matrix: classifying costs one sparse product. Training is deterministic
// for a seed. docs/benchmarks.md ("Topics: classification") has the
// figures behind the defaults.

struct TopicExample {
  std::string text;
  std::string label;
};

enum class TopicModelKind { kSvm, kSoftmax, kEnsemble };

struct TopicClassifierOptions {
  TopicFeatureOptions features;
  TopicModelKind model = TopicModelKind::kEnsemble;
  LinearSvmOptions svm;  // its seed and threads are set from those below
  LinearModelOptions softmax = {.epochs = 5};
  // The softmax model's log-probabilities count this much against the SVM
  // margins in the ensemble.
  float softmax_weight = 0.1F;
  // The share of examples held out to fit the temperature (one model is
  // trained on the rest first, then the final one on all). 0, or too few
  // examples to hold out: `temperature` as given.
  float calibration_share = 0.2F;
  float temperature = 5.0F;
  uint64_t seed = 42;  // also given to both models
  // Training runs on up to this many threads (the softmax model beside the
  // SVM, the SVM's classes apart); the model is the same for any number.
  int threads = 1;
};

struct TopicScore {
  std::string label;
  float confidence = 0;  // probability, summing to 1 over all labels
};

// A text read by the classifier, with what says whether it is about any
// of the known topics at all (open-set): the probabilities sum to 1 over
// the known labels even for a question about something new.
struct TopicReading {
  std::string label;     // the most likely
  float confidence = 0;  // its probability
  float score = 0;       // its raw score (before the softmax, temperature removed)
  float margin = 0;      // over the second label's raw score
  double coverage = 0;   // TopicVectorizer::WordCoverage of the text
};

class TopicClassifier {
 public:
  // InvalidArgument when there are no examples, an example has no label,
  // or fewer than two distinct labels.
  static Result<TopicClassifier> Train(const std::vector<TopicExample>& examples,
                                       const TopicClassifierOptions& options = {});

  // The `k` most likely labels for `text`, most likely first (ties by
  // label). Thread-safe.
  std::vector<TopicScore> Classify(std::string_view text,
                                   size_t k = std::numeric_limits<size_t>::max()) const;
  TopicReading Read(std::string_view text) const;

  // A versioned, checksummed byte string for the database; Load gives back
  // a classifier whose every score equals this one's, and InvalidArgument
  // ("topic model: ...") for a truncated, corrupt or foreign blob.
  std::string Save() const;
  static Result<TopicClassifier> Load(std::string_view blob);

  const std::vector<std::string>& labels() const { return labels_; }
  int features() const { return vectorizer_.size(); }
  float temperature() const { return temperature_; }

 private:
  // Each label's score for a text's terms (the temperature included).
  std::vector<float> Scores(const std::vector<uint64_t>& terms) const;

  TopicVectorizer vectorizer_;
  std::vector<std::string> labels_;
  // Score of label c: bias_[c] + Σ scales_[f] · weights_[f × labels + c] · x_f
  // (the temperature included).
  std::vector<int8_t> weights_;
  std::vector<float> scales_;
  std::vector<float> bias_;
  float temperature_ = 1;  // as fitted; kept for inspection only
};

}  // namespace luister
