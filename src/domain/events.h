#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "common/time.h"

namespace luister {

// Something changed that open screens may want to show. Events name what
// changed, not the new state: readers refetch through the API, where roles
// and audit logging apply. Published after the change is committed.
enum class EventType {
  kConversationCreated,
  kConversationUpdated,  // status, priority, assignee, tags, department or queue
  kMessageCreated,       // messages and internal notes
  kMessageUpdated,       // the delivery of a reply the desk sends (queued, sent, failed, ...)
  kCustomerCreated,
  kCustomerUpdated,
  kCustomerMerged,
  kCallRecorded,  // a phone call reached the desk or was logged (customer_id when known)
  kChatUpdated,   // a chat was accepted, ended or handed to e-mail (user_id: the agent)
  kChatTyping,    // someone types in a chat: an agent (user_id) or the visitor (none)
  kChatRead,      // a side of a chat has read it further (user_id: the agent; none: the visitor)
  // A promise was made or changed (customer_id, conversation_id; user_id:
  // its owner; department_id: the owning department).
  kPromiseChanged,
  // A promise of ours is due within the hour (user_id: its owner), or is
  // overdue (user_id: the manager it is escalated to, else its owner).
  kPromiseDue,
  kPromiseOverdue,
  // A user's access ended or changed (logout, deactivation, a new role or
  // password): every node closes that user's live streams opened before
  // `at`. Not sent to browsers.
  kAccessChanged,
};

std::string_view ToString(EventType t);
std::optional<EventType> ParseEventType(std::string_view s);

struct DomainEvent {
  EventType type = EventType::kConversationUpdated;
  Timestamp at{};
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> customer_id;
  std::optional<int64_t> message_id;
  std::optional<int64_t> department_id;
  std::optional<int64_t> user_id;  // access_changed: whose
};

// The access_changed event for `user_id` at `at`.
DomainEvent AccessChanged(int64_t user_id, Timestamp at);

// Where services send events. Implementations must be thread-safe and must
// not block: Publish is called on request threads after a commit.
class EventPublisher {
 public:
  virtual ~EventPublisher() = default;
  virtual void Publish(const DomainEvent& event) = 0;
};

// Sends each event to several publishers, in the order they were added
// (the browsers' hub, the chat widget's hub). Add them all before the first
// Publish.
class EventFanout final : public EventPublisher {
 public:
  void Add(EventPublisher* to) { to_.push_back(to); }
  void Publish(const DomainEvent& event) override {
    for (EventPublisher* p : to_) p->Publish(event);
  }

 private:
  std::vector<EventPublisher*> to_;
};

// Events of writes not committed yet wait for the commit. While a
// HeldEvents lives on a thread (around a write batch, Store::BeginBatch,
// whose writes commit together at its end), the services' events of that
// thread are kept: Publish() after the commit sends them in order; without
// it (a rollback) they are dropped when it ends. Held events of a nested
// HeldEvents go to the outer one.
class HeldEvents {
 public:
  HeldEvents();
  ~HeldEvents();
  HeldEvents(const HeldEvents&) = delete;
  HeldEvents& operator=(const HeldEvents&) = delete;

  // The batch committed: what was held is published now (or, nested, handed
  // to the outer HeldEvents).
  void Publish();

  // For the services: `event` goes to `to` now, or waits in this thread's
  // HeldEvents.
  static void PublishOrHold(EventPublisher* to, const DomainEvent& event);

 private:
  std::vector<std::pair<EventPublisher*, DomainEvent>> held_;
  HeldEvents* outer_;
};

}  // namespace luister
