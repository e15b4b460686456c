#include "storage/sql/sql_timeline_repository.h"

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/query_builder.h"

namespace luister::sql {

namespace {

const Sql kCustomerExists("SELECT 1 FROM customers WHERE id = ?");

}  // namespace

Result<Page<Activity>> SqlTimelineRepository::Timeline(int64_t customer_id, const TimelineFilter& f,
                                                       const PageRequest& p) {
  QueryBuilder q(kSelectActivities);
  q.Add(" WHERE customer_id = ?", customer_id);
  if (f.channel) q.Add(" AND channel = ?", ToString(*f.channel));
  if (f.department_id) q.Add(" AND department_id = ?", *f.department_id);
  if (f.from) q.Add(" AND at >= ?", *f.from);
  if (f.to) q.Add(" AND at < ?", *f.to);
  if (!f.include_internal) q.Add(" AND kind <> ?", ToString(ActivityKind::kNote));
  if (p.after) q.Add(" AND (at, id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY at DESC, id DESC LIMIT ?", int64_t{p.limit} + 1);
  Sql sql = q.Build();
  return db_.Read([&](Connection& c) -> Result<Page<Activity>> {
    LUISTER_ASSIGN_OR_RETURN(auto exists,
                             First<int64_t>(c, kCustomerExists, Params::Of(customer_id),
                                            [](const Row& r) { return r.Int(0); }));
    if (!exists) return NotFound("customer " + std::to_string(customer_id) + " not found");
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<Activity>(c, sql, q.params(), ActivityFromRow));
    return MakePage(std::move(rows), p.limit, [](const Activity& a) { return ToMillis(a.at); });
  });
}

}  // namespace luister::sql
