// The DirectoryRepository contract, on every engine.
#include "contract_test.h"

namespace luister::contract {
namespace {

class DirectoryContract : public ContractTest {
 protected:
  DirectoryRepository& dir() { return store_->directory(); }
  int64_t Department(const std::string& name) { return MakeDepartment(name); }
};

TEST_P(DirectoryContract, DepartmentsAndQueues) {
  int64_t support = Department("Support");
  int64_t sales = Department("Sales");
  auto q1 = dir().CreateQueue(support, "First line", T(1));
  auto q2 = dir().CreateQueue(sales, "Leads", T(1));
  ASSERT_TRUE(q1.ok() && q2.ok());
  EXPECT_EQ(dir().CreateQueue(999, "x", T(1)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(dir().ListDepartments()->size(), 2u);
  EXPECT_EQ(dir().ListQueues(std::nullopt)->size(), 2u);
  auto sales_queues = dir().ListQueues(sales);
  ASSERT_EQ(sales_queues->size(), 1u);
  EXPECT_EQ((*sales_queues)[0].name, "Leads");
  EXPECT_EQ(dir().GetQueue(q1->id)->department_id, support);
  EXPECT_EQ(dir().GetDepartment(999).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(dir().GetQueue(999).status().code(), StatusCode::kNotFound);
}

TEST_P(DirectoryContract, UsersHaveUniqueLowerCaseEmail) {
  int64_t dept = Department("Support");
  NewUser u;
  u.email = "Anna@Example.COM";
  u.name = "Anna";
  u.role = Role::kManager;
  u.department_id = dept;
  u.password_hash = "argon";
  auto created = dir().CreateUser(u, T(1));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->email, "anna@example.com");
  EXPECT_EQ(created->role, Role::kManager);
  EXPECT_TRUE(created->active);

  u.email = "ANNA@example.com";
  EXPECT_EQ(dir().CreateUser(u, T(2)).status().code(), StatusCode::kConflict);
  EXPECT_EQ(*dir().CountUsers(), 1);

  auto creds = dir().FindCredentials("anna@EXAMPLE.com");
  ASSERT_TRUE(creds.ok());
  ASSERT_TRUE(creds->has_value());
  EXPECT_EQ((*creds)->user_id, created->id);
  EXPECT_EQ((*creds)->password_hash, "argon");
  EXPECT_FALSE(dir().FindCredentials("bob@example.com")->has_value());

  ASSERT_TRUE(dir().SetPasswordHash(created->id, "argon2").ok());
  EXPECT_EQ((*dir().FindCredentials("anna@example.com"))->password_hash, "argon2");
  EXPECT_EQ(dir().SetPasswordHash(999, "x").code(), StatusCode::kNotFound);

  UserPatch p;
  p.active = false;
  p.clear_department = true;
  p.role = Role::kAdmin;
  auto updated = dir().UpdateUser(created->id, [&](const User& u) { return PlanUserUpdate(u, p); });
  ASSERT_TRUE(updated.ok());
  EXPECT_FALSE(updated->active);
  EXPECT_FALSE(updated->department_id);
  auto got = dir().GetUser(created->id);
  EXPECT_EQ(got->role, Role::kAdmin);
  EXPECT_FALSE((*dir().FindCredentials("anna@example.com"))->active);
  EXPECT_EQ(
      dir().UpdateUser(999, [&](const User& u) { return PlanUserUpdate(u, p); }).status().code(),
      StatusCode::kNotFound);
  EXPECT_EQ(dir().ListUsers()->size(), 1u);
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(DirectoryContract);

}  // namespace
}  // namespace luister::contract
