#include "domain/conversation_service.h"

#include <algorithm>
#include <cctype>

#include "domain/answer.h"
#include "domain/answer_consistency.h"
#include "domain/blob.h"
#include "domain/chat.h"
#include "domain/html_sanitizer.h"
#include "domain/permissions.h"
#include "domain/promise.h"
#include "domain/text_analysis.h"
#include "domain/validation.h"

namespace luister {

void ConversationService::Emit(EventType type, const Conversation& c,
                               std::optional<int64_t> message_id) {
  if (!events_) return;
  DomainEvent e;
  e.type = type;
  e.at = clock_.Now();
  e.conversation_id = c.id;
  e.customer_id = c.customer_id;
  e.department_id = c.department_id;
  e.message_id = message_id;
  HeldEvents::PublishOrHold(events_, e);
}

Status ConversationService::ValidateTags(std::vector<std::string>* tags,
                                         std::vector<FieldError>* errors) {
  if (tags->size() > kMaxTags) {
    errors->push_back({"tags", "at most 20 tags"});
    return Status::Ok();
  }
  for (size_t i = 0; i < tags->size(); ++i) {
    auto t = NormaliseTag((*tags)[i]);
    if (!t.ok()) {
      errors->push_back({"tags[" + std::to_string(i) + "]", t.status().message()});
    } else {
      (*tags)[i] = *t;
    }
  }
  std::sort(tags->begin(), tags->end());
  tags->erase(std::unique(tags->begin(), tags->end()), tags->end());
  return Status::Ok();
}

Status ConversationService::CheckQueue(std::optional<int64_t> queue_id, int64_t department_id,
                                       std::vector<FieldError>* errors) {
  if (!queue_id) return Status::Ok();
  auto q = store_.directory().GetQueue(*queue_id);
  if (!q.ok() && q.status().code() != StatusCode::kNotFound) return q.status();
  if (!q.ok()) {
    errors->push_back({"queue_id", "no such queue"});
  } else if (q->department_id != department_id) {
    errors->push_back({"queue_id", "queue belongs to another department"});
  }
  return Status::Ok();
}

namespace {

void ValidateSubject(std::string* subject, std::vector<FieldError>* errors) {
  *subject = WithoutControlCharacters(Trim(*subject));
  if (subject->size() > ConversationService::kMaxSubjectBytes)
    errors->push_back({"subject", "must be at most 300 bytes"});
  else if (!IsValidUtf8(*subject))
    errors->push_back({"subject", "must be valid UTF-8"});
}

Status CheckAssignee(Store& store, std::optional<int64_t> assignee_id,
                     std::vector<FieldError>* errors) {
  if (!assignee_id) return Status::Ok();
  auto u = store.directory().GetUser(*assignee_id);
  if (!u.ok() && u.status().code() != StatusCode::kNotFound) return u.status();
  if (!u.ok() || !u->active) {
    errors->push_back({"assignee_id", "no such active user"});
  } else if (!RoleAllows(u->role, Permission::kWriteConversations)) {
    // Only people who handle conversations can be given one (not a privacy
    // officer, who may read them for a subject request).
    errors->push_back({"assignee_id", "this user's role does not handle conversations"});
  }
  return Status::Ok();
}

}  // namespace

Status ConversationService::CheckNewConversation(NewConversation* c,
                                                 std::vector<FieldError>* errors) {
  ValidateSubject(&c->subject, errors);
  LUISTER_RETURN_IF_ERROR(ValidateTags(&c->tags, errors));
  auto dept = store_.directory().GetDepartment(c->department_id);
  if (!dept.ok()) {
    if (dept.status().code() != StatusCode::kNotFound) return dept.status();
    errors->push_back({"department_id", "no such department"});
  }
  LUISTER_RETURN_IF_ERROR(CheckQueue(c->queue_id, c->department_id, errors));
  LUISTER_RETURN_IF_ERROR(CheckAssignee(store_, c->assignee_id, errors));
  if (c->created_at)
    if (auto bad = CheckImportedTime(*c->created_at, clock_.Now()))
      errors->push_back({"created_at", *bad});
  auto customer = store_.customers().Get(c->customer_id);
  if (!customer.ok()) {
    if (customer.status().code() != StatusCode::kNotFound) return customer.status();
    errors->push_back({"customer_id", "no such customer"});
  } else if (customer->merged_into_id) {
    errors->push_back({"customer_id", "customer was merged into customer " +
                                          std::to_string(*customer->merged_into_id)});
  }
  if (!c->created_at) c->created_at = clock_.Now();
  return Status::Ok();
}

Result<Conversation> ConversationService::Create(NewConversation c,
                                                 std::optional<int64_t> actor_user_id) {
  std::vector<FieldError> errors;
  LUISTER_RETURN_IF_ERROR(CheckNewConversation(&c, &errors));
  if (!errors.empty()) return InvalidArgument("the conversation is not valid", std::move(errors));
  LUISTER_ASSIGN_OR_RETURN(Conversation created,
                           store_.conversations().Create(c, [&](const Conversation& opened) {
                             return PlanOpening(opened, actor_user_id);
                           }));
  Emit(EventType::kConversationCreated, created);
  return created;
}

Result<AddedMessage> ConversationService::Open(NewConversation c, MessageInput first,
                                               std::optional<int64_t> author_user_id) {
  std::vector<FieldError> errors;
  LUISTER_RETURN_IF_ERROR(CheckNewConversation(&c, &errors));
  if (!first.created_at) first.created_at = c.created_at;
  NewMessage m;
  PrepareMessage(std::move(first), author_user_id, "message.", &m, &errors);
  if (!errors.empty()) return InvalidArgument("the conversation is not valid", std::move(errors));
  LUISTER_ASSIGN_OR_RETURN(
      AddedMessage added,
      store_.conversations().Open(
          c, [&](const Conversation& opened) { return PlanOpening(opened, author_user_id); }, m,
          PlanMessageByRule));
  Emit(EventType::kConversationCreated, added.conversation);
  Emit(EventType::kMessageCreated, added.conversation, added.message.id);
  return added;
}

Result<Conversation> ConversationService::Update(int64_t id, ConversationPatch patch,
                                                 std::optional<int64_t> actor_user_id) {
  std::vector<FieldError> errors;
  if (patch.subject) ValidateSubject(&*patch.subject, &errors);
  if (patch.tags) LUISTER_RETURN_IF_ERROR(ValidateTags(&*patch.tags, &errors));
  if (patch.status == ConversationStatus::kNew)
    errors.push_back({"status", "a conversation cannot go back to new"});
  LUISTER_RETURN_IF_ERROR(CheckAssignee(store_, patch.assignee_id, &errors));
  LUISTER_ASSIGN_OR_RETURN(Conversation current, store_.conversations().Get(id));
  LUISTER_RETURN_IF_ERROR(CheckQueue(patch.queue_id, current.department_id, &errors));
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  const Timestamp at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(Conversation updated,
                           store_.conversations().Change(id, [&](const Conversation& now) {
                             return PlanUpdate(now, patch, actor_user_id, at);
                           }));
  Emit(EventType::kConversationUpdated, updated);
  return updated;
}

void ConversationService::PrepareMessage(MessageInput in, std::optional<int64_t> author_user_id,
                                         const std::string& prefix, NewMessage* out,
                                         std::vector<FieldError>* errors) {
  const size_t before = errors->size();
  auto add = [&](const std::string& field, std::string message) {
    errors->push_back({prefix + field, std::move(message)});
  };
  if (!IsValidUtf8(in.body_text)) add("body_text", "must be valid UTF-8");
  if (!IsValidUtf8(in.body_html)) add("body_html", "must be valid UTF-8");
  if (in.body_text.size() > kMaxBodyBytes || in.body_html.size() > kMaxBodyBytes)
    add("body_text", "must be at most 256 KiB");
  if (in.attachments.size() > kMaxAttachments) add("attachments", "at most 50 attachments");
  for (size_t i = 0; i < in.attachments.size(); ++i) {
    const auto& a = in.attachments[i];
    std::string f = "attachments[" + std::to_string(i) + "]";
    if (Trim(a.filename).empty() || a.filename.size() > 255 || !IsValidUtf8(a.filename))
      add(f + ".filename", "must be 1 to 255 bytes of UTF-8");
    if (a.size_bytes < 0) add(f + ".size_bytes", "must not be negative");
  }
  if (in.status == ConversationStatus::kNew) add("status", "a conversation cannot go back to new");
  if (in.created_at)
    if (auto bad = CheckImportedTime(*in.created_at, clock_.Now())) add("created_at", *bad);
  if (in.external_id.size() > kMaxExternalIdBytes || !IsValidUtf8(in.external_id))
    add("external_id", "must be valid UTF-8 of at most 998 bytes");
  if (in.answer_id || in.answer_number) CheckAnswer(in, author_user_id, prefix, errors);
  if (errors->size() != before) return;

  in.body_text = WithoutControlCharacters(in.body_text);
  if (!in.body_html.empty()) {
    in.body_html = SanitizeHtml(WithoutControlCharacters(in.body_html));
    if (Trim(in.body_text).empty()) in.body_text = HtmlToText(in.body_html);
  }
  if (Trim(in.body_text).empty() && in.attachments.empty()) {
    add("body_text", "a message needs text or an attachment");
    return;
  }
  out->direction = in.internal ? Direction::kOut : in.direction;
  out->internal = in.internal;
  out->author_user_id = author_user_id;
  out->body_text = std::move(in.body_text);
  out->body_html = std::move(in.body_html);
  out->attachments = std::move(in.attachments);
  out->created_at = in.created_at ? in.created_at : clock_.Now();
  out->requested_status = in.status;
  out->external_id = std::move(in.external_id);
  out->raw_sha256 = std::move(in.raw_sha256);
  out->answer_id = in.answer_id;
  out->answer_number = in.answer_number;
  out->answer_override = std::move(in.answer_override);
}

void ConversationService::CheckAnswer(const MessageInput& in, std::optional<int64_t> author_user_id,
                                      const std::string& prefix, std::vector<FieldError>* errors) {
  auto add = [&](std::string message) {
    errors->push_back({prefix + "answer", std::move(message)});
  };
  if (!in.answer_id || !in.answer_number) return add("name the answer and its version");
  if (in.internal || in.direction != Direction::kOut || !author_user_id)
    return add("only an agent's reply uses a canonical answer");
  auto answers = store_.Find<AnswerRepository>();
  if (!answers.ok()) return add("this desk keeps no answer library");
  auto versions = (*answers)->Versions(*in.answer_id);
  if (!versions.ok()) return add("the answer cannot be read: " + versions.status().message());
  const bool known = std::any_of(versions->begin(), versions->end(), [&](const AnswerVersion& v) {
    return v.number == *in.answer_number &&
           (v.state == AnswerState::kPublished || v.state == AnswerState::kSuperseded);
  });
  if (!known)
    return add("no published version " + std::to_string(*in.answer_number) + " of answer " +
               std::to_string(*in.answer_id));
  if (in.answer_override.size() > kMaxAnswerNote)
    return add("the reason is longer than " + std::to_string(kMaxAnswerNote) + " bytes");
  if (!Trim(in.answer_override).empty()) return;
  // The reply against the live version: "the published answer says 14
  // days, you wrote 30".
  const auto live = std::find_if(versions->begin(), versions->end(), [](const AnswerVersion& v) {
    return v.state == AnswerState::kPublished;
  });
  if (live == versions->end()) return;
  std::string reply = in.body_text;
  if (Trim(reply).empty() && !in.body_html.empty()) reply = HtmlToText(in.body_html);
  const Language lang = GuessLanguage(NormalisedWords(reply));
  const AnswerText& text = lang == Language::kNl ? (live->nl.empty() ? live->en : live->nl)
                                                 : (live->en.empty() ? live->nl : live->en);
  const std::vector<AnswerConflict> conflicts = FindConflicts(text.body, reply);
  if (conflicts.empty()) return;
  const AnswerConflict& c = conflicts.front();
  add("contradicts the published answer (" + std::string(ToString(c.kind)) + "): it says \"" +
      c.published + "\", the reply \"" + c.written +
      "\"; correct the reply, or send it with answer.override saying why");
}

namespace {

// "image/png"; anything else (parameters, odd characters) is read as unknown bytes.
std::string UploadType(std::string_view type) {
  std::string lower = AsciiLower(Trim(type));
  size_t slash = lower.find('/');
  bool ok = slash != std::string::npos && slash > 0 && slash + 1 < lower.size() &&
            lower.size() <= 100 && lower.find('/', slash + 1) == std::string::npos;
  for (char c : lower)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '+' ||
                c == '.' || c == '_');
  return ok ? lower : "application/octet-stream";
}

}  // namespace

