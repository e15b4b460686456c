#pragma once

#include "domain/enums.h"

namespace luister {

// What each role may do. The one table is in permissions.cc; every endpoint
// names the permission it needs, so a role change is a one-line change here.
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

bool RoleAllows(Role role, Permission permission);

}  // namespace luister
