#include "storage/sqlite/sqlite_conversation_repository.h"

#include <unordered_map>

#include "storage/sqlite/query_builder.h"
#include "storage/sqlite/rows.h"

namespace luister::sqlite {

namespace {

constexpr char kInsertConversation[] =
    "INSERT INTO conversations (customer_id, channel, subject, status, priority, department_id, "
    "queue_id, assignee_id, created_at, updated_at, last_message_at, message_count) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9, 0)";
constexpr char kUpdateConversation[] =
    "UPDATE conversations SET subject = ?2, status = ?3, priority = ?4, department_id = ?5, "
    "queue_id = ?6, assignee_id = ?7, updated_at = ?8, last_message_at = ?9, "
    "first_response_at = ?10, resolved_at = ?11, message_count = ?12 WHERE id = ?1";
constexpr char kDeleteTags[] = "DELETE FROM conversation_tags WHERE conversation_id = ?1";
constexpr char kInsertTag[] =
    "INSERT INTO conversation_tags (conversation_id, tag) VALUES (?1, ?2) ON CONFLICT DO NOTHING";
constexpr char kCustomerIsMerged[] =
    "SELECT merged_into_id IS NOT NULL FROM customers WHERE id = ?1";
constexpr char kUserName[] = "SELECT name FROM users WHERE id = ?1";
constexpr char kInsertMessage[] =
    "INSERT INTO messages (conversation_id, customer_id, channel, direction, internal, "
    "author_user_id, body_text, body_html, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
constexpr char kInsertAttachment[] =
    "INSERT INTO message_attachments (message_id, position, filename, content_type, size_bytes) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
constexpr char kConversationExists[] = "SELECT 1 FROM conversations WHERE id = ?1";
constexpr char kCountMessages[] = "SELECT count(*) FROM messages";

Status WriteConversation(Connection& c, const Conversation& v) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kUpdateConversation));
  return st.Bind(1, v.id)
      .Bind(2, v.subject)
      .Bind(3, ToString(v.status))
      .Bind(4, ToString(v.priority))
      .Bind(5, v.department_id)
      .Bind(6, v.queue_id)
      .Bind(7, v.assignee_id)
      .Bind(8, v.updated_at)
      .Bind(9, v.last_message_at)
      .Bind(10, v.first_response_at)
      .Bind(11, v.resolved_at)
      .Bind(12, v.message_count)
      .Run();
}

Status WriteTags(Connection& c, int64_t id, const std::vector<std::string>& tags) {
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kDeleteTags));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, id).Run());
  }
  for (const auto& tag : tags) {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertTag));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, id).Bind(2, tag).Run());
  }
  return Status::Ok();
}

// Moves `v` to `status`, keeping resolved_at in step; records the change.
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
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kUserName));
  st.Bind(1, *v.assignee_id);
  LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFound("user " + std::to_string(*v.assignee_id) + " not found");
  a.summary = "Assigned to " + st.Text(0);
  return InsertActivity(c, a);
}

Status CheckCustomerActive(Connection& c, int64_t customer_id) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kCustomerIsMerged));
  st.Bind(1, customer_id);
  LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return NotFound("customer " + std::to_string(customer_id) + " not found");
  if (st.Int(0) != 0)
    return Conflict("customer " + std::to_string(customer_id) + " was merged away");
  return Status::Ok();
}

}  // namespace

Result<Conversation> SqliteConversationRepository::Create(const NewConversation& n,
                                                          std::optional<int64_t> actor) {
  Timestamp at = n.created_at.value_or(Now());
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_RETURN_IF_ERROR(CheckCustomerActive(c, n.customer_id));
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertConversation));
      LUISTER_RETURN_IF_ERROR(st.Bind(1, n.customer_id)
                                  .Bind(2, ToString(n.channel))
                                  .Bind(3, n.subject)
                                  .Bind(4, ToString(ConversationStatus::kNew))
                                  .Bind(5, ToString(n.priority))
                                  .Bind(6, n.department_id)
                                  .Bind(7, n.queue_id)
                                  .Bind(8, n.assignee_id)
                                  .Bind(9, at)
                                  .Run());
    }
    int64_t id = c.LastInsertId();
    LUISTER_RETURN_IF_ERROR(WriteTags(c, id, n.tags));
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id));
    Activity a = ConversationActivity(v, ActivityKind::kConversationOpened, at, actor);
    a.summary = Summarize(v.subject);
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return v;
  });
}

