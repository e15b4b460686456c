#include "domain/truncated_svd.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace luister {
namespace {

double RowDot(const DenseMatrix& m, size_t a, size_t b) {
  double s = 0;
  for (size_t c = 0; c < m.cols; ++c) s += m.Row(a)[c] * m.Row(b)[c];
  return s;
}

TEST(TruncatedSvdTest, KeepsTheLeadingDirectionsScaledBySingularValues) {
  // Singular values 5, 3 and 1 along the axes; two dimensions keep the
  // first two, each row as U·Σ.
  const std::vector<SparseVector> rows = {{{0, 5.0F}}, {{1, 3.0F}}, {{2, 1.0F}}};
  const DenseMatrix x = TruncatedSvd(rows, 3, 2);
  ASSERT_EQ(x.rows, 3u);
  ASSERT_EQ(x.cols, 2u);
  EXPECT_NEAR(std::abs(x.Row(0)[0]), 5, 1e-9);
  EXPECT_NEAR(x.Row(0)[1], 0, 1e-9);
  EXPECT_NEAR(x.Row(1)[0], 0, 1e-9);
  EXPECT_NEAR(std::abs(x.Row(1)[1]), 3, 1e-9);
  EXPECT_NEAR(x.Row(2)[0], 0, 1e-9);
  EXPECT_NEAR(x.Row(2)[1], 0, 1e-9);
}

// A matrix of rank 3 is kept whole by three dimensions: every inner product
// of rows is what it was (U Σ Σ Uᵀ = A Aᵀ).
TEST(TruncatedSvdTest, ALowRankMatrixKeepsItsGeometry) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<float> u(-1, 1);
  const size_t n = 60, dims = 40;
  std::vector<std::vector<float>> basis(3, std::vector<float>(dims));
  for (auto& b : basis)
    for (float& v : b) v = u(rng);
  std::vector<SparseVector> rows(n);
  DenseMatrix dense(n, dims);
  for (size_t i = 0; i < n; ++i) {
    const float a = u(rng), b = u(rng), c = u(rng);
    for (size_t j = 0; j < dims; ++j) {
      const float v = a * basis[0][j] + b * basis[1][j] + c * basis[2][j];
      rows[i].emplace_back(static_cast<int>(j), v);
      dense.Row(i)[j] = v;
    }
  }
  const DenseMatrix x = TruncatedSvd(rows, static_cast<int>(dims), 3);
  ASSERT_EQ(x.cols, 3u);
  for (size_t a = 0; a < n; a += 7)
    for (size_t b = 0; b < n; b += 5) EXPECT_NEAR(RowDot(x, a, b), RowDot(dense, a, b), 1e-4);
  // The same seed, the same result.
  const DenseMatrix again = TruncatedSvd(rows, static_cast<int>(dims), 3);
  EXPECT_EQ(again.values, x.values);
}

TEST(TruncatedSvdTest, NoMoreDimensionsThanTheMatrixHas) {
  const std::vector<SparseVector> rows = {{{0, 1.0F}, {1, 2.0F}}, {{1, 1.0F}}};
  EXPECT_EQ(TruncatedSvd(rows, 2, 100).cols, 2u);
  EXPECT_EQ(TruncatedSvd(rows, 0, 100).cols, 0u);
  EXPECT_EQ(TruncatedSvd({}, 5, 3).rows, 0u);
}

TEST(TruncatedSvdTest, NormaliseRowsMakesUnitRowsAndLeavesZeroRows) {
  DenseMatrix m(2, 2);
  m.Row(0)[0] = 3;
  m.Row(0)[1] = 4;
  NormaliseRows(&m);
  EXPECT_DOUBLE_EQ(m.Row(0)[0], 0.6);
  EXPECT_DOUBLE_EQ(m.Row(0)[1], 0.8);
  EXPECT_EQ(m.Row(1)[0], 0);
  EXPECT_EQ(m.Row(1)[1], 0);
}

}  // namespace
}  // namespace luister
