#include "domain/linear_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace luister {

namespace {

void Softmax(std::vector<float>* z) {
  const float top = *std::max_element(z->begin(), z->end());
  double sum = 0;
  for (float& v : *z) {
    v = std::exp(v - top);
    sum += v;
  }
  for (float& v : *z) v = static_cast<float>(v / sum);
}

}  // namespace

LinearModel LinearModel::Train(const std::vector<SparseVector>& inputs,
                               const std::vector<int>& labels, int features, int classes,
                               const LinearModelOptions& options) {
  LinearModel m;
  m.features_ = features;
  m.classes_ = classes;
  const auto k = static_cast<size_t>(classes);
  m.weights_.assign(static_cast<size_t>(features) * k, 0);
  m.bias_.assign(k, 0);
  if (classes == 0 || inputs.empty()) return m;
  // AdaGrad: each weight's step shrinks with the squares of its gradients.
  std::vector<float> g2(m.weights_.size(), 1e-6F);
  std::vector<float> b2(k, 1e-6F);
  std::vector<size_t> order(inputs.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  std::vector<float> z(k);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t i : order) {
      const SparseVector& x = inputs[i];
      for (size_t c = 0; c < k; ++c) z[c] = m.bias_[c];
      for (const auto& [f, v] : x) {
        const float* row = &m.weights_[static_cast<size_t>(f) * k];
        for (size_t c = 0; c < k; ++c) z[c] += row[c] * v;
      }
      Softmax(&z);
      z[static_cast<size_t>(labels[i])] -= 1;  // the gradient of the loss by each score
      for (const auto& [f, v] : x) {
        float* row = &m.weights_[static_cast<size_t>(f) * k];
        float* acc = &g2[static_cast<size_t>(f) * k];
        for (size_t c = 0; c < k; ++c) {
          const float g = z[c] * v + options.l2 * row[c];
          acc[c] += g * g;
          row[c] -= options.learning_rate * g / std::sqrt(acc[c]);
        }
      }
      for (size_t c = 0; c < k; ++c) {
        b2[c] += z[c] * z[c];
        m.bias_[c] -= options.learning_rate * z[c] / std::sqrt(b2[c]);
      }
    }
  }
  return m;
}

std::vector<float> LinearScores(const SparseVector& x, const std::vector<float>& weights,
                                const std::vector<float>& bias, int features) {
  const size_t k = bias.size();
  std::vector<float> z(bias);
  for (const auto& [f, v] : x) {
    if (f < 0 || f >= features) continue;
    const float* row = &weights[static_cast<size_t>(f) * k];
    for (size_t c = 0; c < k; ++c) z[c] += row[c] * v;
  }
  return z;
}

std::vector<float> LinearModel::Predict(const SparseVector& x) const {
  std::vector<float> z = LinearScores(x, weights_, bias_, features_);
  if (!z.empty()) Softmax(&z);
  return z;
}

}  // namespace luister
