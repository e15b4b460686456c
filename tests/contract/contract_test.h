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

  static Timestamp T(int64_t ms) { return FromMillis(1'700'000'000'000 + ms); }

  int64_t MakeUser(const std::string& email, const std::string& name = "Agent") {
    NewUser u;
    u.email = email;
    u.name = name;
    u.password_hash = "x";
    auto r = engine_->directory().CreateUser(u, T(0));
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  std::unique_ptr<Engine> engine_;
};

#define LUISTER_CONTRACT_ENGINES(suite)                                                    \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgres"),        \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

}  // namespace luister::contract
