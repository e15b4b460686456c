#include "domain/spherical_kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace luister {

namespace {

double Uniform(std::mt19937_64& rng) {
  return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}

// The points in single precision: the similarities are compared, not
// summed, and half the width doubles the throughput of the inner loops.
struct Points {
  size_t n = 0;
  size_t dims = 0;
  std::vector<float> values;  // n × dims
  const float* Row(size_t i) const { return values.data() + i * dims; }
};

void Normalise(double* c, size_t dims) {
  double sum = 0;
  for (size_t j = 0; j < dims; ++j) sum += c[j] * c[j];
  if (sum > 0) {
    const double inv = 1 / std::sqrt(sum);
    for (size_t j = 0; j < dims; ++j) c[j] *= inv;
  }
}

double Dot(const Points& p, size_t i, const double* c) {
  const float* x = p.Row(i);
  double s = 0;
  for (size_t j = 0; j < p.dims; ++j) s += x[j] * c[j];
  return s;
}

// k-means++: each next centre drawn with probability proportional to its
// distance (1 - cos) from the nearest centre so far.
DenseMatrix Seed(const Points& p, size_t k, std::mt19937_64& rng) {
  DenseMatrix centres(k, p.dims);
  std::vector<double> nearest(p.n, std::numeric_limits<double>::infinity());
  auto any = [&] { return std::min(static_cast<size_t>(Uniform(rng) * p.n), p.n - 1); };
  size_t pick = any();
  for (size_t c = 0; c < k; ++c) {
    double* centre = centres.Row(c);
    std::copy(p.Row(pick), p.Row(pick) + p.dims, centre);
    Normalise(centre, p.dims);
    double total = 0;
    for (size_t i = 0; i < p.n; ++i) {
      nearest[i] = std::min(nearest[i], std::max(0.0, 1 - Dot(p, i, centre)));
      total += nearest[i];
    }
    if (total <= 0) {  // every point sits on a centre already
      pick = any();
      continue;
    }
    double r = Uniform(rng) * total;
    pick = p.n - 1;
    for (size_t i = 0; i < p.n; ++i) {
      r -= nearest[i];
      if (r <= 0 && nearest[i] > 0) {
        pick = i;
        break;
      }
    }
  }
  return centres;
}

// Each point to its most similar centre; how many moved. The centres are
// laid out dims × k, so that a point's k similarities are multiply-adds
// over contiguous memory (which the compiler vectorises).
size_t Assign(const Points& p, const DenseMatrix& centres, KMeansResult* r) {
  const size_t k = centres.rows;
  std::vector<float> by_dim(p.dims * k);
  for (size_t c = 0; c < k; ++c)
    for (size_t j = 0; j < p.dims; ++j) by_dim[j * k + c] = static_cast<float>(centres.Row(c)[j]);
  std::vector<float> s(k);
  size_t changed = 0;
  for (size_t i = 0; i < p.n; ++i) {
    const float* x = p.Row(i);
    std::fill(s.begin(), s.end(), 0.0F);
    for (size_t j = 0; j < p.dims; ++j) {
      const float xj = x[j];
      const float* c = by_dim.data() + j * k;
      for (size_t q = 0; q < k; ++q) s[q] += xj * c[q];
    }
    const auto best = static_cast<int>(std::max_element(s.begin(), s.end()) - s.begin());
    changed += r->assignment[i] != best;
    r->assignment[i] = best;
    r->similarity[i] = s[best];
  }
  return changed;
}

// Centres as the normalised sums of their points. An empty cluster first
// takes the point least like its own centre, from a cluster that keeps at
// least one.
void Update(const Points& p, KMeansResult* r) {
  const size_t k = r->centroids.rows;
  std::vector<size_t> sizes(k, 0);
  for (int a : r->assignment) ++sizes[a];
  for (size_t c = 0; c < k; ++c) {
    if (sizes[c] > 0) continue;
    size_t worst = p.n;
    for (size_t i = 0; i < p.n; ++i)
      if (sizes[r->assignment[i]] > 1 && (worst == p.n || r->similarity[i] < r->similarity[worst]))
        worst = i;
    if (worst == p.n) break;
    --sizes[r->assignment[worst]];
    r->assignment[worst] = static_cast<int>(c);
    r->similarity[worst] = 1;
    sizes[c] = 1;
  }
  std::fill(r->centroids.values.begin(), r->centroids.values.end(), 0.0);
  for (size_t i = 0; i < p.n; ++i) {
    const float* x = p.Row(i);
    double* c = r->centroids.Row(r->assignment[i]);
    for (size_t j = 0; j < p.dims; ++j) c[j] += x[j];
  }
  for (size_t c = 0; c < k; ++c) Normalise(r->centroids.Row(c), p.dims);
}

KMeansResult Run(const Points& p, size_t k, int max_iterations, std::mt19937_64& rng) {
  KMeansResult r;
  r.centroids = Seed(p, k, rng);
  r.assignment.assign(p.n, -1);
  r.similarity.assign(p.n, 0);
  const size_t settled = p.n / 1000;
  for (int it = 0; it < max_iterations; ++it) {
    const size_t changed = Assign(p, r.centroids, &r);
    Update(p, &r);
    if (changed <= settled && it > 0) break;
  }
  r.objective = 0;
  for (size_t i = 0; i < p.n; ++i) {
    r.similarity[i] = Dot(p, i, r.centroids.Row(r.assignment[i]));
    r.objective += r.similarity[i];
  }
  return r;
}

}  // namespace

KMeansResult SphericalKMeans(const DenseMatrix& points, const KMeansOptions& options) {
  const size_t n = points.rows;
  if (n == 0) return {};
  const size_t k = std::min(static_cast<size_t>(std::max(options.k, 1)), n);
  Points p;
  p.n = n;
  p.dims = points.cols;
  p.values.assign(points.values.begin(), points.values.end());
  std::mt19937_64 rng(options.seed);
  KMeansResult best;
  best.objective = -std::numeric_limits<double>::infinity();
  for (int run = 0; run < std::max(options.restarts, 1); ++run) {
    KMeansResult r = Run(p, k, std::max(options.max_iterations, 1), rng);
    if (r.objective > best.objective) best = std::move(r);
  }
  return best;
}

}  // namespace luister
