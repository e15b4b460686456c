#include "domain/job_runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "domain/testing/service_fixture.h"

namespace luister {
namespace {

using namespace std::chrono_literals;

// The runner over the in-memory job table (the job contract suite holds it to
// the engines' claim, lease and fencing rules), on the system clock: leases
// are real time.
class JobRunnerTest : public ServiceTest {
 protected:
  JobRunnerOptions Options(std::string worker = "test-node") {
    JobRunnerOptions o;
    o.worker = std::move(worker);
    o.log = [this](std::string_view line) {
      std::lock_guard lock(log_mu_);
      log_ += std::string(line) + "\n";
    };
    o.poll = 50ms;
    o.first_retry = 100ms;
    return o;
  }
  int64_t Enqueue(const std::string& kind, const std::string& payload = "{}") {
    auto id = store_->jobs().Enqueue(NewJob{kind, payload, system_.Now(), system_.Now(), {}});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  // Polls until the job reaches `state` or 10 s pass.
  JobRecord WaitFor(int64_t id, JobState state) {
    auto deadline = std::chrono::steady_clock::now() + 10s;
    while (true) {
      auto job = store_->jobs().Get(id);
      EXPECT_TRUE(job.ok());
      if (!job.ok() || job->state == state || std::chrono::steady_clock::now() > deadline)
        return job.ok() ? *job : JobRecord{};
      std::this_thread::sleep_for(10ms);
    }
  }
  SystemClock system_;
  std::mutex log_mu_;
  std::string log_;
};

TEST_F(JobRunnerTest, RunsAJobOnceAndKeepsItsResult) {
  std::atomic<int> runs{0};
  JobRunner runner(store_->jobs(), system_, Options());
  ASSERT_TRUE(runner
                  .Register("echo",
                            [&](const Job& j) -> Result<std::string> {
                              ++runs;
                              return "echo " + j.payload;
                            })
                  .ok());
  runner.Start();
  int64_t id = Enqueue("echo", "hello");
  runner.Wake();
  JobRecord done = WaitFor(id, JobState::kDone);
  runner.Stop();
  EXPECT_EQ(done.state, JobState::kDone);
  EXPECT_EQ(done.attempts, 1);
  EXPECT_EQ(done.worker, "test-node");
  EXPECT_EQ(*store_->jobs().GetResult(id), "echo hello");
  EXPECT_EQ(runs.load(), 1);
}

TEST_F(JobRunnerTest, TransientErrorsAreRetriedAndBadInputIsNot) {
  std::atomic<int> flaky_runs{0};
  auto options = Options();
  options.max_attempts = 3;
  JobRunner runner(store_->jobs(), system_, options);
  ASSERT_TRUE(runner
                  .Register("flaky",
                            [&](const Job&) -> Result<std::string> {
                              if (++flaky_runs < 3) return Unavailable("database restarting");
                              return std::string("ok");
                            })
                  .ok());
  ASSERT_TRUE(runner
                  .Register("broken",
                            [&](const Job&) -> Result<std::string> {
                              return InvalidArgument("the payload names no customer_id");
                            })
                  .ok());
  ASSERT_TRUE(
      runner
          .Register("throws",
                    [&](const Job&) -> Result<std::string> { throw std::runtime_error("boom"); })
          .ok());
  runner.Start();
  int64_t flaky = Enqueue("flaky");
  int64_t broken = Enqueue("broken");
  int64_t throws = Enqueue("throws");
  JobRecord f = WaitFor(flaky, JobState::kDone);
  JobRecord b = WaitFor(broken, JobState::kFailed);
  JobRecord t = WaitFor(throws, JobState::kFailed);
  runner.Stop();
  EXPECT_EQ(f.state, JobState::kDone);
  EXPECT_EQ(f.attempts, 3);
  EXPECT_EQ(f.last_error, "a temporary failure on node test-node (see its log)")
      << "the record names the node; the details are in its log";
  EXPECT_EQ(b.state, JobState::kFailed);
  EXPECT_EQ(b.attempts, 1) << "bad input gives the same answer every time";
  EXPECT_EQ(b.last_error, "the payload names no customer_id");
  EXPECT_EQ(t.state, JobState::kFailed);
  EXPECT_EQ(t.attempts, 3) << "a throwing handler is retried, then given up";
  std::lock_guard lock(log_mu_);
  EXPECT_NE(log_.find("database restarting"), std::string::npos) << log_;
  EXPECT_NE(log_.find("boom"), std::string::npos) << log_;
}

TEST_F(JobRunnerTest, AJobWhoseNodesKeepDyingIsGivenUp) {
  // Two nodes took the job and died with it (their leases ran out).
  int64_t id = Enqueue("crashy");
  for (int i = 0; i < 2; ++i) {
    auto claim = store_->jobs().Claim("dead-node", {"crashy"}, system_.Now(), 1ms);
    ASSERT_TRUE(claim.ok() && claim->has_value());
    std::this_thread::sleep_for(5ms);
  }
  auto o = Options();
  o.max_attempts = 2;
  JobRunner runner(store_->jobs(), system_, o);
  std::atomic<int> runs{0};
  ASSERT_TRUE(runner
                  .Register("crashy",
                            [&](const Job&) -> Result<std::string> {
                              ++runs;
                              return std::string();
                            })
                  .ok());
  runner.Start();
  runner.Wake();
  JobRecord gone = WaitFor(id, JobState::kFailed);
  runner.Stop();
  EXPECT_EQ(gone.state, JobState::kFailed);
  EXPECT_EQ(runs.load(), 0) << "not run a third time";
  EXPECT_NE(gone.last_error->find("given up after 2 attempts"), std::string::npos)
      << *gone.last_error;
}

TEST_F(JobRunnerTest, ARecurringJobComesBackUntilItIsDoneAndSurvivesFailures) {
  auto o = Options();
  o.max_attempts = 3;
  o.first_retry = 1ms;
  JobRunner runner(store_->jobs(), system_, o);
  std::atomic<int> rounds{0};
  ASSERT_TRUE(runner
                  .RegisterRecurring("poll",
                                     [&](const Job& j) -> Result<std::optional<Timestamp>> {
                                       int n = ++rounds;
                                       // After a good round the count starts again.
                                       if (n == 1 || n == 8) EXPECT_EQ(j.attempts, 1) << n;
                                       // Rounds 2 to 6 fail: more than max_attempts in a row.
                                       if (n >= 2 && n <= 6) return Unavailable("server down");
                                       if (n >= 8) return std::optional<Timestamp>();
                                       return std::optional<Timestamp>(system_.Now());
                                     })
                  .ok());
  EXPECT_FALSE(runner.RegisterRecurring("poll", nullptr).ok()) << "one handler per kind";
  EXPECT_FALSE(runner.Register("poll", nullptr).ok());
  int64_t id = Enqueue("poll");
  runner.Start();
  runner.Wake();
  JobRecord done = WaitFor(id, JobState::kDone);
  runner.Stop();
  EXPECT_EQ(done.state, JobState::kDone) << "finished when the handler said so";
  EXPECT_EQ(rounds.load(), 8) << "failures were retried, never given up";
  EXPECT_FALSE(done.last_error.has_value()) << "cleared by the good round after them";
}

TEST_F(JobRunnerTest, RetriesBackOffAndStop) {
  auto o = Options();
  o.first_retry = 5s;
  o.max_attempts = 4;
  JobRunner runner(store_->jobs(), system_, o);
  Timestamp t0 = FromMillis(0);
  EXPECT_EQ(runner.RetryAt(1, t0), t0 + 5s);
  EXPECT_EQ(runner.RetryAt(2, t0), t0 + 10s);
  EXPECT_EQ(runner.RetryAt(3, t0), t0 + 20s);
  EXPECT_FALSE(runner.RetryAt(4, t0).has_value());
  o.max_attempts = 100;
  JobRunner patient(store_->jobs(), system_, o);
  EXPECT_EQ(patient.RetryAt(60, t0), t0 + 10min) << "capped";
}

TEST_F(JobRunnerTest, ALongJobKeepsItsLeaseWhileItRuns) {
  auto o = Options("node-a");
  o.lease = 300ms;
  JobRunner runner(store_->jobs(), system_, o);
  std::atomic<bool> started{false};
  ASSERT_TRUE(runner
                  .Register("slow",
                            [&](const Job&) -> Result<std::string> {
                              started = true;
                              std::this_thread::sleep_for(1200ms);  // four leases
                              return std::string();
                            })
                  .ok());
  runner.Start();
  int64_t id = Enqueue("slow");
  runner.Wake();
  while (!started) std::this_thread::sleep_for(5ms);
  int stolen = 0;
  for (int i = 0; i < 20; ++i) {  // another node tries throughout the run
    auto other = store_->jobs().Claim("node-b", {"slow"}, system_.Now(), 300ms);
    ASSERT_TRUE(other.ok());
    if (other->has_value()) ++stolen;
    std::this_thread::sleep_for(50ms);
  }
  JobRecord done = WaitFor(id, JobState::kDone);
  runner.Stop();
  EXPECT_EQ(stolen, 0) << "the lease was renewed while the handler ran";
  EXPECT_EQ(done.state, JobState::kDone);
  EXPECT_EQ(done.attempts, 1);
}

TEST_F(JobRunnerTest, StopWaitsForRunningJobsAndClaimsOnlyRegisteredKinds) {
  JobRunner runner(store_->jobs(), system_, Options());
  std::atomic<bool> started{false};
  ASSERT_TRUE(runner
                  .Register("slow",
                            [&](const Job&) -> Result<std::string> {
                              started = true;
                              std::this_thread::sleep_for(200ms);
                              return std::string("finished");
                            })
                  .ok());
  int64_t other = Enqueue("mail.fetch");
  runner.Start();
  int64_t id = Enqueue("slow");
  runner.Wake();
  while (!started) std::this_thread::sleep_for(5ms);
  runner.Stop();
  EXPECT_EQ(*store_->jobs().State(id), JobState::kDone) << "Stop let the job finish";
  EXPECT_EQ(*store_->jobs().State(other), JobState::kQueued) << "no handler here, left alone";
}

TEST_F(JobRunnerTest, KindsAreChecked) {
  JobRunner runner(store_->jobs(), system_, Options());
  auto noop = [](const Job&) -> Result<std::string> { return std::string(); };
  EXPECT_TRUE(runner.Register("customer.export", noop).ok());
  EXPECT_EQ(runner.Register("customer.export", noop).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(runner.Register("Customer Export", noop).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(runner.Register("", noop).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(runner.Register("a\"b", noop).code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(IsValidJobKind(std::string(65, 'a')));
  EXPECT_TRUE(IsValidJobKind("mail.fetch-imap_2"));
}

}  // namespace
}  // namespace luister
