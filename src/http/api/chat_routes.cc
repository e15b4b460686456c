#include <cstdio>

#include "auth/tokens.h"
#include "domain/answer_library.h"
#include "domain/chat.h"
#include "domain/job_runner.h"
#include "domain/validation.h"
#include "domain/web_form.h"
#include "http/api/api_context.h"
#include "http/api/chat_hub.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"
#include "http/problem.h"

namespace luister::http {

namespace {

using nlohmann::json;

Result<ChatService> Service(ApiContext& ctx) {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
  return ChatService(ctx.store, *repo, ctx.clock, ctx.events);
}

json WidgetJson(const ChatWidget& w) {
  return {{"id", w.id},
          {"slug", w.slug},
          {"name", w.name},
          {"queue_id", w.queue_id},
          {"allowed_origins", w.allowed_origins},
          {"privacy_url", w.privacy_url},
          {"accept_seconds", w.accept_seconds},
          {"idle_seconds", w.idle_seconds},
          {"active", w.active},
          {"embed", "<script src=\"/widget.js\" data-queue=\"" + w.slug + "\" async></script>"},
          {"created_at", FormatIso8601(w.created_at)}};
}

json ChatRecordJson(const Chat& c) {
  auto time = [](const std::optional<Timestamp>& t) {
    return t ? json(FormatIso8601(*t)) : json(nullptr);
  };
  return {{"conversation_id", c.conversation_id},
          {"widget_id", c.widget_id},
          {"queue_id", c.queue_id},
          {"state", ToString(c.state)},
          {"agent_id", c.agent_id ? json(*c.agent_id) : json(nullptr)},
          {"requested_at", FormatIso8601(c.requested_at)},
          {"accepted_at", time(c.accepted_at)},
          {"last_activity_at", FormatIso8601(c.last_activity_at)},
          {"ended_at", time(c.ended_at)},
          {"page_url", c.page_url},
          {"visitor_read_id", c.visitor_read_id ? json(*c.visitor_read_id) : json(nullptr)},
          {"agent_read_id", c.agent_read_id ? json(*c.agent_read_id) : json(nullptr)}};
}

std::vector<std::string> Origins(JsonBody& b) {
  std::vector<std::string> out;
  auto list = b.StringArray("allowed_origins", JsonBody::kOptional, 20);
  if (list) out = *list;
  return out;
}

// The widget's settings as a page sees them before anyone types: its name,
// the privacy notice, and whether a person is there to answer now.
Result<Response> PublicConfig(ApiContext& ctx, ChatHub* hub, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto widget, repo->FindWidget(std::string(req.Param("slug"))));
  if (!widget || !widget->active) return NotFound("no chat is open here");
  const std::string origin(req.Header("origin"));
  if (!origin.empty() && !OriginAllowed(*widget, origin, req.Header("host")))
    return Forbidden("this chat may not be embedded on " + origin);
  ChatHub::Availability now;
  if (hub) {
    LUISTER_ASSIGN_OR_RETURN(now, hub->AvailabilityOf(*widget));
  }
  // The assistant answers first where the library has published answers.
  bool assistant = false;
  if (auto answers = ctx.store.Find<AnswerRepository>(); answers.ok()) {
    if (auto library = ctx.answer_library->Current(**answers); library.ok())
      assistant = !(*library)->answers.empty();
  }
  Response r =
      JsonResponse(200, {{"slug", widget->slug},
                         {"assistant", assistant},
                         {"name", widget->name},
                         {"privacy_url", widget->privacy_url},
                         {"available", now.available()},
                         {"open", now.open},
                         {"opens_at", now.opens_at ? json(FormatIso8601(*now.opens_at)) : json()},
                         {"live", std::string(kWidgetLivePrefix) + widget->slug + "/live"}});
  if (!origin.empty()) {
    r.SetHeader("Access-Control-Allow-Origin", origin);
    r.SetHeader("Vary", "Origin");
  }
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

// A file from the visitor: multipart/form-data with their token and one
// file (a simple cross-origin request: no preflight, no cookie). The file
// reaches the chat as a message of its own, which the widget and the agents
// get over their live connections.
Result<Response> VisitorFile(ApiContext& ctx, Request& req) {
  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
  LUISTER_ASSIGN_OR_RETURN(auto widget, repo->FindWidget(std::string(req.Param("slug"))));
  if (!widget || !widget->active) return NotFound("no chat is open here");
  const std::string origin(req.Header("origin"));
  if (!OriginAllowed(*widget, origin, req.Header("host")))
    return Forbidden("this chat may not be embedded on " + origin);
  if (!ctx.chat) return Unavailable("this node serves no chat");
  if (!ctx.form_reader) return Unavailable("this server cannot read form uploads");
  const std::string type = AsciiLower(req.Header("content-type"));
  if (!type.starts_with("multipart/form-data"))
    return InvalidArgument("send the file as multipart/form-data with the fields token and file");
  LUISTER_ASSIGN_OR_RETURN(auto parts, ctx.form_reader->Read(req.Header("content-type"), req.body));
  std::string token;
  std::optional<ChatFile> file;
  for (FormPart& p : parts) {
    if (p.name == "token") {
      token = std::move(p.data);
    } else if (p.name == "file") {
      if (file) return InvalidArgument("send one file at a time");
      file = ChatFile{p.filename, std::move(p.data), ""};
    }
  }
  if (!file) return InvalidArgument("the request is not valid", {{"file", "is required"}});
  LUISTER_ASSIGN_OR_RETURN(int64_t visitor_id, ctx.chat->VisitorOf(token));
  LUISTER_ASSIGN_OR_RETURN(ChatVisitor visitor, repo->GetVisitor(visitor_id));
  LUISTER_ASSIGN_OR_RETURN(auto chats, repo->ChatsOf(visitor.id, 1));
  if (chats.empty()) return Conflict("start the chat with a message first");
  file->sha256 = auth::Sha256Hex(file->data);
  LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
  auto sent = service.SendFile(visitor, chats.front().conversation_id, std::move(*file));
  ctx.metrics
      .Counter("luister_chat_files_total",
               "Files visitors sent from the chat widget, by outcome (stored, refused).",
               sent.ok() ? "outcome=\"stored\"" : "outcome=\"refused\"")
      .fetch_add(1, std::memory_order_relaxed);
  LUISTER_RETURN_IF_ERROR(sent.status());
  Response r =
      JsonResponse(201, {{"message_id", sent->id}, {"conversation_id", sent->conversation_id}});
  if (!origin.empty()) {
    r.SetHeader("Access-Control-Allow-Origin", origin);
    r.SetHeader("Vary", "Origin");
  }
  return r;
}

std::string ChatMetrics(ApiContext& ctx) {
  std::string out;
  if (ctx.chat)
    out +=
        "# HELP luister_chat_connections Chat widget WebSockets open on this node.\n"
        "# TYPE luister_chat_connections gauge\nluister_chat_connections " +
        std::to_string(ctx.chat->connections()) + "\n";
  auto repo = ctx.store.Find<ChatRepository>();
  if (!repo.ok()) return out;
  auto open = (*repo)->CountOpen();
  if (!open.ok()) return out;
  out +=
      "# HELP luister_chats Chats waiting for an agent and chats with one.\n"
      "# TYPE luister_chats gauge\nluister_chats{state=\"waiting\"} " +
      std::to_string(open->first) + "\nluister_chats{state=\"active\"} " +
      std::to_string(open->second) + "\n";
  return out;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  ctx.metrics.AddCollector([&ctx] { return ChatMetrics(ctx); });
  r.Add("GET", "/api/v1/widget/{slug}",
        Public([&ctx](Request& req) { return PublicConfig(ctx, ctx.chat, req); }));
  // Reached only without an upgrade.
  r.Add("GET", "/api/v1/widget/{slug}/live", Public([](Request&) -> Result<Response> {
          Response resp = ProblemResponse(426, "upgrade-required", "Upgrade required",
                                          "the chat speaks WebSocket; see docs/chat.md");
          resp.SetHeader("Upgrade", "websocket");
          return resp;
        }));

  r.Add("POST", "/api/v1/widget/{slug}/files",
        Public([&ctx](Request& req) { return VisitorFile(ctx, req); }));

  r.Add("GET", "/api/v1/chat-widgets",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request&, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
                  LUISTER_ASSIGN_OR_RETURN(auto list, repo->ListWidgets());
                  json items = json::array();
                  for (const ChatWidget& w : list) items.push_back(WidgetJson(w));
                  return JsonResponse(200, {{"items", std::move(items)}});
                }));
  r.Add("POST", "/api/v1/chat-widgets",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  ChatWidget w;
                  w.slug = b.String("slug", JsonBody::kRequired, 60).value_or("");
                  w.name = b.String("name", JsonBody::kRequired, 200).value_or("");
                  w.queue_id = b.Int("queue_id", JsonBody::kRequired).value_or(0);
                  w.allowed_origins = Origins(b);
                  w.privacy_url = b.String("privacy_url", JsonBody::kOptional, 2000).value_or("");
                  w.accept_seconds = static_cast<int>(
                      b.Int("accept_seconds", JsonBody::kOptional).value_or(w.accept_seconds));
                  w.idle_seconds = static_cast<int>(
                      b.Int("idle_seconds", JsonBody::kOptional).value_or(w.idle_seconds));
                  b.RejectUnknown({"slug", "name", "queue_id", "allowed_origins", "privacy_url",
                                   "accept_seconds", "idle_seconds"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the chat widget is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(ChatWidget made, service.CreateWidget(std::move(w)));
                  Response resp = JsonResponse(201, WidgetJson(made));
                  resp.SetHeader("Location", "/api/v1/chat-widgets/" + std::to_string(made.id));
                  return resp;
                }));
  r.Add("PATCH", "/api/v1/chat-widgets/{id}",
        Secured(Permission::kManageChannels, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  ChatWidgetPatch p;
                  p.name = b.String("name", JsonBody::kOptional, 200);
                  p.queue_id = b.Int("queue_id", JsonBody::kOptional);
                  p.allowed_origins = b.StringArray("allowed_origins", JsonBody::kOptional, 20);
                  p.privacy_url = b.String("privacy_url", JsonBody::kOptional, 2000);
                  if (auto v = b.Int("accept_seconds", JsonBody::kOptional))
                    p.accept_seconds = static_cast<int>(*v);
                  if (auto v = b.Int("idle_seconds", JsonBody::kOptional))
                    p.idle_seconds = static_cast<int>(*v);
                  p.active = b.Bool("active", JsonBody::kOptional);
                  b.RejectUnknown({"name", "queue_id", "allowed_origins", "privacy_url",
                                   "accept_seconds", "idle_seconds", "active"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
                  LUISTER_ASSIGN_OR_RETURN(ChatWidget w, service.UpdateWidget(id, std::move(p)));
                  return JsonResponse(200, WidgetJson(w));
                }));

  r.Add(
      "GET", "/api/v1/chats/{id}",
      Secured(Permission::kReadConversations, Reads("conversation"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
                audit.Touched(id, c.customer_id);
                LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
                LUISTER_ASSIGN_OR_RETURN(Chat chat, repo->GetChat(id));
                return JsonResponse(200, ChatRecordJson(chat));
              }));
  // The transcript, by e-mail to the address the visitor gave.
  r.Add(
      "POST", "/api/v1/chats/{id}/transcript",
      Secured(Permission::kWriteConversations, Changes("create", "message"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
                audit.Touched(id, c.customer_id);
                LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
                LUISTER_ASSIGN_OR_RETURN(Message m, service.SendTranscript(id));
                return JsonResponse(201, ToJson(m));
              }));
  // The agent's read receipt: the chat is seen up to message_id.
  r.Add("POST", "/api/v1/chats/{id}/read",
        Secured(Permission::kReadConversations, kNoPersonalData,
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
                  auto message_id = b.Int("message_id", JsonBody::kRequired);
                  b.RejectUnknown({"message_id"});
                  LUISTER_RETURN_IF_ERROR(b.Finish("the read mark is not valid"));
                  LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
                  LUISTER_RETURN_IF_ERROR(
                      service.Read(id, ChatReader::kAgent, message_id.value_or(0)).status());
                  Response none;
                  none.status = 204;
                  return none;
                }));
  // Accept, end, and "I am typing": the agent's side of a live chat.
  for (const char* action : {"accept", "end", "typing"}) {
    const std::string act = action;
    r.Add("POST", "/api/v1/chats/{id}/" + act,
          Secured(
              Permission::kWriteConversations,
              act == "typing" ? kNoPersonalData : Changes("update", "conversation"),
              [&ctx, act](Request& req, const auth::Principal& who,
                          AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
                LUISTER_ASSIGN_OR_RETURN(ChatRepository * repo, ctx.store.Find<ChatRepository>());
                LUISTER_ASSIGN_OR_RETURN(Chat chat, repo->GetChat(id));
                if (act == "typing") {
                  service.Typing(chat, who.user.id);
                  Response none;
                  none.status = 204;
                  return none;
                }
                LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
                audit.Touched(id, c.customer_id);
                LUISTER_ASSIGN_OR_RETURN(Chat now, act == "accept" ? service.Accept(id, who.user.id)
                                                                   : service.End(id, who.user.id));
                return JsonResponse(200, ChatRecordJson(now));
              }));
  }
}

Status Jobs(JobRunner& runner, ApiContext& ctx) {
  LUISTER_RETURN_IF_ERROR(runner.RegisterRecurring(
      kChatSweepJob, [&ctx](const Job& job) -> Result<std::optional<Timestamp>> {
        LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
        return service.RunSweepJob(job);
      }));
  LUISTER_ASSIGN_OR_RETURN(ChatService service, Service(ctx));
  return service.EnsureSweepJob().status();
}

}  // namespace

// Web chat (C2): the widget's settings (admins), its public config, and the
// agents' side of a live chat. The widget's WebSocket is ChatHub
// (http/api/chat_hub.h), wired by app/ beside the live events.
ApiModule ChatModule() {
  return {"chat",
          {"chat_widgets", "chat_visitors", "chats", "chat_waits", "chat_sweep_job", "agent_presence"},
          {EventType::kChatUpdated, EventType::kChatTyping, EventType::kChatRead},
          Routes,
          Jobs};
}

}  // namespace luister::http
