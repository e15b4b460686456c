// A department's opening hours over each engine: what is put is what is
// read back, to the span and the date; a department without hours has
// none; an unknown department is refused; removing makes it always open.
#include <gtest/gtest.h>

#include "contract_test.h"
#include "domain/opening_hours.h"

namespace luister::contract {
namespace {

class OpeningHoursContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<OpeningHoursRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
  }
  OpeningHoursRepository* repo_ = nullptr;
};

TEST_P(OpeningHoursContract, WhatIsPutIsReadBackAndRemovedOnce) {
  const int64_t dept = MakeDepartment("Klantenservice");
  const int64_t admin = MakeUser("planner@desk.example");
  auto none = repo_->Get(dept);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_FALSE(*none) << "no hours: always open";

  OpeningHours h;
  h.time_zone = "Europe/Amsterdam";
  h.week[0] = {{9 * 60, 12 * 60 + 30}, {13 * 60 + 30, 17 * 60}};
  h.week[4] = {{20 * 60, 24 * 60}};
  h.week[5] = {{0, 2 * 60}};
  h.closed_dates = {"2026-12-24", "2026-12-31"};
  h.public_holidays = "NL";
  h.updated_at = FromMillis(1'780'000'000'000);
  h.updated_by = admin;
  ASSERT_TRUE(repo_->Put(dept, h).ok());
  auto got = repo_->Get(dept);
  ASSERT_TRUE(got.ok() && *got) << got.status().ToString();
  EXPECT_EQ((*got)->time_zone, "Europe/Amsterdam");
  EXPECT_EQ((*got)->week, h.week);
  EXPECT_EQ((*got)->closed_dates, h.closed_dates);
  EXPECT_EQ((*got)->public_holidays, "NL");
  EXPECT_EQ((*got)->updated_at, h.updated_at);
  EXPECT_EQ((*got)->updated_by, admin);

  // A second put replaces the first as a whole.
  OpeningHours closed;
  closed.time_zone = "Asia/Tokyo";
  ASSERT_TRUE(repo_->Put(dept, closed).ok());
  got = repo_->Get(dept);
  ASSERT_TRUE(got.ok() && *got);
  EXPECT_EQ((*got)->time_zone, "Asia/Tokyo");
  for (const auto& day : (*got)->week) EXPECT_TRUE(day.empty());
  EXPECT_TRUE((*got)->closed_dates.empty());
  EXPECT_EQ((*got)->public_holidays, "");
  EXPECT_FALSE((*got)->updated_by);

  EXPECT_EQ(repo_->Put(987654, h).code(), StatusCode::kNotFound);
  EXPECT_TRUE(*repo_->Remove(dept));
  EXPECT_FALSE(*repo_->Remove(dept)) << "already always open";
  EXPECT_FALSE(*repo_->Get(dept));
  auto calendar = CalendarOf(repo_, dept);
  ASSERT_TRUE(calendar.ok());
  EXPECT_TRUE(calendar->always_open());
}

LUISTER_CONTRACT_ENGINES(OpeningHoursContract);

}  // namespace
}  // namespace luister::contract
