#include "domain/permissions.h"

namespace luister {

bool RoleAllows(Role role, Permission p) {
  using P = Permission;
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kManager:
      return p != P::kManageUsers && p != P::kManageApiTokens && p != P::kReadAuditLog &&
             p != P::kExportCustomerData;
    case Role::kAgent:
    case Role::kAccountManager:
      return p == P::kReadCustomers || p == P::kWriteCustomers || p == P::kReadConversations ||
             p == P::kWriteConversations || p == P::kSearch || p == P::kReadDirectory ||
             (role == Role::kAccountManager && p == P::kMergeCustomers);
    case Role::kPrivacyOfficer:
      // Reads personal data for subject requests and audits; does not work tickets.
      return p == P::kReadCustomers || p == P::kReadConversations || p == P::kSearch ||
             p == P::kReadDirectory || p == P::kReadAuditLog || p == P::kExportCustomerData;
  }
  return false;
}

}  // namespace luister
