#pragma once

#include "domain/repositories.h"
#include "storage/sql/database.h"

namespace luister::sql {

// A customer's timeline: one indexed range scan of activities, on either
// engine.
class SqlTimelineRepository final : public TimelineRepository {
 public:
  explicit SqlTimelineRepository(Database& db) : db_(db) {}

  Result<Page<Activity>> Timeline(int64_t customer_id, const TimelineFilter& f,
                                  const PageRequest& p) override;

 private:
  Database& db_;
};

}  // namespace luister::sql
