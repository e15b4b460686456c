// Promises over each engine (domain/promise.h with its repository): made
// with their first history line and timeline entry; changed only from the
// version the change saw; listed by due moment with the live ones and the
// overdue apart; moved along when their customer is merged.
#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/customer_service.h"
#include "domain/opening_hours.h"
#include "domain/promise.h"

namespace luister::contract {
namespace {

class PromiseContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<PromiseRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<PromiseService>(*store_, *repo_, clock_);
    agent_ = MakeUser("belofte@desk.example");
    customer_ = MakeCustomer("Belofte Klant");
  }
  int64_t MakeCustomer(const std::string& name) {
    NewCustomer c;
    c.name = name;
    auto made = store_->customers().Create(c);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? made->id : 0;
  }
  Promise Make(std::optional<Timestamp> due, PromiseParty by = PromiseParty::kUs) {
    NewPromise p;
    p.customer_id = customer_;
    p.kind = PromiseKind::kCallback;
    p.what = "Terugbellen";
    p.by = by;
    p.due_end = due;
    auto made = service_->Make(p, agent_);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? *made : Promise{};
  }

  ManualClock clock_{FromMillis(1'790'000'000'000)};
  PromiseRepository* repo_ = nullptr;
  std::unique_ptr<PromiseService> service_;
  int64_t agent_ = 0;
  int64_t customer_ = 0;
};

TEST_P(PromiseContract, ChangesNeedTheVersionTheySawAndLeaveAHistory) {
  const Timestamp tomorrow = clock_.Now() + std::chrono::hours(24);
  Promise p = Make(tomorrow);
  EXPECT_EQ(p.owner_user_id, agent_);
  EXPECT_EQ(p.version, 1);
  clock_.Advance(std::chrono::hours(1));
  auto moved = service_->Renegotiate(p.id, 1, std::nullopt, tomorrow + std::chrono::hours(24),
                                     "later", agent_);
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->original_due_end, tomorrow);
  EXPECT_EQ(moved->status, PromiseStatus::kRenegotiated);
  EXPECT_EQ(service_->Break(p.id, 1, "", agent_).status().code(), StatusCode::kConflict);
  auto broken = service_->Break(p.id, 2, "niet gelukt", agent_);
  ASSERT_TRUE(broken.ok());
  EXPECT_EQ(broken->closed_at, clock_.Now());
  EXPECT_EQ(service_->Cancel(p.id, 3, "toch", agent_).status().code(), StatusCode::kConflict);

  auto history = repo_->History(p.id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 3u);
  EXPECT_EQ((*history)[1].action, "renegotiated");
  EXPECT_EQ((*history)[1].old_due_end, tomorrow);
  EXPECT_EQ((*history)[2].from_status, PromiseStatus::kRenegotiated);
  EXPECT_EQ((*history)[2].to_status, PromiseStatus::kBroken);
  auto timeline = store_->timeline().Timeline(customer_, {}, {.limit = 10});
  ASSERT_TRUE(timeline.ok());
  int entries = 0;
  for (const Activity& a : timeline->items) entries += a.kind == ActivityKind::kPromise;
  EXPECT_EQ(entries, 3);
}

TEST_P(PromiseContract, ListsByDueMomentAndMovesWithAMerge) {
  const Timestamp now = clock_.Now();
  Promise later = Make(now + std::chrono::hours(48));
  Promise soon = Make(now + std::chrono::hours(2));
  Promise asap = Make(std::nullopt, PromiseParty::kCustomer);
  PromiseFilter f;
  f.customer_id = customer_;
  auto page = repo_->List(f, {.limit = 2});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].id, soon.id);
  EXPECT_EQ(page->items[1].id, later.id);
  ASSERT_TRUE(page->next);
  auto rest = repo_->List(f, {.limit = 2, .after = page->next});
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].id, asap.id) << "no due moment: last";

  clock_.Advance(std::chrono::hours(3));
  PromiseFilter overdue;
  overdue.live_only = true;
  overdue.due_before = clock_.Now();
  auto late = repo_->List(overdue, {.limit = 10});
  ASSERT_TRUE(late.ok());
  ASSERT_EQ(late->items.size(), 1u);
  EXPECT_EQ(late->items[0].id, soon.id);

  const int64_t other = MakeCustomer("Samen Klant");
  CustomerService customers(*store_, clock_);
  ASSERT_TRUE(customers.Merge(customer_, other, agent_).ok());
  PromiseFilter theirs;
  theirs.customer_id = other;
  auto moved = repo_->List(theirs, {.limit = 10});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->items.size(), 3u);
  NewPromise on_gone;
  on_gone.customer_id = customer_;
  on_gone.what = "Iets";
  EXPECT_EQ(service_->Make(on_gone, agent_).status().code(), StatusCode::kInvalidArgument);
}

