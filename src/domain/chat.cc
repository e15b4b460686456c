#include "domain/chat.h"

#include <algorithm>
#include <array>

#include "domain/activity.h"
#include "domain/duplicates.h"
#include "domain/job_runner.h"
#include "domain/phone.h"
#include "domain/phone_call.h"
#include "domain/rate_limit.h"
#include "domain/validation.h"

namespace luister {

namespace {

constexpr std::array<std::pair<ChatState, std::string_view>, 4> kStates{{
    {ChatState::kWaiting, "waiting"},
    {ChatState::kActive, "active"},
    {ChatState::kEnded, "ended"},
    {ChatState::kByEmail, "by_email"},
}};

constexpr size_t kMaxText = 5000;

void CheckWidget(ChatWidget* w, std::vector<FieldError>* errors) {
  w->name = WithoutControlCharacters(Trim(w->name));
  if (w->name.empty() || w->name.size() > 200 || !IsValidUtf8(w->name))
    errors->push_back({"name", "must be 1 to 200 bytes of UTF-8"});
  if (!w->privacy_url.empty() && !IsWebUrl(w->privacy_url))
    errors->push_back({"privacy_url", "must be an http(s) URL"});
  if (w->allowed_origins.size() > 20) errors->push_back({"allowed_origins", "at most 20"});
  for (size_t i = 0; i < w->allowed_origins.size(); ++i) {
    std::string& o = w->allowed_origins[i];
    o = AsciiLower(Trim(o));
    while (!o.empty() && o.back() == '/') o.pop_back();
    // An origin: scheme and host (and port), no path.
    const size_t scheme = o.find("://");
    if (!IsWebUrl(o) || scheme == std::string::npos || o.find('/', scheme + 3) != std::string::npos)
      errors->push_back({"allowed_origins[" + std::to_string(i) + "]",
                         "must be an origin such as https://shop.example"});
  }
  if (w->accept_seconds < 15 || w->accept_seconds > 3600)
    errors->push_back({"accept_seconds", "must be 15 to 3600"});
  if (w->idle_seconds < 60 || w->idle_seconds > 86400)
    errors->push_back({"idle_seconds", "must be 60 to 86400"});
}

Status CheckQueueOf(Store& store, int64_t queue_id, std::vector<FieldError>* errors) {
  auto q = store.directory().GetQueue(queue_id);
  if (q.ok()) return Status::Ok();
  if (q.status().code() != StatusCode::kNotFound) return q.status();
  errors->push_back({"queue_id", "no such queue"});
  return Status::Ok();
}

Status CheckText(std::string* text, const char* field, std::vector<FieldError>* errors) {
  *text = std::string(Trim(*text));
  if (text->empty())
    errors->push_back({field, "must not be empty"});
  else if (text->size() > kMaxText || !IsValidUtf8(*text))
    errors->push_back({field, "must be at most 5000 bytes of UTF-8"});
  return Status::Ok();
}

}  // namespace

std::string_view ToString(ChatState s) {
  for (const auto& [v, n] : kStates)
    if (v == s) return n;
  return "waiting";
}

std::optional<ChatState> ParseChatState(std::string_view s) {
  for (const auto& [v, n] : kStates)
    if (n == s) return v;
  return std::nullopt;
}

Result<ChatWidget> ChatService::CreateWidget(ChatWidget w) {
  std::vector<FieldError> errors;
  w.slug = std::string(Trim(w.slug));
  if (!IsSlug(w.slug))
    errors.push_back({"slug", "must be 1 to 60 of a-z, 0-9 and single hyphens inside"});
  CheckWidget(&w, &errors);
  LUISTER_RETURN_IF_ERROR(CheckQueueOf(store_, w.queue_id, &errors));
  if (!errors.empty()) return InvalidArgument("the chat widget is not valid", std::move(errors));
  w.active = true;
  w.created_at = clock_.Now();
  return chats_.CreateWidget(w);
}

Result<ChatWidget> ChatService::UpdateWidget(int64_t id, ChatWidgetPatch patch) {
  LUISTER_ASSIGN_OR_RETURN(ChatWidget w, chats_.GetWidget(id));
  if (patch.name) w.name = *patch.name;
  if (patch.allowed_origins) w.allowed_origins = *patch.allowed_origins;
  if (patch.privacy_url) w.privacy_url = *patch.privacy_url;
  if (patch.accept_seconds) w.accept_seconds = *patch.accept_seconds;
  if (patch.idle_seconds) w.idle_seconds = *patch.idle_seconds;
  std::vector<FieldError> errors;
  CheckWidget(&w, &errors);
  if (patch.queue_id) LUISTER_RETURN_IF_ERROR(CheckQueueOf(store_, *patch.queue_id, &errors));
  if (!errors.empty()) return InvalidArgument("the change is not valid", std::move(errors));
  // The checked (trimmed, lower-cased) values go in.
  if (patch.name) patch.name = w.name;
  if (patch.allowed_origins) patch.allowed_origins = w.allowed_origins;
  return chats_.UpdateWidget(id, patch);
}

Result<StartedChat> ChatService::Start(const ChatWidget& widget, ChatStart start) {
  std::vector<FieldError> errors;
  LUISTER_RETURN_IF_ERROR(CheckText(&start.text, "text", &errors));
  start.name = Utf8Prefix(WithoutControlCharacters(Trim(start.name)), 200);
  std::optional<std::string> email;
  if (!Trim(start.email).empty()) {
    auto e = NormaliseEmail(start.email);
    if (!e.ok())
      errors.push_back({"email", e.status().message()});
    else
      email = *e;
  }
  if (!start.page_url.empty() && !IsWebUrl(start.page_url)) start.page_url.clear();
  if (!errors.empty()) return InvalidArgument("the chat cannot start", std::move(errors));

  // The visitor's customer: the one of the address they gave (as a web
  // form or a mail would find it), else a new one. Their history in the
  // widget is their own chats only, whoever the customer is.
  std::optional<int64_t> customer_id;
  if (email) {
    LUISTER_ASSIGN_OR_RETURN(auto found,
                             store_.customers().FindByIdentity(IdentityKind::kEmail, *email));
    if (found) customer_id = found->merged_into_id.value_or(found->id);
  }
  if (!customer_id) {
    NewCustomer c;
    c.name = !start.name.empty()               ? start.name
             : email                           ? email->substr(0, email->find('@'))
             : start.language == Language::kNl ? "Websitebezoeker"
                                               : "Website visitor";
    c.language = start.language;
    c.preferred_channel = Channel::kChat;
    if (email) c.identities.push_back({IdentityKind::kEmail, *email});
    LUISTER_ASSIGN_OR_RETURN(Customer made, customers_.Create(std::move(c)));
    customer_id = made.id;
  }
  LUISTER_ASSIGN_OR_RETURN(ChatVisitor visitor, chats_.CreateVisitor(*customer_id, clock_.Now()));
  return Open(widget, visitor, std::move(start));
}

Result<StartedChat> ChatService::Restart(const ChatWidget& widget, const ChatVisitor& visitor,
                                         ChatStart start) {
  std::vector<FieldError> errors;
  LUISTER_RETURN_IF_ERROR(CheckText(&start.text, "text", &errors));
  if (!start.page_url.empty() && !IsWebUrl(start.page_url)) start.page_url.clear();
  if (!errors.empty()) return InvalidArgument("the chat cannot start", std::move(errors));
  return Open(widget, visitor, std::move(start));
}

Result<StartedChat> ChatService::Open(const ChatWidget& widget, ChatVisitor visitor,
                                      ChatStart start) {
  LUISTER_ASSIGN_OR_RETURN(Queue queue, store_.directory().GetQueue(widget.queue_id));
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(visitor.customer_id));
  NewConversation c;
  c.customer_id = customer.merged_into_id.value_or(customer.id);
  c.channel = Channel::kChat;
  c.subject = Summarize(start.text, 80);
  c.department_id = queue.department_id;
  c.queue_id = queue.id;
  MessageInput first;
  first.direction = Direction::kIn;
  first.body_text = start.text;
  LUISTER_ASSIGN_OR_RETURN(AddedMessage opened,
                           conversations_.Open(std::move(c), std::move(first), std::nullopt));
  Chat chat;
  chat.conversation_id = opened.conversation.id;
  chat.visitor_id = visitor.id;
  chat.widget_id = widget.id;
  chat.queue_id = queue.id;
  chat.state = ChatState::kWaiting;
  chat.requested_at = clock_.Now();
  chat.last_activity_at = chat.requested_at;
  chat.page_url = start.page_url;
  // Should this fail, the conversation stays as an ordinary chat
  // conversation in the queue: the visitor's words are not lost.
  LUISTER_RETURN_IF_ERROR(chats_.CreateChat(chat));
  Emit(chat);
  return StartedChat{visitor, chat, std::move(opened.message)};
}

