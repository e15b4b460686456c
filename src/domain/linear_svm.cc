#include "domain/linear_svm.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

namespace luister {

namespace {

// One class against the rest, in the dual: minimise
//   ½ αᵀ(Q + D)α − Σα,  α ≥ 0,  Q_ij = y_i y_j x_i·x_j,  D = I / 2C,
// one α at a time, shrinking those stuck at 0 (Hsieh et al. 2008, Alg. 3).
// Returns the primal weights, with the bias's weight last.
std::vector<double> SolveOneClass(const std::vector<SparseVector>& x,
                                  const std::vector<int>& labels, int cls, int features,
                                  const LinearSvmOptions& o) {
  const size_t l = x.size();
  const double diag = 0.5 / o.c;
  const double bias = o.bias;
  std::vector<double> w(static_cast<size_t>(features) + 1, 0);
  double& wb = w.back();
  std::vector<double> alpha(l, 0), qd(l);
  std::vector<signed char> y(l);
  for (size_t i = 0; i < l; ++i) {
    y[i] = labels[i] == cls ? 1 : -1;
    double sq = diag + bias * bias;
    for (const auto& [f, v] : x[i]) sq += double{v} * v;
    qd[i] = sq;
  }
  std::vector<size_t> index(l);
  std::iota(index.begin(), index.end(), 0);
  std::mt19937_64 rng(o.seed + static_cast<uint64_t>(cls));
  constexpr double kInf = std::numeric_limits<double>::max();  // "no bound yet"
  double pg_max_old = kInf, pg_min_old = -kInf;
  size_t active = l;
  for (int iter = 0; iter < o.max_iterations; ++iter) {
    double pg_max = -kInf, pg_min = kInf;
    for (size_t s = 0; s < active; ++s) std::swap(index[s], index[s + rng() % (active - s)]);
    for (size_t s = 0; s < active; ++s) {
      const size_t i = index[s];
      double dot = wb * bias;
      for (const auto& [f, v] : x[i]) dot += w[static_cast<size_t>(f)] * v;
      const double g = y[i] * dot - 1 + diag * alpha[i];
      double pg = g;
      if (alpha[i] == 0) {
        if (g > pg_max_old) {  // will stay at 0: set aside until the end
          --active;
          std::swap(index[s], index[active]);
          --s;
          continue;
        }
        pg = std::min(g, 0.0);
      }
      pg_max = std::max(pg_max, pg);
      pg_min = std::min(pg_min, pg);
      if (std::fabs(pg) <= 1e-12) continue;
      const double old = alpha[i];
      alpha[i] = std::max(old - g / qd[i], 0.0);
      const double d = (alpha[i] - old) * y[i];
      for (const auto& [f, v] : x[i]) w[static_cast<size_t>(f)] += d * v;
      wb += d * bias;
    }
    if (pg_max - pg_min <= o.epsilon) {
      if (active == l) break;
      active = l;  // converged on the active set: check every example once more
      pg_max_old = kInf;
      pg_min_old = -kInf;
      continue;
    }
    pg_max_old = pg_max <= 0 ? kInf : pg_max;
    pg_min_old = pg_min >= 0 ? -kInf : pg_min;
  }
  wb *= bias;
  return w;
}

}  // namespace

LinearSvm LinearSvm::Train(const std::vector<SparseVector>& inputs, const std::vector<int>& labels,
                           int features, int classes, const LinearSvmOptions& options) {
  LinearSvm m;
  m.features_ = features;
  m.classes_ = classes;
  const auto k = static_cast<size_t>(classes);
  m.weights_.assign(static_cast<size_t>(features) * k, 0);
  m.bias_.assign(k, 0);
  if (classes == 0 || inputs.empty()) return m;
  std::atomic<int> next{0};
  auto work = [&] {
    for (int c = next++; c < classes; c = next++) {
      const std::vector<double> w = SolveOneClass(inputs, labels, c, features, options);
      const auto cls = static_cast<size_t>(c);
      for (size_t f = 0; f + 1 < w.size(); ++f) m.weights_[f * k + cls] = static_cast<float>(w[f]);
      m.bias_[cls] = static_cast<float>(w.back());
    }
  };
  const int threads = std::clamp(options.threads, 1, classes);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return m;
}

std::vector<float> LinearSvm::Scores(const SparseVector& x) const {
  return LinearScores(x, weights_, bias_, features_);
}

}  // namespace luister