Result<Attachment> ConversationService::Upload(std::string_view bytes, const std::string& sha256,
                                               std::string filename, std::string content_type,
                                               size_t max_bytes) {
  // Only the name: "C:\\Users\\anna\\offerte.pdf" and "../x" keep their last part.
  if (size_t cut = filename.find_last_of("/\\"); cut != std::string::npos)
    filename = filename.substr(cut + 1);
  filename = std::string(Trim(WithoutControlCharacters(filename)));
  std::vector<FieldError> errors;
  if (filename.empty() || filename.size() > 255 || !IsValidUtf8(filename))
    errors.push_back({"filename", "must be 1 to 255 bytes of UTF-8"});
  if (bytes.empty()) errors.push_back({"file", "the file is empty"});
  if (bytes.size() > max_bytes)
    errors.push_back({"file", "at most " + std::to_string(max_bytes) + " bytes"});
  if (!errors.empty()) return InvalidArgument("the upload is not valid", std::move(errors));
  LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, store_.Find<BlobRepository>());
  LUISTER_RETURN_IF_ERROR(blobs->Put(sha256, bytes));
  Attachment a;
  a.filename = std::move(filename);
  a.content_type = UploadType(content_type);
  a.size_bytes = static_cast<int64_t>(bytes.size());
  a.sha256 = sha256;
  return a;
}

