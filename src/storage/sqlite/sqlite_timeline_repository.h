#pragma once

#include "domain/repositories.h"
#include "storage/sqlite/database.h"

namespace luister::sqlite {

// TimelineRepository over the activities table, newest first on (at, id).
class SqliteTimelineRepository final : public TimelineRepository {
 public:
  explicit SqliteTimelineRepository(Database& db) : db_(db) {}

  Result<Page<Activity>> Timeline(int64_t customer_id, const TimelineFilter& f,
                                  const PageRequest& p) override;

 private:
  Database& db_;
};

}  // namespace luister::sqlite
