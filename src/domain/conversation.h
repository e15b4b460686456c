#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/activity.h"
#include "domain/enums.h"

namespace luister {

struct Conversation {
  int64_t id = 0;
  int64_t customer_id = 0;
  std::string customer_name;  // read-only, for lists: the customer's current name
  Channel channel = Channel::kEmail;
  std::string subject;
  ConversationStatus status = ConversationStatus::kNew;
  Priority priority = Priority::kNormal;
  int64_t department_id = 0;
  std::optional<int64_t> queue_id;
  std::optional<int64_t> assignee_id;
  std::vector<std::string> tags;  // sorted, unique, lower-case
  Timestamp created_at{};
  Timestamp updated_at{};
  Timestamp last_message_at{};
  std::optional<Timestamp> first_response_at;
  std::optional<Timestamp> resolved_at;
  int message_count = 0;
  // The closed conversation this one follows up (mail answering it when
  // its mailbox opens a new conversation then); nullopt otherwise.
  std::optional<int64_t> follows_id;
  // Where a shop or counter visit took place (a location of the
  // department); nullopt for every other contact.
  std::optional<int64_t> location_id;
  // Begun by a public post (social media, a forum): the whole world reads
  // the answers.
  bool public_thread = false;
};

// Whether the desk answers a conversation of this channel by e-mail: mail
// itself, and the web form (the visitor gave an address for the answer).
bool RepliesByEmail(Channel c);
// Whether an agent's reply in a conversation of this channel is sent by the
// desk (an outbox: e-mail and web form by mail, social media and forums to
// the source's reply URL) and so carries a delivery state.
bool DeskSendsReplies(Channel c);

struct NewConversation {
  int64_t customer_id = 0;
  Channel channel = Channel::kEmail;
  std::string subject;
  Priority priority = Priority::kNormal;
  int64_t department_id = 0;
  std::optional<int64_t> queue_id;
  std::optional<int64_t> assignee_id;
  std::vector<std::string> tags;
  std::optional<Timestamp> created_at;  // for imports; defaults to now
  std::optional<int64_t> follows_id;
  std::optional<int64_t> location_id;  // a walk-in: where (channel shop)
  bool public_thread = false;          // begun by a public post
};

struct ConversationPatch {
  std::optional<std::string> subject;
  std::optional<ConversationStatus> status;
  std::optional<Priority> priority;
  std::optional<int64_t> queue_id;
  bool clear_queue = false;
  std::optional<int64_t> assignee_id;
  bool clear_assignee = false;
  std::optional<std::vector<std::string>> tags;
};

enum class ConversationSort { kLastMessageDesc, kCreatedDesc, kCreatedAsc };

struct ConversationFilter {
  std::optional<int64_t> customer_id;
  std::optional<Channel> channel;
  std::optional<ConversationStatus> status;
  std::vector<ConversationStatus> status_in;  // OR of statuses; ignored when empty
  std::optional<Priority> priority;
  std::optional<int64_t> department_id;
  std::optional<int64_t> queue_id;
  std::optional<int64_t> assignee_id;
  bool unassigned = false;
  std::optional<std::string> tag;
  ConversationSort sort = ConversationSort::kLastMessageDesc;
};

struct Attachment {
  std::string filename;
  std::string content_type;
  int64_t size_bytes = 0;
  std::string sha256;      // of the bytes, lower-case hex; empty when unknown
  std::string content_id;  // an e-mail part's Content-ID (for cid: images); empty when none
  bool inline_part = false;
  int64_t id = 0;  // set once stored
};

// How far the desk got sending a message it sends itself (an agent's
// e-mail reply; domain/mail_outbox.h): queued → sending → sent, or failed
// (with the server's answer), or uncertain (the connection broke after the
// message was handed over: it may have arrived; never sent again by itself).
// A failed or uncertain one an agent dismissed, or replaced by an edited
// resend, is cancelled: nobody sends it any more.
enum class Delivery { kQueued, kSending, kSent, kFailed, kUncertain, kCancelled };
std::string_view ToString(Delivery d);
std::optional<Delivery> ParseDelivery(std::string_view s);

struct Message {
  int64_t id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
  Channel channel = Channel::kEmail;
  Direction direction = Direction::kIn;
  bool internal = false;                  // internal note: staff only, never sent to the customer
  std::optional<int64_t> author_user_id;  // set for staff-written messages and notes
  std::string body_text;
  std::string body_html;  // sanitised; empty when the message had no HTML part
  std::vector<Attachment> attachments;
  Timestamp created_at{};
  // The channel's own id of the message (an e-mail's Message-ID), unique
  // over all messages; empty when there is none.
  std::string external_id;
  std::string raw_sha256;  // the raw e-mail it was read from; empty otherwise
  // Set for messages the desk sends itself; nullopt for the rest.
  std::optional<Delivery> delivery;
  // Why a failed or uncertain send did not (certainly) go: the server's or
  // the network's words. Read-only; empty otherwise.
  std::string delivery_error;
  // The canonical answer (and its version) the reply used (answer.h).
  std::optional<int64_t> answer_id;
  std::optional<int> answer_number;
  // Why the reply says something else than the published answer, when the
  // agent sent it despite the warning (answer_consistency.h).
  std::string answer_override;
};

// A notice the desk sent by itself (no author, sent by the outbox): the
// note about attachments too large to keep, a chat's transcript.
inline bool IsAutomatic(const Message& m) {
  return m.direction == Direction::kOut && !m.internal && !m.author_user_id &&
         m.delivery.has_value();
}

// A stored attachment with the records it belongs to (for serving its
// bytes to those who may read the conversation).
struct StoredAttachment {
  Attachment attachment;
  int64_t message_id = 0;
  int64_t conversation_id = 0;
  int64_t customer_id = 0;
};

// Where a message with a given external id is.
struct MessageRef {
  int64_t message_id = 0;
  int64_t conversation_id = 0;
};

struct NewMessage {
  int64_t conversation_id = 0;
  Direction direction = Direction::kIn;
  bool internal = false;
  std::optional<int64_t> author_user_id;
  std::string body_text;
  std::string body_html;
  std::vector<Attachment> attachments;
  std::optional<Timestamp> created_at;  // for imports; defaults to now
  // The status the sender asked for ("reply and resolve"); read by the
  // message plan, not stored.
  std::optional<ConversationStatus> requested_status;
  // Unique when set: a second message with the same id is refused
  // (Conflict), so a channel never stores one message twice.
  std::string external_id;
  // The raw e-mail the message was read from (BlobRepository); empty for
  // other channels.
  std::string raw_sha256;
  // The desk sends it (stored as Delivery::kQueued for the outbox).
  bool send = false;
  // A notice the desk writes by itself (an attachment it could not keep):
  // sent, but it answers nothing, so the conversation's status and first
  // response stay as they were.
  bool automatic = false;
  // An edited resend: the failed or uncertain reply of the same
  // conversation it replaces, cancelled in the same transaction (Conflict
  // when it is no longer failed or uncertain). Only with `send`.
  std::optional<int64_t> replaces_id;
  // Whom the desk sends it to, instead of the customer's last address
  // (one of the customer's e-mail addresses, normalised). Only with `send`.
  std::string send_to;
  // The canonical answer version the reply used (answer.h), and why it
  // says something else than the published answer, when it does.
  std::optional<int64_t> answer_id;
  std::optional<int> answer_number;
  std::string answer_override;
};

// One message of a batch import, after it was written: the conversation as
// it stands after the message, and whether its status changed.
struct AddedMessage {
  Message message;
  Conversation conversation;
  bool status_changed = false;
};

struct Handover {
  int64_t conversation_id = 0;
  int64_t from_department_id = 0;
  int64_t to_department_id = 0;
  std::optional<int64_t> to_queue_id;
  std::string note;
  int64_t by_user_id = 0;
  Timestamp at{};
};

// What one change does to a conversation: the state it moves to and the
// timeline entries that record the move. Domain rules compute it from the
// conversation as it stands (locked, inside the write transaction); storage
// persists `next` (its tags too, when they differ) and `activities` as
// given, and decides nothing itself.
struct ConversationChange {
  Conversation next;
  std::vector<Activity> activities;
};

// A change as a function of the conversation as it stands. A plan may
// refuse (Conflict, InvalidArgument): then nothing is written.
using ConversationPlan = std::function<Result<ConversationChange>(const Conversation& current)>;
// The change message `m`, stored as `message_id` at `at`, makes to the
// conversation as it stands (with every earlier message of the batch).
using MessagePlan = std::function<ConversationChange(
    const Conversation& current, const NewMessage& m, int64_t message_id, Timestamp at)>;
// The timeline entries that record a conversation just created.
using OpeningPlan = std::function<std::vector<Activity>(const Conversation& created)>;

// The plans: every rule about how a conversation changes, as functions of
// its current state, so that each storage engine only persists the result
// and the rules are tested without a database.

// `patch` applied by `actor` at `at`: plain fields, tags (already
// normalised), status (with resolved_at) and the status_changed / assigned
// entries for what really changed.
Result<ConversationChange> PlanUpdate(const Conversation& current, const ConversationPatch& patch,
                                      std::optional<int64_t> actor, Timestamp at);
// The hand-over `h`: Conflict when the conversation left
// h.from_department_id meanwhile.
Result<ConversationChange> PlanHandover(const Conversation& current, const Handover& h);
// Message `m` counted on the conversation (last message, count, first
// response) and the conversation moved to `status` when set: the message
// or note entry and the status_changed entry when the status really moved.
ConversationChange PlanMessage(const Conversation& current, const NewMessage& m, int64_t message_id,
                               Timestamp at, std::optional<ConversationStatus> status);
// PlanMessage with the status that StatusChangeFor gives: the rule every
// channel and import follows.
ConversationChange PlanMessageByRule(const Conversation& current, const NewMessage& m,
                                     int64_t message_id, Timestamp at);
// The conversation_opened entry of a conversation just created by `actor`.
std::vector<Activity> PlanOpening(const Conversation& created, std::optional<int64_t> actor);

// The building blocks of the plans.

// Message `m` as stored in conversation `v` with `id` at `at`.
Message StoredMessage(const Conversation& v, const NewMessage& m, int64_t id, Timestamp at);

// A timeline entry about `v` (its customer, channel and department).
Activity ConversationActivity(const Conversation& v, ActivityKind kind, Timestamp at,
                              std::optional<int64_t> actor);
// Moves `v` to `status`, keeping resolved_at in step; the status_changed
// activity to record, or nullopt when the status is already `status`.
std::optional<Activity> MoveStatus(Conversation* v, ConversationStatus status, Timestamp at,
                                   std::optional<int64_t> actor);
// The conversation_opened entry: the subject, at the creation time.
Activity OpenedActivity(const Conversation& v, std::optional<int64_t> actor);
// The assigned entry when the assignee differs between `before` and `after`
// (params assignee_id, absent when unassigned, and previous_assignee_id);
// nullopt when it did not change.
std::optional<Activity> AssignmentActivity(const Conversation& before, const Conversation& after,
                                           Timestamp at, std::optional<int64_t> actor);
// Counts message `m` (stored as `message_id`) on `v`: last message time,
// count, first response; returns its timeline activity.
Activity CountMessage(Conversation* v, const NewMessage& m, int64_t message_id, Timestamp at);
// Moves `v` as `h` says (department, queue, no assignee); Conflict when it
// left h.from_department_id meanwhile. Returns the handover activity.
Result<Activity> HandOver(Conversation* v, const Handover& h);
// Applies the plain fields of `patch` (not status or tags) to `v`.
void ApplyPatch(Conversation* v, const ConversationPatch& patch, Timestamp at);

// The status change for `m` on `now`: the requested status if any (internal
// notes change status only when asked), else NextStatusAfterMessage;
// nullopt when that is the current status.
std::optional<ConversationStatus> StatusChangeFor(const Conversation& now, const NewMessage& m);
// The status a conversation moves to when a message arrives, given its
// current status. Internal notes never change it; an inbound message
// (re)opens it as waiting on us; a reply waits on the customer.
ConversationStatus NextStatusAfterMessage(ConversationStatus current, Direction direction,
                                          bool internal);

}  // namespace luister
