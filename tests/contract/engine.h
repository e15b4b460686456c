#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "domain/repositories.h"

namespace luister::contract {

// One storage engine's Store on a fresh, migrated database, for the contract
// tests: every test here runs on SQLite and on PostgreSQL and must pass on
// both.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual Store& store() = 0;
};

// "sqlite", "postgres" or "memory" (domain/testing/memory_store.h);
// PostgreSQL needs the test cluster that CTest starts (LUISTER_TEST_PG_DIR).
// Failures are reported through gtest.
std::unique_ptr<Engine> MakeEngine(const std::string& name);

// Instantiates a TEST_P suite parameterised by engine name on both engines.
#define LUISTER_CONTRACT_ENGINES(suite)                                             \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgres"), \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

// The same, and on the in-memory store too: for the suites of repositories
// it keeps (customers, conversations, directory, timeline, audit, jobs), so
// that the fake the domain's unit tests use cannot drift from the engines.
#define LUISTER_CONTRACT_ENGINES_AND_MEMORY(suite)                                            \
  INSTANTIATE_TEST_SUITE_P(Engines, suite, ::testing::Values("sqlite", "postgres", "memory"), \
                           [](const ::testing::TestParamInfo<std::string>& i) { return i.param; })

}  // namespace luister::contract
