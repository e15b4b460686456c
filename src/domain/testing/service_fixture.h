#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "common/manual_clock.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/testing/memory_blobs.h"
#include "domain/testing/memory_store.h"

namespace luister {

// The domain services over the in-memory store, on a ManualClock: two
// departments and an agent to start with. No database: the repository
// contract suite (tests/contract) runs the memory store beside SQLite and
// PostgreSQL, so what passes here holds on both engines.
class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = std::make_unique<MemoryStore>(clock_);
    auto blobs = std::make_unique<MemoryBlobs>();
    blobs_ = blobs.get();
    store_->Provide<BlobRepository>(std::move(blobs));
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

  int64_t Customer(const std::string& name, const std::string& email) {
    NewCustomer c;
    c.name = name;
    c.identities.push_back({IdentityKind::kEmail, email});
    auto r = customers_->Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  ManualClock clock_;
  std::unique_ptr<MemoryStore> store_;
  MemoryBlobs* blobs_ = nullptr;  // owned by store_
  std::unique_ptr<CustomerService> customers_;
  std::unique_ptr<ConversationService> conversations_;
  int64_t dept_ = 0, billing_ = 0, agent_ = 0;
};

}  // namespace luister
