#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/jobs.h"
#include "domain/repositories.h"

namespace luister {

// Web chat (C2). A widget on the organisation's site (`/widget.js`,
// `data-queue="<slug>"`) talks to the desk over a WebSocket. A visitor
// exists only from their first message on: then a customer is made for
// them, and a signed token (kept in the visitor's browser) lets them come
// back to their own history, and to nothing else. Each chat is a `chat`
// conversation in the widget's queue with a chat record beside it: waiting
// for an agent, with one, ended, or handed over to e-mail.

struct ChatWidget {
  int64_t id = 0;
  std::string slug;  // data-queue="<slug>" on the embedding page
  std::string name;  // the title the visitor sees: "Klantenservice"
  int64_t queue_id = 0;
  // Pages allowed to embed it: exact origins ("https://shop.example"); empty: any.
  std::vector<std::string> allowed_origins;
  std::string privacy_url;   // the privacy notice the widget links to; empty: none
  int accept_seconds = 120;  // a chat nobody accepts by then continues by e-mail
  int idle_seconds = 1800;   // an accepted chat quiet this long ends
  bool active = true;
  Timestamp created_at{};
};

struct ChatWidgetPatch {
  std::optional<std::string> name;
  std::optional<int64_t> queue_id;
  std::optional<std::vector<std::string>> allowed_origins;
  std::optional<std::string> privacy_url;
  std::optional<int> accept_seconds;
  std::optional<int> idle_seconds;
  std::optional<bool> active;
};

enum class ChatState { kWaiting, kActive, kEnded, kByEmail };
std::string_view ToString(ChatState s);
std::optional<ChatState> ParseChatState(std::string_view s);

struct ChatVisitor {
  int64_t id = 0;
  int64_t customer_id = 0;
  Timestamp created_at{};
};

struct Chat {
  int64_t conversation_id = 0;
  int64_t visitor_id = 0;
  int64_t widget_id = 0;
  int64_t queue_id = 0;
  ChatState state = ChatState::kWaiting;
  std::optional<int64_t> agent_id;  // who accepted it
  Timestamp requested_at{};
  std::optional<Timestamp> accepted_at;
  Timestamp last_activity_at{};
  std::optional<Timestamp> ended_at;
  std::string page_url;  // where the visitor started it
  // Read receipts: the newest message of the other side each has seen
  // (the visitor of the agents' messages, an agent of the visitor's).
  std::optional<int64_t> visitor_read_id;
  std::optional<int64_t> agent_read_id;
};

// Who says they have read a chat up to a message.
enum class ChatReader { kVisitor, kAgent };

// A capability repository: `store.Find<ChatRepository>()`.
class ChatRepository {
 public:
  virtual ~ChatRepository() = default;
  // Conflict when the slug is taken.
  virtual Result<ChatWidget> CreateWidget(const ChatWidget& w) = 0;
  virtual Result<ChatWidget> GetWidget(int64_t id) = 0;
  virtual Result<std::optional<ChatWidget>> FindWidget(const std::string& slug) = 0;
  virtual Result<std::vector<ChatWidget>> ListWidgets() = 0;
  virtual Result<ChatWidget> UpdateWidget(int64_t id, const ChatWidgetPatch& patch) = 0;

  virtual Result<ChatVisitor> CreateVisitor(int64_t customer_id, Timestamp at) = 0;
  virtual Result<ChatVisitor> GetVisitor(int64_t id) = 0;

