// Rules that used to sit in handlers or storage: who may see a job, which
// customer a subject access export is made of, what an administrator may
// change on an account, and the customer plans storage persists.
#include <gtest/gtest.h>

#include "domain/customer.h"
#include "domain/directory.h"
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

TEST(CheckPasswordTest, OneRuleForEveryPath) {
  EXPECT_EQ(CheckPassword("short"), "must be at least 10 characters");
  EXPECT_EQ(CheckPasswordLength(std::string(9, 'x')), "must be at least 10 characters");
  EXPECT_EQ(CheckPasswordLength(std::string(10, 'x')), std::nullopt);
  EXPECT_EQ(CheckPasswordLength(std::string(1024, 'x')), std::nullopt);
  EXPECT_EQ(CheckPasswordLength(std::string(1025, 'x')), "must be at most 1024 bytes");
  // Characters, not bytes: five e-acutes are ten bytes but five characters.
  EXPECT_EQ(CheckPasswordLength("\u00e9\u00e9\u00e9\u00e9\u00e9"),
            "must be at least 10 characters");
  EXPECT_EQ(CheckPasswordLength("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"),
            std::nullopt);
}

TEST(CheckPasswordTest, EasyToGuessIsRefused) {
  for (std::string weak : {"aaaaaaaaaa", "1234567890", "password12", "Wachtwoord1", "welkom123456",
                           "qwertyuiop", "Feyenoord1908"})
    EXPECT_TRUE(CheckPassword(weak).has_value()) << weak;
  // The account's own address and name are guessable too.
  PasswordContext anna{"anna.devries@bakkerij.nl", "Anna de Vries"};
  EXPECT_TRUE(CheckPassword("anna.devries@bakkerij.nl", anna).has_value());
  EXPECT_TRUE(CheckPassword("AnnaDeVries2026", anna).has_value());
  EXPECT_FALSE(CheckPassword("AnnaDeVries2026").has_value()) << "without context it is a name";
  for (std::string strong :
       {"correct horse battery staple", "paarse-olifant-fietst-7", "welkom-bij-luister"})
    EXPECT_EQ(CheckPassword(strong, anna), std::nullopt) << strong;
}

TEST(CheckUserChangeTest, NobodyDemotesOrDisablesThemselves) {
  User admin;
  admin.id = 1;
  admin.role = Role::kAdmin;
  auto errors = [&](int64_t target, const UserPatch& p, std::optional<std::string> pw = {}) {
    User who;
    who.id = target;
    who.email = "pim@example.nl";
    who.name = "Pim Pietersen";
    std::vector<FieldError> out;
    CheckUserChange(admin, who, p, pw, &out);
    std::vector<std::string> fields;
    for (const auto& e : out) fields.push_back(e.field);
    return fields;
  };
  UserPatch demote;
  demote.role = Role::kAgent;
  EXPECT_EQ(errors(1, demote), std::vector<std::string>{"role"});
  EXPECT_TRUE(errors(2, demote).empty()) << "demoting someone else is allowed";
  UserPatch disable;
  disable.active = false;
  EXPECT_EQ(errors(1, disable), std::vector<std::string>{"role"});
  UserPatch stay;
  stay.role = Role::kAdmin;
  stay.active = true;
  EXPECT_TRUE(errors(1, stay).empty());
  UserPatch blank;
  blank.name = "  ";
  EXPECT_EQ(errors(2, blank, std::string("kort")), (std::vector<std::string>{"name", "password"}));
  UserPatch none;
  EXPECT_EQ(errors(2, none, std::string("PimPietersen1")), std::vector<std::string>{"password"})
      << "the target's own name";
  EXPECT_TRUE(errors(2, none, std::string("paarse-olifant-fietst-7")).empty());
}

TEST(CustomerPlanTest, MergedAwayCustomersAreNotChangedOrMergedAgain) {
  Customer c;
  c.id = 4;
  c.kind = CustomerKind::kOrganisation;
  c.name = "Bakkerij Jansen";
  const Timestamp at(std::chrono::milliseconds(5000));
  CustomerPatch rename;
  rename.name = "Bakkerij Jansen BV";
  auto next = PlanCustomerUpdate(c, rename, at);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->name, "Bakkerij Jansen BV");
  EXPECT_EQ(next->updated_at, at);
  EXPECT_EQ(c.name, "Bakkerij Jansen") << "a plan leaves its input alone";

  CustomerPatch join;
  join.organisation_id = 9;
  auto refused = PlanCustomerUpdate(c, join, at);
  ASSERT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().fields().at(0).field, "organisation_id");

  Customer target;
  target.id = 7;
  target.name = "Jansen Holding";
  auto merge = PlanMerge(c, target, 2, at);
  ASSERT_TRUE(merge.ok());
  EXPECT_EQ(merge->record.source_name, "Bakkerij Jansen");
  EXPECT_EQ(merge->record.moved_identities, 0) << "storage counts what it moves";
  ASSERT_EQ(merge->activities.size(), 1u);
  EXPECT_EQ(merge->activities[0].customer_id, 7);
  EXPECT_EQ(merge->activities[0].kind, ActivityKind::kMerged);

  c.merged_into_id = 7;
  EXPECT_EQ(PlanCustomerUpdate(c, rename, at).status().code(), StatusCode::kConflict);
  EXPECT_EQ(PlanMerge(c, target, 2, at).status().code(), StatusCode::kConflict);
  EXPECT_EQ(PlanMerge(target, target, 2, at).status().code(), StatusCode::kConflict);
}

}  // namespace
}  // namespace luister
