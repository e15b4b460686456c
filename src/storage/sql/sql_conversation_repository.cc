#include "storage/sql/sql_conversation_repository.h"

#include <unordered_map>

#include "storage/sql/activities.h"
#include "storage/sql/query.h"
#include "storage/sql/records.h"
#include "storage/sql/row_mapping.h"

namespace luister::sql {

namespace {

const Sql kInsertConversation(
    "INSERT INTO conversations (customer_id, channel, subject, status, priority, department_id, "
    "queue_id, assignee_id, created_at, updated_at, last_message_at, message_count, follows_id, "
    "location_id, public_thread) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING "
    "id");
const Sql kUpdateConversation(
    "UPDATE conversations SET subject = ?, status = ?, priority = ?, department_id = ?, "
    "queue_id = ?, assignee_id = ?, updated_at = ?, last_message_at = ?, "
    "first_response_at = ?, resolved_at = ?, message_count = ? WHERE id = ?");
const Sql kDeleteTags("DELETE FROM conversation_tags WHERE conversation_id = ?");
const Sql kInsertTag(
    "INSERT INTO conversation_tags (conversation_id, tag) VALUES (?, ?) ON CONFLICT DO NOTHING");
// The customer row is shared-locked so that a merge cannot move it away
// while a conversation is opened for it.
const Sql kCustomerIsMerged(
    "SELECT merged_into_id IS NOT NULL FROM customers WHERE id = ?{for_share}");
const Sql kInsertMessage(
    "INSERT INTO messages (conversation_id, customer_id, channel, direction, internal, "
    "author_user_id, body_text, body_html, created_at, external_id, raw_sha256, delivery, "
    "answer_id, answer_number, answer_override) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?) RETURNING id");
const Sql kInsertAttachment(
    "INSERT INTO message_attachments (message_id, position, filename, content_type, size_bytes, "
    "sha256, content_id, inline) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
const Sql kConversationExists("SELECT 1 FROM conversations WHERE id = ?");
const Sql kSelectAttachment(
    "SELECT a.filename, a.content_type, a.size_bytes, a.sha256, a.content_id, a.inline, a.id, "
    "a.message_id, m.conversation_id, m.customer_id "
    "FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = ?");
const Sql kMessageByExternalId("SELECT id, conversation_id FROM messages WHERE external_id = ?");
const Sql kCountMessages("SELECT count(*) FROM messages");
// An edited resend: the reply it replaces (locked), cancelled; the new
// one's outbox row says whom it goes to and what it replaces.
const Sql kReplaced("SELECT conversation_id, delivery FROM messages WHERE id = ?{for_update}");
const Sql kCancel("UPDATE messages SET delivery = 'cancelled' WHERE id = ?");
const Sql kResendRow(
    "INSERT INTO mail_outbox (message_id, attempts, next_attempt_at, data_started, updated_at, "
    "to_address, replaces_message_id) VALUES (?, 0, ?, ?, ?, ?, ?)");

// NULL when the message has none: the unique index allows many NULLs.
std::optional<std::string> ExternalId(const NewMessage& m) {
  if (m.external_id.empty()) return std::nullopt;
  return m.external_id;
}

Status WriteConversation(Connection& c, const Conversation& v) {
  return c
      .Execute(kUpdateConversation,
               Params::Of(v.subject, ToString(v.status), ToString(v.priority), v.department_id,
                          v.queue_id, v.assignee_id, v.updated_at, v.last_message_at,
                          v.first_response_at, v.resolved_at, v.message_count, v.id))
      .status();
}

Status WriteTags(Connection& c, int64_t id, const std::vector<std::string>& tags) {
  LUISTER_RETURN_IF_ERROR(c.Execute(kDeleteTags, Params::Of(id)).status());
  for (const auto& tag : tags)
    LUISTER_RETURN_IF_ERROR(c.Execute(kInsertTag, Params::Of(id, tag)).status());
  return Status::Ok();
}

Status InsertActivities(Connection& c, const std::vector<Activity>& activities) {
  for (const Activity& a : activities) LUISTER_RETURN_IF_ERROR(InsertActivity(c, a));
  return Status::Ok();
}

// Persists `change` of the (locked) conversation `current`.
Status Persist(Connection& c, const Conversation& current, const ConversationChange& change) {
  if (change.next.id != current.id)
    return Internal("a plan changed the id of conversation " + std::to_string(current.id));
  LUISTER_RETURN_IF_ERROR(WriteConversation(c, change.next));
  if (change.next.tags != current.tags)
    LUISTER_RETURN_IF_ERROR(WriteTags(c, current.id, change.next.tags));
  return InsertActivities(c, change.activities);
}

Status CheckCustomerActive(Connection& c, int64_t customer_id) {
  LUISTER_ASSIGN_OR_RETURN(auto merged, First<bool>(c, kCustomerIsMerged, Params::Of(customer_id),
                                                    [](const Row& r) { return r.Bool(0); }));
  if (!merged) return NotFound("customer " + std::to_string(customer_id) + " not found");
  if (*merged) return Conflict("customer " + std::to_string(customer_id) + " was merged away");
  return Status::Ok();
}

// Writes one message into the open transaction: the row, its attachments,
// and the change `plan` makes for it. `v` is the (locked) conversation as it
// stands and becomes the planned state. The caller calls MessagesAdded
// before the transaction ends.
// Cancels the failed or uncertain reply `m` replaces, in the open
// transaction: Conflict when someone retried or dismissed it first.
Status CancelReplaced(Connection& c, const NewMessage& m) {
  const int64_t old = *m.replaces_id;
  struct Replaced {
    int64_t conversation_id;
    std::optional<std::string> delivery;
  };
  LUISTER_ASSIGN_OR_RETURN(auto r, First<Replaced>(c, kReplaced, Params::Of(old), [](const Row& r) {
                             return Replaced{r.Int(0), r.OptText(1)};
                           }));
  if (!r || r->conversation_id != m.conversation_id)
    return NotFound("reply " + std::to_string(old) + " not found in conversation " +
                    std::to_string(m.conversation_id));
  if (r->delivery != ToString(Delivery::kFailed) && r->delivery != ToString(Delivery::kUncertain))
    return Conflict("reply " + std::to_string(old) + " is " + r->delivery.value_or("not sent") +
                    "; only a failed or uncertain reply is replaced by an edited one");
  return c.Execute(kCancel, Params::Of(old)).status();
}

Result<int64_t> InsertMessage(Connection& c, Conversation& v, const NewMessage& m, Timestamp at,
                              const MessagePlan& plan, bool* status_changed) {
  if (m.replaces_id) LUISTER_RETURN_IF_ERROR(CancelReplaced(c, m));
  Params insert =
      Params::Of(v.id, v.customer_id, ToString(v.channel), ToString(m.direction), m.internal,
                 m.author_user_id, m.body_text, m.body_html, at, ExternalId(m),
                 m.raw_sha256.empty() ? std::nullopt : std::optional<std::string>(m.raw_sha256));
  insert.Add(m.send ? std::optional<std::string>(std::string(ToString(Delivery::kQueued)))
                    : std::nullopt);
  insert.Add(m.answer_id);
  insert.Add(m.answer_number ? std::optional<int64_t>(*m.answer_number) : std::nullopt);
  insert.Add(m.answer_override.empty() ? std::nullopt
                                       : std::optional<std::string>(m.answer_override));
  LUISTER_ASSIGN_OR_RETURN(int64_t message_id, Scalar(c, kInsertMessage, insert));
  if (m.send && (m.replaces_id || !m.send_to.empty()))
    LUISTER_RETURN_IF_ERROR(
        c.Execute(
             kResendRow,
             Params::Of(message_id, at, false, at,
                        m.send_to.empty() ? std::nullopt : std::optional(m.send_to), m.replaces_id))
            .status());
  for (size_t i = 0; i < m.attachments.size(); ++i) {
    const Attachment& att = m.attachments[i];
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kInsertAttachment,
                  Params::Of(message_id, static_cast<int64_t>(i), att.filename, att.content_type,
                             att.size_bytes, att.sha256, att.content_id, att.inline_part))
            .status());
  }
  ConversationChange change = plan(v, m, message_id, at);
  LUISTER_RETURN_IF_ERROR(Persist(c, v, change));
  *status_changed = change.next.status != v.status;
  v = std::move(change.next);
  return message_id;
}

// Writes a new conversation into the open transaction, and what `opening`
// records for it.
Result<Conversation> InsertConversation(Connection& c, const NewConversation& n,
                                        const OpeningPlan& opening, Timestamp at) {
  LUISTER_RETURN_IF_ERROR(CheckCustomerActive(c, n.customer_id));
  LUISTER_ASSIGN_OR_RETURN(
      int64_t id, Scalar(c, kInsertConversation,
                         Params::Of(n.customer_id, ToString(n.channel), n.subject,
                                    ToString(ConversationStatus::kNew), ToString(n.priority),
                                    n.department_id, n.queue_id, n.assignee_id, at, at, at,
                                    n.follows_id, n.location_id, n.public_thread)));
  LUISTER_RETURN_IF_ERROR(WriteTags(c, id, n.tags));
  LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id));
  LUISTER_RETURN_IF_ERROR(InsertActivities(c, opening(v)));
  return v;
}

}  // namespace