  virtual Status CreateChat(const Chat& chat) = 0;
  virtual Result<Chat> GetChat(int64_t conversation_id) = 0;
  // The visitor's chats, newest first.
  virtual Result<std::vector<Chat>> ChatsOf(int64_t visitor_id, int limit) = 0;
  // Moves a chat from one of `from` to `to` (accepting, ending, handing it
  // to e-mail), recording who and when; Conflict when it is in none of them.
  virtual Result<Chat> Move(int64_t conversation_id, std::vector<ChatState> from, ChatState to,
                            std::optional<int64_t> agent_id, Timestamp at) = 0;
  virtual Status Touch(int64_t conversation_id, Timestamp at) = 0;
  // Raises the reader's read mark to `message_id`; false (and nothing
  // written) when it already stood there or further. NotFound for no chat.
  virtual Result<bool> MarkRead(int64_t conversation_id, ChatReader reader, int64_t message_id) = 0;
  // A hand-over: the chat waits again, in `queue_id`, for an agent there
  // (an ended one stays ended, in the new queue). NotFound for no chat.
  virtual Result<Chat> Requeue(int64_t conversation_id, int64_t queue_id, Timestamp at) = 0;
  // How many chats of the queue wait and were asked for before `before`.
  virtual Result<int64_t> WaitingBefore(int64_t queue_id, Timestamp before) = 0;
  // The waits (requested to accepted) of the queue's last `n` accepted chats.
  virtual Result<std::vector<std::chrono::milliseconds>> RecentWaits(int64_t queue_id, int n) = 0;
  // Chats of every widget that wait past their widget's accept time, or
  // were active and quiet past its idle time, at `now`.
  virtual Result<std::vector<Chat>> Overdue(Timestamp now, int limit) = 0;
  // How many chats wait and how many are active (for /metrics).
  virtual Result<std::pair<int64_t, int64_t>> CountOpen() = 0;
  // The desk's one sweeping job, and compare-and-set of it.
  // Which agents have the workspace open, across nodes: each node renews
  // its own list every beat (replacing what it said before) and leaves on
  // shutdown; a node that died is forgotten once its beat is old.
  virtual Status BeatPresence(const std::string& node, const std::vector<int64_t>& users,
                              Timestamp now) = 0;
  // Users some node other than `except_node` reported at or after `since`,
  // lowest id first (a node knows its own agents better than its last beat).
  virtual Result<std::vector<int64_t>> PresentUsers(Timestamp since,
                                                    const std::string& except_node) = 0;
  virtual Status LeavePresence(const std::string& node) = 0;

  virtual Result<std::optional<int64_t>> SweepJobId() = 0;
  virtual Result<bool> SetSweepJob(std::optional<int64_t> expected, int64_t job_id) = 0;
};

// The recurring job that sweeps the chats (ChatService::Sweep).
inline constexpr char kChatSweepJob[] = "chat.sweep";

struct ChatStart {
  std::string text;   // the first message
  std::string name;   // optional
  std::string email;  // optional: where the answer goes when nobody is free
  std::string page_url;
  Language language = Language::kNl;
};

// A visitor asks to be called back when nobody can chat.
struct CallbackRequest {
  std::string phone;
  std::string name;
  std::string text;
  std::string ip;  // for the rate limit
};

struct StartedChat {
  ChatVisitor visitor;
  Chat chat;
  Message message;
};

// A file the visitor sends from the widget.
struct ChatFile {
  std::string filename;
  std::string data;
  std::string sha256;  // of data, lower-case hex
};

// What the widget takes: pictures, PDF and plain text, at most 10 MB each,
// at most 20 per visitor per hour.
struct ChatFileLimits {
  size_t max_bytes = 10u << 20;
  int per_hour = 20;
};

// The type of a file the widget may send, from its first bytes (what the
// browser or the name says is not trusted): image/png, image/jpeg,
// image/gif, image/webp, application/pdf, or text/plain for valid UTF-8
// without control characters other than whitespace; nullopt for any other.
std::optional<std::string> SniffChatFileType(std::string_view bytes);

// Where a waiting visitor stands.
struct QueueStanding {
  int64_t position = 0;  // 1: next
  std::optional<std::chrono::milliseconds>
      expected_wait;  // from the queue's recent real waits; none without
};

class ChatService {
 public:
  ChatService(Store& store, ChatRepository& chats, const Clock& clock,
              EventPublisher* events = nullptr)
      : store_(store),
        chats_(chats),
        clock_(clock),
        events_(events),
        customers_(store, clock, events),
        conversations_(store, clock, events) {}

  Result<ChatWidget> CreateWidget(ChatWidget w);
  Result<ChatWidget> UpdateWidget(int64_t id, ChatWidgetPatch patch);

