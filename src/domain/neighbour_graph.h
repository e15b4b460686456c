#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "domain/linear_model.h"

namespace luister {

// A weighted undirected graph over items 0..n-1 for topic discovery (C9):
// `edges[i]` lists (neighbour, weight) pairs, each edge in both lists.
struct NeighbourGraph {
  std::vector<std::vector<std::pair<int, double>>> edges;
};

// Each row's `k` most similar other rows by cosine (rows of unit length,
// `dims` columns), found through an inverted index, so rows that share no
// column are never compared; ties go to the lower index. Rows with nothing
// in common with any other have fewer (or no) neighbours. `result[i]` is
// most similar first.
std::vector<std::vector<std::pair<int, float>>> NearestNeighbours(
    const std::vector<SparseVector>& rows, int dims, int k);

// The neighbour lists made symmetric: an edge where either row lists the
// other, weighted by the larger similarity.
NeighbourGraph Symmetrise(const std::vector<std::vector<std::pair<int, float>>>& neighbours);

// Communities that maximise modularity with resolution `resolution`
// (Louvain: Blondel et al. 2008; nodes visited in an order drawn from
// `seed`, then communities merged into nodes and again until nothing
// moves). Higher resolution gives more, smaller communities; at 1 it is
// Newman's modularity. `result[i]` is node i's community, numbered from 0
// in order of first node.
std::vector<int> Communities(const NeighbourGraph& graph, double resolution = 1.0,
                             uint64_t seed = 42);

}  // namespace luister
