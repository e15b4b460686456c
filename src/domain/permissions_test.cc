#include "domain/permissions.h"

#include <gtest/gtest.h>

#include <array>
#include <regex>
#include <set>
#include <string>

namespace luister {
namespace {

constexpr std::array<Role, 6> kRoles{Role::kAdmin,          Role::kManager,
                                     Role::kAgent,          Role::kAccountManager,
                                     Role::kPrivacyOfficer, Role::kPhoneIntegration};

// The expected grants, written out independently of permissions.h. Columns:
// admin, manager, agent, account_manager, privacy_officer, phone_integration ('x' = allowed,
// '-' = refused).
struct ExpectedRow {
  Permission permission;
  const char* roles;
};
// clang-format off
constexpr std::array<ExpectedRow, 17> kExpected{{
    //                                       admin manager agent account_manager privacy_officer phone_integration
    {Permission::kReadCustomers,            "x     x       x     x               x               -"},
    {Permission::kWriteCustomers,           "x     x       x     x               -               -"},
    {Permission::kMergeCustomers,           "x     x       -     x               -               -"},
    {Permission::kReadConversations,        "x     x       x     x               x               -"},
    {Permission::kWriteConversations,       "x     x       x     x               -               -"},
    {Permission::kSearch,                   "x     x       x     x               x               -"},
    {Permission::kReadDirectory,            "x     x       x     x               x               -"},
    {Permission::kManageDirectory,          "x     x       -     -               -               -"},
    {Permission::kManageUsers,              "x     -       -     -               -               -"},
    {Permission::kManageApiTokens,          "x     -       -     -               -               -"},
    {Permission::kReadAuditLog,             "x     -       -     -               x               -"},
    {Permission::kExportCustomerData,       "x     -       -     -               x               -"},
    {Permission::kManageChannels,           "x     -       -     -               -               -"},
    {Permission::kPostCalls,                "x     -       -     -               -               x"},
    {Permission::kPublishAnswers,           "x     x       -     -               -               -"},
    {Permission::kPlanStaffing,             "x     x       -     -               -               -"},
    {Permission::kManageTopics,             "x     x       -     -               -               -"},
}};
// clang-format on
static_assert(kExpected.size() == kPermissionCount, "a row for every permission");

// The marks of one row, in kRoles order.
std::array<bool, 6> Marks(const char* roles) {
  std::array<bool, 6> out{};
  size_t n = 0;
  for (const char* c = roles; *c; ++c) {
    if (*c == ' ') continue;
    EXPECT_TRUE(*c == 'x' || *c == '-') << roles;
    if (n < out.size()) out[n] = *c == 'x';
    ++n;
  }
  EXPECT_EQ(n, out.size()) << roles;
  return out;
}

TEST(PermissionsTest, EveryRoleAndPermissionCellMatchesTheExpectedMatrix) {
  std::set<Permission> seen;
  int cells = 0;
  for (const auto& row : kExpected) {
    EXPECT_TRUE(seen.insert(row.permission).second) << ToString(row.permission) << " twice";
    auto marks = Marks(row.roles);
    for (size_t i = 0; i < kRoles.size(); ++i) {
      EXPECT_EQ(RoleAllows(kRoles[i], row.permission), marks[i])
          << ToString(kRoles[i]) << " × " << ToString(row.permission);
      ++cells;
    }
  }
  EXPECT_EQ(cells, 6 * kPermissionCount);
}

TEST(PermissionsTest, PermissionsOfListsTheRolesColumnInTableOrder) {
  for (size_t i = 0; i < kRoles.size(); ++i) {
    std::vector<Permission> expected;
    for (const auto& row : kExpected)
      if (Marks(row.roles)[i]) expected.push_back(row.permission);
    EXPECT_EQ(PermissionsOf(kRoles[i]), expected) << ToString(kRoles[i]);
  }
}

TEST(PermissionsTest, AnUnknownPermissionIsAllowedToNobody) {
  auto unknown = static_cast<Permission>(kPermissionCount);
  for (Role role : kRoles) EXPECT_FALSE(RoleAllows(role, unknown)) << ToString(role);
  EXPECT_EQ(ToString(unknown), "unknown");
}

TEST(PermissionsTest, WireNamesRoundTripAndAreUnique) {
  static const std::regex kSnakeCase("[a-z]+(_[a-z]+)*");
  std::set<std::string_view> names;
  for (int i = 0; i < kPermissionCount; ++i) {
    auto p = static_cast<Permission>(i);
    std::string_view name = ToString(p);
    EXPECT_TRUE(std::regex_match(std::string(name), kSnakeCase)) << name;
    EXPECT_TRUE(names.insert(name).second) << "duplicate name " << name;
    EXPECT_EQ(Parse<Permission>(name), p) << name;
  }
  EXPECT_EQ(ToString(Permission::kReadCustomers), "read_customers");
  EXPECT_EQ(ToString(Permission::kExportCustomerData), "export_customer_data");
  EXPECT_FALSE(Parse<Permission>("ReadCustomers").has_value());
  EXPECT_FALSE(Parse<Permission>("unknown").has_value());
  EXPECT_FALSE(Parse<Permission>("").has_value());
}

}  // namespace
}  // namespace luister
