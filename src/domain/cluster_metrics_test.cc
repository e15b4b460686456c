#include "domain/cluster_metrics.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace luister {
namespace {

// Values worked out by hand (and as scikit-learn's normalized_mutual_info_score,
// adjusted_rand_score give them).
TEST(ClusterMetricsTest, KnownSmallExamples) {
  struct Case {
    std::vector<int> labels, clusters;
    double nmi, ari, acc;
  };
  const Case cases[] = {
      // A refinement: MI = H(labels) = ln 2, H(clusters) = 1.5 ln 2, so NMI
      // = 1 / 1.25; ARI = (1 - 1/3) / (3/2 - 1/3) = 4/7; one cluster unmapped.
      {{0, 0, 1, 1}, {0, 0, 1, 2}, 0.8, 4.0 / 7, 0.75},
      // Independent: no information; pairs worse than chance.
      {{0, 0, 1, 1}, {0, 1, 0, 1}, 0.0, -0.5, 0.5},
      // Everything in one cluster: no information, chance level, the
      // largest label matched.
      {{0, 0, 0, 1, 1, 2}, {7, 7, 7, 7, 7, 7}, 0.0, 0.0, 0.5},
      // One group on both sides is the same partition.
      {{3, 3, 3}, {5, 5, 5}, 1.0, 1.0, 1.0},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(NormalizedMutualInformation(c.labels, c.clusters), c.nmi, 1e-12);
    EXPECT_NEAR(AdjustedRandIndex(c.labels, c.clusters), c.ari, 1e-12);
    EXPECT_NEAR(ClusteringAccuracy(c.labels, c.clusters), c.acc, 1e-12);
  }
}

TEST(ClusterMetricsTest, APermutationOfTheLabelsScoresOne) {
  const std::vector<int> labels = {0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 3};
  const std::vector<int> renamed = {9, 9, 4, 4, 4, -1, -1, 0, 0, 0, 0};
  EXPECT_DOUBLE_EQ(NormalizedMutualInformation(labels, renamed), 1.0);
  EXPECT_DOUBLE_EQ(AdjustedRandIndex(labels, renamed), 1.0);
  EXPECT_DOUBLE_EQ(ClusteringAccuracy(labels, renamed), 1.0);
  // Symmetric in its arguments.
  const std::vector<int> other = {0, 1, 1, 1, 2, 2, 2, 3, 3, 0, 0};
  EXPECT_NEAR(NormalizedMutualInformation(labels, other),
              NormalizedMutualInformation(other, labels), 1e-12);
  EXPECT_NEAR(AdjustedRandIndex(labels, other), AdjustedRandIndex(other, labels), 1e-12);
}

TEST(ClusterMetricsTest, AccuracyMapsClustersOneToOne) {
  // Two clusters both mostly label 0: only one may take it, the other
  // takes label 1 (2 + 1 right), not 2 + 2.
  const std::vector<int> labels = {0, 0, 0, 0, 1, 1};
  const std::vector<int> clusters = {0, 0, 1, 1, 1, 0};
  EXPECT_NEAR(ClusteringAccuracy(labels, clusters), 3.0 / 6, 1e-12);
  // More labels than clusters: the labels left over count as wrong.
  EXPECT_NEAR(ClusteringAccuracy({0, 1, 2, 3}, {0, 0, 1, 1}), 0.5, 1e-12);
}

double Total(const std::vector<std::vector<double>>& cost, const std::vector<int>& a) {
  double t = 0;
  for (size_t r = 0; r < a.size(); ++r)
    if (a[r] >= 0) t += cost[r][a[r]];
  return t;
}

TEST(ClusterMetricsTest, MinCostAssignmentSquareAndRectangular) {
  const std::vector<std::vector<double>> square = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
  EXPECT_EQ(MinCostAssignment(square), (std::vector<int>{1, 0, 2}));
  const std::vector<std::vector<double>> wide = {{1, 2, 3}, {2, 4, 6}};
  EXPECT_EQ(MinCostAssignment(wide), (std::vector<int>{1, 0}));
  const std::vector<std::vector<double>> tall = {{1, 2}, {2, 4}, {3, 6}};
  EXPECT_EQ(MinCostAssignment(tall), (std::vector<int>{1, 0, -1}));
  EXPECT_TRUE(MinCostAssignment({}).empty());
}

// Against every assignment, on random matrices of every shape up to 6 × 6.
TEST(ClusterMetricsTest, MinCostAssignmentIsOptimal) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> value(-20, 20);
  for (size_t rows = 1; rows <= 6; ++rows)
    for (size_t cols = 1; cols <= 6; ++cols)
      for (int trial = 0; trial < 5; ++trial) {
        std::vector<std::vector<double>> cost(rows, std::vector<double>(cols));
        for (auto& row : cost)
          for (double& x : row) x = value(rng);
        const std::vector<int> a = MinCostAssignment(cost);
        ASSERT_EQ(a.size(), rows);
        std::vector<int> seen;
        for (int c : a)
          if (c >= 0) seen.push_back(c);
        EXPECT_EQ(seen.size(), std::min(rows, cols));
        std::sort(seen.begin(), seen.end());
        EXPECT_EQ(std::adjacent_find(seen.begin(), seen.end()), seen.end()) << "one-to-one";
        // The best over all orders of the longer side.
        const size_t n = std::max(rows, cols);
        std::vector<int> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        double best = 1e300;
        do {
          double t = 0;
          for (size_t i = 0; i < n; ++i) {
            const size_t r = rows <= cols ? i : static_cast<size_t>(perm[i]);
            const size_t c = rows <= cols ? static_cast<size_t>(perm[i]) : i;
            if (r < rows && c < cols) t += cost[r][c];
          }
          best = std::min(best, t);
        } while (std::next_permutation(perm.begin(), perm.end()));
        EXPECT_DOUBLE_EQ(Total(cost, a), best) << rows << "x" << cols;
      }
}

}  // namespace
}  // namespace luister
