#include "storage/sql/sql_chat_repository.h"

#include <algorithm>

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

constexpr char kWidgetColumns[] =
    "id, slug, name, queue_id, allowed_origins, privacy_url, accept_seconds, idle_seconds, "
    "active, created_at";
const Sql kInsertWidget(
    "INSERT INTO chat_widgets (slug, name, queue_id, allowed_origins, privacy_url, "
    "accept_seconds, idle_seconds, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id");
const Sql kWidget(std::string("SELECT ") + kWidgetColumns + " FROM chat_widgets WHERE id = ?");
const Sql kWidgetForUpdate(std::string("SELECT ") + kWidgetColumns +
                           " FROM chat_widgets WHERE id = ?{for_update}");
const Sql kWidgetBySlug(std::string("SELECT ") + kWidgetColumns +
                        " FROM chat_widgets WHERE slug = ?");
const Sql kWidgets(std::string("SELECT ") + kWidgetColumns + " FROM chat_widgets ORDER BY slug");
const Sql kUpdateWidget(
    "UPDATE chat_widgets SET name = ?, queue_id = ?, allowed_origins = ?, privacy_url = ?, "
    "accept_seconds = ?, idle_seconds = ?, active = ? WHERE id = ?");

const Sql kInsertVisitor(
    "INSERT INTO chat_visitors (customer_id, created_at) VALUES (?, ?) RETURNING id");
const Sql kVisitor("SELECT id, customer_id, created_at FROM chat_visitors WHERE id = ?");

constexpr char kChatColumns[] =
    "c.conversation_id, c.visitor_id, c.widget_id, c.queue_id, c.state, c.agent_id, "
    "c.requested_at, c.accepted_at, c.last_activity_at, c.ended_at, c.page_url, "
    "c.visitor_read_id, c.agent_read_id";
const Sql kInsertChat(
    "INSERT INTO chats (conversation_id, visitor_id, widget_id, queue_id, state, agent_id, "
    "requested_at, accepted_at, last_activity_at, ended_at, page_url) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const Sql kChat(std::string("SELECT ") + kChatColumns +
                " FROM chats c WHERE c.conversation_id = ?");
const Sql kChatForUpdate(std::string("SELECT ") + kChatColumns +
                         " FROM chats c WHERE c.conversation_id = ?{for_update}");
const Sql kRecordWait(
    "INSERT INTO chat_waits (conversation_id, queue_id, requested_at, ended_at, outcome) "
    "VALUES (?, ?, ?, ?, ?)");
const Sql kRecordHandled(
    "INSERT INTO chat_waits (conversation_id, queue_id, requested_at, accepted_at, ended_at, "
    "outcome) VALUES (?, ?, ?, ?, ?, 'ended')");
const Sql kChatsOf(std::string("SELECT ") + kChatColumns +
                   " FROM chats c WHERE c.visitor_id = ? ORDER BY c.requested_at DESC LIMIT ?");
const Sql kSave(
    "UPDATE chats SET state = ?, queue_id = ?, agent_id = ?, requested_at = ?, accepted_at = ?, "
    "ended_at = ?, last_activity_at = ? WHERE conversation_id = ?");
const Sql kTouch("UPDATE chats SET last_activity_at = ? WHERE conversation_id = ?");
// A read mark only moves forward.
const Sql kVisitorRead(
    "UPDATE chats SET visitor_read_id = ? WHERE conversation_id = ? AND "
    "(visitor_read_id IS NULL OR visitor_read_id < ?)");
const Sql kAgentRead(
    "UPDATE chats SET agent_read_id = ? WHERE conversation_id = ? AND "
    "(agent_read_id IS NULL OR agent_read_id < ?)");
const Sql kChatExists("SELECT count(*) FROM chats WHERE conversation_id = ?");
const Sql kWaitingBefore(
    "SELECT count(*) FROM chats WHERE queue_id = ? AND state = 'waiting' AND requested_at < ?");
const Sql kRecentWaits(
    "SELECT accepted_at - requested_at FROM chats WHERE queue_id = ? AND accepted_at IS NOT NULL "
    "ORDER BY accepted_at DESC LIMIT ?");
const Sql kOverdue(std::string("SELECT ") + kChatColumns +
                   " FROM chats c JOIN chat_widgets w ON w.id = c.widget_id WHERE "
                   "(c.state = 'waiting' AND c.requested_at <= ? - w.accept_seconds * 1000) OR "
                   "(c.state = 'active' AND c.last_activity_at <= ? - w.idle_seconds * 1000) "
                   "ORDER BY c.conversation_id LIMIT ?");

