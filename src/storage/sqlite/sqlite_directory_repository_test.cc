#include <gtest/gtest.h>

#include "storage/sqlite/store_fixture.h"

namespace luister::sqlite {
namespace {

using DirectoryRepoTest = StoreTest;

TEST_F(DirectoryRepoTest, DepartmentsAndQueues) {
  int64_t support = MakeDepartment("Support");
  int64_t sales = MakeDepartment("Sales");
  auto q1 = store_->directory().CreateQueue(support, "First line", T(1));
  auto q2 = store_->directory().CreateQueue(sales, "Leads", T(1));
  ASSERT_TRUE(q1.ok() && q2.ok());
  EXPECT_EQ(store_->directory().CreateQueue(999, "x", T(1)).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->directory().ListDepartments()->size(), 2u);
  EXPECT_EQ(store_->directory().ListQueues(std::nullopt)->size(), 2u);
  auto sales_queues = store_->directory().ListQueues(sales);
  ASSERT_EQ(sales_queues->size(), 1u);
  EXPECT_EQ((*sales_queues)[0].name, "Leads");
  EXPECT_EQ(store_->directory().GetQueue(q1->id)->department_id, support);
  EXPECT_EQ(store_->directory().GetDepartment(999).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->directory().GetQueue(999).status().code(), StatusCode::kNotFound);
}

TEST_F(DirectoryRepoTest, UsersHaveUniqueLowerCaseEmail) {
  int64_t dept = MakeDepartment();
  NewUser u;
  u.email = "Anna@Example.COM";
  u.name = "Anna";
  u.role = Role::kManager;
  u.department_id = dept;
  u.password_hash = "argon";
  auto created = store_->directory().CreateUser(u, T(1));
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->email, "anna@example.com");
  EXPECT_EQ(created->role, Role::kManager);
  EXPECT_TRUE(created->active);

  u.email = "ANNA@example.com";
  EXPECT_EQ(store_->directory().CreateUser(u, T(2)).status().code(), StatusCode::kConflict);
  EXPECT_EQ(*store_->directory().CountUsers(), 1);

  auto creds = store_->directory().FindCredentials("anna@EXAMPLE.com");
  ASSERT_TRUE(creds.ok());
  ASSERT_TRUE(creds->has_value());
  EXPECT_EQ((*creds)->user_id, created->id);
  EXPECT_EQ((*creds)->password_hash, "argon");
  EXPECT_FALSE(store_->directory().FindCredentials("bob@example.com")->has_value());

  ASSERT_TRUE(store_->directory().SetPasswordHash(created->id, "argon2").ok());
  EXPECT_EQ((*store_->directory().FindCredentials("anna@example.com"))->password_hash, "argon2");
  EXPECT_EQ(store_->directory().SetPasswordHash(999, "x").code(), StatusCode::kNotFound);

  UserPatch p;
  p.active = false;
  p.clear_department = true;
  p.role = Role::kAdmin;
  auto updated = store_->directory().UpdateUser(created->id, p);
  ASSERT_TRUE(updated.ok());
  EXPECT_FALSE(updated->active);
  EXPECT_FALSE(updated->department_id);
  auto got = store_->directory().GetUser(created->id);
  EXPECT_EQ(got->role, Role::kAdmin);
  EXPECT_FALSE((*store_->directory().FindCredentials("anna@example.com"))->active);
  EXPECT_EQ(store_->directory().UpdateUser(999, p).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->directory().ListUsers()->size(), 1u);
}

}  // namespace
}  // namespace luister::sqlite
