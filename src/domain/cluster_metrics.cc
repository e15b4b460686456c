#include "domain/cluster_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace luister {

namespace {

// Items counted by (label, cluster), with the labels and clusters numbered
// densely from 0.
struct Contingency {
  std::vector<std::vector<double>> counts;  // labels × clusters
  std::vector<double> label_sizes;
  std::vector<double> cluster_sizes;
  double n = 0;
};

std::vector<int> Dense(const std::vector<int>& values, int* distinct) {
  std::map<int, int> ids;
  std::vector<int> out;
  out.reserve(values.size());
  for (int v : values) out.push_back(ids.emplace(v, static_cast<int>(ids.size())).first->second);
  *distinct = static_cast<int>(ids.size());
  return out;
}

Contingency Count(const std::vector<int>& labels, const std::vector<int>& clusters) {
  Contingency c;
  const size_t n = std::min(labels.size(), clusters.size());
  int nl = 0, nc = 0;
  const std::vector<int> l = Dense(labels, &nl);
  const std::vector<int> k = Dense(clusters, &nc);
  c.counts.assign(nl, std::vector<double>(nc, 0));
  c.label_sizes.assign(nl, 0);
  c.cluster_sizes.assign(nc, 0);
  for (size_t i = 0; i < n; ++i) {
    c.counts[l[i]][k[i]] += 1;
    c.label_sizes[l[i]] += 1;
    c.cluster_sizes[k[i]] += 1;
  }
  c.n = static_cast<double>(n);
  return c;
}

double Entropy(const std::vector<double>& sizes, double n) {
  double h = 0;
  for (double s : sizes)
    if (s > 0) h -= s / n * std::log(s / n);
  return h;
}

double Pairs(double x) { return x * (x - 1) / 2; }

}  // namespace

double NormalizedMutualInformation(const std::vector<int>& labels,
                                   const std::vector<int>& clusters) {
  const Contingency c = Count(labels, clusters);
  const size_t nl = c.label_sizes.size(), nc = c.cluster_sizes.size();
  // One group on both sides (or nothing at all) is perfect agreement.
  if (nl == nc && nl <= 1) return 1.0;
  double mi = 0;
  for (size_t i = 0; i < nl; ++i)
    for (size_t j = 0; j < nc; ++j) {
      const double nij = c.counts[i][j];
      if (nij > 0) mi += nij / c.n * std::log(nij * c.n / (c.label_sizes[i] * c.cluster_sizes[j]));
    }
  const double mean = (Entropy(c.label_sizes, c.n) + Entropy(c.cluster_sizes, c.n)) / 2;
  if (mi <= 0 || mean <= 0) return 0.0;
  return std::clamp(mi / mean, 0.0, 1.0);
}

double AdjustedRandIndex(const std::vector<int>& labels, const std::vector<int>& clusters) {
  const Contingency c = Count(labels, clusters);
  double index = 0, sum_labels = 0, sum_clusters = 0;
  for (const auto& row : c.counts)
    for (double nij : row) index += Pairs(nij);
  for (double s : c.label_sizes) sum_labels += Pairs(s);
  for (double s : c.cluster_sizes) sum_clusters += Pairs(s);
  const double all = Pairs(c.n);
  if (all <= 0) return 1.0;
  const double expected = sum_labels * sum_clusters / all;
  const double max = (sum_labels + sum_clusters) / 2;
  // Both all singletons, or both one group: the same partition.
  if (max == expected) return 1.0;
  return (index - expected) / (max - expected);
}

double ClusteringAccuracy(const std::vector<int>& labels, const std::vector<int>& clusters) {
  const Contingency c = Count(labels, clusters);
  if (c.n <= 0) return 1.0;
  // Clusters (rows) to labels (columns), maximising the items matched.
  std::vector<std::vector<double>> cost(c.cluster_sizes.size(),
                                        std::vector<double>(c.label_sizes.size()));
  for (size_t l = 0; l < c.label_sizes.size(); ++l)
    for (size_t k = 0; k < c.cluster_sizes.size(); ++k) cost[k][l] = -c.counts[l][k];
  const std::vector<int> to_label = MinCostAssignment(cost);
  double matched = 0;
  for (size_t k = 0; k < to_label.size(); ++k)
    if (to_label[k] >= 0) matched += c.counts[to_label[k]][k];
  return matched / c.n;
}

std::vector<int> MinCostAssignment(const std::vector<std::vector<double>>& cost) {
  const size_t rows = cost.size();
  const size_t cols = rows == 0 ? 0 : cost[0].size();
  if (rows == 0 || cols == 0) return std::vector<int>(rows, -1);
  // The method below needs rows <= columns; solve the transpose otherwise.
  if (rows > cols) {
    std::vector<std::vector<double>> t(cols, std::vector<double>(rows));
    for (size_t r = 0; r < rows; ++r)
      for (size_t c = 0; c < cols; ++c) t[c][r] = cost[r][c];
    const std::vector<int> col_to_row = MinCostAssignment(t);
    std::vector<int> out(rows, -1);
    for (size_t c = 0; c < cols; ++c)
      if (col_to_row[c] >= 0) out[col_to_row[c]] = static_cast<int>(c);
    return out;
  }
  // Shortest augmenting paths with row and column potentials u, v; 1-based,
  // column 0 is the virtual start. owner[j] is the row holding column j.
  const double kInf = std::numeric_limits<double>::infinity();
  const size_t n = rows, m = cols;
  std::vector<double> u(n + 1, 0), v(m + 1, 0);
  std::vector<size_t> owner(m + 1, 0), way(m + 1, 0);
  for (size_t i = 1; i <= n; ++i) {
    owner[0] = i;
    size_t j0 = 0;
    std::vector<double> min_slack(m + 1, kInf);
    std::vector<char> used(m + 1, 0);
    do {
      used[j0] = 1;
      const size_t i0 = owner[j0];
      double delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= m; ++j) {
        if (used[j]) continue;
        const double slack = cost[i0 - 1][j - 1] - u[i0] - v[j];
        if (slack < min_slack[j]) {
          min_slack[j] = slack;
          way[j] = j0;
        }
        if (min_slack[j] < delta) {
          delta = min_slack[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= m; ++j) {
        if (used[j]) {
          u[owner[j]] += delta;
          v[j] -= delta;
        } else {
          min_slack[j] -= delta;
        }
      }
      j0 = j1;
    } while (owner[j0] != 0);
    do {
      const size_t j1 = way[j0];
      owner[j0] = owner[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  std::vector<int> out(rows, -1);
  for (size_t j = 1; j <= m; ++j)
    if (owner[j] != 0) out[owner[j] - 1] = static_cast<int>(j - 1);
  return out;
}

}  // namespace luister