Result<Conversation> SqliteConversationRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return LoadConversation(c, id); });
}

Result<Page<Conversation>> SqliteConversationRepository::List(const ConversationFilter& f,
                                                              const PageRequest& p) {
  const bool by_last_message = f.sort == ConversationSort::kLastMessageDesc;
  const bool ascending = f.sort == ConversationSort::kCreatedAsc;
  const char* key = by_last_message ? "last_message_at" : "created_at";
  QueryBuilder q(std::string("SELECT ") + kConversationColumns + " FROM conversations WHERE 1=1");
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
  if (f.tag) {
    q.Add(" AND id IN (SELECT conversation_id FROM conversation_tags WHERE tag = ?)", *f.tag);
  }
  if (p.after) {
    q.Add(std::string(" AND (") + key + ", id) " + (ascending ? ">" : "<") + " (?, ?)",
          p.after->key, p.after->id);
  }
  q.Add(std::string(" ORDER BY ") + key + (ascending ? ", id" : " DESC, id DESC"));
  q.Add(" LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Conversation>> {
    std::vector<Conversation> rows;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, q.Prepare(c));
      while (true) {
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        rows.push_back(ConversationFromRow(st));
      }
    }
    return MakePage(std::move(rows), p.limit, [&](const Conversation& v) {
      return ToMillis(by_last_message ? v.last_message_at : v.created_at);
    });
  });
}

Result<Conversation> SqliteConversationRepository::Update(int64_t id,
                                                          const ConversationPatch& patch,
                                                          std::optional<int64_t> actor,
                                                          Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id));
    const std::optional<int64_t> old_assignee = v.assignee_id;
    ApplyPatch(&v, patch, at);
    if (patch.status) LUISTER_RETURN_IF_ERROR(ChangeStatus(c, &v, *patch.status, at, actor));
    if (v.assignee_id != old_assignee) LUISTER_RETURN_IF_ERROR(RecordAssignment(c, v, at, actor));
    LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
    if (patch.tags) LUISTER_RETURN_IF_ERROR(WriteTags(c, id, *patch.tags));
    return LoadConversation(c, id);
  });
}

Result<Conversation> SqliteConversationRepository::Transfer(const Handover& h) {
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, h.conversation_id));
    LUISTER_ASSIGN_OR_RETURN(Activity a, HandOver(&v, h));
    LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
    LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
    return LoadConversation(c, v.id);
  });
}

namespace {

// Full-text indexing of new messages (see migration 0002): ids first..last
// were all written by the open transaction, which holds the write lock.
constexpr char kIndexMessages[] =
    "INSERT INTO messages_fts (rowid, body_text) "
    "SELECT id, body_text FROM messages WHERE id BETWEEN ?1 AND ?2";

Status IndexMessages(Connection& c, int64_t first, int64_t last) {
  LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kIndexMessages));
  return st.Bind(1, first).Bind(2, last).Run();
}

// Writes one message into the open transaction: the row, its attachments,
// the timeline activity, and the conversation's counters and status.
// `v` is the conversation as it stands and is updated in place. The caller
// indexes the text (IndexMessages) before the transaction ends.
Result<int64_t> InsertMessage(Connection& c, Conversation& v, const NewMessage& m, Timestamp at,
                              std::optional<ConversationStatus> new_status) {
  {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertMessage));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, v.id)
                                .Bind(2, v.customer_id)
                                .Bind(3, ToString(v.channel))
                                .Bind(4, ToString(m.direction))
                                .Bind(5, m.internal)
                                .Bind(6, m.author_user_id)
                                .Bind(7, m.body_text)
                                .Bind(8, m.body_html)
                                .Bind(9, at)
                                .Run());
  }
  int64_t message_id = c.LastInsertId();
  for (size_t i = 0; i < m.attachments.size(); ++i) {
    const Attachment& att = m.attachments[i];
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kInsertAttachment));
    LUISTER_RETURN_IF_ERROR(st.Bind(1, message_id)
                                .Bind(2, static_cast<int64_t>(i))
                                .Bind(3, att.filename)
                                .Bind(4, att.content_type)
                                .Bind(5, att.size_bytes)
                                .Run());
  }

  LUISTER_RETURN_IF_ERROR(InsertActivity(c, CountMessage(&v, m, message_id, at)));
  if (new_status) LUISTER_RETURN_IF_ERROR(ChangeStatus(c, &v, *new_status, at, m.author_user_id));
  LUISTER_RETURN_IF_ERROR(WriteConversation(c, v));
  return message_id;
}

}  // namespace

