#include "domain/permissions.h"

#include <array>
#include <cstdint>

namespace luister {

namespace {

using RoleSet = uint32_t;

template <typename... R>
constexpr RoleSet Roles(R... roles) {
  return ((RoleSet{1} << static_cast<int>(roles)) | ... | RoleSet{0});
}

struct PermissionRow {
  Permission permission;
  std::string_view name;
  RoleSet roles;
};

// The one role table: each permission with exactly the roles that hold it,
// one row per permission in enum order (checked below). A role is allowed
// only what a row names it for; a value outside the table is allowed to
// nobody.
using enum Role;
constexpr std::array<PermissionRow, kPermissionCount> kTable{{
    {Permission::kReadCustomers, "read_customers",
     Roles(kAdmin, kManager, kAgent, kAccountManager, kPrivacyOfficer)},
    {Permission::kWriteCustomers, "write_customers",
     Roles(kAdmin, kManager, kAgent, kAccountManager)},
    {Permission::kMergeCustomers, "merge_customers", Roles(kAdmin, kManager, kAccountManager)},
    {Permission::kReadConversations, "read_conversations",
     Roles(kAdmin, kManager, kAgent, kAccountManager, kPrivacyOfficer)},
    {Permission::kWriteConversations, "write_conversations",
     Roles(kAdmin, kManager, kAgent, kAccountManager)},
    {Permission::kSearch, "search",
     Roles(kAdmin, kManager, kAgent, kAccountManager, kPrivacyOfficer)},
    {Permission::kReadDirectory, "read_directory",
     Roles(kAdmin, kManager, kAgent, kAccountManager, kPrivacyOfficer)},
    {Permission::kManageDirectory, "manage_directory", Roles(kAdmin, kManager)},
    {Permission::kManageUsers, "manage_users", Roles(kAdmin)},
    {Permission::kManageApiTokens, "manage_api_tokens", Roles(kAdmin)},
    {Permission::kReadAuditLog, "read_audit_log", Roles(kAdmin, kPrivacyOfficer)},
    // Privacy officers answer subject requests; managers do not.
    {Permission::kExportCustomerData, "export_customer_data", Roles(kAdmin, kPrivacyOfficer)},
}};

constexpr bool RowsFollowTheEnum() {
  for (size_t i = 0; i < kTable.size(); ++i)
    if (static_cast<size_t>(kTable[i].permission) != i) return false;
  return true;
}
static_assert(RowsFollowTheEnum(), "one row per permission, in enum order");

const PermissionRow* Row(Permission p) {
  for (const auto& row : kTable)
    if (row.permission == p) return &row;
  return nullptr;
}

}  // namespace

bool RoleAllows(Role role, Permission p) {
  const PermissionRow* row = Row(p);
  return row && (row->roles & Roles(role)) != 0;
}

std::vector<Permission> PermissionsOf(Role role) {
  std::vector<Permission> out;
  for (const auto& row : kTable)
    if (row.roles & Roles(role)) out.push_back(row.permission);
  return out;
}

std::string_view ToString(Permission v) {
  const PermissionRow* row = Row(v);
  return row ? row->name : "unknown";
}

template <>
std::optional<Permission> Parse<Permission>(std::string_view s) {
  for (const auto& row : kTable)
    if (row.name == s) return row.permission;
  return std::nullopt;
}

}  // namespace luister
