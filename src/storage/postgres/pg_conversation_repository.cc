#include "storage/postgres/pg_conversation_repository.h"

#include <algorithm>
#include <unordered_map>

#include "storage/postgres/pg_rows.h"
#include "storage/postgres/pg_sql_database.h"
#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/records.h"
#include "storage/sql/row_mapping.h"

namespace luister::postgres {

namespace {

// A fixed statement per table whatever the batch size, one array per column.
constexpr char kNextMessageIds[] =
    "SELECT nextval(pg_get_serial_sequence('messages', 'id')) FROM generate_series(1, $1)";
constexpr char kInsertMessages[] =
    "INSERT INTO messages (id, conversation_id, customer_id, channel, direction, internal, "
    "author_user_id, body_text, body_html, created_at, external_id, raw_sha256) SELECT * FROM "
    "unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], "
    "$7::bigint[], $8::text[], $9::text[], $10::bigint[], $11::text[], $12::text[])";
constexpr char kInsertAttachments[] =
    "INSERT INTO message_attachments (message_id, position, filename, content_type, size_bytes, "
    "sha256, content_id, inline) SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], "
    "$4::text[], $5::bigint[], $6::text[], $7::text[], $8::boolean[])";
constexpr char kInsertActivities[] =
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary, params) SELECT * FROM unnest($1::bigint[], "
    "$2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], "
    "$9::bigint[], $10::text[], $11::text[])";
constexpr char kUpdateConversations[] =
    "UPDATE conversations c SET status = u.status, updated_at = u.updated_at, "
    "last_message_at = u.last_message_at, first_response_at = u.first_response_at, "
    "resolved_at = u.resolved_at, message_count = u.message_count "
    "FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[], "
    "$6::bigint[], $7::integer[]) AS u(id, status, updated_at, last_message_at, "
    "first_response_at, resolved_at, message_count) WHERE c.id = u.id";

void AddActivity(BatchColumns& cols, const Activity& a) {
  cols.Set(0, a.customer_id)
      .Set(1, a.at)
      .Set(2, std::optional<std::string>(std::string(ToString(a.kind))))
      .Set(3, sql::OptEnumText(a.channel))
      .Set(4, a.department_id)
      .Set(5, a.conversation_id)
      .Set(6, a.message_id)
      .Set(7, sql::OptEnumText(a.direction))
      .Set(8, a.actor_user_id)
      .Set(9, std::optional<std::string>(a.summary))
      .Set(10, std::optional<std::string>(sql::EncodeParams(a.params)));
}

Status Exec(Connection& c, const char* sql, const Params& p) { return c.Query(sql, p).status(); }

}  // namespace

Result<std::vector<AddedMessage>> PgConversationRepository::AddMessages(
    const std::vector<NewMessage>& messages, const MessagePlan& plan) {
  if (messages.empty()) return std::vector<AddedMessage>{};
  Timestamp now = db().clock().Now();
  // The conversations are locked and read at once (in id order, so
  // concurrent batches cannot deadlock), the rules run here in message
  // order, and messages, attachments, activities and conversations are
  // written with one statement each.
  return db().Write([&](sql::Connection& shared) -> Result<std::vector<AddedMessage>> {
    Connection& c = Native(shared);
    std::vector<int64_t> ids;
    for (const NewMessage& m : messages) ids.push_back(m.conversation_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    sql::QueryBuilder lock(std::string("SELECT ") + sql::kConversationColumns +
                           " FROM conversations WHERE id");
    sql::AddIdList(lock, ids);
    lock.Add(" ORDER BY id{for_update}");
    LUISTER_ASSIGN_OR_RETURN(
        auto locked,
        sql::Collect<Conversation>(shared, lock.Build(), lock.params(), sql::ConversationFromRow));
    std::unordered_map<int64_t, Conversation> conversations;
    for (Conversation& v : locked) conversations.emplace(v.id, std::move(v));
    for (size_t i = 0; i < messages.size(); ++i)
      if (!conversations.count(messages[i].conversation_id))
        return InvalidArgument(
            "the import is not valid",
            {{"messages[" + std::to_string(i) + "].conversation_id", "no such conversation"}});
    LUISTER_ASSIGN_OR_RETURN(
        Rows next_ids,
        c.Query(kNextMessageIds, Params().Add(static_cast<int64_t>(messages.size()))));

    BatchColumns message_rows(12), attachment_rows(8), activity_rows(11);
    std::vector<AddedMessage> out;
    out.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i) {
      const NewMessage& m = messages[i];
      Conversation& v = conversations.at(m.conversation_id);
      const int64_t id = next_ids.Int(static_cast<int>(i), 0);
      const Timestamp at = m.created_at.value_or(now);
      message_rows.Set(0, id)
          .Set(1, v.id)
          .Set(2, v.customer_id)
          .Set(3, std::optional<std::string>(std::string(ToString(v.channel))))
          .Set(4, std::optional<std::string>(std::string(ToString(m.direction))))
          .Set(5, std::optional<std::string>(m.internal ? "t" : "f"))
          .Set(6, m.author_user_id)
          .Set(7, std::optional<std::string>(m.body_text))
          .Set(8, std::optional<std::string>(m.body_html))
          .Set(9, at)
          .Set(10,
               m.external_id.empty() ? std::nullopt : std::optional<std::string>(m.external_id));
      for (size_t a = 0; a < m.attachments.size(); ++a)
        attachment_rows.Set(0, id)
            .Set(1, static_cast<int64_t>(a))
            .Set(2, std::optional<std::string>(m.attachments[a].filename))
            .Set(3, std::optional<std::string>(m.attachments[a].content_type))
            .Set(4, m.attachments[a].size_bytes)
            .Set(5, std::optional<std::string>(m.attachments[a].sha256))
            .Set(6, std::optional<std::string>(m.attachments[a].content_id))
            .Set(7, std::optional<std::string>(m.attachments[a].inline_part ? "t" : "f"));
      ConversationChange change = plan(v, m, id, at);
      for (const Activity& a : change.activities) AddActivity(activity_rows, a);
      const bool status_changed = change.next.status != v.status;
      // The batch writes only what a message can change; anything else is a
      // plan this fast path does not know.
      if (change.next.id != v.id || change.next.tags != v.tags ||
          change.next.department_id != v.department_id || change.next.queue_id != v.queue_id ||
          change.next.assignee_id != v.assignee_id || change.next.subject != v.subject ||
          change.next.priority != v.priority)
        return Internal("a message plan changed more than a message can");
      v = std::move(change.next);
      Message stored = StoredMessage(v, m, id, at);
      out.push_back({std::move(stored), v, status_changed});
    }
    LUISTER_RETURN_IF_ERROR(Exec(c, kInsertMessages, message_rows.ToParams()));
    if (!attachment_rows.empty())
      LUISTER_RETURN_IF_ERROR(Exec(c, kInsertAttachments, attachment_rows.ToParams()));
    LUISTER_RETURN_IF_ERROR(Exec(c, kInsertActivities, activity_rows.ToParams()));
    BatchColumns conversation_rows(7);
    for (const auto& [id, v] : conversations)
      conversation_rows.Set(0, id)
          .Set(1, std::optional<std::string>(std::string(ToString(v.status))))
          .Set(2, v.updated_at)
          .Set(3, v.last_message_at)
          .Set(4, v.first_response_at)
          .Set(5, v.resolved_at)
          .Set(6, static_cast<int64_t>(v.message_count));
    LUISTER_RETURN_IF_ERROR(Exec(c, kUpdateConversations, conversation_rows.ToParams()));
    return out;
  });
}

}  // namespace luister::postgres