  // The first message of a new visitor (no token yet): their customer,
  // their visitor record and the chat.
  Result<StartedChat> Start(const ChatWidget& widget, ChatStart start);
  // A returning visitor asks again: a new chat in the widget's queue.
  Result<StartedChat> Restart(const ChatWidget& widget, const ChatVisitor& visitor,
                              ChatStart start);
  // A message from the visitor in their chat `conversation_id`. A chat that
  // ended (or went to e-mail) gets the message all the same and waits for
  // the team again.
  Result<Message> Say(const ChatVisitor& visitor, int64_t conversation_id, std::string text);
  // A file from the visitor in their chat, stored like a mail's attachment,
  // as a message of its own: its type must be one SniffChatFileType knows,
  // its size within `limits` (InvalidArgument naming "file" otherwise);
  // ResourceExhausted past the hourly count.
  Result<Message> SendFile(const ChatVisitor& visitor, int64_t conversation_id, ChatFile file,
                           const ChatFileLimits& limits = {});
  // A read receipt: `reader` has seen the chat up to `message_id` (a
  // message of the chat; NotFound otherwise). Tells both sides when the
  // mark moved. The chat as it stands.
  Result<Chat> Read(int64_t conversation_id, ChatReader reader, int64_t message_id);
  // The visitor's chats, oldest message first, without internal notes;
  // after `after_message_id` when given.
  Result<std::vector<Message>> History(const ChatVisitor& visitor,
                                       std::optional<int64_t> after_message_id);
  Result<QueueStanding> Standing(const Chat& chat);

  // An agent takes a waiting chat; Conflict when someone else has it.
  Result<Chat> Accept(int64_t conversation_id, int64_t agent_id);
  // Someone types in the chat: an agent (`agent_id`) or the visitor.
  void Typing(const Chat& chat, std::optional<int64_t> agent_id);
  // Nobody is there: the visitor's callback request becomes work for the
  // phone team (an open callback in the call back list: a call with outcome
  // callback_requested on line "chat: <widget>", on the visitor's customer
  // when they have one, else found or made by the number). At most 3 per
  // address per hour (ResourceExhausted, `retry_after_s`). The call's id.
  Result<int64_t> RequestCallback(const ChatWidget& widget, std::optional<ChatVisitor> visitor,
                                  CallbackRequest request, int* retry_after_s);
  // E-mails the visitor a link that continues the chat on another device
  // (`link`: the page they started on with a short-lived token). Conflict
  // without an e-mail address of the visitor's customer; at most 3 per
  // chat per hour.
  Result<Message> SendContinueLink(int64_t conversation_id, const std::string& link);
  // E-mails the visitor the chat's text (a message the desk sends by
  // itself). Conflict when the visitor's customer has no e-mail address.
  Result<Message> SendTranscript(int64_t conversation_id);
  // The visitor or an agent ends it.
  Result<Chat> End(int64_t conversation_id, std::optional<int64_t> agent_id);
  // The job: chats nobody accepted in time continue by e-mail (or wait on
  // the team when the visitor left no address); quiet ones end. What changed.
  Result<std::vector<Chat>> Sweep();
  // The sweeping job exists (one per desk); true when it was enqueued now.
  Result<bool> EnsureSweepJob();
  // The job's handler: one sweep, the next in 10 seconds.
  Result<std::optional<Timestamp>> RunSweepJob(const Job& job);

 private:
  Result<StartedChat> Open(const ChatWidget& widget, ChatVisitor visitor, ChatStart start);
  // Adds the visitor's message `m` to their chat; an ended one waits again.
  Result<Message> AddFromVisitor(const ChatVisitor& visitor, int64_t conversation_id,
                                 MessageInput m);
  // The visitor's customer when it has an e-mail address to send `what` to.
  Result<Customer> MailableVisitor(int64_t conversation_id, const std::string& what);
  // chat.updated for `chat` (its agent as user_id).
  void Emit(const Chat& chat);

  Store& store_;
  ChatRepository& chats_;
  const Clock& clock_;
  EventPublisher* events_;
  CustomerService customers_;
  ConversationService conversations_;
};

}  // namespace luister
