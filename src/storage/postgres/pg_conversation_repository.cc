#include "storage/postgres/pg_conversation_repository.h"

#include <algorithm>
#include <unordered_map>

#include "storage/postgres/pg_rows.h"

namespace luister::postgres {

namespace {

constexpr char kInsertConversation[] =
    "INSERT INTO conversations (customer_id, channel, subject, status, priority, department_id, "
    "queue_id, assignee_id, created_at, updated_at, last_message_at, message_count) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9, 0) RETURNING id";
constexpr char kUpdateConversation[] =
    "UPDATE conversations SET subject = $2, status = $3, priority = $4, department_id = $5, "
    "queue_id = $6, assignee_id = $7, updated_at = $8, last_message_at = $9, "
    "first_response_at = $10, resolved_at = $11, message_count = $12 WHERE id = $1";
constexpr char kDeleteTags[] = "DELETE FROM conversation_tags WHERE conversation_id = $1";
constexpr char kInsertTag[] =
    "INSERT INTO conversation_tags (conversation_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
constexpr char kCustomerIsMerged[] =
    "SELECT merged_into_id IS NOT NULL FROM customers WHERE id = $1 FOR SHARE";
constexpr char kUserName[] = "SELECT name FROM users WHERE id = $1";
constexpr char kInsertMessage[] =
    "INSERT INTO messages (conversation_id, customer_id, channel, direction, internal, "
    "author_user_id, body_text, body_html, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id";
constexpr char kInsertAttachment[] =
    "INSERT INTO message_attachments (message_id, position, filename, content_type, size_bytes) "
    "VALUES ($1, $2, $3, $4, $5)";
constexpr char kConversationExists[] = "SELECT 1 FROM conversations WHERE id = $1";
// Batch writes (AddMessages): a fixed statement per table whatever the batch
// size, one array per column.
const std::string kLockConversations = std::string("SELECT ") + kConversationColumns +
                                       " FROM conversations WHERE id = ANY($1::bigint[]) "
                                       "ORDER BY id FOR UPDATE";
constexpr char kNextMessageIds[] =
    "SELECT nextval(pg_get_serial_sequence('messages', 'id')) FROM generate_series(1, $1)";
constexpr char kInsertMessages[] =
    "INSERT INTO messages (id, conversation_id, customer_id, channel, direction, internal, "
    "author_user_id, body_text, body_html, created_at) SELECT * FROM unnest($1::bigint[], "
    "$2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::boolean[], $7::bigint[], $8::text[], "
    "$9::text[], $10::bigint[])";
constexpr char kInsertAttachments[] =
    "INSERT INTO message_attachments (message_id, position, filename, content_type, size_bytes) "
    "SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[], $5::bigint[])";
constexpr char kInsertActivities[] =
    "INSERT INTO activities (customer_id, at, kind, channel, department_id, conversation_id, "
    "message_id, direction, actor_user_id, summary) SELECT * FROM unnest($1::bigint[], "
    "$2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::text[], "
    "$9::bigint[], $10::text[])";
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
      .Set(3, OptEnumText(a.channel))
      .Set(4, a.department_id)
      .Set(5, a.conversation_id)
      .Set(6, a.message_id)
      .Set(7, OptEnumText(a.direction))
      .Set(8, a.actor_user_id)
      .Set(9, std::optional<std::string>(a.summary));
}
constexpr char kCountMessages[] = "SELECT count(*) FROM messages";

Status Exec(Connection& c, const char* sql, const Params& p) { return c.Query(sql, p).status(); }

Status WriteConversation(Connection& c, const Conversation& v) {
  return Exec(c, kUpdateConversation,
              Params()
                  .Add(v.id)
                  .Add(v.subject)
                  .Add(std::string(ToString(v.status)))
                  .Add(std::string(ToString(v.priority)))
                  .Add(v.department_id)
                  .Add(v.queue_id)
                  .Add(v.assignee_id)
                  .Add(v.updated_at)
                  .Add(v.last_message_at)
                  .Add(v.first_response_at)
                  .Add(v.resolved_at)
                  .Add(v.message_count));
}

Status WriteTags(Connection& c, int64_t id, const std::vector<std::string>& tags) {
  LUISTER_RETURN_IF_ERROR(Exec(c, kDeleteTags, Params().Add(id)));
  for (const auto& tag : tags)
    LUISTER_RETURN_IF_ERROR(Exec(c, kInsertTag, Params().Add(id).Add(tag)));
  return Status::Ok();
}

Status ChangeStatus(Connection& c, Conversation* v, ConversationStatus status, Timestamp at,
                    std::optional<int64_t> actor) {
  if (auto a = MoveStatus(v, status, at, actor)) return InsertActivity(c, *a);
  return Status::Ok();
}

Status RecordAssignment(Connection& c, const Conversation& v, Timestamp at,
                        std::optional<int64_t> actor) {
  Activity a = ConversationActivity(v, ActivityKind::kAssigned, at, actor);
  if (!v.assignee_id) {
    a.summary = "Unassigned";
    return InsertActivity(c, a);
  }
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kUserName, Params().Add(*v.assignee_id)));
  if (r.size() == 0) return NotFound("user " + std::to_string(*v.assignee_id) + " not found");
  a.summary = "Assigned to " + r.Text(0, 0);
  return InsertActivity(c, a);
}

