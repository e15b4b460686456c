#pragma once

#include <cstdint>
#include <vector>

#include "domain/linear_model.h"

namespace luister {

// A linear support vector machine over sparse features, one class against
// the rest: the margin half of the topic classifier (C9). Each class is an
// L2-regularised squared-hinge problem solved in the dual by coordinate
// descent with shrinking (Hsieh et al. 2008, as LIBLINEAR's default
// solver), visiting examples in an order drawn from `seed`, so a model is
// the same on every run and for any number of threads. Weights are
// term-major (features × classes) like LinearModel's.
struct LinearSvmOptions {
  float c = 1.0F;            // the cost of a margin violation against the norm
  float epsilon = 0.1F;      // stop when the projected gradients span less than this
  int max_iterations = 200;  // passes over the data, per class
  float bias = 1.0F;         // the constant feature's value (0: no intercept)
  uint64_t seed = 42;
  int threads = 1;  // classes are trained this many at a time
};

class LinearSvm {
 public:
  // `labels[i]` in [0, classes) for `inputs[i]`; `features` bounds the ids.
  static LinearSvm Train(const std::vector<SparseVector>& inputs, const std::vector<int>& labels,
                         int features, int classes, const LinearSvmOptions& options = {});
  // The margin of each class for `x` (positive: on the class's side).
  std::vector<float> Scores(const SparseVector& x) const;

  int features() const { return features_; }
  int classes() const { return classes_; }
  const std::vector<float>& weights() const { return weights_; }  // features × classes
  const std::vector<float>& bias() const { return bias_; }

 private:
  int features_ = 0;
  int classes_ = 0;
  std::vector<float> weights_;
  std::vector<float> bias_;
};

}  // namespace luister
