#include <algorithm>
#include <cctype>
#include <string>

#include "auth/tokens.h"
#include "domain/blob.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"
#include "http/json_body.h"

namespace luister::http {

namespace {

// Types a browser would render or run are served as plain bytes: an
// attachment is a download, never a page of ours.
std::string SafeContentType(const std::string& type) {
  for (const char* risky : {"text/html", "application/xhtml", "image/svg", "text/xml",
                            "application/xml", "text/javascript", "application/javascript"}) {
    if (type.rfind(risky, 0) == 0) return "application/octet-stream";
  }
  bool plain = !type.empty();
  for (char c : type)
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '.' ||
                      c == '+' || c == '-');
  return plain ? type : "application/octet-stream";
}

// Content-Disposition for a download named `filename` (RFC 6266): an ASCII
// fallback and the UTF-8 name percent-encoded (RFC 8187).
std::string Disposition(const std::string& filename) {
  std::string ascii, encoded;
  for (unsigned char c : filename) {
    // One '_' in the fallback per character it cannot hold.
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      ascii.push_back(static_cast<char>(c));
    } else if (c < 0x80 || c >= 0xC0) {
      ascii.push_back('_');
    }
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded.push_back(static_cast<char>(c));
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 0xF];
    }
  }
  if (ascii.empty()) ascii = "attachment";
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

