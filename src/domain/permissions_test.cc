#include "domain/permissions.h"

#include <gtest/gtest.h>

#include "domain/conversation_service.h"

namespace luister {
namespace {

TEST(PermissionsTest, RolesMatchTheirJobs) {
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kManageUsers));
  EXPECT_TRUE(RoleAllows(Role::kAgent, Permission::kWriteConversations));
  EXPECT_FALSE(RoleAllows(Role::kAgent, Permission::kManageUsers));
  EXPECT_FALSE(RoleAllows(Role::kAgent, Permission::kReadAuditLog));
  EXPECT_FALSE(RoleAllows(Role::kAgent, Permission::kMergeCustomers));
  EXPECT_TRUE(RoleAllows(Role::kAccountManager, Permission::kMergeCustomers));
  EXPECT_TRUE(RoleAllows(Role::kPrivacyOfficer, Permission::kReadAuditLog));
  EXPECT_FALSE(RoleAllows(Role::kPrivacyOfficer, Permission::kWriteConversations));
  EXPECT_FALSE(RoleAllows(Role::kManager, Permission::kReadAuditLog));
  EXPECT_TRUE(RoleAllows(Role::kManager, Permission::kManageDirectory));
  EXPECT_TRUE(RoleAllows(Role::kPrivacyOfficer, Permission::kExportCustomerData));
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Permission::kExportCustomerData));
  EXPECT_FALSE(RoleAllows(Role::kManager, Permission::kExportCustomerData));
  EXPECT_FALSE(RoleAllows(Role::kAgent, Permission::kExportCustomerData));
  EXPECT_FALSE(RoleAllows(Role::kAccountManager, Permission::kExportCustomerData));
}

TEST(NextStatusTest, MessagesMoveTheBall) {
  using S = ConversationStatus;
  EXPECT_EQ(NextStatusAfterMessage(S::kNew, Direction::kOut, false), S::kWaitingOnCustomer);
  EXPECT_EQ(NextStatusAfterMessage(S::kWaitingOnCustomer, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kResolved, Direction::kIn, false), S::kWaitingOnUs);
  EXPECT_EQ(NextStatusAfterMessage(S::kOpen, Direction::kOut, true), S::kOpen);
}

TEST(EnumsTest, NamesRoundTrip) {
  for (auto s : {"new", "open", "waiting_on_customer", "waiting_on_us", "resolved", "closed"})
    EXPECT_EQ(ToString(*Parse<ConversationStatus>(s)), s);
  EXPECT_FALSE(Parse<Channel>("fax").has_value());
  EXPECT_FALSE(Parse<Role>("Admin").has_value());
}

}  // namespace
}  // namespace luister