Status ConversationService::ResolveUploads(MessageInput* in, size_t max_bytes) {
  std::vector<FieldError> errors;
  int64_t total = 0;
  for (size_t i = 0; i < in->attachments.size(); ++i) {
    Attachment& a = in->attachments[i];
    if (a.sha256.empty()) continue;
    std::string field = "attachments[" + std::to_string(i) + "].sha256";
    LUISTER_ASSIGN_OR_RETURN(BlobRepository * blobs, store_.Find<BlobRepository>());
    auto size = blobs->Size(a.sha256);
    if (!size.ok() && size.status().code() == StatusCode::kNotFound) {
      errors.push_back({field, "no uploaded file has this hash; upload it first"});
      continue;
    }
    LUISTER_RETURN_IF_ERROR(size.status());
    a.size_bytes = *size;
    total += *size;
  }
  if (total > static_cast<int64_t>(max_bytes))
    errors.push_back({"attachments",
                      "the files together are more than " + std::to_string(max_bytes) + " bytes"});
  if (!errors.empty()) return InvalidArgument("the message is not valid", std::move(errors));
  return Status::Ok();
}

Status ConversationService::DeliveryChanged(int64_t conversation_id, int64_t message_id) {
  if (!events_) return Status::Ok();
  auto c = store_.conversations().Get(conversation_id);
  if (!c.ok()) return c.status().code() == StatusCode::kNotFound ? Status::Ok() : c.status();
  Emit(EventType::kMessageUpdated, *c, message_id);
  return Status::Ok();
}