Status CheckCustomerActive(Connection& c, int64_t customer_id) {
  LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kCustomerIsMerged, Params().Add(customer_id)));
  if (r.size() == 0) return NotFound("customer " + std::to_string(customer_id) + " not found");
  if (r.Bool(0, 0)) return Conflict("customer " + std::to_string(customer_id) + " was merged away");
  return Status::Ok();
}

// Writes one message into the open transaction: the row, its attachments,
// the timeline activity, and the conversation's counters and status. `v` is
// the (locked) conversation as it stands and is updated in place.
Result<int64_t> InsertMessage(Connection& c, Conversation& v, const NewMessage& m, Timestamp at,
                              std::optional<ConversationStatus> new_status) {
  LUISTER_ASSIGN_OR_RETURN(Rows r,
                           c.Query(kInsertMessage, Params()
                                                       .Add(v.id)
                                                       .Add(v.customer_id)
                                                       .Add(std::string(ToString(v.channel)))
                                                       .Add(std::string(ToString(m.direction)))
                                                       .Add(m.internal)
                                                       .Add(m.author_user_id)
                                                       .Add(m.body_text)
                                                       .Add(m.body_html)
                                                       .Add(at)));
  int64_t message_id = r.Int(0, 0);
  for (size_t i = 0; i < m.attachments.size(); ++i) {
    const Attachment& att = m.attachments[i];
    LUISTER_RETURN_IF_ERROR(Exec(c, kInsertAttachment,
                                 Params()
                                     .Add(message_id)
                                     .Add(static_cast<int64_t>(i))
                                     .Add(att.filename)
                                     .Add(att.content_type)
                                     .Add(att.size_bytes)));
  }
  LUISTER_RETURN_IF_ERROR(InsertActivity(c, CountMessage(&v, m, message_id, at)));
  if (new_status) LUISTER_RETURN_IF_ERROR(ChangeStatus(c, &v, *new_status, at, m.author_user_id));
  LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
  return message_id;
}

}  // namespace

Result<Conversation> PgConversationRepository::Create(const NewConversation& n,
                                                      std::optional<int64_t> actor) {
  Timestamp at = n.created_at.value_or(Now());
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_RETURN_IF_ERROR(CheckCustomerActive(c, n.customer_id));
    LUISTER_ASSIGN_OR_RETURN(
        Rows r,
        c.Query(kInsertConversation, Params()
                                         .Add(n.customer_id)
                                         .Add(std::string(ToString(n.channel)))
                                         .Add(n.subject)
                                         .Add(std::string(ToString(ConversationStatus::kNew)))
                                         .Add(std::string(ToString(n.priority)))
                                         .Add(n.department_id)
                                         .Add(n.queue_id)
                                         .Add(n.assignee_id)
                                         .Add(at)));
    int64_t id = r.Int(0, 0);
    LUISTER_RETURN_IF_ERROR(WriteTags(c, id, n.tags));
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id));
    Activity a = ConversationActivity(v, ActivityKind::kConversationOpened, at, actor);
    a.summary = Summarize(v.subject);
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return v;
  });
}

Result<Conversation> PgConversationRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return LoadConversation(c, id); });
}

