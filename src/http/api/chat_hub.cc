#include "http/api/chat_hub.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "auth/tokens.h"
#include "domain/assistant.h"
#include "domain/opening_hours.h"
#include "domain/validation.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

// "/api/v1/widget/<slug>/live" → slug; empty otherwise.
std::string SlugOf(std::string_view path) {
  if (path.substr(0, kWidgetLivePrefix.size()) != kWidgetLivePrefix) return "";
  std::string_view rest = path.substr(kWidgetLivePrefix.size());
  constexpr std::string_view kLive = "/live";
  if (rest.size() <= kLive.size() || rest.substr(rest.size() - kLive.size()) != kLive) return "";
  return std::string(rest.substr(0, rest.size() - kLive.size()));
}

int HttpStatus(StatusCode c) {
  switch (c) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kUnauthorized:
      return 401;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kResourceExhausted:
      return 429;
    default:
      return 500;
  }
}

}  // namespace

Result<WidgetFrame> ReadWidgetFrame(std::string_view text) {
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
    return InvalidArgument("a frame is a JSON object with a \"type\"");
  WidgetFrame f;
  f.type = j["type"].get<std::string>();
  static constexpr std::string_view kTypes[] = {"hello", "start", "message",  "typing",
                                                "read",  "end",   "callback", "link"};
  if (std::find(std::begin(kTypes), std::end(kTypes), f.type) == std::end(kTypes))
    return InvalidArgument("unknown frame type \"" + f.type.substr(0, 40) + "\"");
  std::vector<FieldError> errors;
  auto str = [&](const char* key, size_t max, std::string* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) return errors.push_back({key, "must be a string"});
    *out = it->get<std::string>();
    if (out->size() > max)
      errors.push_back({key, "must be at most " + std::to_string(max) + " bytes"});
  };
  auto id = [&](const char* key, std::optional<int64_t>* out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_number_integer() || it->get<int64_t>() < 0)
      return errors.push_back({key, "must be a whole number of at least 0"});
    *out = it->get<int64_t>();
  };
  str("token", 300, &f.token);
  str("link", 300, &f.link);
  str("text", 20000, &f.text);  // the domain says how long a message may be
  str("name", 1000, &f.name);
  str("email", 1000, &f.email);
  str("page", 2000, &f.page);
  str("phone", 100, &f.phone);
  str("ref", 64, &f.ref);
  str("assistant", 300, &f.assistant);
  id("after", &f.after);
  id("message_id", &f.message_id);
  if (!errors.empty()) return InvalidArgument("the frame is not valid", std::move(errors));
  return f;
}

bool OriginAllowed(const ChatWidget& widget, std::string_view origin, std::string_view host) {
  if (widget.allowed_origins.empty()) return true;
  const std::string lower = AsciiLower(origin);
  if (const size_t scheme = lower.find("://");
      !host.empty() && scheme != std::string::npos && lower.substr(scheme + 3) == AsciiLower(host))
    return true;
  return std::any_of(widget.allowed_origins.begin(), widget.allowed_origins.end(),
                     [&](const std::string& o) { return o == lower; });
}

ChatHub::ChatHub(ApiContext& ctx, auth::VisitorTokens tokens, auth::VisitorTokens link_tokens,
                 std::function<std::vector<int64_t>()> online, ChatHubOptions options)
    : ctx_(ctx),
      tokens_(tokens),
      link_tokens_(link_tokens),
      online_(std::move(online)),
      options_(std::move(options)) {}

Result<ChatService> ChatHub::Service() {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  return ChatService(ctx_.store, *repo, ctx_.clock, ctx_.events);
}

size_t ChatHub::connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

Result<int64_t> ChatHub::VisitorOf(std::string_view token) const {
  return tokens_.Verify(token, ctx_.clock.Now());
}

Status ChatHub::BeatPresence() {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  Status s = repo->BeatPresence(options_.node, online_ ? online_() : std::vector<int64_t>{},
                                ctx_.clock.Now());
  ctx_.metrics
      .Counter("luister_presence_beats_total",
               "Times this node told the store which agents are online here, by outcome "
               "(ok, failed); while beats fail, other nodes' widgets cannot see these agents.",
               s.ok() ? "outcome=\"ok\"" : "outcome=\"failed\"")
      .fetch_add(1, std::memory_order_relaxed);
  return s;
}

Status ChatHub::LeavePresence() {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  return repo->LeavePresence(options_.node);
}