Result<Conversation> SqlConversationRepository::Create(const NewConversation& n,
                                                       const OpeningPlan& opening) {
  Timestamp at = n.created_at.value_or(db_.clock().Now());
  return db_.Write([&](Connection& c) { return InsertConversation(c, n, opening, at); });
}

Result<AddedMessage> SqlConversationRepository::Open(const NewConversation& n,
                                                     const OpeningPlan& opening,
                                                     const NewMessage& first,
                                                     const MessagePlan& plan) {
  Timestamp at = n.created_at.value_or(db_.clock().Now());
  return db_.Write([&](Connection& c) -> Result<AddedMessage> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, InsertConversation(c, n, opening, at));
    NewMessage m = first;
    m.conversation_id = v.id;
    bool status_changed = false;
    LUISTER_ASSIGN_OR_RETURN(int64_t message_id, InsertMessage(c, v, m, m.created_at.value_or(at),
                                                               plan, &status_changed));
    LUISTER_RETURN_IF_ERROR(MessagesAdded(c, message_id, message_id));
    LUISTER_ASSIGN_OR_RETURN(Message stored, LoadMessage(c, message_id));
    return AddedMessage{std::move(stored), std::move(v), status_changed};
  });
}

Result<std::optional<MessageRef>> SqlConversationRepository::FindByExternalIds(
    const std::vector<std::string>& external_ids) {
  return db_.Read([&](Connection& c) -> Result<std::optional<MessageRef>> {
    std::optional<MessageRef> found;
    for (const std::string& id : external_ids) {
      if (id.empty()) continue;
      LUISTER_ASSIGN_OR_RETURN(
          auto ref, First<MessageRef>(c, kMessageByExternalId, Params::Of(id), [](const Row& r) {
            return MessageRef{r.Int(0), r.Int(1)};
          }));
      if (ref && (!found || ref->message_id > found->message_id)) found = ref;
    }
    return found;
  });
}