Result<Page<Conversation>> PgConversationRepository::List(const ConversationFilter& f,
                                                          const PageRequest& p) {
  const bool by_last_message = f.sort == ConversationSort::kLastMessageDesc;
  const bool ascending = f.sort == ConversationSort::kCreatedAsc;
  const char* key = by_last_message ? "last_message_at" : "created_at";
  QueryBuilder q(std::string("SELECT ") + kConversationColumns + " FROM conversations WHERE TRUE");
  if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
  if (f.channel) q.Add(" AND channel = ?", std::string(ToString(*f.channel)));
  if (f.status) q.Add(" AND status = ?", std::string(ToString(*f.status)));
  if (!f.status_in.empty()) {
    q.Add(" AND status IN (?", std::string(ToString(f.status_in[0])));
    for (size_t i = 1; i < f.status_in.size(); ++i)
      q.Add(", ?", std::string(ToString(f.status_in[i])));
    q.Add(")");
  }
  if (f.priority) q.Add(" AND priority = ?", std::string(ToString(*f.priority)));
  if (f.department_id) q.Add(" AND department_id = ?", *f.department_id);
  if (f.queue_id) q.Add(" AND queue_id = ?", *f.queue_id);
  if (f.assignee_id) q.Add(" AND assignee_id = ?", *f.assignee_id);
  if (f.unassigned) q.Add(" AND assignee_id IS NULL");
  if (f.tag)
    q.Add(" AND id IN (SELECT conversation_id FROM conversation_tags WHERE tag = ?)", *f.tag);
  if (p.after) {
    q.Add(std::string(" AND (") + key + ", id) " + (ascending ? ">" : "<") + " (?, ?)",
          p.after->key, p.after->id);
  }
  q.Add(std::string(" ORDER BY ") + key + (ascending ? ", id" : " DESC, id DESC"));
  q.Add(" LIMIT ?", int64_t{p.limit} + 1);
  return db_.ReadOne([&](Connection& c) -> Result<Page<Conversation>> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, q.Run(c));
    return MakePage(Collect<Conversation>(r, ConversationFromRow), p.limit,
                    [&](const Conversation& v) {
                      return ToMillis(by_last_message ? v.last_message_at : v.created_at);
                    });
  });
}

Result<Conversation> PgConversationRepository::Update(int64_t id, const ConversationPatch& patch,
                                                      std::optional<int64_t> actor, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id, /*for_update=*/true));
    const std::optional<int64_t> old_assignee = v.assignee_id;
    ApplyPatch(&v, patch, at);
    if (patch.status) LUISTER_RETURN_IF_ERROR(ChangeStatus(c, &v, *patch.status, at, actor));
    if (v.assignee_id != old_assignee) LUISTER_RETURN_IF_ERROR(RecordAssignment(c, v, at, actor));
    LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
    if (patch.tags) LUISTER_RETURN_IF_ERROR(WriteTags(c, id, *patch.tags));
    return LoadConversation(c, id);
  });
}

Result<Conversation> PgConversationRepository::Transfer(const Handover& h) {
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v,
                             LoadConversation(c, h.conversation_id, /*for_update=*/true));
    LUISTER_ASSIGN_OR_RETURN(Activity a, HandOver(&v, h));
    LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return LoadConversation(c, v.id);
  });
}

Result<Message> PgConversationRepository::AddMessage(const NewMessage& m,
                                                     std::optional<ConversationStatus> new_status) {
  Timestamp at = m.created_at.value_or(Now());
  return db_.Write([&](Connection& c) -> Result<Message> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v,
                             LoadConversation(c, m.conversation_id, /*for_update=*/true));
    LUISTER_ASSIGN_OR_RETURN(int64_t id, InsertMessage(c, v, m, at, new_status));
    return LoadMessage(c, id);
  });
}

