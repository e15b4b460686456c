#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>

#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "storage/sqlite/sqlite_store.h"

namespace luister {

class FixedClock final : public Clock {
 public:
  Timestamp Now() const override { return now; }
  Timestamp now = FromMillis(1'800'000'000'000);
};

// Services over a real, migrated SQLite store in a temporary directory.
class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl =
        (std::filesystem::temp_directory_path() / "luister-domain-XXXXXX").string();
    ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
    auto store = SqliteStore::Open(dir_ + "/domain.db", SqliteOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
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
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  int64_t Customer(const std::string& name, const std::string& email) {
    NewCustomer c;
    c.name = name;
    c.identities.push_back({IdentityKind::kEmail, email});
    auto r = customers_->Create(c);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  FixedClock clock_;
  std::string dir_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<CustomerService> customers_;
  std::unique_ptr<ConversationService> conversations_;
  int64_t dept_ = 0, billing_ = 0, agent_ = 0;
};

}  // namespace luister
