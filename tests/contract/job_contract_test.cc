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

TEST_P(JobContract, AJobIsClaimedCompletedAndNotClaimedAgain) {
  auto id = store_->jobs().Enqueue("export.customers", R"({"segment":"vip"})", T(0));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kQueued);
  auto early = store_->jobs().Claim("node-a", T(-1), 30s);
  ASSERT_TRUE(early.ok());
  EXPECT_FALSE(early->has_value()) << "not due yet";

  auto job = store_->jobs().Claim("node-a", T(10), 30s);
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->id, *id);
  EXPECT_EQ((*job)->kind, "export.customers");
  EXPECT_EQ((*job)->payload, R"({"segment":"vip"})");
  EXPECT_EQ((*job)->attempts, 1);
  EXPECT_EQ((*job)->lease_until, T(10) + 30s);
  EXPECT_FALSE(store_->jobs().Claim("node-b", T(20), 30s)->has_value()) << "held by node-a";
  ASSERT_TRUE(store_->jobs().Complete(*id, "node-a", T(30)).ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kDone);
  EXPECT_FALSE(store_->jobs().Claim("node-b", T(100'000), 30s)->has_value());
  EXPECT_FALSE(store_->jobs().State(424242)->has_value());
}

TEST_P(JobContract, AnExpiredLeaseLetsAnotherWorkerTakeOver) {
  auto id = store_->jobs().Enqueue("mail.fetch", "{}", T(0));
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(store_->jobs().Claim("node-a", T(0), 10s)->has_value());
  // node-a died: after its lease, node-b gets the job.
  auto taken = store_->jobs().Claim("node-b", T(10'001), 10s);
  ASSERT_TRUE(taken.ok() && taken->has_value());
  EXPECT_EQ((*taken)->attempts, 2);
  EXPECT_EQ(store_->jobs().Complete(*id, "node-a", T(10'002)).code(), StatusCode::kConflict)
      << "the old holder cannot finish what it lost";
  ASSERT_TRUE(store_->jobs().Complete(*id, "node-b", T(10'003)).ok());
}

TEST_P(JobContract, FailedJobsRetryOrStopForGood) {
  auto id = store_->jobs().Enqueue("webhook.send", "{}", T(0));
  ASSERT_TRUE(store_->jobs().Claim("w", T(0), 10s)->has_value());
  ASSERT_TRUE(store_->jobs().Fail(*id, "w", "timeout", T(5000)).ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kQueued);
  EXPECT_FALSE(store_->jobs().Claim("w", T(4999), 10s)->has_value()) << "waits for its retry time";
  ASSERT_TRUE(store_->jobs().Claim("w", T(5000), 10s)->has_value());
  ASSERT_TRUE(store_->jobs().Fail(*id, "w", "gone", std::nullopt).ok());
  EXPECT_EQ(*store_->jobs().State(*id), JobState::kFailed);
  EXPECT_FALSE(store_->jobs().Claim("w", T(100'000), 10s)->has_value());
}

TEST_P(JobContract, ConcurrentWorkersClaimEachJobOnce) {
  constexpr int kJobs = 120;
  for (int i = 0; i < kJobs; ++i)
    ASSERT_TRUE(store_->jobs().Enqueue("noop", std::to_string(i), T(0)).ok());
  std::mutex mu;
  std::multiset<int64_t> claimed;
  std::atomic<int> errors{0};
  std::vector<std::thread> workers;
  for (int w = 0; w < 4; ++w) {
    workers.emplace_back([&, w] {
      std::string name = "worker-" + std::to_string(w);
      while (true) {
        auto job = store_->jobs().Claim(name, T(1), 60s);
        if (!job.ok()) {
          ++errors;
          continue;
        }
        if (!job->has_value()) return;
        {
          std::lock_guard lock(mu);
          claimed.insert((*job)->id);
        }
        if (!store_->jobs().Complete((*job)->id, name, T(2)).ok()) ++errors;
      }
    });
  }
  for (auto& t : workers) t.join();
  EXPECT_EQ(errors.load(), 0);
  EXPECT_EQ(claimed.size(), static_cast<size_t>(kJobs));
  std::set<int64_t> distinct(claimed.begin(), claimed.end());
  EXPECT_EQ(distinct.size(), claimed.size()) << "a job was claimed twice";
}

LUISTER_CONTRACT_ENGINES(JobContract);

}  // namespace
}  // namespace luister::contract
