#include "storage/sql/activities.h"

#include <nlohmann/json.hpp>

#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsertActivity(
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary, params) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");

}  // namespace

std::string EncodeParams(const ActivityParams& p) {
  if (p.empty()) return "{}";
  nlohmann::json o = nlohmann::json::object();
  for (const auto& [key, value] : p.items())
    std::visit([&, &key = key](const auto& v) { o[key] = v; }, value);
  return o.dump();
}

ActivityParams DecodeParams(std::string_view json) {
  ActivityParams p;
  if (json.empty() || json == "{}") return p;
  auto o = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!o.is_object()) return p;
  for (const auto& [key, value] : o.items()) {
    if (value.is_number_integer()) {
      p.Set(key, value.get<int64_t>());
    } else if (value.is_string()) {
      p.Set(key, value.get<std::string>());
    }
  }
  return p;
}

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
  a.params = DecodeParams(r.Text(11));
  return a;
}

Status InsertActivity(Connection& c, const Activity& a) {
  return c
      .Execute(
          kInsertActivity,
          Params::Of(a.customer_id, a.at, ToString(a.kind), OptEnumText(a.channel), a.department_id,
                     a.conversation_id, a.message_id, OptEnumText(a.direction), a.actor_user_id,
                     a.summary, EncodeParams(a.params)))
      .status();
}

}  // namespace luister::sql