// Keeps what was published.
class Recorder : public EventPublisher {
 public:
  void Publish(const DomainEvent& e) override { events.push_back(e); }
  std::vector<DomainEvent> events;
};

TEST_P(PromiseContract, RemindersAndEscalationsGoOutOnceAndOnlyWithinOfficeHours) {
  // Monday 21 September 2026, 16:13 in Amsterdam; the department is open
  // weekdays 09:00-17:00.
  const int64_t dept = MakeDepartment("Service");
  auto hours = store_->Find<OpeningHoursRepository>();
  ASSERT_TRUE(hours.ok());
  OpeningHours h;
  for (int d = 0; d < 5; ++d) h.week[d] = {{9 * 60, 17 * 60}};
  ASSERT_TRUE((*hours)->Put(dept, h).ok());
  NewUser lead;
  lead.email = "teamleider@desk.example";
  lead.name = "Teamleider";
  lead.role = Role::kManager;
  lead.department_id = dept;
  lead.password_hash = "hash";
  auto manager = store_->directory().CreateUser(lead, clock_.Now());
  ASSERT_TRUE(manager.ok()) << manager.status().ToString();
  Recorder events;
  PromiseService service(*store_, *repo_, clock_, &events);
  auto make = [&](std::chrono::minutes in) {
    NewPromise p;
    p.customer_id = customer_;
    p.kind = PromiseKind::kCallback;
    p.what = "Terugbellen";
    p.due_end = clock_.Now() + in;
    p.owner_department_id = dept;
    auto made = service.Make(p, agent_);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? *made : Promise{};
  };
  const Promise soon = make(std::chrono::minutes(30));
  events.events.clear();

  auto sent = service.RunReminders();
  ASSERT_TRUE(sent.ok()) << sent.status().ToString();
  EXPECT_EQ(*sent, std::make_pair(1, 0));
  ASSERT_EQ(events.events.size(), 1u);
  EXPECT_EQ(events.events[0].type, EventType::kPromiseDue);
  EXPECT_EQ(events.events[0].user_id, agent_);
  EXPECT_EQ(*service.RunReminders(), std::make_pair(0, 0)) << "once";

  clock_.Advance(std::chrono::minutes(40));  // 16:53: overdue
  EXPECT_EQ(*service.RunReminders(), std::make_pair(0, 1));
  ASSERT_EQ(events.events.size(), 2u);
  EXPECT_EQ(events.events[1].type, EventType::kPromiseOverdue);
  EXPECT_EQ(events.events[1].user_id, manager->id) << "escalated to the department's manager";
  EXPECT_EQ(*service.RunReminders(), std::make_pair(0, 0)) << "once";

  // Due at 17:03, after closing: nothing at night; the escalation waits
  // for the morning, without a reminder for what is already past.
  make(std::chrono::minutes(10));
  clock_.Advance(std::chrono::hours(1));  // 17:53, closed
  EXPECT_EQ(*service.RunReminders(), std::make_pair(0, 0));
  clock_.Advance(std::chrono::hours(15) + std::chrono::minutes(12));  // Tuesday 09:05
  EXPECT_EQ(*service.RunReminders(), std::make_pair(0, 1));

  auto counts = repo_->CountLive(clock_.Now());
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(*counts, std::make_pair(int64_t{2}, int64_t{2}));
  EXPECT_NE(soon.id, 0);
}

LUISTER_CONTRACT_ENGINES(PromiseContract);

}  // namespace
}  // namespace luister::contract
