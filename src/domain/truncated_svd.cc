#include "domain/truncated_svd.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace luister {

namespace {

constexpr size_t kOversampling = 10;

// Uniform in (0, 1) and standard normal draws, the same on every platform
// (std::mt19937_64's sequence is fixed by the standard; its distributions
// are not).
double Uniform(std::mt19937_64& rng) {
  return (static_cast<double>(rng() >> 11) + 0.5) * 0x1.0p-53;
}
double Gaussian(std::mt19937_64& rng) {
  const double u = Uniform(rng), v = Uniform(rng);
  return std::sqrt(-2 * std::log(u)) * std::cos(2 * M_PI * v);
}

void Axpy(size_t n, double a, const double* x, double* y) {
  for (size_t i = 0; i < n; ++i) y[i] += a * x[i];
}

// Four partial sums, so that the additions do not wait on each other.
double Dot(size_t n, const double* x, const double* y) {
  double s[4] = {0, 0, 0, 0};
  size_t i = 0;
  for (; i + 4 <= n; i += 4)
    for (size_t q = 0; q < 4; ++q) s[q] += x[i + q] * y[i + q];
  for (; i < n; ++i) s[0] += x[i] * y[i];
  return (s[0] + s[1]) + (s[2] + s[3]);
}

// rows × l = A · z, for z columns × l.
DenseMatrix Times(const std::vector<SparseVector>& a, const DenseMatrix& z) {
  DenseMatrix y(a.size(), z.cols);
  for (size_t r = 0; r < a.size(); ++r)
    for (const auto& [j, x] : a[r]) Axpy(z.cols, x, z.Row(j), y.Row(r));
  return y;
}

// columns × l = Aᵀ · y, for y rows × l.
DenseMatrix TransposeTimes(const std::vector<SparseVector>& a, size_t columns,
                           const DenseMatrix& y) {
  DenseMatrix z(columns, y.cols);
  for (size_t r = 0; r < a.size(); ++r)
    for (const auto& [j, x] : a[r]) Axpy(y.cols, x, y.Row(r), z.Row(j));
  return z;
}

DenseMatrix Transpose(const DenseMatrix& m) {
  DenseMatrix t(m.cols, m.rows);
  for (size_t r = 0; r < m.rows; ++r)
    for (size_t c = 0; c < m.cols; ++c) t.values[c * m.rows + r] = m.values[r * m.cols + c];
  return t;
}

// The columns of `m` made orthonormal (modified Gram-Schmidt, twice for
// accuracy); a column that depends on the ones before it becomes zero.
void Orthonormalise(DenseMatrix* m) {
  DenseMatrix t = Transpose(*m);  // one column per row, contiguous
  const size_t n = t.cols;
  for (size_t j = 0; j < t.rows; ++j) {
    double* col = t.Row(j);
    const double before = std::sqrt(Dot(n, col, col));
    for (int pass = 0; pass < 2; ++pass)
      for (size_t i = 0; i < j; ++i) {
        const double* q = t.Row(i);
        Axpy(n, -Dot(n, q, col), q, col);
      }
    const double norm = std::sqrt(Dot(n, col, col));
    const double scale = norm > 1e-10 * std::max(before, 1e-300) ? 1 / norm : 0;
    for (size_t r = 0; r < n; ++r) col[r] *= scale;
  }
  *m = Transpose(t);
}

// Eigenvalues (descending) and eigenvectors (the columns of `vectors`) of
// the symmetric l × l matrix `a`, by cyclic Jacobi rotations.
void SymmetricEigen(DenseMatrix a, std::vector<double>* values, DenseMatrix* vectors) {
  const size_t l = a.rows;
  DenseMatrix v(l, l);
  for (size_t i = 0; i < l; ++i) v.Row(i)[i] = 1;
  double total = 0;
  for (double x : a.values) total += x * x;
  for (int sweep = 0; sweep < 60; ++sweep) {
    double off = 0;
    for (size_t p = 0; p < l; ++p)
      for (size_t q = p + 1; q < l; ++q) off += a.Row(p)[q] * a.Row(p)[q];
    if (off <= 1e-26 * total) break;
    for (size_t p = 0; p < l; ++p)
      for (size_t q = p + 1; q < l; ++q) {
        const double apq = a.Row(p)[q];
        if (std::abs(apq) < 1e-300) continue;
        const double theta = (a.Row(q)[q] - a.Row(p)[p]) / (2 * apq);
        const double t =
            (theta >= 0 ? 1.0 : -1.0) / (std::abs(theta) + std::sqrt(theta * theta + 1));
        const double c = 1 / std::sqrt(t * t + 1), s = t * c;
        for (size_t k = 0; k < l; ++k) {  // columns p, q of A and of V
          double* ar = a.Row(k);
          const double akp = ar[p], akq = ar[q];
          ar[p] = c * akp - s * akq;
          ar[q] = s * akp + c * akq;
          double* vr = v.Row(k);
          const double vkp = vr[p], vkq = vr[q];
          vr[p] = c * vkp - s * vkq;
          vr[q] = s * vkp + c * vkq;
        }
        double* ap = a.Row(p);
        double* aq = a.Row(q);
        for (size_t k = 0; k < l; ++k) {  // rows p, q
          const double apk = ap[k], aqk = aq[k];
          ap[k] = c * apk - s * aqk;
          aq[k] = s * apk + c * aqk;
        }
      }
  }
  std::vector<size_t> order(l);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return a.Row(x)[x] > a.Row(y)[y]; });
  values->resize(l);
  *vectors = DenseMatrix(l, l);
  for (size_t i = 0; i < l; ++i) {
    (*values)[i] = a.Row(order[i])[order[i]];
    for (size_t k = 0; k < l; ++k) vectors->Row(k)[i] = v.Row(k)[order[i]];
  }
}

}  // namespace

