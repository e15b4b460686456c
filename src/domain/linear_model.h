#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace luister {

// A multinomial logistic regression (softmax) over sparse features: the
// discriminative half of the answer matcher and the topic classifier
// (C6, C9). Inputs are (feature id, value) pairs, usually unit-length
// TF-IDF; trained by stochastic gradient descent with AdaGrad steps and
// L2 shrinkage, in a fixed order for a given seed, so a model is the same
// on every run. Weights are term-major (features × classes), so an
// example touches only the rows of its own features.
using SparseVector = std::vector<std::pair<int, float>>;

// bias + xᵀW for a dense row-major W of `features` rows by bias.size()
// classes; features outside [0, features) are ignored.
std::vector<float> LinearScores(const SparseVector& x, const std::vector<float>& weights,
                                const std::vector<float>& bias, int features);

struct LinearModelOptions {
  int epochs = 15;
  float learning_rate = 0.5F;
  float l2 = 1e-6F;
  uint64_t seed = 42;
};

class LinearModel {
 public:
  // `labels[i]` in [0, classes) for `inputs[i]`; `features` bounds the ids.
  static LinearModel Train(const std::vector<SparseVector>& inputs, const std::vector<int>& labels,
                           int features, int classes, const LinearModelOptions& options = {});
  // The probability of each class for `x` (sums to 1).
  std::vector<float> Predict(const SparseVector& x) const;
  int classes() const { return classes_; }
  int features() const { return features_; }
  const std::vector<float>& weights() const { return weights_; }  // features × classes
  const std::vector<float>& bias() const { return bias_; }

 private:
  int features_ = 0;
  int classes_ = 0;
  std::vector<float> weights_;  // features_ × classes_
  std::vector<float> bias_;
};

}  // namespace luister
