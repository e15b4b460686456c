// Rules that used to sit in handlers: who may see a job, and which customer
// a subject access export is made of.
#include <gtest/gtest.h>

#include "domain/customer.h"
#include "domain/jobs.h"

namespace luister {
namespace {

TEST(MaySeeJobTest, TheRequesterAndAdministratorsOnly) {
  JobRecord job;
  job.created_by = 7;
  auto user = [](int64_t id, Role role) {
    User u;
    u.id = id;
    u.role = role;
    return u;
  };
  User requester = user(7, Role::kPrivacyOfficer);
  User colleague = user(8, Role::kPrivacyOfficer);
  User admin = user(1, Role::kAdmin);
  EXPECT_TRUE(MaySeeJob(requester, job));
  EXPECT_FALSE(MaySeeJob(colleague, job)) << "an export holds another person's data";
  EXPECT_TRUE(MaySeeJob(admin, job));
  job.created_by.reset();  // started by the system
  EXPECT_FALSE(MaySeeJob(requester, job));
  EXPECT_TRUE(MaySeeJob(admin, job));
}

TEST(CheckExportableTest, AMergedAwayCustomerPointsToTheOneThatHoldsTheData) {
  Customer c;
  c.id = 4;
  EXPECT_TRUE(CheckExportable(c).ok());
  c.merged_into_id = 9;
  Status s = CheckExportable(c);
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  EXPECT_NE(s.message().find("merged into customer 9"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace luister
