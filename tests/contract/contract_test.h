#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine.h"

namespace luister::contract {

// Base of every contract test: parameterised by engine name.
class ContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = MakeEngine(GetParam());
    ASSERT_FALSE(::testing::Test::HasFailure()) << "the " << GetParam() << " engine did not start";
  }
  void TearDown() override { engine_.reset(); }

  static Timestamp T(int64_t minutes) { return FromMillis(1'800'000'000'000 + minutes * 60'000); }

  std::unique_ptr<Engine> engine_;
};

#define LUISTER_CONTRACT_ENGINES(suite)                                                    \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgres"),        \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

}  // namespace luister::contract
