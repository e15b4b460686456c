#include "domain/permissions.h"

namespace luister {

namespace {

constexpr bool RowsFollowTheEnum() {
  for (size_t i = 0; i < kPermissionTable.size(); ++i)
    if (static_cast<size_t>(kPermissionTable[i].permission) != i) return false;
  return true;
}
static_assert(RowsFollowTheEnum(), "one row per permission, in enum order");

const PermissionRow* Row(Permission p) {
  for (const auto& row : kPermissionTable)
    if (row.permission == p) return &row;
  return nullptr;
}

}  // namespace

bool RoleAllows(Role role, Permission p) {
  const PermissionRow* row = Row(p);
  return row && (row->roles & RoleBit(role)) != 0;
}

std::vector<Permission> PermissionsOf(Role role) {
  std::vector<Permission> out;
  for (const auto& row : kPermissionTable)
    if (row.roles & RoleBit(role)) out.push_back(row.permission);
  return out;
}

std::string_view ToString(Permission v) {
  const PermissionRow* row = Row(v);
  return row ? row->name : "unknown";
}

template <>
std::optional<Permission> Parse<Permission>(std::string_view s) {
  for (const auto& row : kPermissionTable)
    if (row.name == s) return row.permission;
  return std::nullopt;
}

}  // namespace luister
