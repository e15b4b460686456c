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

  // A client with the API token of a new user in `role`.
  std::unique_ptr<HttpClient> TokenFor(const std::string& role) {
    const std::string email = role + "." + std::to_string(++token_users_) + "." +
                              std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                              "@roles.example";
    auto u = client_->Post("/api/v1/users", {{"email", email},
                                             {"name", "Test " + role},
                                             {"role", role},
                                             {"password", "mango-tram-lantaarn-3"}});
    EXPECT_EQ(u.status, 201) << u.body;
    auto t = client_->Post("/api/v1/api-tokens", {{"name", role}, {"user_id", u.Json()["id"]}});
    EXPECT_EQ(t.status, 201) << t.body;
    auto c = std::make_unique<HttpClient>(server_->port());
    c->UseBearer(t.Json()["token"].get<std::string>());
    return c;
  }

  static inline LuisterProcess* server_ = nullptr;
  static inline int token_users_ = 0;
  static inline std::string start_error_;
  std::unique_ptr<HttpClient> client_;  // the administrator
};

}  // namespace luister::e2e
