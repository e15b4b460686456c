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
    case EventType::kAccessChanged:
      return "access.changed";
  }
  return "unknown";
}

std::optional<EventType> ParseEventType(std::string_view s) {
  for (EventType t :
       {EventType::kConversationCreated, EventType::kConversationUpdated,
        EventType::kMessageCreated, EventType::kMessageUpdated, EventType::kCustomerCreated,
        EventType::kCustomerUpdated, EventType::kCustomerMerged, EventType::kAccessChanged})
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

}  // namespace luister