Result<ChatHub::Availability> ChatHub::AvailabilityOf(const ChatWidget& widget) {
  Availability out;
  LUISTER_ASSIGN_OR_RETURN(Queue queue, ctx_.store.directory().GetQueue(widget.queue_id));
  auto hours = ctx_.store.Find<OpeningHoursRepository>();
  LUISTER_ASSIGN_OR_RETURN(BusinessCalendar calendar,
                           CalendarOf(hours.ok() ? *hours : nullptr, queue.department_id));
  const Timestamp now = ctx_.clock.Now();
  out.open = calendar.IsOpen(now);
  if (!out.open) out.opens_at = calendar.NextOpen(now);

  // This node's agents as they are now (the store has them as of the last
  // beat), and the other nodes' as of theirs.
  std::vector<int64_t> online = online_ ? online_() : std::vector<int64_t>{};
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(std::vector<int64_t> elsewhere,
                           repo->PresentUsers(now - 3 * options_.presence_beat, options_.node));
  online.insert(online.end(), elsewhere.begin(), elsewhere.end());
  std::sort(online.begin(), online.end());
  online.erase(std::unique(online.begin(), online.end()), online.end());
  for (int64_t id : online) {
    auto user = ctx_.store.directory().GetUser(id);
    if (!user.ok() || !user->active) continue;
    if (!RoleAllows(user->role, Permission::kWriteConversations)) continue;
    if (!user->department_id || *user->department_id == queue.department_id) {
      out.agent_online = true;
      break;
    }
  }
  return out;
}

std::optional<Response> ChatHub::Authorize(Request& req) {
  const std::string slug = SlugOf(req.path);
  if (slug.empty())
    return ProblemResponse(404, "not-found", "Not found", "no WebSocket endpoint at " + req.path);
  req.route = "/api/v1/widget/{slug}/live";
  auto repo = ctx_.store.Find<ChatRepository>();
  if (!repo.ok()) return ProblemFromStatus(repo.status());
  auto widget = (*repo)->FindWidget(slug);
  if (!widget.ok()) return ProblemFromStatus(widget.status());
  if (!*widget || !(*widget)->active)
    return ProblemResponse(404, "not-found", "Not found", "no chat is open at " + slug);
  if (!OriginAllowed(**widget, req.Header("origin"), req.Header("host")))
    return ProblemResponse(403, "forbidden", "Not allowed",
                           "this chat may not be embedded on " + std::string(req.Header("origin")));
  std::lock_guard<std::mutex> lock(mutex_);
  if (per_ip_[req.remote_ip] >= options_.connections_per_ip) {
    Response r = ProblemResponse(429, "too-many-requests", "Too many requests",
                                 "too many chat connections from this address");
    r.SetHeader("Retry-After", "30");
    return r;
  }
  return std::nullopt;
}

void ChatHub::OnOpen(const std::shared_ptr<WebSocketConnection>& connection, const Request& req) {
  auto repo = ctx_.store.Find<ChatRepository>();
  auto widget = repo.ok() ? (*repo)->FindWidget(SlugOf(req.path))
                          : Result<std::optional<ChatWidget>>(repo.status());
  if (!widget.ok() || !*widget) return connection->Close();
  Session s;
  s.connection = connection;
  s.widget = **widget;
  s.ip = req.remote_ip;
  s.language = req.Query("lang") == "en" ? Language::kEn : Language::kNl;
  s.window_start = ctx_.clock.Now();
  std::lock_guard<std::mutex> lock(mutex_);
  ++per_ip_[s.ip];
  sessions_.emplace(connection.get(), std::move(s));
}

void ChatHub::OnClose(const WebSocketConnection* connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(connection);
  if (it == sessions_.end()) return;
  if (--per_ip_[it->second.ip] <= 0) per_ip_.erase(it->second.ip);
  for (auto f = by_chat_.begin(); f != by_chat_.end();)
    f = f->second == connection ? by_chat_.erase(f) : std::next(f);
  sessions_.erase(it);
}

void ChatHub::Send(const std::shared_ptr<WebSocketConnection>& c, const json& frame) {
  c->Send(std::make_shared<const std::string>(
      frame.dump(-1, ' ', false, json::error_handler_t::replace)));
}