Result<Message> ConversationService::AddMessage(int64_t conversation_id, MessageInput in,
                                                std::optional<int64_t> author_user_id) {
  // An unknown conversation is answered before any work on the body.
  LUISTER_ASSIGN_OR_RETURN(Conversation conversation, store_.conversations().Get(conversation_id));
  NewMessage m;
  m.conversation_id = conversation_id;
  // A reply written in the desk now (not imported, not already delivered
  // from the agent's own mail client) to a conversation the desk answers
  // itself goes out through an outbox, in the same transaction as the
  // message.
  bool desk_sends = DeskSendsReplies(conversation.channel) || in.by_email;
  // A chat nobody accepted in time continues by e-mail.
  if (!desk_sends && conversation.channel == Channel::kChat) {
    if (auto chats = store_.Find<ChatRepository>(); chats.ok()) {
      auto chat = (*chats)->GetChat(conversation_id);
      desk_sends = chat.ok() && chat->state == ChatState::kByEmail;
    }
  }
  const bool written_now = !in.created_at;  // not an import of past messages
  m.send = desk_sends && !in.internal && in.direction == Direction::kOut && !in.created_at &&
           in.external_id.empty() && (author_user_id.has_value() || in.automatic);
  m.automatic = in.automatic && m.send && !author_user_id;
  std::vector<FieldError> errors;
  if ((in.replaces_id || !in.send_to.empty()) && !m.send)
    return InvalidArgument("the message is not valid",
                           {{"replaces_id", "only a reply the desk sends replaces another"}});
  m.replaces_id = in.replaces_id;
  m.send_to = in.send_to;
  PrepareMessage(std::move(in), author_user_id, "", &m, &errors);
  if (!errors.empty()) return InvalidArgument("the message is not valid", std::move(errors));

  LUISTER_ASSIGN_OR_RETURN(AddedMessage added,
                           store_.conversations().AddMessage(m, PlanMessageByRule));
  if (m.replaces_id) Emit(EventType::kMessageUpdated, added.conversation, *m.replaces_id);
  Emit(EventType::kMessageCreated, added.conversation, added.message.id);
  if (added.status_changed) Emit(EventType::kConversationUpdated, added.conversation);
  // An information promise this reply delivers is kept (domain/promise.h);
  // an imported past reply keeps nothing.
  // The reply stands whatever happens there: a failure leaves the promise
  // open for a person, and /metrics counts it.
  if (written_now && added.message.direction == Direction::kOut && !added.message.internal &&
      added.message.author_user_id) {
    if (auto promises = store_.Find<PromiseRepository>(); promises.ok()) {
      PromiseService service(store_, **promises, clock_, events_);
      Message reply = added.message;
      reply.customer_id = added.conversation.customer_id;
      if (!service.AfterReply(reply).ok()) CountPromiseAutoKeepFailure();
    }
  }
  return std::move(added.message);
}

