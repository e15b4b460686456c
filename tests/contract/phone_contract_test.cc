#include <gtest/gtest.h>

#include <set>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/phone_call.h"

namespace luister::contract {
namespace {

// The phone door over each engine: PhoneService's rules (customer by
// number, idempotent reports, the call back list) with the real repository.
class PhoneContractTest : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    auto found = store_->Find<CallRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    calls_ = *found;
    service_ = std::make_unique<PhoneService>(*store_, *calls_, clock_);
  }

  NewPhoneCall Report(const std::string& id, const std::string& from, CallOutcome outcome,
                      int64_t at_ms) {
    NewPhoneCall c;
    c.external_id = id;
    c.customer_number = from;
    c.desk_number = "020 123 4567";
    c.line = "support";
    c.outcome = outcome;
    c.started_at = T(at_ms);
    return c;
  }

  ManualClock clock_{T(1'000'000)};
  CallRepository* calls_ = nullptr;
  std::unique_ptr<PhoneService> service_;
};

TEST_P(PhoneContractTest, AReportFindsOrMakesTheCustomerByNumberAndIsIdempotent) {
  int64_t known = MakeCustomer("Anna de Vries");
  ASSERT_TRUE(
      store_->customers().AddIdentity(known, {IdentityKind::kPhone, "+31612345678"}, T(0)).ok());

  NewPhoneCall in = Report("pbx-1", "06 12345678", CallOutcome::kAnswered, 100);
  in.answered_at = T(100 + 42'000);
  in.ended_at = T(100 + 342'000);
  in.ivr_path = "1>3";
  in.recording_url = "https://pbx.example/rec/1.wav";
  auto first = service_->Record(in);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  EXPECT_EQ(first->call.customer_id, known) << "06 12345678 is +31612345678";
  EXPECT_EQ(first->call.customer_number, "+31612345678");
  EXPECT_EQ(first->call.desk_number, "+31201234567");
  EXPECT_EQ(first->call.wait_seconds, 42) << "from start to answer";
  EXPECT_EQ(first->call.TalkSeconds(), 300);
  EXPECT_EQ(first->call.callback, CallbackState::kNone);

  // The same report again (the PBX retried): the stored call, nothing new.
  in.ivr_path = "9";
  auto again = service_->Record(in);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->call.id, first->call.id);
  EXPECT_EQ(again->call.ivr_path, "1>3") << "a resent report changes nothing";

  auto timeline = store_->timeline().Timeline(known, {}, {});
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->items.size(), 1u) << "one entry, not one per delivery";
  const Activity& a = timeline->items[0];
  EXPECT_EQ(a.kind, ActivityKind::kCall);
  EXPECT_EQ(a.channel, Channel::kPhone);
  EXPECT_EQ(a.direction, Direction::kIn);
  EXPECT_EQ(a.params.Int("call_id"), first->call.id);
  EXPECT_EQ(a.params.Text("outcome"), "answered");
  EXPECT_EQ(a.params.Int("talk_seconds"), 300);

  // A number nobody has: a new customer, named by the number, Dutch for +31.
  auto stranger =
      service_->Record(Report("pbx-2", "+31 20 765 4321", CallOutcome::kAbandoned, 200));
  ASSERT_TRUE(stranger.ok()) << stranger.status().ToString();
  ASSERT_TRUE(stranger->call.customer_id);
  EXPECT_NE(*stranger->call.customer_id, known);
  auto made = store_->customers().Get(*stranger->call.customer_id);
  ASSERT_TRUE(made.ok());
  EXPECT_EQ(made->name, "020 765 4321");
  EXPECT_EQ(made->language, Language::kNl);
  ASSERT_EQ(made->identities.size(), 1u);
  EXPECT_EQ(made->identities[0].value, "+31207654321");

  // A withheld number is a call with no customer and nothing to call back.
  auto withheld = service_->Record(Report("pbx-3", "anonymous", CallOutcome::kAbandoned, 300));
  ASSERT_TRUE(withheld.ok()) << withheld.status().ToString();
  EXPECT_FALSE(withheld->call.customer_id);
  EXPECT_EQ(withheld->call.customer_number, "anonymous");
  EXPECT_EQ(withheld->call.callback, CallbackState::kNone);
}