// Both through chats_state_requested.
const Sql kCountState("SELECT count(*) FROM chats WHERE state = ?");
const Sql kSweepJob("SELECT job_id FROM chat_sweep_job WHERE singleton = 1");
const Sql kFirstSweepJob(
    "INSERT INTO chat_sweep_job (singleton, job_id) VALUES (1, ?) ON CONFLICT DO NOTHING");
const Sql kNextSweepJob("UPDATE chat_sweep_job SET job_id = ? WHERE singleton = 1 AND job_id = ?");

// Agent presence: one row per node and user, renewed by the node's beat.
const Sql kPresenceLeave("DELETE FROM agent_presence WHERE node = ?");
const Sql kPresenceForget("DELETE FROM agent_presence WHERE seen_at < ?");
const Sql kPresenceAdd("INSERT INTO agent_presence (node, user_id, seen_at) VALUES (?, ?, ?)");
// Through agent_presence_seen.
const Sql kPresent(
    "SELECT DISTINCT user_id FROM agent_presence WHERE seen_at >= ? AND node <> ? "
    "ORDER BY user_id");
// Rows of a node that stopped beating this long ago are deleted.
constexpr auto kPresenceKept = std::chrono::minutes(10);

std::string JoinOrigins(const std::vector<std::string>& origins) {
  std::string out;
  for (const std::string& o : origins) out += (out.empty() ? "" : " ") + o;
  return out;
}

std::vector<std::string> SplitOrigins(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    if (end > at) out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

ChatWidget WidgetFromRow(const Row& r) {
  ChatWidget w;
  w.id = r.Int(0);
  w.slug = r.Text(1);
  w.name = r.Text(2);
  w.queue_id = r.Int(3);
  w.allowed_origins = SplitOrigins(r.Text(4));
  w.privacy_url = r.Text(5);
  w.accept_seconds = static_cast<int>(r.Int(6));
  w.idle_seconds = static_cast<int>(r.Int(7));
  w.active = r.Bool(8);
  w.created_at = r.Time(9);
  return w;
}

// Writes the chat's state as it stands in `chat`.
Status Save(Connection& c, const Chat& chat) {
  return c
      .Execute(kSave, Params::Of(ToString(chat.state), chat.queue_id, chat.agent_id,
                                 chat.requested_at, chat.accepted_at, chat.ended_at,
                                 chat.last_activity_at, chat.conversation_id))
      .status();
}

ChatVisitor VisitorFromRow(const Row& r) { return ChatVisitor{r.Int(0), r.Int(1), r.Time(2)}; }

Chat ChatFromRow(const Row& r) {
  Chat c;
  c.conversation_id = r.Int(0);
  c.visitor_id = r.Int(1);
  c.widget_id = r.Int(2);
  c.queue_id = r.Int(3);
  c.state = ParseChatState(r.Text(4)).value_or(ChatState::kWaiting);
  c.agent_id = r.OptInt(5);
  c.requested_at = r.Time(6);
  c.accepted_at = r.OptTime(7);
  c.last_activity_at = r.Time(8);
  c.ended_at = r.OptTime(9);
  c.page_url = r.Text(10);
  c.visitor_read_id = r.OptInt(11);
  c.agent_read_id = r.OptInt(12);
  return c;
}

}  // namespace

Result<ChatWidget> SqlChatRepository::CreateWidget(const ChatWidget& w) {
  return db_.Write([&](Connection& c) -> Result<ChatWidget> {
    LUISTER_ASSIGN_OR_RETURN(
        int64_t id,
        Scalar(c, kInsertWidget,
               Params::Of(w.slug, w.name, w.queue_id, JoinOrigins(w.allowed_origins), w.privacy_url,
                          static_cast<int64_t>(w.accept_seconds),
                          static_cast<int64_t>(w.idle_seconds), w.active, w.created_at)));
    return One<ChatWidget>(c, kWidget, id, "chat widget", WidgetFromRow);
  });
}

Result<ChatWidget> SqlChatRepository::GetWidget(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<ChatWidget>(c, kWidget, id, "chat widget", WidgetFromRow); });
}

Result<std::optional<ChatWidget>> SqlChatRepository::FindWidget(const std::string& slug) {
  return db_.ReadOne([&](Connection& c) {
    return First<ChatWidget>(c, kWidgetBySlug, Params::Of(slug), WidgetFromRow);
  });
}

Result<std::vector<ChatWidget>> SqlChatRepository::ListWidgets() {
  return db_.Read(
      [&](Connection& c) { return Collect<ChatWidget>(c, kWidgets, {}, WidgetFromRow); });
}

