// The JobRepository contract, on every engine.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "contract_test.h"

namespace luister::contract {
namespace {

using namespace std::chrono_literals;
using JobContract = ContractTest;

// A claim as another (or an earlier) holder would present it.
Job ClaimOf(int64_t id, const std::string& worker, int attempts) {
  Job j;
  j.id = id;
  j.worker = worker;
  j.attempts = attempts;
  return j;
}
const std::vector<std::string> kAll = {"export.customers", "mail.fetch", "webhook.send", "noop"};

TEST_P(JobContract, AJobIsClaimedCompletedAndNotClaimedAgain) {
  auto id = store_->jobs().Enqueue(NewJob{"export.customers", R"({"segment":"vip"})", T(0), T(0)});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kQueued);
  auto early = store_->jobs().Claim("node-a", kAll, T(-1), 30s);
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->has_value()) << "not due yet";

  auto job = store_->jobs().Claim("node-a", kAll, T(10), 30s);
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->id, *id);
  EXPECT_EQ((*job)->kind, "export.customers");
  EXPECT_EQ((*job)->payload, R"({"segment":"vip"})");
  EXPECT_EQ((*job)->attempts, 1);
  EXPECT_EQ((*job)->lease_until, T(10) + 30s);
  EXPECT_FALSE(store_->jobs().Claim("node-b", kAll, T(20), 30s)->has_value()) << "held by node-a";
  ASSERT_TRUE(store_->jobs().Complete(**job, T(30), "").ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kDone);
  EXPECT_FALSE(store_->jobs().Claim("node-b", kAll, T(100'000), 30s)->has_value());
  EXPECT_FALSE(store_->jobs().State(424242)->has_value());
}

TEST_P(JobContract, AnExpiredLeaseLetsAnotherWorkerTakeOver) {
  auto id = store_->jobs().Enqueue(NewJob{"mail.fetch", "{}", T(0), T(0)});
  ASSERT_TRUE(id.ok());
  auto first = store_->jobs().Claim("node-a", kAll, T(0), 10s);
  ASSERT_TRUE(first.ok() && first->has_value());
  // node-a stalled: after its lease, node-b gets the job.
  auto taken = store_->jobs().Claim("node-b", kAll, T(10'001), 10s);
  ASSERT_TRUE(taken.ok() && taken->has_value());
  EXPECT_EQ((*taken)->attempts, 2);
  EXPECT_EQ(store_->jobs().Complete(**first, T(10'002), "").code(), StatusCode::kConflict)
      << "the old holder cannot finish what it lost";
  EXPECT_EQ(store_->jobs().Fail(**first, "x", std::nullopt, T(10'002)).code(),
            StatusCode::kConflict);
  ASSERT_TRUE(store_->jobs().Complete(**taken, T(10'003), "").ok());
}

TEST_P(JobContract, FailedJobsRetryOrStopForGood) {
  auto id = store_->jobs().Enqueue(NewJob{"webhook.send", "{}", T(0), T(0)});
  auto first = store_->jobs().Claim("w", kAll, T(0), 10s);
  ASSERT_TRUE(first.ok() && first->has_value());
  ASSERT_TRUE(store_->jobs().Fail(**first, "timeout", T(5000), T(100)).ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kQueued);
  EXPECT_FALSE(store_->jobs().Claim("w", kAll, T(4999), 10s)->has_value())
      << "waits for its retry time";
  auto second = store_->jobs().Claim("w", kAll, T(5000), 10s);
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ(store_->jobs().Fail(**first, "stale", std::nullopt, T(5001)).code(),
            StatusCode::kConflict)
      << "the same worker's earlier claim is not this one";
  ASSERT_TRUE(store_->jobs().Fail(**second, "gone", std::nullopt, T(5001)).ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kFailed);
  EXPECT_FALSE(store_->jobs().Claim("w", kAll, T(100'000), 10s)->has_value());
}

TEST_P(JobContract, ARequeuedJobComesBackWithItsAttemptsAndError) {
  auto id = store_->jobs().Enqueue(NewJob{"mail.fetch", R"({"mailbox":1})", T(0), T(0), {}});
  ASSERT_TRUE(id.ok());
  auto first = store_->jobs().Claim("node-a", kAll, T(0), 10s);
  ASSERT_TRUE(first.ok() && first->has_value());
  ASSERT_TRUE(store_->jobs().Requeue(**first, T(60'000), 0, std::nullopt).ok());
  EXPECT_FALSE(*store_->jobs().RunNow(*id + 1000, T(1)));
  ASSERT_TRUE(*store_->jobs().RunNow(*id, T(30'000))) << "fetch now";
  EXPECT_FALSE(*store_->jobs().RunNow(*id, T(40'000))) << "due already";
  EXPECT_EQ(store_->jobs().Requeue(**first, T(60'000), 0, std::nullopt).code(),
            StatusCode::kConflict)
      << "the claim ended with the first requeue";
  EXPECT_FALSE(store_->jobs().Claim("node-b", kAll, T(29'999), 10s)->has_value()) << "not due";
  auto second = store_->jobs().Claim("node-b", kAll, T(30'000), 10s);
  ASSERT_TRUE(second.ok() && second->has_value());
  EXPECT_EQ((*second)->attempts, 1) << "counted from the reset";
  EXPECT_EQ((*second)->payload, R"({"mailbox":1})");
  ASSERT_TRUE(store_->jobs().Requeue(**second, T(70'000), 1, "imap: login failed").ok());
  auto record = store_->jobs().Get(*id);
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record->state, JobState::kQueued);
  EXPECT_EQ(record->attempts, 1);
  EXPECT_EQ(record->run_at, T(70'000));
  EXPECT_EQ(record->last_error.value_or(""), "imap: login failed");
  EXPECT_FALSE(record->lease_until.has_value());
}

TEST_P(JobContract, ConcurrentWorkersClaimEachJobOnce) {
  constexpr int kJobs = 120;
  for (int i = 0; i < kJobs; ++i)
    ASSERT_TRUE(store_->jobs().Enqueue(NewJob{"noop", std::to_string(i), T(0), T(0)}).ok());
  std::mutex mu;
  std::multiset<int64_t> claimed;
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      std::string name = "worker-" + std::to_string(w);
      while (true) {
        auto job = store_->jobs().Claim(name, kAll, T(1), 60s);
        if (!job.ok()) {
          ++errors;
          continue;
        }
        if (!job->has_value()) return;
        {
          std::lock_guard lock(mu);
          claimed.insert((*job)->id);
        }
        if (!store_->jobs().Complete(**job, T(2), "").ok()) ++errors;
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(claimed.size(), static_cast<size_t>(kJobs));
  std::set<int64_t> distinct(claimed.begin(), claimed.end());
  EXPECT_EQ(distinct.size(), claimed.size()) << "a job was claimed twice";
}

TEST_P(JobContract, ARenewedLeaseIsNotTakenOver) {
  auto id = store_->jobs().Enqueue(NewJob{"mail.fetch", "{}", T(0), T(0)});
  auto held = store_->jobs().Claim("node-a", kAll, T(0), 10s);
  ASSERT_TRUE(held.ok() && held->has_value());
  ASSERT_TRUE(store_->jobs().Renew(**held, T(25'000)).ok());
  EXPECT_FALSE(store_->jobs().Claim("node-b", kAll, T(20'000), 10s)->has_value())
      << "the renewed lease still holds";
  EXPECT_EQ(store_->jobs().Renew(ClaimOf(*id, "node-b", 1), T(40'000)).code(),
            StatusCode::kConflict)
      << "only the holder renews";
  auto taken = store_->jobs().Claim("node-a", kAll, T(25'001), 10s);
  ASSERT_TRUE(taken.ok() && taken->has_value()) << "the same node, another thread";
  EXPECT_EQ(store_->jobs().Renew(**held, T(50'000)).code(), StatusCode::kConflict)
      << "a claim that lost its lease learns so when it renews, even under the same name";
  EXPECT_TRUE(store_->jobs().Renew(**taken, T(50'000)).ok());
}

TEST_P(JobContract, WorkersClaimOnlyTheKindsTheyRun) {
  auto mail = store_->jobs().Enqueue(NewJob{"mail.fetch", "{}", T(0), T(0)});
  auto hook = store_->jobs().Enqueue(NewJob{"webhook.send", "{}", T(1), T(1)});
  ASSERT_TRUE(mail.ok() && hook.ok());
  EXPECT_FALSE(store_->jobs().Claim("old-node", {"survey.send"}, T(10), 10s)->has_value());
  EXPECT_FALSE(store_->jobs().Claim("old-node", {}, T(10), 10s)->has_value());
  auto job = store_->jobs().Claim("node", {"webhook.send"}, T(10), 10s);
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->id, *hook) << "skips the older job of a kind it does not run";
  job = store_->jobs().Claim("node", {"webhook.send", "mail.fetch"}, T(10), 10s);
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->id, *mail);
}

TEST_P(JobContract, TheRecordShowsWhoAskedWhoRanItAndTheResult) {
  int64_t user = MakeUser("privacy@example.com");
  auto id =
      store_->jobs().Enqueue(NewJob{"customer.export", R"({"customer_id":7})", T(0), T(0), user});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  auto queued = store_->jobs().Get(*id);
  ASSERT_TRUE(queued.ok()) << queued.status().ToString();
  EXPECT_EQ(queued->kind, "customer.export");
  EXPECT_EQ(queued->payload, R"({"customer_id":7})");
  EXPECT_EQ(queued->state, JobState::kQueued);
  EXPECT_EQ(queued->created_by, user);
  EXPECT_EQ(queued->attempts, 0);
  EXPECT_FALSE(queued->worker.has_value());
  EXPECT_FALSE(queued->has_result);
  EXPECT_EQ(store_->jobs().GetResult(*id).status().code(), StatusCode::kNotFound);

  auto a = store_->jobs().Claim("node-a", {"customer.export"}, T(5), 10s);
  ASSERT_TRUE(a.ok() && a->has_value());
  ASSERT_TRUE(store_->jobs().Fail(**a, "database busy", T(50), T(6)).ok());
  auto retried = store_->jobs().Get(*id);
  EXPECT_EQ(retried->state, JobState::kQueued);
  EXPECT_EQ(retried->last_error, "database busy");
  EXPECT_EQ(retried->worker, "node-a") << "the last worker stays on record";

  auto b = store_->jobs().Claim("node-b", {"customer.export"}, T(60), 10s);
  ASSERT_TRUE(b.ok() && b->has_value());
  std::string doc = "{\"format\":\"x\",\"text\":\"caf\u00e9 \u2603\"}";
  ASSERT_TRUE(store_->jobs().Complete(**b, T(70), doc).ok());
  auto done = store_->jobs().Get(*id);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->state, JobState::kDone);
  EXPECT_EQ(done->attempts, 2);
  EXPECT_EQ(done->worker, "node-b");
  EXPECT_EQ(done->finished_at, T(70));
  EXPECT_TRUE(done->has_result);
  EXPECT_EQ(*store_->jobs().GetResult(*id), doc);
  EXPECT_EQ(store_->jobs().Get(424242).status().code(), StatusCode::kNotFound);

  auto failed = store_->jobs().Enqueue(NewJob{"customer.export", "{}", T(0), T(0)});
  auto c = store_->jobs().Claim("node-a", {"customer.export"}, T(80), 10s);
  ASSERT_TRUE(c.ok() && c->has_value());
  ASSERT_TRUE(store_->jobs().Fail(**c, "no customer", std::nullopt, T(90)).ok());
  auto gone = store_->jobs().Get(*failed);
  EXPECT_EQ(gone->state, JobState::kFailed);
  EXPECT_EQ(gone->finished_at, T(90));
  EXPECT_FALSE(gone->created_by.has_value());
}

LUISTER_CONTRACT_ENGINES_AND_MEMORY(JobContract);

}  // namespace
}  // namespace luister::contract