Result<NewConversation> ReadNewConversation(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  NewConversation c;
  auto customer = b.Int("customer_id", JsonBody::kRequired);
  auto channel = b.Enum<Channel>("channel", JsonBody::kRequired);
  c.subject = b.String("subject", JsonBody::kOptional, 4000).value_or("");
  c.priority = b.Enum<Priority>("priority", JsonBody::kOptional).value_or(Priority::kNormal);
  auto dept = b.Int("department_id", JsonBody::kRequired);
  c.queue_id = b.Int("queue_id", JsonBody::kOptional);
  c.assignee_id = b.Int("assignee_id", JsonBody::kOptional);
  c.tags = b.StringArray("tags", JsonBody::kOptional, 50).value_or(std::vector<std::string>{});
  c.created_at = b.Time("created_at", JsonBody::kOptional);
  b.RejectUnknown({"customer_id", "channel", "subject", "priority", "department_id", "queue_id",
                   "assignee_id", "tags", "created_at"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the conversation is not valid"));
  c.customer_id = *customer;
  c.channel = *channel;
  c.department_id = *dept;
  return c;
}

Result<ConversationPatch> ReadConversationPatch(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  ConversationPatch p;
  p.subject = b.String("subject", JsonBody::kOptional, 4000);
  p.status = b.Enum<ConversationStatus>("status", JsonBody::kOptional);
  p.priority = b.Enum<Priority>("priority", JsonBody::kOptional);
  p.queue_id = b.Int("queue_id", JsonBody::kOptional);
  p.clear_queue = b.IsNull("queue_id");
  p.assignee_id = b.Int("assignee_id", JsonBody::kOptional);
  p.clear_assignee = b.IsNull("assignee_id");
  p.tags = b.StringArray("tags", JsonBody::kOptional, 50);
  for (const char* f : {"subject", "status", "priority", "tags"})
    if (b.IsNull(f)) b.AddError(f, "cannot be null");
  b.RejectUnknown({"subject", "status", "priority", "queue_id", "assignee_id", "tags"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the change is not valid"));
  return p;
}

Result<MessageInput> ReadMessage(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  MessageInput m = ReadMessageFields(b, true);
  // The canonical answer version the reply used: {"id", "number"}.
  b.Object("answer", false, [&](JsonBody& a) {
    m.answer_id = a.Int("id", true);
    if (auto n = a.Int("number", true)) m.answer_number = static_cast<int>(*n);
    if (auto o = a.String("override", false, kMaxAnswerNote)) m.answer_override = *o;
    a.RejectUnknown({"id", "number", "override"});
  });
  b.RejectUnknown({"internal", "direction", "body_text", "body_html", "status", "attachments",
                   "created_at", "answer"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the message is not valid"));
  return m;
}

// {"messages": [{"conversation_id": 1, ...message fields}, ...]}
Result<std::vector<ImportedMessageInput>> ReadImport(const std::string& body) {
  LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(body));
  std::vector<ImportedMessageInput> items;
  b.Objects("messages", JsonBody::kRequired, ConversationService::kMaxImportBatch,
            [&](JsonBody& e, size_t) {
              ImportedMessageInput item;
              item.conversation_id = e.Int("conversation_id", JsonBody::kRequired).value_or(0);
              item.message = ReadMessageFields(e, false);
              e.RejectUnknown({"conversation_id", "internal", "direction", "body_text", "body_html",
                               "status", "attachments", "created_at"});
              items.push_back(std::move(item));
            });
  b.RejectUnknown({"messages"});
  LUISTER_RETURN_IF_ERROR(b.Finish("the import is not valid"));
  return items;
}

// "me", "none" or a user id.
void ReadAssignee(QueryReader& q, const auth::Principal& who, ConversationFilter* f) {
  auto a = q.req.Query("assignee_id");
  if (!a) return;
  if (*a == "me") {
    f->assignee_id = who.user.id;
  } else if (*a == "none") {
    f->unassigned = true;
  } else {
    f->assignee_id = q.Int("assignee_id");
  }
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/api/v1/conversations",
        Secured(Permission::kReadConversations, Reads("conversation"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  QueryReader q{req};
                  ConversationFilter f;
                  f.customer_id = q.Int("customer_id");
                  f.channel = q.Enum<Channel>("channel");
                  f.status = q.Enum<ConversationStatus>("status");
                  f.priority = q.Enum<Priority>("priority");
                  f.department_id = q.Int("department_id");
                  f.queue_id = q.Int("queue_id");
                  ReadAssignee(q, who, &f);
                  f.tag = req.Query("tag");
                  if (auto s = req.Query("sort")) {
                    if (*s == "-last_message_at")
                      f.sort = ConversationSort::kLastMessageDesc;
                    else if (*s == "-created_at")
                      f.sort = ConversationSort::kCreatedDesc;
                    else if (*s == "created_at")
                      f.sort = ConversationSort::kCreatedAsc;
                    else
                      q.errors.push_back(
                          {"sort", "must be one of: -last_message_at, -created_at, created_at"});
                  }
                  PageRequest page = q.Page();
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(auto list, ctx.store.conversations().List(f, page));
                  for (const Conversation& v : list.items) audit.Touched(v.id, v.customer_id);
                  return JsonTextResponse(200, ConversationPageJson(list));
                }));

  r.Add("POST", "/api/v1/conversations",
        Secured(Permission::kWriteConversations, Changes("create", "conversation"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(NewConversation c, ReadNewConversation(req.body));
                  LUISTER_ASSIGN_OR_RETURN(Conversation created,
                                           ctx.conversations.Create(std::move(c), who.user.id));
                  audit.Touched(created.id, created.customer_id);
                  Response resp = JsonResponse(201, ToJson(created));
                  resp.SetHeader("Location", "/api/v1/conversations/" + std::to_string(created.id));
                  return resp;
                }));

  r.Add("GET", "/api/v1/conversations/{id}",
        Secured(Permission::kReadConversations, Reads("conversation"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
                  audit.Touched(id, c.customer_id);
                  return JsonTextResponse(200, ConversationJson(c));
                }));

  r.Add("PATCH", "/api/v1/conversations/{id}",
        Secured(Permission::kWriteConversations, Changes("update", "conversation"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  LUISTER_ASSIGN_OR_RETURN(ConversationPatch p, ReadConversationPatch(req.body));
                  LUISTER_ASSIGN_OR_RETURN(Conversation c,
                                           ctx.conversations.Update(id, std::move(p), who.user.id));
                  audit.Touched(id, c.customer_id);
                  return JsonResponse(200, ToJson(c));
                }));

  r.Add("GET", "/api/v1/conversations/{id}/messages",
        Secured(Permission::kReadConversations, Reads("message"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                  QueryReader q{req};
                  bool internal = q.Bool("include_internal").value_or(true);
                  PageRequest page = q.Page(100);
                  LUISTER_RETURN_IF_ERROR(q.Finish());
                  LUISTER_ASSIGN_OR_RETURN(Conversation c, ctx.store.conversations().Get(id));
                  LUISTER_ASSIGN_OR_RETURN(
                      auto list, ctx.store.conversations().ListMessages(id, internal, page));
                  audit.Touched(id, c.customer_id);
                  return JsonResponse(200, PageToJson(list));
                }));

  r.Add(
      "GET", "/api/v1/attachments/{id}",
      Secured(Permission::kReadConversations, Reads("attachment"),
              [&ctx](Request& req, const auth::Principal&, AuditScope& audit) -> Result<Response> {
                LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
                LUISTER_ASSIGN_OR_RETURN(StoredAttachment a,
                                         ctx.store.conversations().GetAttachment(id));
                audit.Touched(id, a.customer_id);
                LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, ctx.store.Find<BlobRepository>());
                auto bytes = a.attachment.sha256.empty() ? Result<std::string>(NotFound(""))
                                                         : blobs->Get(a.attachment.sha256);
                if (!bytes.ok() && bytes.status().code() == StatusCode::kNotFound)
                  return NotFound("attachment " + std::to_string(id) +
                                  " is listed, but its bytes were not kept (too large, or "
                                  "added without them)");
                LUISTER_RETURN_IF_ERROR(bytes.status());
                Response res;
                res.content_type = SafeContentType(a.attachment.content_type);
                res.body = std::move(*bytes);
                res.SetHeader("Content-Disposition", Disposition(a.attachment.filename));
                res.SetHeader("Content-Security-Policy",
                              "default-src 'none'; sandbox; frame-ancestors 'none'");
                return res;
              }));

  r.Add("POST", "/api/v1/messages/import",
        Secured(Permission::kWriteConversations, Changes("create", "message"),
                [&ctx](Request& req, const auth::Principal& who,
                       AuditScope& audit) -> Result<Response> {
                  LUISTER_ASSIGN_OR_RETURN(auto items, ReadImport(req.body));
                  LUISTER_ASSIGN_OR_RETURN(
                      auto added, ctx.conversations.ImportMessages(std::move(items), who.user.id));
                  nlohmann::json ids = nlohmann::json::array();
                  for (const AddedMessage& a : added) {
                    audit.Touched(a.message.id, a.message.customer_id);
                    ids.push_back(a.message.id);
                  }
                  return JsonResponse(201, {{"created", added.size()}, {"ids", std::move(ids)}});
                }));

  // A file for a reply: the raw bytes as the body, the name in the query
  // (?filename=), the type in Content-Type. Kept by its hash until a
  // message names it in `attachments[].sha256`.
  r.Add("POST", std::string(kUploadPath),
        Secured(Permission::kWriteConversations, Changes("create", "upload"),
                [&ctx](Request& req, const auth::Principal&, AuditScope&) -> Result<Response> {
                  std::string filename = req.Query("filename").value_or("");
                  LUISTER_ASSIGN_OR_RETURN(
                      Attachment a,
                      ctx.conversations.Upload(
                          req.body, auth::Sha256Hex(req.body), std::move(filename),
                          std::string(req.Header("content-type")), ctx.max_upload_bytes));
                  return JsonResponse(201, {{"sha256", a.sha256},
                                            {"filename", a.filename},
                                            {"content_type", a.content_type},
                                            {"size_bytes", a.size_bytes}});
                }));

  r.Add(
      "POST", "/api/v1/conversations/{id}/messages",
      Secured(
          Permission::kWriteConversations, Changes("create", "message"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(MessageInput m, ReadMessage(req.body));
            LUISTER_RETURN_IF_ERROR(ctx.conversations.ResolveUploads(&m, ctx.max_upload_bytes));
            // Inbound messages come from the customer via an integration,
            // so they carry no staff author.
            std::optional<int64_t> author;
            if (m.internal || m.direction == Direction::kOut) author = who.user.id;
            LUISTER_ASSIGN_OR_RETURN(Message msg,
                                     ctx.conversations.AddMessage(id, std::move(m), author));
            audit.Touched(msg.id, msg.customer_id);
            return JsonResponse(201, ToJson(msg));
          }));

  r.Add(
      "POST", "/api/v1/conversations/{id}/transfer",
      Secured(
          Permission::kWriteConversations, Changes("update", "conversation"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            LUISTER_ASSIGN_OR_RETURN(int64_t id, IdParam(req));
            LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
            auto dept = b.Int("department_id", JsonBody::kRequired);
            auto queue = b.Int("queue_id", JsonBody::kOptional);
            auto note = b.String("note", JsonBody::kRequired, 8000);
            b.RejectUnknown({"department_id", "queue_id", "note"});
            LUISTER_RETURN_IF_ERROR(b.Finish("the hand-over is not valid"));
            LUISTER_ASSIGN_OR_RETURN(
                Conversation c, ctx.conversations.Transfer(id, *dept, queue, *note, who.user.id));
            audit.Touched(id, c.customer_id);
            return JsonResponse(200, ToJson(c));
          }));
}

}  // namespace

// Conversations and their messages, hand-overs between departments (C3).
ApiModule ConversationsModule() {
  return {"conversations",
          // blobs: the bytes of attachments (and of the raw e-mail), served here.
          {"conversations", "conversation_tags", "messages", "message_attachments", "blobs"},
          {EventType::kConversationCreated, EventType::kConversationUpdated,
           EventType::kMessageCreated, EventType::kMessageUpdated},
          Routes,
          {}};
}

}  // namespace luister::http