Result<ChatWidget> SqlChatRepository::UpdateWidget(int64_t id, const ChatWidgetPatch& patch) {
  return db_.Write([&](Connection& c) -> Result<ChatWidget> {
    LUISTER_ASSIGN_OR_RETURN(
        ChatWidget w, One<ChatWidget>(c, kWidgetForUpdate, id, "chat widget", WidgetFromRow));
    if (patch.name) w.name = *patch.name;
    if (patch.queue_id) w.queue_id = *patch.queue_id;
    if (patch.allowed_origins) w.allowed_origins = *patch.allowed_origins;
    if (patch.privacy_url) w.privacy_url = *patch.privacy_url;
    if (patch.accept_seconds) w.accept_seconds = *patch.accept_seconds;
    if (patch.idle_seconds) w.idle_seconds = *patch.idle_seconds;
    if (patch.active) w.active = *patch.active;
    LUISTER_RETURN_IF_ERROR(
        c.Execute(kUpdateWidget, Params::Of(w.name, w.queue_id, JoinOrigins(w.allowed_origins),
                                            w.privacy_url, static_cast<int64_t>(w.accept_seconds),
                                            static_cast<int64_t>(w.idle_seconds), w.active, id))
            .status());
    return One<ChatWidget>(c, kWidget, id, "chat widget", WidgetFromRow);
  });
}

Result<ChatVisitor> SqlChatRepository::CreateVisitor(int64_t customer_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<ChatVisitor> {
    LUISTER_ASSIGN_OR_RETURN(int64_t id, Scalar(c, kInsertVisitor, Params::Of(customer_id, at)));
    return One<ChatVisitor>(c, kVisitor, id, "visitor", VisitorFromRow);
  });
}

Result<ChatVisitor> SqlChatRepository::GetVisitor(int64_t id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<ChatVisitor>(c, kVisitor, id, "visitor", VisitorFromRow); });
}

Status SqlChatRepository::CreateChat(const Chat& chat) {
  return db_.Write([&](Connection& c) {
    return c
        .Execute(kInsertChat,
                 Params::Of(chat.conversation_id, chat.visitor_id, chat.widget_id, chat.queue_id,
                            ToString(chat.state), chat.agent_id, chat.requested_at,
                            chat.accepted_at, chat.last_activity_at, chat.ended_at, chat.page_url))
        .status();
  });
}

Result<Chat> SqlChatRepository::GetChat(int64_t conversation_id) {
  return db_.ReadOne(
      [&](Connection& c) { return One<Chat>(c, kChat, conversation_id, "chat", ChatFromRow); });
}

Result<std::vector<Chat>> SqlChatRepository::ChatsOf(int64_t visitor_id, int limit) {
  return db_.Read([&](Connection& c) {
    return Collect<Chat>(c, kChatsOf, Params::Of(visitor_id, static_cast<int64_t>(limit)),
                         ChatFromRow);
  });
}

Result<Chat> SqlChatRepository::Move(int64_t conversation_id, std::vector<ChatState> from,
                                     ChatState to, std::optional<int64_t> agent_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Chat> {
    LUISTER_ASSIGN_OR_RETURN(Chat chat,
                             One<Chat>(c, kChatForUpdate, conversation_id, "chat", ChatFromRow));
    if (std::find(from.begin(), from.end(), chat.state) == from.end())
      return Conflict("the chat is " + std::string(ToString(chat.state)));
    // How the wait ended, for the contact volume's queue waits (C8).
    if (chat.state == ChatState::kWaiting && to != ChatState::kWaiting) {
      const char* outcome = to == ChatState::kActive    ? "answered"
                            : to == ChatState::kByEmail ? "timed_out"
                                                        : "abandoned";
      LUISTER_RETURN_IF_ERROR(
          c.Execute(kRecordWait, Params::Of(conversation_id, chat.queue_id, chat.requested_at, at,
                                            std::string(outcome)))
              .status());
    }
    // And how long it was handled, for the chats' handle time.
    if (chat.state == ChatState::kActive && to != ChatState::kActive && chat.accepted_at) {
      LUISTER_RETURN_IF_ERROR(c.Execute(kRecordHandled,
                                        Params::Of(conversation_id, chat.queue_id,
                                                   chat.requested_at, *chat.accepted_at, at))
                                  .status());
    }
    chat.state = to;
    if (to == ChatState::kActive) {
      chat.agent_id = agent_id;
      chat.accepted_at = at;
      chat.ended_at.reset();
    } else if (to == ChatState::kWaiting) {
      chat.agent_id.reset();
      chat.accepted_at.reset();
      chat.ended_at.reset();
      chat.requested_at = at;
    } else {
      chat.ended_at = at;
    }
    chat.last_activity_at = at;
    LUISTER_RETURN_IF_ERROR(Save(c, chat));
    return chat;
  });
}