DenseMatrix TruncatedSvd(const std::vector<SparseVector>& rows, int columns, int rank,
                         int power_iterations, uint64_t seed) {
  const size_t n = rows.size();
  const auto v = static_cast<size_t>(std::max(columns, 0));
  const size_t d = std::min({static_cast<size_t>(std::max(rank, 0)), n, v});
  if (d == 0) return DenseMatrix(n, 0);
  const size_t l = std::min({d + kOversampling, n, v});
  std::mt19937_64 rng(seed);
  DenseMatrix omega(v, l);
  for (double& x : omega.values) x = Gaussian(rng);
  DenseMatrix y = Times(rows, omega);
  for (int i = 0; i < power_iterations; ++i) {
    Orthonormalise(&y);
    DenseMatrix z = TransposeTimes(rows, v, y);
    Orthonormalise(&z);
    y = Times(rows, z);
  }
  Orthonormalise(&y);  // Q: n × l, its columns span the leading left vectors
  // B = Qᵀ A (l × v); B Bᵀ = W Σ² Wᵀ, and A ≈ Q B, so U Σ = Q W Σ.
  const DenseMatrix bt = TransposeTimes(rows, v, y);
  DenseMatrix gram(l, l);
  for (size_t j = 0; j < v; ++j) {
    const double* b = bt.Row(j);
    for (size_t p = 0; p < l; ++p) {
      if (b[p] == 0) continue;
      Axpy(l, b[p], b, gram.Row(p));
    }
  }
  std::vector<double> eigenvalues;
  DenseMatrix w;
  SymmetricEigen(gram, &eigenvalues, &w);
  DenseMatrix ws(l, d);  // W Σ, the leading d columns
  for (size_t c = 0; c < l; ++c)
    for (size_t i = 0; i < d; ++i)
      ws.Row(c)[i] = w.Row(c)[i] * std::sqrt(std::max(eigenvalues[i], 0.0));
  DenseMatrix out(n, d);
  for (size_t r = 0; r < n; ++r)
    for (size_t c = 0; c < l; ++c) Axpy(d, y.Row(r)[c], ws.Row(c), out.Row(r));
  return out;
}

void NormaliseRows(DenseMatrix* m) {
  for (size_t r = 0; r < m->rows; ++r) {
    double* x = m->Row(r);
    const double norm = std::sqrt(Dot(m->cols, x, x));
    if (norm > 0)
      for (size_t c = 0; c < m->cols; ++c) x[c] /= norm;
  }
}

}  // namespace luister
