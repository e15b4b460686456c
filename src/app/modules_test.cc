// The module list is the server's table of contents: every table of the
// schema, every live event and every job kind has exactly one owner, every
// route is declared through a module, and every permission guards a route.
#include "app/modules.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "auth/authenticator.h"
#include "common/manual_clock.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "http/router.h"
#include "storage/sqlite/sqlite_store.h"

namespace luister {
namespace {

class ModulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(":memory:", SqliteOptions{});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    customers_ = std::make_unique<CustomerService>(*store_, clock_);
    conversations_ = std::make_unique<ConversationService>(*store_, clock_);
    auth_ = std::make_unique<auth::Authenticator>(
        *store_, clock_, auth::AuthOptions{.password_cost = auth::PasswordCost::Minimal()});
    ctx_ = std::make_unique<http::ApiContext>(
        http::ApiContext{*store_, *customers_, *conversations_, *auth_, clock_, metrics_, "test"});
  }

  ManualClock clock_;
  http::Metrics metrics_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<CustomerService> customers_;
  std::unique_ptr<ConversationService> conversations_;
  std::unique_ptr<auth::Authenticator> auth_;
  std::unique_ptr<http::ApiContext> ctx_;
};

TEST_F(ModulesTest, EveryTableHasExactlyOneOwningModule) {
  std::map<std::string, std::string> owner;
  for (const auto& m : ServerModules())
    for (auto table : m.tables) {
      auto [it, fresh] = owner.emplace(std::string(table), std::string(m.name));
      EXPECT_TRUE(fresh) << table << " is owned by both " << it->second << " and " << m.name;
    }
  auto schema = store_->ReadSchema();
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  std::set<std::string> tables;
  for (const auto& t : schema->tables) {
    if (t.name == "schema_migrations") continue;  // the migrator's own
    tables.insert(t.name);
    EXPECT_TRUE(owner.count(t.name)) << "table " << t.name << " belongs to no module";
  }
  for (const auto& [table, module] : owner)
    EXPECT_TRUE(tables.count(table)) << module << " declares " << table << ", not in the schema";
  EXPECT_GE(tables.size(), 10u);
}

TEST_F(ModulesTest, EveryLiveEventHasExactlyOneOwner) {
  std::map<EventType, std::string> owner;
  for (const auto& m : ServerModules())
    for (EventType e : m.events) {
      auto [it, fresh] = owner.emplace(e, std::string(m.name));
      EXPECT_TRUE(fresh) << ToString(e) << " is published by " << it->second << " and " << m.name;
    }
  for (EventType e :
       {EventType::kConversationCreated, EventType::kConversationUpdated,
        EventType::kMessageCreated, EventType::kMessageUpdated, EventType::kCustomerCreated,
        EventType::kCustomerUpdated, EventType::kCustomerMerged, EventType::kCallRecorded,
        EventType::kChatUpdated, EventType::kChatTyping, EventType::kChatRead,
        EventType::kPromiseChanged, EventType::kPromiseDue, EventType::kPromiseOverdue,
        EventType::kAccessChanged})
    EXPECT_TRUE(owner.count(e)) << ToString(e) << " belongs to no module";
  // Every value of the enum is in the list above: ParseEventType knows them.
  EXPECT_EQ(owner.size(), 15u);
}

TEST_F(ModulesTest, NamesAreUniqueAndEveryRouteComesFromAModule) {
  std::set<std::string> names;
  for (const auto& m : ServerModules()) {
    EXPECT_TRUE(names.insert(std::string(m.name)).second) << "two modules named " << m.name;
    EXPECT_TRUE(m.routes || m.jobs) << m.name << " adds nothing";
  }
  http::Router router;
  auto declared = http::RegisterApi(router, *ctx_, ServerModules());
  EXPECT_EQ(declared.size(), router.Routes().size());
  EXPECT_GT(declared.size(), 30u);
}

// Modules declare the permission of each route; the grants of each
// permission to roles are the one allow-list in domain/permissions.h. No
// permission stands in that table without a route it guards.
TEST_F(ModulesTest, EveryPermissionGuardsARouteOfSomeModule) {
  http::Router router;
  std::set<Permission> used;
  for (const auto& d : http::RegisterApi(router, *ctx_, ServerModules()))
    if (d.permission) used.insert(*d.permission);
  for (int i = 0; i < kPermissionCount; ++i) {
    const auto p = static_cast<Permission>(i);
    EXPECT_TRUE(used.count(p)) << ToString(p) << " guards no route";
  }
}

TEST_F(ModulesTest, JobKindsAreRegisteredOnceFromTheModules) {
  JobRunner runner(store_->jobs(), clock_, JobRunnerOptions{});
  ASSERT_TRUE(http::RegisterJobs(runner, *ctx_, ServerModules()).ok());
  // A second registration of the same kinds is refused, naming the module.
  Status again = http::RegisterJobs(runner, *ctx_, ServerModules());
  EXPECT_FALSE(again.ok());
  EXPECT_NE(again.message().find("subject_export"), std::string::npos) << again.message();
}

}  // namespace
}  // namespace luister
