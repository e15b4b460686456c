#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/enums.h"

namespace luister {

// What each role may do. Every endpoint names the permission it needs; the
// one table below lists, per permission, exactly the roles that hold it (an
// allow-list: a new permission reaches nobody until its row names roles).
// docs/openapi.yaml repeats the table for API users.
enum class Permission {
  kReadCustomers,   // customer records and timelines (personal data: audit-logged)
  kWriteCustomers,  // create and edit customers and identities
  kMergeCustomers,
  kReadConversations,   // conversations, messages, notes
  kWriteConversations,  // reply, note, assign, transfer, status
  kSearch,
  kReadDirectory,    // departments, queues, users (names and roles)
  kManageDirectory,  // create departments and queues
  kManageUsers,      // create users, change roles
  kManageApiTokens,
  kReadAuditLog,
  kExportCustomerData,  // subject access exports: everything held about one customer
  kManageChannels,      // mailboxes and their passwords, the mail quarantine
  kPostCalls,           // a telephone system reports calls (the phone webhook)
  kPublishAnswers,      // approve and publish canonical answers, retire them
  kPlanStaffing,        // enter and import the shifts the staffing plan counts
  kManageTopics,        // define topics, accept, merge and split candidates, train
};
// Keep in step with the last enumerator.
inline constexpr int kPermissionCount = static_cast<int>(Permission::kManageTopics) + 1;

// A set of roles, one bit per Role.
using RoleSet = uint32_t;
constexpr RoleSet RoleBit(Role r) { return RoleSet{1} << static_cast<int>(r); }
template <typename... R>
constexpr RoleSet Roles(R... roles) {
  return (RoleBit(roles) | ... | RoleSet{0});
}

struct PermissionRow {
  Permission permission;
  std::string_view name;  // the wire name
  RoleSet roles;          // exactly the roles that hold it
};

// The one role table: each permission with exactly the roles that hold it,
// one row per permission in enum order (a static_assert in permissions.cc). A role
// is allowed only what a row names it for; a value outside the table is
// allowed to nobody. A new permission is an enumerator above and a row here.
inline constexpr std::array<PermissionRow, kPermissionCount> kPermissionTable{{
    {Permission::kReadCustomers, "read_customers",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager,
           Role::kPrivacyOfficer)},
    {Permission::kWriteCustomers, "write_customers",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager)},
    {Permission::kMergeCustomers, "merge_customers",
     Roles(Role::kAdmin, Role::kManager, Role::kAccountManager)},
    {Permission::kReadConversations, "read_conversations",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager,
           Role::kPrivacyOfficer)},
    {Permission::kWriteConversations, "write_conversations",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager)},
    {Permission::kSearch, "search",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager,
           Role::kPrivacyOfficer)},
    {Permission::kReadDirectory, "read_directory",
     Roles(Role::kAdmin, Role::kManager, Role::kAgent, Role::kAccountManager,
           Role::kPrivacyOfficer)},
    {Permission::kManageDirectory, "manage_directory", Roles(Role::kAdmin, Role::kManager)},
    {Permission::kManageUsers, "manage_users", Roles(Role::kAdmin)},
    {Permission::kManageApiTokens, "manage_api_tokens", Roles(Role::kAdmin)},
    {Permission::kReadAuditLog, "read_audit_log", Roles(Role::kAdmin, Role::kPrivacyOfficer)},
    // Privacy officers answer subject requests; managers do not.
    {Permission::kExportCustomerData, "export_customer_data",
     Roles(Role::kAdmin, Role::kPrivacyOfficer)},
    // Channel settings hold other servers' passwords; quarantined mail is
    // unread personal data.
    {Permission::kManageChannels, "manage_channels", Roles(Role::kAdmin)},
    // The telephone system's service account, and admins who test it; the
    // account can do nothing else.
    {Permission::kPostCalls, "post_calls", Roles(Role::kAdmin, Role::kPhoneIntegration)},
    {Permission::kPublishAnswers, "publish_answers", Roles(Role::kAdmin, Role::kManager)},
    {Permission::kPlanStaffing, "plan_staffing", Roles(Role::kAdmin, Role::kManager)},
    {Permission::kManageTopics, "manage_topics", Roles(Role::kAdmin, Role::kManager)},
}};

bool RoleAllows(Role role, Permission permission);

// The permissions `role` holds, in table order (the order above); the
// session endpoint sends them so that clients need no copy of the table.
std::vector<Permission> PermissionsOf(Role role);

// Stable lower_snake_case wire names ("read_customers"); Parse returns
// nullopt for unknown names.
std::string_view ToString(Permission v);
template <>
std::optional<Permission> Parse<Permission>(std::string_view s);

}  // namespace luister