void ChatHub::Error(const std::shared_ptr<WebSocketConnection>& c, const Status& s) {
  json frame = {{"type", "error"}, {"status", HttpStatus(s.code())}, {"detail", s.message()}};
  if (!s.fields().empty()) {
    json fields = json::array();
    for (const FieldError& f : s.fields())
      fields.push_back({{"field", f.field}, {"message", f.message}});
    frame["errors"] = std::move(fields);
  }
  Send(c, frame);
}

void ChatHub::Follow(const WebSocketConnection* c, int64_t conversation_id) {
  for (auto [f, end] = by_chat_.equal_range(conversation_id); f != end; ++f)
    if (f->second == c) return;
  by_chat_.emplace(conversation_id, c);
}

std::vector<std::shared_ptr<WebSocketConnection>> ChatHub::Followers(int64_t conversation_id) {
  std::vector<std::shared_ptr<WebSocketConnection>> out;
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto [f, end] = by_chat_.equal_range(conversation_id); f != end; ++f) {
    auto s = sessions_.find(f->second);
    if (s != sessions_.end()) out.push_back(s->second.connection);
  }
  return out;
}

json ChatHub::MessageJson(const Message& m) {
  json j = {{"id", m.id},
            {"conversation_id", m.conversation_id},
            {"from", m.direction == Direction::kIn ? "visitor" : "agent"},
            {"text", m.body_text},
            {"at", FormatIso8601(m.created_at)},
            {"author", nullptr},
            {"files", json::array()}};
  for (const Attachment& a : m.attachments)
    if (!a.inline_part)
      j["files"].push_back(
          {{"name", a.filename}, {"type", a.content_type}, {"size", a.size_bytes}});
  if (m.direction == Direction::kOut && m.author_user_id) {
    auto user = ctx_.store.directory().GetUser(*m.author_user_id);
    if (user.ok()) j["author"] = user->name.substr(0, user->name.find(' '));  // a first name only
  }
  return j;
}

json ChatHub::ChatJson(const Chat& c) {
  json j = {{"conversation_id", c.conversation_id},
            {"state", ToString(c.state)},
            {"agent", nullptr},
            {"requested_at", FormatIso8601(c.requested_at)},
            {"agent_read_id", c.agent_read_id ? json(*c.agent_read_id) : json(nullptr)}};
  if (c.agent_id) {
    auto user = ctx_.store.directory().GetUser(*c.agent_id);
    if (user.ok()) j["agent"] = user->name.substr(0, user->name.find(' '));
  }
  return j;
}

void ChatHub::OnMessage(const std::shared_ptr<WebSocketConnection>& connection,
                        std::string_view text) {
  Session s;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = sessions_.find(connection.get());
    if (it == sessions_.end()) return;
    // A flood is refused, then ended.
    const Timestamp now = ctx_.clock.Now();
    if (now - it->second.window_start > options_.window) {
      it->second.window_start = now;
      it->second.in_window = 0;
    }
    if (++it->second.in_window > options_.messages_per_window) {
      if (it->second.in_window > 2 * options_.messages_per_window) connection->Close();
      s.connection = nullptr;
    } else {
      s = it->second;
    }
  }
  if (!s.connection)
    return Error(connection, ResourceExhausted("too many messages; wait a few seconds"));
  Result<WidgetFrame> frame = ReadWidgetFrame(text);
  if (!frame.ok()) return Error(connection, frame.status());
  Status handled = Handle(s, *frame);
  if (!handled.ok()) Error(connection, handled);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(connection.get());
  if (it == sessions_.end()) return;
  it->second.visitor_id = s.visitor_id;
  it->second.conversation_id = s.conversation_id;
  it->second.last_typing = s.last_typing;
  if (s.conversation_id) Follow(connection.get(), s.conversation_id);
}

