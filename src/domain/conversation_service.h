#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"
#include "common/time.h"
#include "domain/events.h"
#include "domain/repositories.h"

namespace luister {

// What a staff member or a channel adds to a conversation.
struct MessageInput {
  Direction direction = Direction::kOut;
  bool internal = false;  // an internal note; direction is ignored
  std::string body_text;
  std::string body_html;  // untrusted; sanitised here
  std::vector<Attachment> attachments;
  // Optional explicit status after this message ("reply and resolve").
  std::optional<ConversationStatus> status;
  std::optional<Timestamp> created_at;  // imports only
  // The channel's id of the message (an e-mail's Message-ID); a second
  // message with the same id is refused with Conflict.
  std::string external_id;
  std::string raw_sha256;  // the raw e-mail it was read from, when it was one
  // An edited resend of a failed reply (NewMessage::replaces_id, send_to);
  // only for a reply the desk sends.
  std::optional<int64_t> replaces_id;
  std::string send_to;
  // A notice the desk sends by itself, without an author (NewMessage).
  bool automatic = false;
  // Sent by e-mail even in a conversation answered otherwise (a chat's
  // transcript).
  bool by_email = false;
  // The canonical answer version an agent's reply used (answer.h): who
  // was told what. Both or neither; the version must exist.
  std::optional<int64_t> answer_id;
  std::optional<int> answer_number;
  // The reply says something else than the published version (an amount,
  // a period, a yes or no): refused unless the agent says why here.
  std::string answer_override;
};

// One message of an import: which conversation, and what.
struct ImportedMessageInput {
  int64_t conversation_id = 0;
  MessageInput message;
};

// Conversation rules: validation, the status a message moves a conversation
// to, hand-over. Thread-safe. `events`, when given, hears about every
// committed change.
class ConversationService {
 public:
  ConversationService(Store& store, const Clock& clock, EventPublisher* events = nullptr)
      : store_(store), clock_(clock), events_(events) {}

  Result<Conversation> Create(NewConversation c, std::optional<int64_t> actor_user_id);
  // Creates the conversation with its first message in one transaction (a
  // channel's inbound contact): both validated as Create and AddMessage
  // validate them, errors of the message named "message.<field>".
  Result<AddedMessage> Open(NewConversation c, MessageInput first,
                            std::optional<int64_t> author_user_id);
  // `actor_user_id` is nullopt for a change the system makes (closing a
  // resolved conversation after a week).
  Result<Conversation> Update(int64_t id, ConversationPatch patch,
                              std::optional<int64_t> actor_user_id);
  Result<Message> AddMessage(int64_t conversation_id, MessageInput in,
                             std::optional<int64_t> author_user_id);
  // Adds up to kMaxImportBatch messages in one transaction (all or
  // nothing): validation errors name "messages[i].field". Each message moves
  // its conversation's status as AddMessage would, in order.
  Result<std::vector<AddedMessage>> ImportMessages(std::vector<ImportedMessageInput> items,
                                                   std::optional<int64_t> author_user_id);
  // A file uploaded for a reply (the composer's "attach"), kept by its
  // hash (`sha256` of `bytes`, computed by the caller) until a message
  // names it. The filename loses any path; the type must look like one
  // ("type/subtype"), else it is application/octet-stream.
  Result<Attachment> Upload(std::string_view bytes, const std::string& sha256, std::string filename,
                            std::string content_type, size_t max_bytes);
  // The attachments of `in` that name uploaded bytes (sha256 set): each
  // must be stored, takes the stored size, and together they stay within
  // `max_bytes`. Errors name "attachments[i].sha256".
  Status ResolveUploads(MessageInput* in, size_t max_bytes);
  // Tells live clients that a message's delivery changed (the outbox sent
  // it, it failed or bounced, or was queued again). A conversation that is
  // gone is no error.
  Status DeliveryChanged(int64_t conversation_id, int64_t message_id);
  Result<Conversation> Transfer(int64_t conversation_id, int64_t to_department_id,
                                std::optional<int64_t> to_queue_id, std::string note,
                                int64_t by_user_id);

  static constexpr size_t kMaxSubjectBytes = 300;
  static constexpr size_t kMaxBodyBytes = 256 * 1024;
  // An e-mail header line's limit (RFC 5322), for a Message-ID.
  static constexpr size_t kMaxExternalIdBytes = 998;
  static constexpr size_t kMaxNoteBytes = 4000;
  static constexpr size_t kMaxTags = 20;
  static constexpr size_t kMaxAttachments = 50;
  static constexpr size_t kMaxImportBatch = 1000;

 private:
  Status RequeueChat(const Conversation& moved);
  Status ValidateTags(std::vector<std::string>* tags, std::vector<FieldError>* errors);
  // Validates and normalises `c` as Create does; the errors go to `errors`.
  Status CheckNewConversation(NewConversation* c, std::vector<FieldError>* errors);
  Status CheckQueue(std::optional<int64_t> queue_id, int64_t department_id,
                    std::vector<FieldError>* errors);

  // The canonical answer version a reply names: an agent's reply, a
  // published (or since superseded) version.
  void CheckAnswer(const MessageInput& in, std::optional<int64_t> author_user_id,
                   const std::string& prefix, std::vector<FieldError>* errors);
  // Validates and sanitises `in` into `out`; errors are named with `prefix`.
  void PrepareMessage(MessageInput in, std::optional<int64_t> author_user_id,
                      const std::string& prefix, NewMessage* out, std::vector<FieldError>* errors);
  void Emit(EventType type, const Conversation& c, std::optional<int64_t> message_id = {});

  Store& store_;
  const Clock& clock_;
  EventPublisher* events_;
};

}  // namespace luister