Result<std::vector<AddedMessage>> ConversationService::ImportMessages(
    std::vector<ImportedMessageInput> items, std::optional<int64_t> author_user_id) {
  if (items.empty())
    return InvalidArgument("the import is not valid", {{"messages", "must not be empty"}});
  if (items.size() > kMaxImportBatch)
    return InvalidArgument(
        "the import is not valid",
        {{"messages", "at most " + std::to_string(kMaxImportBatch) + " messages per request"}});
  std::vector<FieldError> errors;
  std::vector<NewMessage> messages(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    messages[i].conversation_id = items[i].conversation_id;
    // Inbound messages come from the customer, so they carry no staff author.
    const MessageInput& in = items[i].message;
    std::optional<int64_t> author =
        in.internal || in.direction == Direction::kOut ? author_user_id : std::nullopt;
    PrepareMessage(std::move(items[i].message), author, "messages[" + std::to_string(i) + "].",
                   &messages[i], &errors);
  }
  if (!errors.empty()) return InvalidArgument("the import is not valid", std::move(errors));

  LUISTER_ASSIGN_OR_RETURN(auto added,
                           store_.conversations().AddMessages(messages, PlanMessageByRule));
  for (const AddedMessage& a : added) {
    Emit(EventType::kMessageCreated, a.conversation, a.message.id);
    if (a.status_changed) Emit(EventType::kConversationUpdated, a.conversation);
  }
  return added;
}

Result<Conversation> ConversationService::Transfer(int64_t conversation_id,
                                                   int64_t to_department_id,
                                                   std::optional<int64_t> to_queue_id,
                                                   std::string note, int64_t by_user_id) {
  std::vector<FieldError> errors;
  note = WithoutControlCharacters(Trim(note));
  if (note.empty())
    errors.push_back({"note", "a hand-over needs a note so the next person has the context"});
  else if (note.size() > kMaxNoteBytes || !IsValidUtf8(note))
    errors.push_back({"note", "must be valid UTF-8 of at most 4000 bytes"});
  auto dept = store_.directory().GetDepartment(to_department_id);
  if (!dept.ok()) {
    if (dept.status().code() != StatusCode::kNotFound) return dept.status();
    errors.push_back({"department_id", "no such department"});
  }
  LUISTER_RETURN_IF_ERROR(CheckQueue(to_queue_id, to_department_id, &errors));
  if (!errors.empty()) return InvalidArgument("the hand-over is not valid", std::move(errors));
  LUISTER_ASSIGN_OR_RETURN(Conversation conv, store_.conversations().Get(conversation_id));
  if (conv.department_id == to_department_id && conv.queue_id == to_queue_id)
    return Conflict("the conversation is already in that department and queue");
  Handover h;
  h.conversation_id = conversation_id;
  h.from_department_id = conv.department_id;
  h.to_department_id = to_department_id;
  h.to_queue_id = to_queue_id;
  h.note = std::move(note);
  h.by_user_id = by_user_id;
  h.at = clock_.Now();
  LUISTER_ASSIGN_OR_RETURN(Conversation moved, store_.conversations().Change(
                                                   conversation_id, [&](const Conversation& now) {
                                                     return PlanHandover(now, h);
                                                   }));
  Emit(EventType::kConversationUpdated, moved);
  if (moved.channel == Channel::kChat) LUISTER_RETURN_IF_ERROR(RequeueChat(moved));
  return moved;
}

Status ConversationService::RequeueChat(const Conversation& moved) {
  // A chat handed over waits for an agent of its new queue (the department's
  // first when none was named); the visitor is told (chat.updated).
  auto chats = store_.Find<ChatRepository>();
  if (!chats.ok()) return Status::Ok();
  std::optional<int64_t> queue = moved.queue_id;
  if (!queue) {
    LUISTER_ASSIGN_OR_RETURN(auto queues, store_.directory().ListQueues(moved.department_id));
    if (queues.empty()) return Status::Ok();
    queue = queues.front().id;
  }
  auto chat = (*chats)->Requeue(moved.id, *queue, clock_.Now());
  if (!chat.ok())
    return chat.status().code() == StatusCode::kNotFound ? Status::Ok() : chat.status();
  DomainEvent e;
  e.type = EventType::kChatUpdated;
  e.at = clock_.Now();
  e.conversation_id = moved.id;
  e.department_id = moved.department_id;
  HeldEvents::PublishOrHold(events_, e);
  return Status::Ok();
}

}  // namespace luister