Status ChatHub::Handle(Session& s, const WidgetFrame& frame) {
  const std::string& type = frame.type;
  if (type == "hello") return Hello(s, frame);
  if (type == "start") return Start(s, frame);
  if (type == "callback") return Callback(s, frame);
  if (!s.visitor_id || !s.conversation_id)
    return Unauthorized("say hello with your token, or start a chat, first");
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  if (type == "message") {
    LUISTER_ASSIGN_OR_RETURN(ChatVisitor visitor, repo->GetVisitor(s.visitor_id));
    LUISTER_ASSIGN_OR_RETURN(Message m, chats.Say(visitor, s.conversation_id, frame.text));
    json sent = {{"type", "sent"}, {"message", MessageJson(m)}};
    if (!frame.ref.empty()) sent["ref"] = frame.ref;
    Send(s.connection, sent);
    return Status::Ok();
  }
  if (type == "typing") {
    const Timestamp now = ctx_.clock.Now();
    if (now - s.last_typing < std::chrono::seconds(2)) return Status::Ok();
    s.last_typing = now;
    LUISTER_ASSIGN_OR_RETURN(Chat chat, repo->GetChat(s.conversation_id));
    chats.Typing(chat, std::nullopt);
    return Status::Ok();
  }
  if (type == "link") return Link(s, frame);
  if (type == "end") {
    auto ended = chats.End(s.conversation_id, std::nullopt);
    if (!ended.ok() && ended.status().code() != StatusCode::kConflict) return ended.status();
    return Status::Ok();
  }
  if (type == "read") {
    if (!frame.message_id) return InvalidArgument("a read mark names its message_id");
    return chats.Read(s.conversation_id, ChatReader::kVisitor, *frame.message_id).status();
  }
  return InvalidArgument("unknown frame type \"" + type + "\"");  // ReadWidgetFrame knows no more
}

Status ChatHub::Link(Session& s, const WidgetFrame& frame) {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(Chat chat, repo->GetChat(s.conversation_id));
  if (chat.page_url.empty())
    return InvalidArgument("the chat began on no page a link can lead back to");
  const std::string page = chat.page_url.substr(0, chat.page_url.find('#'));
  const std::string link =
      page + "#luister-chat=" + link_tokens_.Issue(s.visitor_id, ctx_.clock.Now());
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  LUISTER_RETURN_IF_ERROR(chats.SendContinueLink(s.conversation_id, link).status());
  Send(s.connection, {{"type", "link_sent"}});
  return Status::Ok();
}

Status ChatHub::Hello(Session& s, const WidgetFrame& frame) {
  // A "continue on another device" link (24 hours), or the visitor's token.
  const bool by_link = !frame.link.empty();
  LUISTER_ASSIGN_OR_RETURN(
      int64_t visitor_id,
      by_link ? link_tokens_.Verify(frame.link, ctx_.clock.Now(), std::chrono::hours(24))
              : tokens_.Verify(frame.token, ctx_.clock.Now()));
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(ChatVisitor visitor, repo->GetVisitor(visitor_id));
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  std::optional<int64_t> after;
  after = frame.after;
  LUISTER_ASSIGN_OR_RETURN(auto history, chats.History(visitor, after));
  LUISTER_ASSIGN_OR_RETURN(auto mine, repo->ChatsOf(visitor.id, 1));
  s.visitor_id = visitor.id;
  json messages = json::array();
  for (const Message& m : history) messages.push_back(MessageJson(m));
  json welcome = {{"type", "welcome"}, {"chat", nullptr}, {"messages", std::move(messages)}};
  // This device keeps a token of its own.
  if (by_link) welcome["token"] = tokens_.Issue(visitor.id, ctx_.clock.Now());
  if (!mine.empty()) {
    s.conversation_id = mine.front().conversation_id;
    welcome["chat"] = ChatJson(mine.front());
  }
  Send(s.connection, welcome);
  if (!mine.empty() && mine.front().state == ChatState::kWaiting)
    return SendStanding(s, mine.front());
  return Status::Ok();
}

Status ChatHub::Start(Session& s, const WidgetFrame& frame) {
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  ChatStart start;
  start.text = frame.text;
  start.name = frame.name;
  start.email = frame.email;
  start.page_url = frame.page;
  start.language = s.language;
  Result<StartedChat> started = Unavailable("");
  if (s.visitor_id) {
    LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
    LUISTER_ASSIGN_OR_RETURN(ChatVisitor visitor, repo->GetVisitor(s.visitor_id));
    started = chats.Restart(s.widget, visitor, std::move(start));
  } else {
    started = chats.Start(s.widget, std::move(start));
  }
  LUISTER_RETURN_IF_ERROR(started.status());
  s.visitor_id = started->visitor.id;
  s.conversation_id = started->chat.conversation_id;
  json out = {{"type", "started"},
              {"token", tokens_.Issue(started->visitor.id, ctx_.clock.Now())},
              {"chat", ChatJson(started->chat)},
              {"message", MessageJson(started->message)}};
  if (!frame.ref.empty()) out["ref"] = frame.ref;
  Send(s.connection, out);
  if (!frame.assistant.empty()) HandOver(s, frame.assistant, started->chat.conversation_id);
  return SendStanding(s, started->chat);
}