Result<StoredAttachment> SqlConversationRepository::GetAttachment(int64_t id) {
  return db_.ReadOne([&](Connection& c) {
    return One<StoredAttachment>(c, kSelectAttachment, id, "attachment", [](const Row& r) {
      return StoredAttachment{
          Attachment{r.Text(0), r.Text(1), r.Int(2), r.Text(3), r.Text(4), r.Bool(5), r.Int(6)},
          r.Int(7), r.Int(8), r.Int(9)};
    });
  });
}

Result<Conversation> SqlConversationRepository::Get(int64_t id) {
  return db_.ReadOne([&](Connection& c) { return LoadConversation(c, id); });
}

Result<Page<Conversation>> SqlConversationRepository::List(const ConversationFilter& f,
                                                           const PageRequest& p) {
  const bool by_last_message = f.sort == ConversationSort::kLastMessageDesc;
  const bool ascending = f.sort == ConversationSort::kCreatedAsc;
  const char* key = by_last_message ? "last_message_at" : "created_at";
  QueryBuilder q(std::string("SELECT ") + kConversationColumns + " FROM conversations WHERE TRUE");
  if (f.customer_id) q.Add(" AND customer_id = ?", *f.customer_id);
  if (f.channel) q.Add(" AND channel = ?", ToString(*f.channel));
  if (f.status) q.Add(" AND status = ?", ToString(*f.status));
  if (!f.status_in.empty()) {
    q.Add(" AND status IN (?", ToString(f.status_in[0]));
    for (size_t i = 1; i < f.status_in.size(); ++i) q.Add(", ?", ToString(f.status_in[i]));
    q.Add(")");
  }
  if (f.priority) q.Add(" AND priority = ?", ToString(*f.priority));
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
  Sql sql = q.Build();
  return db_.ReadOne([&](Connection& c) -> Result<Page<Conversation>> {
    LUISTER_ASSIGN_OR_RETURN(auto rows,
                             Collect<Conversation>(c, sql, q.params(), ConversationFromRow));
    return MakePage(std::move(rows), p.limit, [&](const Conversation& v) {
      return ToMillis(by_last_message ? v.last_message_at : v.created_at);
    });
  });
}