Result<Message> ChatService::Say(const ChatVisitor& visitor, int64_t conversation_id,
                                 std::string text) {
  std::vector<FieldError> errors;
  LUISTER_RETURN_IF_ERROR(CheckText(&text, "text", &errors));
  if (!errors.empty()) return InvalidArgument("the message is not valid", std::move(errors));
  MessageInput m;
  m.direction = Direction::kIn;
  m.body_text = std::move(text);
  return AddFromVisitor(visitor, conversation_id, std::move(m));
}

Result<Message> ChatService::SendFile(const ChatVisitor& visitor, int64_t conversation_id,
                                      ChatFile file, const ChatFileLimits& limits) {
  LUISTER_ASSIGN_OR_RETURN(Chat chat, chats_.GetChat(conversation_id));
  if (chat.visitor_id != visitor.id) return NotFound("no such chat");
  if (file.data.empty())
    return InvalidArgument("the file is not valid", {{"file", "the file is empty"}});
  if (file.data.size() > limits.max_bytes)
    return InvalidArgument(
        "the file is not valid",
        {{"file", "is larger than " + std::to_string(limits.max_bytes >> 20) + " MB"}});
  const std::optional<std::string> type = SniffChatFileType(file.data);
  if (!type)
    return InvalidArgument("the file is not valid",
                           {{"file",
                             "only pictures (PNG, JPEG, GIF, WebP), PDF and plain text "
                             "files can be sent"}});
  LUISTER_RETURN_IF_ERROR(CheckRate(store_, clock_.Now(), "chatfile:" + std::to_string(visitor.id),
                                    limits.per_hour, std::chrono::hours(1), "files", nullptr));
  std::string name = Utf8Prefix(WithoutControlCharacters(Trim(file.filename)), 200);
  if (name.empty()) name = "file";
  LUISTER_ASSIGN_OR_RETURN(
      Attachment a, conversations_.Upload(file.data, file.sha256, name, *type, limits.max_bytes));
  MessageInput m;
  m.direction = Direction::kIn;
  m.attachments.push_back(std::move(a));
  return AddFromVisitor(visitor, conversation_id, std::move(m));
}