void ChatHub::HandOver(Session& s, const std::string& assistant_token, int64_t conversation_id) {
  // The chat stands whatever happens here; a transcript that could not be
  // added is counted and logged, and the agent still has the question.
  Status done = [&]() -> Status {
    LUISTER_ASSIGN_OR_RETURN(AssistantRepository * repo, ctx_.store.Find<AssistantRepository>());
    LUISTER_ASSIGN_OR_RETURN(AnswerRepository * answers, ctx_.store.Find<AnswerRepository>());
    LUISTER_ASSIGN_OR_RETURN(AssistantSession session,
                             repo->SessionByToken(auth::Sha256Hex(assistant_token)));
    if (session.widget_id != s.widget.id) return NotFound("no such assistant session here");
    LUISTER_ASSIGN_OR_RETURN(auto library, ctx_.answer_library->Current(*answers));
    AssistantService service(ctx_.store, *repo, ctx_.clock, ctx_.events);
    return service.HandOver(session, conversation_id, *library);
  }();
  ctx_.metrics
      .Counter("luister_assistant_handovers_total",
               "Assistant sessions handed to a person in a chat, by whether the transcript went "
               "with it (noted, failed).",
               done.ok() ? "outcome=\"noted\"" : "outcome=\"failed\"")
      .fetch_add(1, std::memory_order_relaxed);
  if (!done.ok())
    spdlog::warn("assistant hand-over to conversation {}: {}", conversation_id, done.ToString());
}

Status ChatHub::Callback(Session& s, const WidgetFrame& frame) {
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  std::optional<ChatVisitor> visitor;
  if (s.visitor_id) {
    LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx_.store.Find<ChatRepository>());
    LUISTER_ASSIGN_OR_RETURN(visitor, repo->GetVisitor(s.visitor_id));
  }
  CallbackRequest r{frame.phone, frame.name, frame.text, s.ip};
  int retry_after = 0;
  LUISTER_ASSIGN_OR_RETURN(int64_t call, chats.RequestCallback(s.widget, visitor, r, &retry_after));
  json out = {{"type", "callback_requested"}, {"call_id", call}};
  if (!frame.ref.empty()) out["ref"] = frame.ref;
  Send(s.connection, out);
  return Status::Ok();
}

Status ChatHub::SendStanding(Session& s, const Chat& chat) {
  LUISTER_ASSIGN_OR_RETURN(ChatService chats, Service());
  LUISTER_ASSIGN_OR_RETURN(QueueStanding standing, chats.Standing(chat));
  LUISTER_ASSIGN_OR_RETURN(Availability now, AvailabilityOf(s.widget));
  Send(
      s.connection,
      {{"type", "queue"},
       {"position", standing.position},
       {"agents_online", now.available()},
       {"open", now.open},
       {"expected_wait_seconds",
        standing.expected_wait
            ? json(
                  std::chrono::duration_cast<std::chrono::seconds>(*standing.expected_wait).count())
            : json(nullptr)}});
  return Status::Ok();
}

void ChatHub::OnEvent(const DomainEvent& e) {
  if (!e.conversation_id) return;
  const int64_t id = *e.conversation_id;
  if (e.type != EventType::kMessageCreated && e.type != EventType::kChatUpdated &&
      e.type != EventType::kChatTyping && e.type != EventType::kChatRead)
    return;
  auto followers = Followers(id);
  if (followers.empty()) return;
  if (e.type == EventType::kChatTyping) {
    if (!e.user_id) return;  // the visitor's own typing
    for (auto& c : followers) Send(c, {{"type", "typing"}, {"conversation_id", id}});
    return;
  }
  if (e.type == EventType::kMessageCreated && e.message_id) {
    auto m = ctx_.store.conversations().GetMessage(*e.message_id);
    // Notes stay with the staff; the desk's own e-mailed notices (a
    // transcript) go by e-mail only.
    if (!m.ok() || m->internal || IsAutomatic(*m)) return;
    const json frame = {{"type", "message"}, {"message", MessageJson(*m)}};
    for (auto& c : followers) Send(c, frame);
    return;
  }
  auto repo = ctx_.store.Find<ChatRepository>();
  if (!repo.ok()) return;
  auto chat = (*repo)->GetChat(id);
  if (!chat.ok()) return;
  const json frame = {{"type", "chat"}, {"chat", ChatJson(*chat)}};
  for (auto& c : followers) Send(c, frame);
}

}  // namespace luister::http
