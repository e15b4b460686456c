#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "domain/enums.h"

namespace luister {

// What each role may do. Every endpoint names the permission it needs; the
// one table in permissions.cc lists, per permission, exactly the roles that
// hold it (an allow-list: a new permission reaches nobody until its row
// names roles). docs/openapi.yaml repeats the table for API users.
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
};
// Keep in step with the last enumerator.
inline constexpr int kPermissionCount = static_cast<int>(Permission::kExportCustomerData) + 1;

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
