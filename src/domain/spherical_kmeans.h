#pragma once

#include <cstdint>
#include <vector>

#include "domain/truncated_svd.h"

namespace luister {

// Spherical k-means (Dhillon and Modha 2001) for topic discovery (C9):
// points on the unit sphere, grouped by cosine similarity to unit-length
// centroids. Seeded by k-means++ (Arthur and Vassilvitskii 2007) on the
// distance 1 - cos, run `restarts` times from different seeds, and the
// run with the highest total similarity kept. A run stops when at most one
// point in a thousand changes cluster. The same result for the same seed.
struct KMeansOptions {
  int k = 8;
  int restarts = 3;
  int max_iterations = 50;
  uint64_t seed = 42;
};

struct KMeansResult {
  std::vector<int> assignment;     // each point's cluster, in [0, k)
  std::vector<double> similarity;  // each point's cosine to its centroid
  DenseMatrix centroids;           // k × dims, unit rows
  double objective = 0;            // the sum of `similarity`
};

// `points`: unit-length rows. k is capped at the number of points; no
// cluster is left empty while there are points to fill it.
KMeansResult SphericalKMeans(const DenseMatrix& points, const KMeansOptions& options);

}  // namespace luister