Result<Message> ChatService::AddFromVisitor(const ChatVisitor& visitor, int64_t conversation_id,
                                            MessageInput m) {
  LUISTER_ASSIGN_OR_RETURN(Chat chat, chats_.GetChat(conversation_id));
  if (chat.visitor_id != visitor.id) return NotFound("no such chat");
  LUISTER_ASSIGN_OR_RETURN(Message added,
                           conversations_.AddMessage(conversation_id, std::move(m), std::nullopt));
  if (chat.state == ChatState::kEnded) {
    // Talking again after the end: back in the queue.
    auto again = chats_.Move(conversation_id, {ChatState::kEnded}, ChatState::kWaiting,
                             std::nullopt, clock_.Now());
    if (again.ok()) Emit(*again);
    if (!again.ok() && again.status().code() != StatusCode::kConflict) return again.status();
  } else {
    LUISTER_RETURN_IF_ERROR(chats_.Touch(conversation_id, clock_.Now()));
  }
  return added;
}

Result<Chat> ChatService::Read(int64_t conversation_id, ChatReader reader, int64_t message_id) {
  auto m = store_.conversations().GetMessage(message_id);
  if (!m.ok() && m.status().code() != StatusCode::kNotFound) return m.status();
  if (!m.ok() || m->conversation_id != conversation_id || m->internal)
    return NotFound("no such message in this chat");
  LUISTER_ASSIGN_OR_RETURN(bool moved, chats_.MarkRead(conversation_id, reader, message_id));
  LUISTER_ASSIGN_OR_RETURN(Chat chat, chats_.GetChat(conversation_id));
  if (!moved) return chat;
  DomainEvent e;
  e.type = EventType::kChatRead;
  e.at = clock_.Now();
  e.conversation_id = conversation_id;
  e.message_id = message_id;
  if (reader == ChatReader::kAgent) e.user_id = chat.agent_id;
  if (auto q = store_.directory().GetQueue(chat.queue_id); q.ok())
    e.department_id = q->department_id;
  HeldEvents::PublishOrHold(events_, e);
  return chat;
}

