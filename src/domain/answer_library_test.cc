#include "domain/answer_library.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace luister {
namespace {

// A repository that only knows the published library: its generation, and
// a Library() that takes a while and counts how often it was read.
class SlowLibraryRepository : public AnswerRepository {
 public:
  std::atomic<int> generation{1};
  std::atomic<int> reads{0};
  std::atomic<bool> fail{false};

  Result<std::vector<LibraryAnswer>> Library() override {
    ++reads;
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    if (fail) return Unavailable("the database is away");
    LibraryAnswer a;
    a.answer_id = 7;
    a.nl.title = "Retourtermijn";
    a.nl.body = "U kunt binnen 30 dagen retourneren.";
    a.questions = {"Hoe lang heb ik om iets terug te sturen?"};
    LibraryAnswer b;
    b.answer_id = 8;
    b.en.title = "Reset your password";
    b.en.body = "Use the link on the login page.";
    return std::vector<LibraryAnswer>{a, b};
  }
  Result<std::string> Generation() override { return std::to_string(generation.load()); }

  // Not read by the library.
  Result<Answer> Create(const Answer&, const AnswerVersion&) override { return Unused(); }
  Result<Answer> Get(int64_t) override { return Unused(); }
  Result<std::vector<AnswerVersion>> Versions(int64_t) override { return Unused(); }
  Result<Page<Answer>> List(const AnswerFilter&, const PageRequest&) override { return Unused(); }
  Result<Answer> Update(const Answer&, const std::vector<AnswerVersion>&) override {
    return Unused();
  }
  Result<std::vector<AnswerQuestion>> Questions(int64_t) override { return Unused(); }
  Result<AnswerQuestion> AddQuestion(const AnswerQuestion&) override { return Unused(); }
  Status RemoveQuestion(int64_t, int64_t, Timestamp) override { return Unused(); }
  Result<Page<AnswerUseRecord>> Told(int64_t, int, bool, const PageRequest&) override {
    return Unused();
  }
  Result<std::vector<Answer>> DueForReview(Timestamp, int) override { return Unused(); }
  Result<bool> MarkReviewReminded(int64_t, Timestamp, const std::optional<NewJob>&) override {
    return Unused();
  }
  Result<int64_t> CountStale(Timestamp) override { return Unused(); }
  Result<bool> AddGap(const AnswerGap&) override { return Unused(); }
  Result<std::vector<AnswerGap>> Gaps(Timestamp, int) override { return Unused(); }
  Result<std::optional<int64_t>> ReviewJobId() override { return Unused(); }
  Result<bool> SetReviewJob(std::optional<int64_t>, int64_t) override { return Unused(); }

 private:
  static Status Unused() { return Internal("not read by the library"); }
};

TEST(AnswerLibraryTest, ManyRequestsAfterAChangeWaitForOneBuild) {
  SlowLibraryRepository repo;
  AnswerLibrary library;
  std::vector<std::shared_ptr<const AnswerLibrary::Snapshot>> got(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < got.size(); ++i)
    threads.emplace_back([&, i] {
      auto s = library.Current(repo);
      if (s.ok()) got[i] = *s;
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(repo.reads.load(), 1);
  for (const auto& s : got) {
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(s, got[0]);  // the one snapshot, shared
  }
  EXPECT_EQ(got[0]->answers.size(), 2u);
  const auto ranked = got[0]->Rank("hoe lang heb ik om het terug te sturen", 1);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].answer->answer_id, 7);
  const AnswerLibrary::BuildStats stats = library.Stats();
  EXPECT_EQ(stats.builds, 1);
  EXPECT_EQ(stats.answers, 2u);
  EXPECT_GT(stats.last_seconds, 0.02);

  // The same generation again: nothing built.
  ASSERT_TRUE(library.Current(repo).ok());
  EXPECT_EQ(repo.reads.load(), 1);
  // The library changed: built once more.
  repo.generation = 2;
  auto next = library.Current(repo);
  ASSERT_TRUE(next.ok());
  EXPECT_NE(*next, got[0]);
  EXPECT_EQ((*next)->generation, "2");
  EXPECT_EQ(library.Stats().builds, 2);
}

TEST(AnswerLibraryTest, AFailedBuildKeepsNothingAndTheNextRequestTriesAgain) {
  SlowLibraryRepository repo;
  AnswerLibrary library;
  repo.fail = true;
  auto s = library.Current(repo);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(library.Stats().builds, 0);
  repo.fail = false;
  s = library.Current(repo);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ((*s)->answers.size(), 2u);
  EXPECT_EQ(repo.reads.load(), 2);
  EXPECT_EQ(library.Stats().builds, 1);
}

}  // namespace
}  // namespace luister
