#pragma once

#include "domain/promise.h"
#include "storage/sql/database.h"

namespace luister::sql {

class SqlPromiseRepository final : public PromiseRepository {
 public:
  explicit SqlPromiseRepository(Database& db) : db_(db) {}
  Result<Promise> Create(const Promise& p, const PromiseEvent& made,
                         const Activity& entry) override;
  Result<Promise> Get(int64_t id) override;
  Result<std::vector<PromiseEvent>> History(int64_t id) override;
  Result<Page<Promise>> List(const PromiseFilter& f, const PageRequest& page) override;
  Result<Promise> Update(const Promise& next, const PromiseEvent& event,
                         const Activity& entry) override;
  Result<std::vector<Promise>> Unreminded(Timestamp until, bool escalation, int limit) override;
  Result<bool> MarkReminded(int64_t id, bool escalation, Timestamp at,
                            const std::optional<NewJob>& then) override;
  Result<std::pair<int64_t, int64_t>> CountLive(Timestamp now) override;
  Result<std::vector<PromiseFact>> Facts(Timestamp from, Timestamp to, PromiseParty by,
                                         Timestamp now) override;
  Result<std::optional<int64_t>> RemindJobId() override;
  Result<bool> SetRemindJob(std::optional<int64_t> expected, int64_t job_id) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