TEST_P(PhoneContractTest, UnansweredCallersWaitInTheCallBackListUntilReached) {
  // Anna tries three times, Bert once (after Anna's first try).
  ASSERT_TRUE(service_->Record(Report("a1", "+31612345678", CallOutcome::kAbandoned, 1000)).ok());
  NewPhoneCall bert = Report("b1", "+31687654321", CallOutcome::kCallbackRequested, 2000);
  bert.wait_seconds = 15;
  ASSERT_TRUE(service_->Record(bert).ok());
  NewPhoneCall a2 = Report("a2", "+31612345678", CallOutcome::kAbandoned, 3000);
  a2.wait_seconds = 310;
  ASSERT_TRUE(service_->Record(a2).ok());
  auto a3 = service_->Record(Report("a3", "+31612345678", CallOutcome::kVoicemail, 4000));
  ASSERT_TRUE(a3.ok());
  // An answered call from someone else and our unanswered call out are no work.
  ASSERT_TRUE(service_->Record(Report("c1", "+31611111111", CallOutcome::kAnswered, 4500)).ok());

  auto list = calls_->ListCallbacks({});
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->items.size(), 2u);
  const CallbackItem& anna = list->items[0];
  EXPECT_EQ(anna.customer_number, "+31612345678") << "the longest waiting first";
  EXPECT_EQ(anna.attempts, 3);
  EXPECT_EQ(anna.first_at, T(1000));
  EXPECT_EQ(anna.last_at, T(4000));
  EXPECT_EQ(anna.longest_wait_seconds, 310);
  EXPECT_EQ(anna.last_call_id, a3->call.id);
  EXPECT_EQ(anna.last_outcome, CallOutcome::kVoicemail);
  EXPECT_EQ(anna.customer_name, "06 12345678");
  EXPECT_EQ(list->items[1].customer_number, "+31687654321");
  EXPECT_EQ(list->items[1].attempts, 1);
  auto count = calls_->CountOpenCallbacks();
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(*count, 2);

  // Pages: one number per page, in the same order.
  PageRequest one;
  one.limit = 1;
  auto p1 = calls_->ListCallbacks(one);
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->items.size(), 1u);
  ASSERT_TRUE(p1->next);
  one.after = p1->next;
  auto p2 = calls_->ListCallbacks(one);
  ASSERT_TRUE(p2.ok());
  ASSERT_EQ(p2->items.size(), 1u);
  EXPECT_EQ(p2->items[0].customer_number, "+31687654321");
  EXPECT_FALSE(p2->next);

  // An agent reaches Anna (a call out, logged by hand): her three are done.
  int64_t agent = MakeUser("agent@example.com");
  NewPhoneCall back;
  back.logged_by = agent;
  back.customer_id = anna.customer_id;
  back.direction = Direction::kOut;
  back.outcome = CallOutcome::kAnswered;
  back.duration_seconds = 120;
  back.notes = "Teruggebeld over de levering";
  auto logged = service_->Record(back);
  ASSERT_TRUE(logged.ok()) << logged.status().ToString();
  EXPECT_EQ(logged->call.customer_number, "+31612345678") << "the customer's number";
  EXPECT_EQ(logged->call.agent_id, agent);
  EXPECT_EQ(logged->callbacks_closed, 3);
  EXPECT_EQ(logged->call.TalkSeconds(), 120);

  list = calls_->ListCallbacks({});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].customer_number, "+31687654321");
  auto closed = calls_->Get(a3->call.id);
  ASSERT_TRUE(closed.ok());
  EXPECT_EQ(closed->callback, CallbackState::kDone);
  EXPECT_FALSE(closed->callback_closed_by) << "closed by the answered call, not by a person";

  // Bert is taken off by hand; a second close finds nothing open.
  auto by_hand = service_->CloseCallbacks("06 87654321", agent);
  ASSERT_TRUE(by_hand.ok()) << by_hand.status().ToString();
  EXPECT_EQ(*by_hand, 1);
  EXPECT_EQ(service_->CloseCallbacks("+31687654321", agent).status().code(), StatusCode::kNotFound);
  list = calls_->ListCallbacks({});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->items.empty());
}

TEST_P(PhoneContractTest, WrongReportsNameEveryFieldAndStoreNothing) {
  NewPhoneCall bad = Report("x1", "+31612345678", CallOutcome::kAbandoned, 5000);
  bad.answered_at = T(4000);
  bad.ended_at = T(3000);
  bad.wait_seconds = -1;
  bad.recording_url = "javascript:alert(1)";
  bad.queue_id = 999;
  auto r = service_->Record(bad);
  ASSERT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  std::set<std::string> fields;
  for (const FieldError& e : r.status().fields()) fields.insert(e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"answered_at", "ended_at", "wait_seconds",
                                           "recording_url", "queue_id"}));
  auto customers = store_->customers().Count();
  ASSERT_TRUE(customers.ok());
  EXPECT_EQ(*customers, 0) << "no customer made for a call that was refused";

  // An agent's mistyped number is refused; the telephone system's is kept.
  int64_t customer = MakeCustomer("Carla");
  NewPhoneCall typo;
  typo.logged_by = MakeUser("agent@example.com");
  typo.customer_id = customer;
  typo.customer_number = "06 1234";
  EXPECT_EQ(service_->Record(typo).status().code(), StatusCode::kInvalidArgument);
  auto kept = service_->Record(Report("x2", "0612", CallOutcome::kAnswered, 6000));
  ASSERT_TRUE(kept.ok()) << kept.status().ToString();
  EXPECT_EQ(kept->call.customer_number, "0612");
  EXPECT_FALSE(kept->call.customer_id);
}

TEST_P(PhoneContractTest, AMergeTakesTheCallsAlong) {
  auto a = service_->Record(Report("m1", "+31612345678", CallOutcome::kAbandoned, 100));
  ASSERT_TRUE(a.ok());
  int64_t target = MakeCustomer("Anna", "anna@example.nl");
  int64_t admin = MakeUser("admin@example.com");
  ASSERT_TRUE(Merge(*a->call.customer_id, target, admin, T(500)).ok());
  auto calls = calls_->ListForCustomer(target, {});
  ASSERT_TRUE(calls.ok());
  ASSERT_EQ(calls->items.size(), 1u);
  EXPECT_EQ(calls->items[0].id, a->call.id);
  auto list = calls_->ListCallbacks({});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].customer_id, target);
  EXPECT_EQ(list->items[0].customer_name, "Anna");
}

LUISTER_CONTRACT_ENGINES(PhoneContractTest);

}  // namespace
}  // namespace luister::contract
