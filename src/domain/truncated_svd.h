#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "domain/linear_model.h"

namespace luister {

// A dense matrix, row-major.
struct DenseMatrix {
  size_t rows = 0;
  size_t cols = 0;
  std::vector<double> values;  // rows × cols

  DenseMatrix() = default;
  DenseMatrix(size_t r, size_t c) : rows(r), cols(c), values(r * c, 0.0) {}
  double* Row(size_t r) { return values.data() + r * cols; }
  const double* Row(size_t r) const { return values.data() + r * cols; }
};

// Latent semantic analysis for topic discovery (C9): the rows of a sparse
// matrix (documents × `columns` terms) projected on its `rank` leading
// right singular vectors, each row scaled as U·Σ (what scikit-learn's
// TruncatedSVD.transform returns). Randomized SVD (Halko, Martinsson and
// Tropp 2011): a Gaussian sketch with `rank` + 10 columns, refined by
// `power_iterations` passes over the matrix, then the exact SVD of the
// small projected matrix (Jacobi). The same result for the same seed.
// Costs O((power_iterations + 2) · nnz · rank + (rows + columns) · rank²).
// Fewer rows or columns than `rank` give as many dimensions as there are.
DenseMatrix TruncatedSvd(const std::vector<SparseVector>& rows, int columns, int rank,
                         int power_iterations = 3, uint64_t seed = 42);

// Each row scaled to unit length (zero rows stay zero).
void NormaliseRows(DenseMatrix* m);

}  // namespace luister
