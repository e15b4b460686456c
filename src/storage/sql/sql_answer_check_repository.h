#pragma once

#include "domain/answer_checks.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlAnswerCheckRepository final : public AnswerCheckRepository {
 public:
  explicit SqlAnswerCheckRepository(Database& db) : db_(db) {}
  Result<std::vector<ReplyToCheck>> RepliesAfter(int64_t after, int limit) override;
  Result<int64_t> Watermark() override;
  Result<bool> Save(const std::vector<ReplyCheck>& checks, int64_t from, int64_t to) override;
  Result<std::vector<CheckTally>> Tallies(Timestamp from, Timestamp to) override;
  Result<std::vector<CheckDay>> Days(Timestamp from, Timestamp to) override;
  Result<std::vector<ReplyCheck>> Conflicts(Timestamp from, Timestamp to,
                                            std::optional<int64_t> answer_id,
                                            std::optional<Channel> channel, int limit) override;
  Result<std::optional<int64_t>> JobId() override;
  Result<bool> SetJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
