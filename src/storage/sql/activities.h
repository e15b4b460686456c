#pragma once

#include "domain/activity.h"
#include "storage/sql/connection.h"

// Timeline entries, written by the repositories in the transaction of the
// change they record and read by the timeline.
namespace luister::sql {

// The columns ActivityFromRow reads, FROM activities (no WHERE yet).
inline constexpr char kSelectActivities[] =
    "SELECT id, customer_id, at, kind, channel, department_id, conversation_id, message_id, "
    "direction, actor_user_id, summary, params FROM activities";
Activity ActivityFromRow(const Row& r);

// The params column: a JSON object of integers and strings. Decoding never
// fails: anything that is not such an object reads as no params.
std::string EncodeParams(const ActivityParams& p);
ActivityParams DecodeParams(std::string_view json);

// Appends a timeline entry in the caller's transaction.
Status InsertActivity(Connection& c, const Activity& a);

}  // namespace luister::sql