std::optional<std::string> SniffChatFileType(std::string_view b) {
  auto starts = [&](std::string_view magic) { return b.substr(0, magic.size()) == magic; };
  if (starts("\x89PNG\r\n\x1a\n")) return "image/png";
  if (starts("\xff\xd8\xff")) return "image/jpeg";
  if (starts("GIF87a") || starts("GIF89a")) return "image/gif";
  if (b.size() >= 12 && starts("RIFF") && b.substr(8, 4) == "WEBP") return "image/webp";
  if (starts("%PDF-")) return "application/pdf";
  if (!IsValidUtf8(b)) return std::nullopt;
  for (char c : b) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\r' && c != '\t') return std::nullopt;
    if (u == 0x7f) return std::nullopt;
  }
  return "text/plain";
}

Result<std::vector<Message>> ChatService::History(const ChatVisitor& visitor,
                                                  std::optional<int64_t> after_message_id) {
  constexpr int kChats = 20;
  LUISTER_ASSIGN_OR_RETURN(auto chats, chats_.ChatsOf(visitor.id, kChats));
  std::vector<Message> out;
  for (auto it = chats.rbegin(); it != chats.rend(); ++it) {
    PageRequest page;
    page.limit = kMaxPageSize;
    LUISTER_ASSIGN_OR_RETURN(
        auto thread,
        store_.conversations().ListMessages(it->conversation_id, /*include_internal=*/false, page));
    for (Message& m : thread.items)
      if ((!after_message_id || m.id > *after_message_id) && !IsAutomatic(m))
        out.push_back(std::move(m));
  }
  return out;
}

Result<QueueStanding> ChatService::Standing(const Chat& chat) {
  QueueStanding s;
  LUISTER_ASSIGN_OR_RETURN(int64_t before, chats_.WaitingBefore(chat.queue_id, chat.requested_at));
  s.position = before + 1;
  LUISTER_ASSIGN_OR_RETURN(auto waits, chats_.RecentWaits(chat.queue_id, 20));
  if (!waits.empty()) {
    // The median of the recent real waits, times the place in the queue
    // (each chat ahead is about one such wait for the first free agent).
    std::sort(waits.begin(), waits.end());
    const std::chrono::milliseconds median = waits[waits.size() / 2];
    const std::chrono::milliseconds waited = clock_.Now() - chat.requested_at;
    std::chrono::milliseconds expected = median * s.position - waited;
    if (expected < std::chrono::milliseconds::zero()) expected = std::chrono::milliseconds::zero();
    s.expected_wait = expected;
  }
  return s;
}

void ChatService::Emit(const Chat& chat) {
  DomainEvent e;
  e.type = EventType::kChatUpdated;
  e.at = clock_.Now();
  e.conversation_id = chat.conversation_id;
  e.user_id = chat.agent_id;
  if (auto q = store_.directory().GetQueue(chat.queue_id); q.ok())
    e.department_id = q->department_id;
  HeldEvents::PublishOrHold(events_, e);
}

void ChatService::Typing(const Chat& chat, std::optional<int64_t> agent_id) {
  DomainEvent e;
  e.type = EventType::kChatTyping;
  e.at = clock_.Now();
  e.conversation_id = chat.conversation_id;
  e.user_id = agent_id;
  if (auto q = store_.directory().GetQueue(chat.queue_id); q.ok())
    e.department_id = q->department_id;
  HeldEvents::PublishOrHold(events_, e);
}

