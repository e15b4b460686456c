#include "domain/events.h"

namespace luister {

std::string_view ToString(EventType t) {
  switch (t) {
    case EventType::kConversationCreated:
      return "conversation.created";
    case EventType::kConversationUpdated:
      return "conversation.updated";
    case EventType::kMessageCreated:
      return "message.created";
    case EventType::kMessageUpdated:
      return "message.updated";
    case EventType::kCustomerCreated:
      return "customer.created";
    case EventType::kCustomerUpdated:
      return "customer.updated";
    case EventType::kCustomerMerged:
      return "customer.merged";
    case EventType::kCallRecorded:
      return "call.recorded";
    case EventType::kChatUpdated:
      return "chat.updated";
    case EventType::kChatTyping:
      return "chat.typing";
    case EventType::kChatRead:
      return "chat.read";
    case EventType::kPromiseChanged:
      return "promise.changed";
    case EventType::kPromiseDue:
      return "promise.due";
    case EventType::kPromiseOverdue:
      return "promise.overdue";
    case EventType::kAccessChanged:
      return "access.changed";
  }
  return "unknown";
}

std::optional<EventType> ParseEventType(std::string_view s) {
  for (EventType t :
       {EventType::kConversationCreated, EventType::kConversationUpdated,
        EventType::kMessageCreated, EventType::kMessageUpdated, EventType::kCustomerCreated,
        EventType::kCustomerUpdated, EventType::kCustomerMerged, EventType::kCallRecorded,
        EventType::kChatUpdated, EventType::kChatTyping, EventType::kChatRead,
        EventType::kPromiseChanged, EventType::kPromiseDue, EventType::kPromiseOverdue,
        EventType::kAccessChanged})
    if (ToString(t) == s) return t;
  return std::nullopt;
}

DomainEvent AccessChanged(int64_t user_id, Timestamp at) {
  DomainEvent e;
  e.type = EventType::kAccessChanged;
  e.at = at;
  e.user_id = user_id;
  return e;
}

namespace {
thread_local HeldEvents* current_hold = nullptr;
}  // namespace

HeldEvents::HeldEvents() : outer_(current_hold) { current_hold = this; }

HeldEvents::~HeldEvents() { current_hold = outer_; }

void HeldEvents::Publish() {
  auto held = std::move(held_);
  held_.clear();
  for (auto& [to, event] : held) {
    if (outer_)
      outer_->held_.emplace_back(to, event);
    else
      to->Publish(event);
  }
}

void HeldEvents::PublishOrHold(EventPublisher* to, const DomainEvent& event) {
  if (!to) return;
  if (current_hold)
    current_hold->held_.emplace_back(to, event);
  else
    to->Publish(event);
}

}  // namespace luister
