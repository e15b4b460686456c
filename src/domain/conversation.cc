#include "domain/conversation.h"

namespace luister {

bool RepliesByEmail(Channel c) { return c == Channel::kEmail || c == Channel::kWebform; }
bool DeskSendsReplies(Channel c) { return RepliesByEmail(c) || c == Channel::kSocial; }

namespace {
bool IsResolved(ConversationStatus s) {
  return s == ConversationStatus::kResolved || s == ConversationStatus::kClosed;
}
}  // namespace

Activity ConversationActivity(const Conversation& v, ActivityKind kind, Timestamp at,
                              std::optional<int64_t> actor) {
  Activity a;
  a.customer_id = v.customer_id;
  a.at = at;
  a.kind = kind;
  a.channel = v.channel;
  a.department_id = v.department_id;
  a.conversation_id = v.id;
  a.actor_user_id = actor;
  return a;
}

std::optional<Activity> MoveStatus(Conversation* v, ConversationStatus status, Timestamp at,
                                   std::optional<int64_t> actor) {
  if (status == v->status) return std::nullopt;
  Activity a = ConversationActivity(*v, ActivityKind::kStatusChanged, at, actor);
  a.params.Set("from", std::string(ToString(v->status))).Set("to", std::string(ToString(status)));
  v->status = status;
  if (!IsResolved(status)) {
    v->resolved_at.reset();
  } else if (!v->resolved_at) {
    v->resolved_at = at;
  }
  return a;
}

Message StoredMessage(const Conversation& v, const NewMessage& m, int64_t id, Timestamp at) {
  Message stored;
  stored.id = id;
  stored.conversation_id = v.id;
  stored.customer_id = v.customer_id;
  stored.channel = v.channel;
  stored.direction = m.direction;
  stored.internal = m.internal;
  stored.author_user_id = m.author_user_id;
  stored.body_text = m.body_text;
  stored.body_html = m.body_html;
  stored.attachments = m.attachments;
  stored.created_at = at;
  stored.external_id = m.external_id;
  stored.raw_sha256 = m.raw_sha256;
  if (m.send) stored.delivery = Delivery::kQueued;
  stored.answer_id = m.answer_id;
  stored.answer_number = m.answer_number;
  stored.answer_override = m.answer_override;
  return stored;
}

Activity CountMessage(Conversation* v, const NewMessage& m, int64_t message_id, Timestamp at) {
  Activity a = ConversationActivity(*v, m.internal ? ActivityKind::kNote : ActivityKind::kMessage,
                                    at, m.author_user_id);
  a.message_id = message_id;
  a.direction = m.direction;
  a.summary = Summarize(m.body_text);
  if (at > v->last_message_at) v->last_message_at = at;
  ++v->message_count;
  if (!v->first_response_at && m.direction == Direction::kOut && !m.internal && !m.automatic)
    v->first_response_at = at;
  v->updated_at = at;
  return a;
}

Activity OpenedActivity(const Conversation& v, std::optional<int64_t> actor) {
  Activity a = ConversationActivity(v, ActivityKind::kConversationOpened, v.created_at, actor);
  a.summary = Summarize(v.subject);
  return a;
}

std::optional<Activity> AssignmentActivity(const Conversation& before, const Conversation& after,
                                           Timestamp at, std::optional<int64_t> actor) {
  if (before.assignee_id == after.assignee_id) return std::nullopt;
  Activity a = ConversationActivity(after, ActivityKind::kAssigned, at, actor);
  if (after.assignee_id) a.params.Set("assignee_id", *after.assignee_id);
  if (before.assignee_id) a.params.Set("previous_assignee_id", *before.assignee_id);
  return a;
}

Result<Activity> HandOver(Conversation* v, const Handover& h) {
  if (v->department_id != h.from_department_id)
    return Conflict("the conversation has moved to another department meanwhile");
  v->department_id = h.to_department_id;
  v->queue_id = h.to_queue_id;
  v->assignee_id.reset();
  v->updated_at = h.at;
  Activity a = ConversationActivity(*v, ActivityKind::kHandover, h.at, h.by_user_id);
  a.params.Set("from_department_id", h.from_department_id)
      .Set("to_department_id", h.to_department_id);
  if (h.to_queue_id) a.params.Set("to_queue_id", *h.to_queue_id);
  a.summary = Summarize(h.note);
  return a;
}

void ApplyPatch(Conversation* v, const ConversationPatch& patch, Timestamp at) {
  if (patch.subject) v->subject = *patch.subject;
  if (patch.priority) v->priority = *patch.priority;
  if (patch.clear_queue) v->queue_id.reset();
  if (patch.queue_id) v->queue_id = patch.queue_id;
  if (patch.clear_assignee) v->assignee_id.reset();
  if (patch.assignee_id) v->assignee_id = patch.assignee_id;
  v->updated_at = at;
}

Result<ConversationChange> PlanUpdate(const Conversation& current, const ConversationPatch& patch,
                                      std::optional<int64_t> actor, Timestamp at) {
  ConversationChange change{current, {}};
  Conversation& v = change.next;
  ApplyPatch(&v, patch, at);
  if (patch.tags) v.tags = *patch.tags;
  if (patch.status)
    if (auto a = MoveStatus(&v, *patch.status, at, actor)) change.activities.push_back(*a);
  if (auto a = AssignmentActivity(current, v, at, actor)) change.activities.push_back(*a);
  return change;
}

Result<ConversationChange> PlanHandover(const Conversation& current, const Handover& h) {
  ConversationChange change{current, {}};
  LUISTER_ASSIGN_OR_RETURN(Activity a, HandOver(&change.next, h));
  change.activities.push_back(std::move(a));
  return change;
}

ConversationChange PlanMessage(const Conversation& current, const NewMessage& m, int64_t message_id,
                               Timestamp at, std::optional<ConversationStatus> status) {
  ConversationChange change{current, {}};
  change.activities.push_back(CountMessage(&change.next, m, message_id, at));
  if (status)
    if (auto a = MoveStatus(&change.next, *status, at, m.author_user_id))
      change.activities.push_back(*a);
  return change;
}

ConversationChange PlanMessageByRule(const Conversation& current, const NewMessage& m,
                                     int64_t message_id, Timestamp at) {
  return PlanMessage(current, m, message_id, at, StatusChangeFor(current, m));
}

std::vector<Activity> PlanOpening(const Conversation& created, std::optional<int64_t> actor) {
  return {OpenedActivity(created, actor)};
}

ConversationStatus NextStatusAfterMessage(ConversationStatus current, Direction direction,
                                          bool internal) {
  if (internal) return current;
  return direction == Direction::kIn ? ConversationStatus::kWaitingOnUs
                                     : ConversationStatus::kWaitingOnCustomer;
}

std::optional<ConversationStatus> StatusChangeFor(const Conversation& now, const NewMessage& m) {
  if (m.internal) return m.requested_status;
  if (m.automatic) return std::nullopt;
  ConversationStatus s =
      m.requested_status.value_or(NextStatusAfterMessage(now.status, m.direction, m.internal));
  if (s == now.status) return std::nullopt;
  return s;
}

std::string_view ToString(Delivery d) {
  switch (d) {
    case Delivery::kQueued:
      return "queued";
    case Delivery::kSending:
      return "sending";
    case Delivery::kSent:
      return "sent";
    case Delivery::kFailed:
      return "failed";
    case Delivery::kUncertain:
      return "uncertain";
    case Delivery::kCancelled:
      return "cancelled";
  }
  return "queued";
}

std::optional<Delivery> ParseDelivery(std::string_view s) {
  for (Delivery d : {Delivery::kQueued, Delivery::kSending, Delivery::kSent, Delivery::kFailed,
                     Delivery::kUncertain, Delivery::kCancelled})
    if (ToString(d) == s) return d;
  return std::nullopt;
}

}  // namespace luister
