// The answer library over each engine (domain/answer.h with its
// repository): versions written and published in order, the live one
// superseded by the next; changes only from the version they saw; owners
// reminded once per review date, the mail enqueued with the mark.
#include <gtest/gtest.h>

#include "common/manual_clock.h"
#include "contract_test.h"
#include "domain/answer.h"

namespace luister::contract {
namespace {

using namespace std::chrono_literals;

class AnswerContract : public ContractTest {
 protected:
  void SetUp() override {
    ContractTest::SetUp();
    if (HasFatalFailure()) return;
    auto found = store_->Find<AnswerRepository>();
    ASSERT_TRUE(found.ok()) << found.status().ToString();
    repo_ = *found;
    service_ = std::make_unique<AnswerService>(*store_, *repo_, clock_);
    writer_ = MakeUser("schrijver@desk.example");
    reviewer_ = MakeUser("lezer@desk.example", "Lezer");
  }
  Answer Make(const std::string& topic, std::optional<Timestamp> review_by = std::nullopt) {
    NewAnswer in;
    in.topic = topic;
    in.nl = {"Hoe lang?", "Binnen 14 dagen."};
    in.review_by = review_by;
    auto made = service_->Create(in, writer_);
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? *made : Answer{};
  }

  ManualClock clock_{FromMillis(1'790'000'000'000)};
  AnswerRepository* repo_ = nullptr;
  std::unique_ptr<AnswerService> service_;
  int64_t writer_ = 0;
  int64_t reviewer_ = 0;
};

TEST_P(AnswerContract, VersionsArePublishedInOrderAndEveryOneIsKept) {
  Answer a = Make("Retour");
  auto submitted = service_->Submit(a.id, a.version, writer_);
  ASSERT_TRUE(submitted.ok()) << submitted.status().ToString();
  EXPECT_EQ(service_->Publish(a.id, submitted->version, writer_, false).status().code(),
            StatusCode::kForbidden)
      << "not by its writer";
  auto live = service_->Publish(a.id, submitted->version, reviewer_, false);
  ASSERT_TRUE(live.ok()) << live.status().ToString();
  EXPECT_EQ(live->published_number, 1);
  AnswerDraft next;
  next.nl = {"Hoe lang?", "Binnen 30 dagen."};
  next.change_note = "langer";
  next.material = true;
  EXPECT_EQ(service_->SaveDraft(a.id, live->version - 1, next, writer_).status().code(),
            StatusCode::kConflict)
      << "a stale version";
  auto drafted = service_->SaveDraft(a.id, live->version, next, writer_);
  ASSERT_TRUE(drafted.ok()) << drafted.status().ToString();
  EXPECT_EQ(drafted->latest_number, 2);
  EXPECT_EQ(drafted->published_number, 1) << "the first stays live";
  auto library = repo_->Library();
  ASSERT_TRUE(library.ok());
  ASSERT_EQ(library->size(), 1u);
  EXPECT_EQ((*library)[0].nl.body, "Binnen 14 dagen.");
  auto again = service_->Submit(a.id, drafted->version, writer_);
  ASSERT_TRUE(again.ok());
  auto second = service_->Publish(a.id, again->version, reviewer_, false);
  ASSERT_TRUE(second.ok());
  auto versions = repo_->Versions(a.id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions->size(), 2u);
  EXPECT_EQ((*versions)[0].state, AnswerState::kSuperseded);
  EXPECT_EQ((*versions)[1].state, AnswerState::kPublished);
  EXPECT_TRUE((*versions)[1].material);
  EXPECT_EQ((*versions)[1].reviewed_by, reviewer_);
  EXPECT_EQ((*repo_->Library())[0].nl.body, "Binnen 30 dagen.");
  const std::string before = *repo_->Generation();
  ASSERT_TRUE(service_->AddQuestion(a.id, "Mag het nog terug?", writer_).ok());
  EXPECT_NE(*repo_->Generation(), before) << "a question changes the library";
}

TEST_P(AnswerContract, OwnersAreRemindedOncePerReviewDateWithTheMailEnqueued) {
  Answer a = Make("Openingstijden", clock_.Now() + 24h);
  Make("Zonder datum");
  EXPECT_EQ(*repo_->CountStale(clock_.Now()), 0);
  EXPECT_EQ(*service_->RunReviewReminders(true), 0) << "not due yet";
  clock_.Advance(25h);
  EXPECT_EQ(*repo_->CountStale(clock_.Now()), 1);
  EXPECT_EQ(*service_->RunReviewReminders(true), 1);
  EXPECT_EQ(*service_->RunReviewReminders(true), 0) << "once";
  auto job = store_->jobs().Claim("node-a", {kAnswerReviewMailJob}, clock_.Now(), 30s);
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->payload, std::to_string(a.id) + "/" + std::to_string(writer_));
  // A new date reminds again once it passes.
  auto current = repo_->Get(a.id);
  ASSERT_TRUE(current.ok());
  AnswerPatch p;
  p.review_by = clock_.Now() + 48h;
  ASSERT_TRUE(service_->Patch(a.id, current->version, p, writer_).ok());
  EXPECT_EQ(*repo_->CountStale(clock_.Now()), 0);
  clock_.Advance(49h);
  EXPECT_EQ(*service_->RunReviewReminders(false), 0) << "marked, nothing to mail without mail";
  EXPECT_TRUE(repo_->DueForReview(clock_.Now(), 10)->empty());
}

LUISTER_CONTRACT_ENGINES(AnswerContract);

}  // namespace
}  // namespace luister::contract