Result<Chat> ChatService::Accept(int64_t conversation_id, int64_t agent_id) {
  LUISTER_ASSIGN_OR_RETURN(Chat chat,
                           chats_.Move(conversation_id, {ChatState::kWaiting, ChatState::kByEmail},
                                       ChatState::kActive, agent_id, clock_.Now()));
  ConversationPatch p;
  p.assignee_id = agent_id;
  LUISTER_RETURN_IF_ERROR(conversations_.Update(conversation_id, p, agent_id).status());
  Emit(chat);
  return chat;
}

Result<Chat> ChatService::End(int64_t conversation_id, std::optional<int64_t> agent_id) {
  LUISTER_ASSIGN_OR_RETURN(Chat chat,
                           chats_.Move(conversation_id, {ChatState::kWaiting, ChatState::kActive},
                                       ChatState::kEnded, agent_id, clock_.Now()));
  Emit(chat);
  return chat;
}

Result<int64_t> ChatService::RequestCallback(const ChatWidget& widget,
                                             std::optional<ChatVisitor> visitor,
                                             CallbackRequest request, int* retry_after_s) {
  LUISTER_RETURN_IF_ERROR(CheckRate(store_, clock_.Now(), "chatcallback:ip:" + request.ip, 3,
                                    std::chrono::hours(1), "callback requests", retry_after_s));
  if (!NormalisePhone(request.phone).ok())
    return InvalidArgument("the callback request is not valid",
                           {{"phone", "is not a phone number we can call"}});
  LUISTER_ASSIGN_OR_RETURN(CallRepository * calls, store_.Find<CallRepository>());
  NewPhoneCall call;
  call.direction = Direction::kIn;
  call.customer_number = request.phone;
  call.line = "chat: " + widget.name;
  call.queue_id = widget.queue_id;
  call.outcome = CallOutcome::kCallbackRequested;
  const std::string name = Utf8Prefix(WithoutControlCharacters(Trim(request.name)), 200);
  const std::string text = Utf8Prefix(WithoutControlCharacters(Trim(request.text)), 2000);
  call.notes = name.empty() ? text : name + (text.empty() ? "" : ": " + text);
  if (visitor) call.customer_id = visitor->customer_id;
  PhoneService phone(store_, *calls, clock_, events_);
  LUISTER_ASSIGN_OR_RETURN(RecordedCall recorded, phone.Record(std::move(call)));
  if (visitor) {
    // The number is the visitor's from now on, unless it is someone
    // else's: then they are probably one person, for a person to decide.
    LUISTER_ASSIGN_OR_RETURN(std::string number, NormalisePhone(request.phone));
    LUISTER_ASSIGN_OR_RETURN(auto owner,
                             store_.customers().FindByIdentity(IdentityKind::kPhone, number));
    if (!owner) {
      auto added = customers_.AddIdentity(visitor->customer_id, {IdentityKind::kPhone, number});
      if (!added.ok() && added.status().code() != StatusCode::kConflict) return added.status();
    } else if (owner->merged_into_id.value_or(owner->id) != visitor->customer_id) {
      LUISTER_RETURN_IF_ERROR(ObserveDuplicate(store_, clock_, events_, visitor->customer_id,
                                               owner->merged_into_id.value_or(owner->id),
                                               DuplicateReason::kSamePhone, number, "chat"));
    }
  }
  return recorded.call.id;
}

Result<Customer> ChatService::MailableVisitor(int64_t conversation_id, const std::string& what) {
  LUISTER_ASSIGN_OR_RETURN(Chat chat, chats_.GetChat(conversation_id));
  LUISTER_ASSIGN_OR_RETURN(Conversation c, store_.conversations().Get(chat.conversation_id));
  LUISTER_ASSIGN_OR_RETURN(Customer customer, store_.customers().Get(c.customer_id));
  const bool has_address =
      std::any_of(customer.identities.begin(), customer.identities.end(),
                  [](const Identity& i) { return i.kind == IdentityKind::kEmail; });
  if (!has_address) return Conflict("the visitor left no e-mail address to send " + what + " to");
  return customer;
}