Result<Message> SqliteConversationRepository::AddMessage(
    const NewMessage& m, std::optional<ConversationStatus> new_status) {
  Timestamp at = m.created_at.value_or(Now());
  return db_.Write([&](Connection& c) -> Result<Message> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, m.conversation_id));
    LUISTER_ASSIGN_OR_RETURN(int64_t message_id, InsertMessage(c, v, m, at, new_status));
    LUISTER_RETURN_IF_ERROR(IndexMessages(c, message_id, message_id));
    return LoadMessage(c, message_id);
  });
}

Result<std::vector<AddedMessage>> SqliteConversationRepository::AddMessages(
    const std::vector<NewMessage>& messages, const StatusRule& rule) {
  Timestamp now = Now();
  return db_.Write([&](Connection& c) -> Result<std::vector<AddedMessage>> {
    // Conversations touched by the batch, kept current as messages land.
    std::unordered_map<int64_t, Conversation> conversations;
    std::vector<AddedMessage> out;
    out.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i) {
      const NewMessage& m = messages[i];
      auto it = conversations.find(m.conversation_id);
      if (it == conversations.end()) {
        auto loaded = LoadConversation(c, m.conversation_id);
        if (!loaded.ok()) {
          if (loaded.status().code() != StatusCode::kNotFound) return loaded.status();
          return InvalidArgument(
              "the import is not valid",
              {{"messages[" + std::to_string(i) + "].conversation_id", "no such conversation"}});
        }
        it = conversations.emplace(m.conversation_id, std::move(loaded).value()).first;
      }
      Conversation& v = it->second;
      std::optional<ConversationStatus> next = rule(v, m);
      LUISTER_ASSIGN_OR_RETURN(int64_t id,
                               InsertMessage(c, v, m, m.created_at.value_or(now), next));
      LUISTER_ASSIGN_OR_RETURN(Message added, LoadMessage(c, id));
      out.push_back({std::move(added), v, next.has_value()});
    }
    if (!out.empty())
      LUISTER_RETURN_IF_ERROR(IndexMessages(c, out.front().message.id, out.back().message.id));
    return out;
  });
}

Result<Message> SqliteConversationRepository::GetMessage(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadMessage(c, id); });
}

Result<Page<Message>> SqliteConversationRepository::ListMessages(int64_t conversation_id,
                                                                 bool include_internal,
                                                                 const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kMessageColumns +
                 " FROM messages WHERE conversation_id = ?");
  q.Add("", conversation_id);
  if (!include_internal) q.Add(" AND internal = 0");
  if (p.after) q.Add(" AND (created_at, id) > (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY created_at, id LIMIT ?", int64_t{p.limit} + 1);
  return db_.Read([&](Connection& c) -> Result<Page<Message>> {
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kConversationExists));
      LUISTER_ASSIGN_OR_RETURN(bool row, st.Bind(1, conversation_id).Step());
      if (!row) return NotFound("conversation " + std::to_string(conversation_id) + " not found");
    }
    std::vector<Message> rows;
    {
      LUISTER_ASSIGN_OR_RETURN(auto st, q.Prepare(c));
      while (true) {
        LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
        if (!row) break;
        rows.push_back(MessageFromRow(st));
      }
    }
    for (auto& m : rows) LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &m));
    return MakePage(std::move(rows), p.limit,
                    [](const Message& m) { return ToMillis(m.created_at); });
  });
}

Result<int64_t> SqliteConversationRepository::CountMessages() {
  return db_.Read([&](Connection& c) -> Result<int64_t> {
    LUISTER_ASSIGN_OR_RETURN(auto st, c.Prepare(kCountMessages));
    LUISTER_ASSIGN_OR_RETURN(bool row, st.Step());
    return row ? st.Int(0) : 0;
  });
}

}  // namespace luister::sqlite
