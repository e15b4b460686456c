#include "domain/neighbour_graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace luister {
namespace {

TEST(NeighbourGraphTest, NearestByCosineOverSharedColumns) {
  const float h = static_cast<float>(std::sqrt(0.5));
  const std::vector<SparseVector> rows = {
      {{0, 1.0F}},       // 0
      {{0, h}, {1, h}},  // 1: cos 0.71 with 0 and with 2
      {{1, 1.0F}},       // 2
      {{0, 1.0F}},       // 3: the same as 0
      {{2, 1.0F}},       // 4: shares nothing
  };
  const auto nb = NearestNeighbours(rows, 3, 2);
  ASSERT_EQ(nb.size(), 5u);
  ASSERT_EQ(nb[0].size(), 2u);
  EXPECT_EQ(nb[0][0].first, 3);
  EXPECT_NEAR(nb[0][0].second, 1.0, 1e-6);
  EXPECT_EQ(nb[0][1].first, 1);
  EXPECT_NEAR(nb[0][1].second, h, 1e-6);
  // Row 1 is as near 0, 2 and 3: the lower indices win the tie.
  ASSERT_EQ(nb[1].size(), 2u);
  EXPECT_EQ(nb[1][0].first, 0);
  EXPECT_EQ(nb[1][1].first, 2);
  EXPECT_TRUE(nb[4].empty());
}

TEST(NeighbourGraphTest, SymmetriseKeepsTheLargerWeightBothWays) {
  const NeighbourGraph g = Symmetrise({{{1, 0.5F}}, {{0, 0.8F}, {2, 0.3F}}, {}});
  ASSERT_EQ(g.edges.size(), 3u);
  EXPECT_EQ(g.edges[0], (std::vector<std::pair<int, double>>{{1, 0.8F}}));
  EXPECT_EQ(g.edges[1], (std::vector<std::pair<int, double>>{{0, 0.8F}, {2, 0.3F}}));
  EXPECT_EQ(g.edges[2], (std::vector<std::pair<int, double>>{{1, 0.3F}}));
}

// `cliques` cliques of `size` nodes, each joined to the next by one weak
// edge (a ring).
NeighbourGraph Ring(int cliques, int size, double bridge) {
  std::vector<std::vector<std::pair<int, float>>> nb(cliques * size);
  for (int c = 0; c < cliques; ++c) {
    for (int a = 0; a < size; ++a)
      for (int b = 0; b < size; ++b)
        if (a != b) nb[c * size + a].emplace_back(c * size + b, 1.0F);
    nb[c * size].emplace_back(((c + 1) % cliques) * size + 1, static_cast<float>(bridge));
  }
  return Symmetrise(nb);
}

TEST(NeighbourGraphTest, CommunitiesAreTheCliques) {
  const std::vector<int> c = Communities(Ring(6, 5, 1.0));
  ASSERT_EQ(c.size(), 30u);
  for (int q = 0; q < 6; ++q)
    for (int i = 1; i < 5; ++i) EXPECT_EQ(c[q * 5 + i], c[q * 5]) << q;
  EXPECT_EQ(std::set<int>(c.begin(), c.end()).size(), 6u);
  EXPECT_EQ(c[0], 0) << "numbered in order of first node";
  // A low resolution merges cliques; nodes without edges stay alone.
  const std::vector<int> coarse = Communities(Ring(6, 5, 1.0), 0.05);
  EXPECT_LT(std::set<int>(coarse.begin(), coarse.end()).size(), 6u);
  NeighbourGraph isolated;
  isolated.edges.resize(3);
  EXPECT_EQ(Communities(isolated), (std::vector<int>{0, 1, 2}));
}

}  // namespace
}  // namespace luister