Result<Conversation> SqlConversationRepository::Change(int64_t id, const ConversationPlan& plan) {
  return db_.Write([&](Connection& c) -> Result<Conversation> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v, LoadConversation(c, id, /*for_update=*/true));
    LUISTER_ASSIGN_OR_RETURN(ConversationChange change, plan(v));
    LUISTER_RETURN_IF_ERROR(Persist(c, v, change));
    return LoadConversation(c, id);
  });
}

Result<AddedMessage> SqlConversationRepository::AddMessage(const NewMessage& m,
                                                           const MessagePlan& plan) {
  Timestamp at = m.created_at.value_or(db_.clock().Now());
  return db_.Write([&](Connection& c) -> Result<AddedMessage> {
    LUISTER_ASSIGN_OR_RETURN(Conversation v,
                             LoadConversation(c, m.conversation_id, /*for_update=*/true));
    bool status_changed = false;
    LUISTER_ASSIGN_OR_RETURN(int64_t id, InsertMessage(c, v, m, at, plan, &status_changed));
    LUISTER_RETURN_IF_ERROR(MessagesAdded(c, id, id));
    LUISTER_ASSIGN_OR_RETURN(Message added, LoadMessage(c, id));
    return AddedMessage{std::move(added), std::move(v), status_changed};
  });
}

Result<std::vector<AddedMessage>> SqlConversationRepository::AddMessages(
    const std::vector<NewMessage>& messages, const MessagePlan& plan) {
  Timestamp now = db_.clock().Now();
  return db_.Write([&](Connection& c) -> Result<std::vector<AddedMessage>> {
    // Conversations touched by the batch, kept current as messages land.
    std::unordered_map<int64_t, Conversation> conversations;
    std::vector<AddedMessage> out;
    out.reserve(messages.size());
    for (size_t i = 0; i < messages.size(); ++i) {
      const NewMessage& m = messages[i];
      auto it = conversations.find(m.conversation_id);
      if (it == conversations.end()) {
        auto loaded = LoadConversation(c, m.conversation_id, /*for_update=*/true);
        if (!loaded.ok()) {
          if (loaded.status().code() != StatusCode::kNotFound) return loaded.status();
          return InvalidArgument(
              "the import is not valid",
              {{"messages[" + std::to_string(i) + "].conversation_id", "no such conversation"}});
        }
        it = conversations.emplace(m.conversation_id, std::move(loaded).value()).first;
      }
      Conversation& v = it->second;
      bool status_changed = false;
      LUISTER_ASSIGN_OR_RETURN(
          int64_t id, InsertMessage(c, v, m, m.created_at.value_or(now), plan, &status_changed));
      LUISTER_ASSIGN_OR_RETURN(Message added, LoadMessage(c, id));
      out.push_back({std::move(added), v, status_changed});
    }
    if (!out.empty())
      LUISTER_RETURN_IF_ERROR(MessagesAdded(c, out.front().message.id, out.back().message.id));
    return out;
  });
}

Result<Message> SqlConversationRepository::GetMessage(int64_t id) {
  return db_.Read([&](Connection& c) { return LoadMessage(c, id); });
}

Result<Page<Message>> SqlConversationRepository::ListMessages(int64_t conversation_id,
                                                              bool include_internal,
                                                              const PageRequest& p) {
  QueryBuilder q(std::string("SELECT ") + kMessageColumns +
                 " FROM messages WHERE conversation_id = ?");
  q.Add("", conversation_id);
  if (!include_internal) q.Add(" AND NOT internal");
  if (p.after) q.Add(" AND (created_at, id) > (?, ?)", p.after->key, p.after->id);
  q.Add(" ORDER BY created_at, id LIMIT ?", int64_t{p.limit} + 1);
  Sql sql = q.Build();
  return db_.Read([&](Connection& c) -> Result<Page<Message>> {
    LUISTER_ASSIGN_OR_RETURN(auto exists,
                             First<int64_t>(c, kConversationExists, Params::Of(conversation_id),
                                            [](const Row& r) { return r.Int(0); }));
    if (!exists) return NotFound("conversation " + std::to_string(conversation_id) + " not found");
    LUISTER_ASSIGN_OR_RETURN(auto rows, Collect<Message>(c, sql, q.params(), MessageFromRow));
    LUISTER_RETURN_IF_ERROR(LoadAttachments(c, &rows));
    return MakePage(std::move(rows), p.limit,
                    [](const Message& m) { return ToMillis(m.created_at); });
  });
}

Result<int64_t> SqlConversationRepository::CountMessages() {
  return db_.ReadOne([&](Connection& c) { return Scalar(c, kCountMessages); });
}

}  // namespace luister::sql
