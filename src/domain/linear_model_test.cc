#include "domain/linear_model.h"

#include <gtest/gtest.h>

namespace luister {
namespace {

TEST(LinearModelTest, LearnsWhichFeaturesMeanWhichClass) {
  // Features 0-1 mean class 0, 2-3 class 1, 4-5 class 2; feature 6 is noise.
  std::vector<SparseVector> x;
  std::vector<int> y;
  for (int i = 0; i < 30; ++i) {
    const int c = i % 3;
    x.push_back({{2 * c, 0.7F}, {2 * c + 1, 0.5F}, {6, 0.5F}});
    y.push_back(c);
  }
  const LinearModel m = LinearModel::Train(x, y, 7, 3);
  EXPECT_EQ(m.classes(), 3);
  for (int c = 0; c < 3; ++c) {
    const auto p = m.Predict({{2 * c, 1.0F}});
    ASSERT_EQ(p.size(), 3u);
    EXPECT_NEAR(p[0] + p[1] + p[2], 1.0F, 1e-4);
    for (int other = 0; other < 3; ++other)
      if (other != c) EXPECT_GT(p[c], p[other] + 0.5F) << c;
  }
  // Unknown or noise-only input: no class stands out much.
  const auto noise = m.Predict({{6, 1.0F}, {99, 1.0F}});
  EXPECT_LT(noise[0], 0.6F);
}

TEST(LinearModelTest, TheSameDataAndSeedGiveTheSameModel) {
  std::vector<SparseVector> x = {{{0, 1.0F}}, {{1, 1.0F}}, {{0, 0.5F}, {1, 0.5F}}};
  std::vector<int> y = {0, 1, 1};
  const auto a = LinearModel::Train(x, y, 2, 2).Predict({{0, 0.3F}, {1, 0.7F}});
  const auto b = LinearModel::Train(x, y, 2, 2).Predict({{0, 0.3F}, {1, 0.7F}});
  EXPECT_EQ(a, b);
  EXPECT_TRUE(LinearModel::Train({}, {}, 0, 0).Predict({}).empty());
}

}  // namespace
}  // namespace luister
