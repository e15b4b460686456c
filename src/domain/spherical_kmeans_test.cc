#include "domain/spherical_kmeans.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace luister {
namespace {

// `per` unit points around each of the three axes of 3-space, a little
// noise on the other two.
DenseMatrix AroundAxes(size_t per, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> noise(-0.15, 0.15);
  DenseMatrix m(3 * per, 3);
  for (size_t i = 0; i < m.rows; ++i) {
    for (size_t c = 0; c < 3; ++c) m.Row(i)[c] = noise(rng);
    m.Row(i)[i / per] = 1;
  }
  NormaliseRows(&m);
  return m;
}

TEST(SphericalKMeansTest, FindsGroupsByDirection) {
  const DenseMatrix points = AroundAxes(20, 1);
  KMeansOptions o;
  o.k = 3;
  const KMeansResult r = SphericalKMeans(points, o);
  ASSERT_EQ(r.assignment.size(), 60u);
  // Every axis one cluster, a different one each.
  std::set<int> seen;
  for (size_t axis = 0; axis < 3; ++axis) {
    const int c = r.assignment[axis * 20];
    for (size_t i = axis * 20; i < axis * 20 + 20; ++i) EXPECT_EQ(r.assignment[i], c) << i;
    seen.insert(c);
  }
  EXPECT_EQ(seen.size(), 3u);
  double total = 0;
  for (double s : r.similarity) {
    EXPECT_GT(s, 0.9);
    EXPECT_LE(s, 1.0 + 1e-9);
    total += s;
  }
  EXPECT_NEAR(r.objective, total, 1e-9);
  ASSERT_EQ(r.centroids.rows, 3u);
  for (size_t c = 0; c < 3; ++c) {
    double norm = 0;
    for (size_t j = 0; j < 3; ++j) norm += r.centroids.Row(c)[j] * r.centroids.Row(c)[j];
    EXPECT_NEAR(norm, 1, 1e-9);
  }
}

TEST(SphericalKMeansTest, SameSeedSameResultAndNoEmptyCluster) {
  const DenseMatrix points = AroundAxes(5, 2);
  KMeansOptions o;
  o.k = 15;  // as many clusters as points: each gets one
  const KMeansResult a = SphericalKMeans(points, o);
  const KMeansResult b = SphericalKMeans(points, o);
  EXPECT_EQ(a.assignment, b.assignment);
  EXPECT_EQ(std::set<int>(a.assignment.begin(), a.assignment.end()).size(), 15u);
  o.k = 40;  // capped at the number of points
  EXPECT_EQ(SphericalKMeans(points, o).centroids.rows, 15u);
  EXPECT_TRUE(SphericalKMeans(DenseMatrix(), o).assignment.empty());
}

}  // namespace
}  // namespace luister