Result<std::vector<AddedMessage>> PgConversationRepository::AddMessages(
    const std::vector<NewMessage>& messages, const StatusRule& rule) {
  if (messages.empty()) return std::vector<AddedMessage>{};
  Timestamp now = Now();
  // A handful of statements per batch, not several per message: the
  // conversations are locked and read at once (in id order, so concurrent
  // batches cannot deadlock), the rules run here in message order, and
  // messages, attachments, activities and conversations are written with one
  // statement each.
  return db_.Write([&](Connection& c) -> Result<std::vector<AddedMessage>> {
    std::vector<int64_t> ids;
    for (const NewMessage& m : messages) ids.push_back(m.conversation_id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    LUISTER_ASSIGN_OR_RETURN(Rows locked, c.Query(kLockConversations, Params().Add(IdArray(ids))));
    std::unordered_map<int64_t, Conversation> conversations;
    for (int i = 0; i < locked.size(); ++i) {
      Conversation v = ConversationFromRow(locked, i);
      conversations.emplace(v.id, std::move(v));
    }
    for (size_t i = 0; i < messages.size(); ++i)
      if (!conversations.count(messages[i].conversation_id))
        return InvalidArgument(
            "the import is not valid",
            {{"messages[" + std::to_string(i) + "].conversation_id", "no such conversation"}});
    LUISTER_ASSIGN_OR_RETURN(
        Rows next_ids,
        c.Query(kNextMessageIds, Params().Add(static_cast<int64_t>(messages.size()))));

    BatchColumns message_rows(10), attachment_rows(5), activity_rows(10);
    std::vector<AddedMessage> out;
    out.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i) {
      const NewMessage& m = messages[i];
      Conversation& v = conversations.at(m.conversation_id);
      const int64_t id = next_ids.Int(static_cast<int>(i), 0);
      const Timestamp at = m.created_at.value_or(now);
      std::optional<ConversationStatus> next = rule(v, m);
      message_rows.Set(0, id)
          .Set(1, v.id)
          .Set(2, v.customer_id)
          .Set(3, std::optional<std::string>(std::string(ToString(v.channel))))
          .Set(4, std::optional<std::string>(std::string(ToString(m.direction))))
          .Set(5, std::optional<std::string>(m.internal ? "t" : "f"))
          .Set(6, m.author_user_id)
          .Set(7, std::optional<std::string>(m.body_text))
          .Set(8, std::optional<std::string>(m.body_html))
          .Set(9, at);
      for (size_t a = 0; a < m.attachments.size(); ++a)
        attachment_rows.Set(0, id)
            .Set(1, static_cast<int64_t>(a))
            .Set(2, std::optional<std::string>(m.attachments[a].filename))
            .Set(3, std::optional<std::string>(m.attachments[a].content_type))
            .Set(4, m.attachments[a].size_bytes);
      AddActivity(activity_rows, CountMessage(&v, m, id, at));
      if (next)
        if (auto moved = MoveStatus(&v, *next, at, m.author_user_id))
          AddActivity(activity_rows, *moved);
      Message stored;
      stored.id = id;
      stored.conversation_id = v.id;
      stored.customer_id = v.customer_id;
      stored.channel = v.channel;
      stored.direction = m.direction;
      stored.internal = m.internal;
      stored.author_user_id = m.author_user_id;
      stored.body_text = m.body_text;
      stored.body_html = m.body_html;
      stored.created_at = at;
      stored.attachments = m.attachments;
      out.push_back({std::move(stored), v, next.has_value()});
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

Result<Message> PgConversationRepository::GetMessage(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadMessage(c, id); });
}

Result<Page<Message>> PgConversationRepository::ListMessages(int64_t conversation_id,
                                                             bool include_internal,
                                                             const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kMessageColumns +
                 " FROM messages WHERE conversation_id = ?");
  q.Add("", conversation_id);
  if (!include_internal) q.Add(" AND NOT internal");
  if (p.after) q.Add(" AND (created_at, id) > (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY created_at, id LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Message>> {
    LUISTER_ASSIGN_OR_RETURN(Rows exists,
                             c.Query(kConversationExists, Params().Add(conversation_id)));
    if (exists.size() == 0)
      return NotFound("conversation " + std::to_string(conversation_id) + " not found");
    LUISTER_ASSIGN_OR_RETURN(Rows r, q.Run(c));
    std::vector<Message> rows = Collect<Message>(r, MessageFromRow);
    LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &rows));
    return MakePage(std::move(rows), p.limit,
                    [](const Message& m) { return ToMillis(m.created_at); });
  });
}

Result<int64_t> PgConversationRepository::CountMessages() {
  return db_.ReadOne([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(Rows r, c.Query(kCountMessages));
    return r.Int(0, 0);
  });
}

}  // namespace luister::postgres