Result<Message> ChatService::SendContinueLink(int64_t conversation_id, const std::string& link) {
  if (!IsWebUrl(link)) return InvalidArgument("the chat began on no page a link can lead back to");
  LUISTER_RETURN_IF_ERROR(CheckRate(store_, clock_.Now(),
                                    "chatlink:" + std::to_string(conversation_id), 3,
                                    std::chrono::hours(1), "links", nullptr));
  LUISTER_ASSIGN_OR_RETURN(Customer customer, MailableVisitor(conversation_id, "the link"));
  MessageInput in;
  in.direction = Direction::kOut;
  in.automatic = true;
  in.by_email = true;
  in.body_text = customer.language == Language::kNl
                     ? "Ga verder met uw chat op een ander apparaat: open deze link daar.\n\n" +
                           link + "\n\nDe link werkt 24 uur. Deel hem met niemand."
                     : "Continue your chat on another device: open this link there.\n\n" + link +
                           "\n\nThe link works for 24 hours. Do not share it.";
  return conversations_.AddMessage(conversation_id, std::move(in), std::nullopt);
}

Result<Message> ChatService::SendTranscript(int64_t conversation_id) {
  LUISTER_ASSIGN_OR_RETURN(Customer customer, MailableVisitor(conversation_id, "the transcript"));
  const bool nl = customer.language == Language::kNl;
  PageRequest page;
  page.limit = kMaxPageSize;
  LUISTER_ASSIGN_OR_RETURN(auto thread,
                           store_.conversations().ListMessages(conversation_id, false, page));
  std::string text = nl ? "Hierbij het verloop van uw chat met ons.\n\n"
                        : "Here is the transcript of your chat with us.\n\n";
  for (const Message& m : thread.items) {
    if (IsAutomatic(m)) continue;  // an earlier transcript is no part of it
    std::string who = nl ? "U" : "You";
    if (m.direction == Direction::kOut) {
      who = nl ? "Medewerker" : "Agent";
      if (m.author_user_id)
        if (auto u = store_.directory().GetUser(*m.author_user_id); u.ok())
          who = u->name.substr(0, u->name.find(' '));
    }
    text += who + ": " + m.body_text + "\n\n";
  }
  MessageInput in;
  in.direction = Direction::kOut;
  in.automatic = true;
  in.by_email = true;
  in.body_text = std::move(text);
  return conversations_.AddMessage(conversation_id, std::move(in), std::nullopt);
}

Result<std::vector<Chat>> ChatService::Sweep() {
  LUISTER_ASSIGN_OR_RETURN(auto overdue, chats_.Overdue(clock_.Now(), 100));
  std::vector<Chat> changed;
  for (const Chat& c : overdue) {
    const ChatState to = c.state == ChatState::kWaiting ? ChatState::kByEmail : ChatState::kEnded;
    auto moved = chats_.Move(c.conversation_id, {c.state}, to, std::nullopt, clock_.Now());
    if (!moved.ok() && moved.status().code() == StatusCode::kConflict) continue;
    LUISTER_ASSIGN_OR_RETURN(Chat now, std::move(moved));
    Emit(now);
    changed.push_back(std::move(now));
  }
  return changed;
}

}  // namespace luister

namespace luister {

Result<bool> ChatService::EnsureSweepJob() {
  LUISTER_ASSIGN_OR_RETURN(auto current, chats_.SweepJobId());
  return EnsureSingletonJob(store_, clock_, kChatSweepJob, current,
                            [&](std::optional<int64_t> expected, int64_t id) {
                              return chats_.SetSweepJob(expected, id);
                            });
}

Result<std::optional<Timestamp>> ChatService::RunSweepJob(const Job& job) {
  LUISTER_ASSIGN_OR_RETURN(auto current, chats_.SweepJobId());
  if (current != job.id) return std::optional<Timestamp>();  // lost the race: one sweeper
  LUISTER_RETURN_IF_ERROR(Sweep().status());
  return std::optional<Timestamp>(clock_.Now() + std::chrono::seconds(10));
}

}  // namespace luister
