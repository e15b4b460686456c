#include "storage/sqlite/sqlite_timeline_repository.h"

#include "storage/sqlite/query_builder.h"
#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr char kSelectActivities[] =
    "SELECT id, customer_id, at, kind, channel, department_id, conversation_id, message_id, "
    "direction, actor_user_id, summary FROM activities WHERE customer_id = ?";
constexpr char kCustomerExists[] = "SELECT 1 FROM customers WHERE id = ?1";

Activity ActivityFromRow(const Statement& st) {
  Activity a;
  a.id = st.Int(0);
  a.customer_id = st.Int(1);
  a.at = st.Time(2);
  a.kind = EnumFromText<ActivityKind>(st.Text(3));
  a.channel = OptEnumFromText<Channel>(st.OptText(4));
  a.department_id = st.OptInt(5);
  a.conversation_id = st.OptInt(6);
  a.message_id = st.OptInt(7);
  a.direction = OptEnumFromText<Direction>(st.OptText(8));
  a.actor_user_id = st.OptInt(9);
  a.summary = st.Text(10);
  return a;
}

}  // namespace

Result<Page<Activity>> SqliteTimelineRepository::Timeline(int64_t customer_id,
                                                          const TimelineFilter& f,
                                                          const PageRequest& p) {
  QueryBuilder q(kSelectActivities);
  q.Add("", customer_id);
  if (f.channel) q.Add(" AND channel = ?", std::string(ToString(*f.channel)));
  if (f.department_id) q.Add(" AND department_id = ?", *f.department_id);
  if (f.from) q.Add(" AND at >= ?", ToMillis(*f.from));
  if (f.to) q.Add(" AND at < ?", ToMillis(*f.to));
  if (!f.include_internal) q.Add(" AND kind <> ?", std::string(ToString(ActivityKind::kNote)));
  if (p.after) q.Add(" AND (at, id) < (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY at DESC, id DESC LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Activity>> {
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kCustomerExists));
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, customer_id).Step());
      if (!row) return NotFound("customer " + std::to_string(customer_id) + " not found");
    }
    LUISTER_ASSIGN_OR_RETURN(auto st, q.Prepare(c));
    std::vector<Activity> rows;
    while (true) {
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      rows.push_back(ActivityFromRow(st));
    }
    return MakePage(std::move(rows), p.limit, [](const Activity& a) { return ToMillis(a.at); });
  });
}

}  // namespace luister::sqlite
