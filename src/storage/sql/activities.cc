#include "storage/sql/activities.h"

#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsertActivity(
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

}  // namespace

Activity ActivityFromRow(const Row& r) {
  Activity a;
  a.id = r.Int(0);
  a.customer_id = r.Int(1);
  a.at = r.Time(2);
  a.kind = EnumFromText<ActivityKind>(r.Text(3));
  a.channel = OptEnumFromText<Channel>(r.OptText(4));
  a.department_id = r.OptInt(5);
  a.conversation_id = r.OptInt(6);
  a.message_id = r.OptInt(7);
  a.direction = OptEnumFromText<Direction>(r.OptText(8));
  a.actor_user_id = r.OptInt(9);
  a.summary = r.Text(10);
  return a;
}

Status InsertActivity(Connection& c, const Activity& a) {
  return c
      .Execute(kInsertActivity,
               Params::Of(a.customer_id, a.at, ToString(a.kind), OptEnumText(a.channel),
                          a.department_id, a.conversation_id, a.message_id,
                          OptEnumText(a.direction), a.actor_user_id, a.summary))
      .status();
}

}  // namespace luister::sql
