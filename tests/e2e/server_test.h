#pragma once

#include <gtest/gtest.h>

#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "http_client.h"
#include "luister_process.h"

namespace luister::e2e {

// One `luister serve` for a whole test suite, and a client logged in as the
// administrator for each test. `Suite` (the deriving fixture) may declare
// `static std::vector<std::string> ServeArgs()` to start the server with
// extra arguments. A server that fails to start fails every test: gtest
// would report an exception thrown from SetUpTestSuite as skipped tests.
template <typename Suite>
class ServerTest : public ::testing::Test {
 protected:
  static std::vector<std::string> ServeArgs() { return {}; }

  static void SetUpTestSuite() {
    try {
      server_ = new LuisterProcess(Suite::ServeArgs());
    } catch (const std::exception& e) {
      start_error_ = e.what();
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(server_, nullptr) << "luister did not start: " << start_error_;
    client_ = std::make_unique<HttpClient>(server_->port());
    auto r = client_->Login(LuisterProcess::kAdminEmail, LuisterProcess::kAdminPassword);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  static inline LuisterProcess* server_ = nullptr;
  static inline std::string start_error_;
  std::unique_ptr<HttpClient> client_;  // the administrator
};

}  // namespace luister::e2e
