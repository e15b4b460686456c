#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "common/manual_clock.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "tests/contract/engine.h"

namespace luister {

// Services over a real, migrated store, parameterised by engine: every test
// runs on SQLite and on PostgreSQL (LUISTER_CONTRACT_ENGINES(suite)).
class ServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    engine_ = contract::MakeEngine(GetParam());
    ASSERT_FALSE(::testing::Test::HasFailure()) << "the " << GetParam() << " engine did not start";
    store_ = &engine_->store();
    customers_ = std::make_unique<CustomerService>(*store_, clock_);
    conversations_ = std::make_unique<ConversationService>(*store_, clock_);
    auto d = store_->directory().CreateDepartment("Klantenservice", clock_.Now());
    ASSERT_TRUE(d.ok());
    dept_ = d->id;
    auto d2 = store_->directory().CreateDepartment("Billing", clock_.Now());
    ASSERT_TRUE(d2.ok());
    billing_ = d2->id;
    NewUser u;
    u.email = "agent@example.org";
    u.name = "Agent";
    u.password_hash = "x";
    auto user = store_->directory().CreateUser(u, clock_.Now());
    ASSERT_TRUE(user.ok());
    agent_ = user->id;
  }
  void TearDown() override {
    conversations_.reset();
    customers_.reset();
    store_ = nullptr;
    engine_.reset();
  }

  int64_t Customer(const std::string& name, const std::string& email) {
    NewCustomer c;
    c.name = name;
    c.identities.push_back({IdentityKind::kEmail, email});
    auto r = customers_->Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  ManualClock clock_;
  std::unique_ptr<contract::Engine> engine_;
  Store* store_ = nullptr;
  std::unique_ptr<CustomerService> customers_;
  std::unique_ptr<ConversationService> conversations_;
  int64_t dept_ = 0, billing_ = 0, agent_ = 0;
};

}  // namespace luister