Result<Chat> SqlChatRepository::Requeue(int64_t conversation_id, int64_t queue_id, Timestamp at) {
  return db_.Write([&](Connection& c) -> Result<Chat> {
    LUISTER_ASSIGN_OR_RETURN(Chat chat,
                             One<Chat>(c, kChatForUpdate, conversation_id, "chat", ChatFromRow));
    chat.queue_id = queue_id;
    if (chat.state == ChatState::kActive || chat.state == ChatState::kWaiting) {
      chat.state = ChatState::kWaiting;
      chat.agent_id.reset();
      chat.accepted_at.reset();
      chat.requested_at = at;
    }
    chat.last_activity_at = at;
    LUISTER_RETURN_IF_ERROR(Save(c, chat));
    return chat;
  });
}

Status SqlChatRepository::Touch(int64_t conversation_id, Timestamp at) {
  return db_.Write(
      [&](Connection& c) { return c.Execute(kTouch, Params::Of(at, conversation_id)).status(); });
}

Result<bool> SqlChatRepository::MarkRead(int64_t conversation_id, ChatReader reader,
                                         int64_t message_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             c.Execute(reader == ChatReader::kVisitor ? kVisitorRead : kAgentRead,
                                       Params::Of(message_id, conversation_id, message_id)));
    if (n == 1) return true;
    LUISTER_ASSIGN_OR_RETURN(int64_t exists, Scalar(c, kChatExists, Params::Of(conversation_id)));
    if (exists == 0) return NotFound("no such chat");
    return false;
  });
}

Result<int64_t> SqlChatRepository::WaitingBefore(int64_t queue_id, Timestamp before) {
  return db_.ReadOne(
      [&](Connection& c) { return Scalar(c, kWaitingBefore, Params::Of(queue_id, before)); });
}

Result<std::vector<std::chrono::milliseconds>> SqlChatRepository::RecentWaits(int64_t queue_id,
                                                                              int n) {
  return db_.Read([&](Connection& c) {
    return Collect<std::chrono::milliseconds>(
        c, kRecentWaits, Params::Of(queue_id, static_cast<int64_t>(n)),
        [](const Row& r) { return std::chrono::milliseconds(r.Int(0)); });
  });
}

Result<std::vector<Chat>> SqlChatRepository::Overdue(Timestamp now, int limit) {
  return db_.Read([&](Connection& c) {
    return Collect<Chat>(c, kOverdue, Params::Of(now, now, static_cast<int64_t>(limit)),
                         ChatFromRow);
  });
}

Result<std::pair<int64_t, int64_t>> SqlChatRepository::CountOpen() {
  return db_.Read([&](Connection& c) -> Result<std::pair<int64_t, int64_t>> {
    LUISTER_ASSIGN_OR_RETURN(int64_t waiting, Scalar(c, kCountState, Params::Of("waiting")));
    LUISTER_ASSIGN_OR_RETURN(int64_t active, Scalar(c, kCountState, Params::Of("active")));
    return std::make_pair(waiting, active);
  });
}

Result<std::optional<int64_t>> SqlChatRepository::SweepJobId() {
  return db_.ReadOne([&](Connection& c) {
    return First<int64_t>(c, kSweepJob, Params(), [](const Row& r) { return r.Int(0); });
  });
}

Result<bool> SqlChatRepository::SetSweepJob(std::optional<int64_t> expected, int64_t job_id) {
  return db_.Write([&](Connection& c) -> Result<bool> {
    LUISTER_ASSIGN_OR_RETURN(int64_t n,
                             expected ? c.Execute(kNextSweepJob, Params::Of(job_id, *expected))
                                      : c.Execute(kFirstSweepJob, Params::Of(job_id)));
    return n == 1;
  });
}

Status SqlChatRepository::BeatPresence(const std::string& node, const std::vector<int64_t>& users,
                                       Timestamp now) {
  LUISTER_RETURN_IF_ERROR(db_.Write([&](Connection& c) -> Status {
    LUISTER_RETURN_IF_ERROR(c.Execute(kPresenceLeave, Params::Of(node)).status());
    for (int64_t user : users)
      LUISTER_RETURN_IF_ERROR(c.Execute(kPresenceAdd, Params::Of(node, user, now)).status());
    return Status::Ok();
  }));
  // Nodes that died: a statement of its own, outside the node's transaction.
  return db_.Write([&](Connection& c) {
    return c.Execute(kPresenceForget, Params::Of(now - kPresenceKept)).status();
  });
}

Result<std::vector<int64_t>> SqlChatRepository::PresentUsers(Timestamp since,
                                                             const std::string& except_node) {
  return db_.Read([&](Connection& c) {
    return Collect<int64_t>(c, kPresent, Params::Of(since, except_node),
                            [](const Row& r) { return r.Int(0); });
  });
}

Status SqlChatRepository::LeavePresence(const std::string& node) {
  return db_.Write(
      [&](Connection& c) { return c.Execute(kPresenceLeave, Params::Of(node)).status(); });
}

}  // namespace luister::sql
