#pragma once

#include "domain/answer.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlAnswerRepository final : public AnswerRepository {
 public:
  explicit SqlAnswerRepository(Database& db) : db_(db) {}
  Result<Answer> Create(const Answer& a, const AnswerVersion& first) override;
  Result<Answer> Get(int64_t id) override;
  Result<std::vector<AnswerVersion>> Versions(int64_t id) override;
  Result<Page<Answer>> List(const AnswerFilter& f, const PageRequest& page) override;
  Result<Answer> Update(const Answer& next, const std::vector<AnswerVersion>& versions) override;
  Result<std::vector<AnswerQuestion>> Questions(int64_t answer_id) override;
  Result<AnswerQuestion> AddQuestion(const AnswerQuestion& q) override;
  Status RemoveQuestion(int64_t answer_id, int64_t question_id, Timestamp at) override;
  Result<std::vector<LibraryAnswer>> Library() override;
  Result<std::string> Generation() override;
  Result<Page<AnswerUseRecord>> Told(int64_t id, int below, bool uncorrected,
                                     const PageRequest& page) override;
  Result<std::vector<Answer>> DueForReview(Timestamp now, int limit) override;
  Result<bool> MarkReviewReminded(int64_t id, Timestamp at,
                                  const std::optional<NewJob>& then) override;
  Result<int64_t> CountStale(Timestamp now) override;
  Result<bool> AddGap(const AnswerGap& gap) override;
  Result<std::vector<AnswerGap>> Gaps(Timestamp since, int limit) override;
  Result<std::optional<int64_t>> ReviewJobId() override;
  Result<bool> SetReviewJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
