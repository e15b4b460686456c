#include "domain/neighbour_graph.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

namespace luister {

namespace {

// Communities renumbered from 0 in order of first appearance.
int Renumber(std::vector<int>* community) {
  std::map<int, int> ids;
  for (int& c : *community) c = ids.emplace(c, static_cast<int>(ids.size())).first->second;
  return static_cast<int>(ids.size());
}

// One level of Louvain: nodes move to the neighbouring community with the
// largest modularity gain until none does. Whether any node moved.
bool MoveNodes(const NeighbourGraph& g, double resolution, std::mt19937_64& rng,
               std::vector<int>* community) {
  const size_t n = g.edges.size();
  std::vector<double> degree(n, 0);
  double total = 0;  // twice the edge weight
  for (size_t i = 0; i < n; ++i)
    for (const auto& [j, w] : g.edges[i]) degree[i] += w;
  for (double d : degree) total += d;
  community->resize(n);
  std::iota(community->begin(), community->end(), 0);
  if (total <= 0) return false;
  std::vector<double> community_degree = degree;
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<double> to_community(n, 0);
  std::vector<int> seen;
  bool moved = false;
  for (int pass = 0; pass < 100; ++pass) {
    size_t moves = 0;
    for (size_t i : order) {
      const int from = (*community)[i];
      seen.clear();
      for (const auto& [j, w] : g.edges[i]) {
        if (static_cast<size_t>(j) == i) continue;
        const int c = (*community)[j];
        if (to_community[c] == 0) seen.push_back(c);
        to_community[c] += w;
      }
      community_degree[from] -= degree[i];
      // Gain of joining c, up to terms that do not depend on c.
      auto gain = [&](int c) {
        return to_community[c] - resolution * degree[i] * community_degree[c] / total;
      };
      int best = from;
      double best_gain = gain(from);
      for (int c : seen) {
        const double g_c = gain(c);
        if (g_c > best_gain + 1e-12) {
          best_gain = g_c;
          best = c;
        }
      }
      for (int c : seen) to_community[c] = 0;
      community_degree[best] += degree[i];
      if (best != from) {
        (*community)[i] = best;
        ++moves;
        moved = true;
      }
    }
    if (moves == 0) break;
  }
  return moved;
}

}  // namespace

std::vector<std::vector<std::pair<int, float>>> NearestNeighbours(
    const std::vector<SparseVector>& rows, int dims, int k) {
  const size_t n = rows.size();
  std::vector<std::vector<std::pair<int, float>>> postings(static_cast<size_t>(std::max(dims, 0)));
  for (size_t i = 0; i < n; ++i)
    for (const auto& [t, w] : rows[i])
      if (t >= 0 && t < dims) postings[t].emplace_back(static_cast<int>(i), w);
  std::vector<float> score(n, 0);
  std::vector<char> touched(n, 0);
  std::vector<int> candidates;
  std::vector<std::pair<float, int>> ranked;
  std::vector<std::vector<std::pair<int, float>>> out(n);
  for (size_t i = 0; i < n; ++i) {
    candidates.clear();
    for (const auto& [t, w] : rows[i]) {
      if (t < 0 || t >= dims) continue;
      for (const auto& [j, x] : postings[t]) {
        if (!touched[j]) {
          touched[j] = 1;
          candidates.push_back(j);
        }
        score[j] += w * x;
      }
    }
    ranked.clear();
    for (int j : candidates) {
      if (static_cast<size_t>(j) != i) ranked.emplace_back(-score[j], j);
      score[j] = 0;
      touched[j] = 0;
    }
    const size_t m = std::min(ranked.size(), static_cast<size_t>(std::max(k, 0)));
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(m),
                      ranked.end());
    for (size_t q = 0; q < m; ++q) out[i].emplace_back(ranked[q].second, -ranked[q].first);
  }
  return out;
}

NeighbourGraph Symmetrise(const std::vector<std::vector<std::pair<int, float>>>& neighbours) {
  std::vector<std::map<int, double>> weights(neighbours.size());
  for (size_t i = 0; i < neighbours.size(); ++i)
    for (const auto& [j, w] : neighbours[i]) {
      double& ij = weights[i][j];
      double& ji = weights[j][static_cast<int>(i)];
      ij = std::max(ij, double{w});
      ji = std::max(ji, double{w});
    }
  NeighbourGraph g;
  g.edges.resize(neighbours.size());
  for (size_t i = 0; i < weights.size(); ++i)
    g.edges[i].assign(weights[i].begin(), weights[i].end());
  return g;
}

std::vector<int> Communities(const NeighbourGraph& graph, double resolution, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<int> of(graph.edges.size());
  std::iota(of.begin(), of.end(), 0);
  NeighbourGraph g = graph;
  for (int level = 0; level < 32; ++level) {
    std::vector<int> community;
    const bool moved = MoveNodes(g, resolution, rng, &community);
    const int count = Renumber(&community);
    for (int& c : of) c = community[c];
    if (!moved) break;
    // Each community becomes a node; edges between them summed, those
    // inside it a self loop.
    std::vector<std::map<int, double>> merged(count);
    for (size_t i = 0; i < g.edges.size(); ++i)
      for (const auto& [j, w] : g.edges[i]) merged[community[i]][community[j]] += w;
    NeighbourGraph next;
    next.edges.resize(count);
    for (int c = 0; c < count; ++c) next.edges[c].assign(merged[c].begin(), merged[c].end());
    g = std::move(next);
  }
  Renumber(&of);
  return of;
}

}  // namespace luister
