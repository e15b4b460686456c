#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "domain/events.h"
#include "http/websocket.h"

namespace luister::http {

// Fans domain events out to the browsers' WebSockets (docs/live-events.md).
// Every event gets the next sequence number and is kept in a bounded
// history, so a client that reconnects with ?since=N is sent what it missed,
// or "reset" when N is older than the history. Thread-safe.
//
// On one node Publish numbers events itself. Several nodes share one stream
// instead (storage/postgres's PgEventBus over LISTEN/NOTIFY): services
// publish to the bus, and the bus Delivers every node's events, with their
// database-wide numbers, to each node's hub.
//
// An access_changed event is not sent to anyone: it closes the streams of
// its user opened before it (logout, deactivation, new role or password),
// on every node; the browser reconnects only if its session still admits it.
class LiveHub final : public EventPublisher, public WebSocketHandler {
 public:
  using Authorizer = std::function<std::optional<Response>(Request&)>;

  // `authorize` checks the caller of an upgrade request (session, role,
  // origin); `history` is how many recent events are kept for catch-up.
  // `clock` (the system clock when null) times each stream's opening, to
  // tell the streams an access_changed event ends from those opened after.
  explicit LiveHub(Authorizer authorize, size_t history = 10000, const Clock* clock = nullptr);

  void Publish(const DomainEvent& event) override;
  // An event numbered elsewhere (the shared stream). A number seen before
  // is ignored; a late, lower one is still sent.
  void Deliver(uint64_t seq, const DomainEvent& event);
  // Continues numbering after `seq` (the shared stream's latest at start-up).
  void StartAfter(uint64_t seq);

  std::optional<Response> Authorize(Request& req) override;
  void OnOpen(const std::shared_ptr<WebSocketConnection>& connection, const Request& req) override;
  void OnClose(const WebSocketConnection* connection) override;

  size_t connections() const;
  // The users with a stream open on this node (the workspace is open).
  std::vector<int64_t> OnlineUsers() const;
  uint64_t last_seq() const;

  // The JSON text of one event frame.
  static std::string EventJson(uint64_t seq, const DomainEvent& event);

 private:
  void DeliverLocked(uint64_t seq, const DomainEvent& event);  // mutex_ held
  // Closes the streams of event.user_id opened up to event.at.
  void EndAccess(const DomainEvent& event);

  struct Entry {
    uint64_t seq;
    std::shared_ptr<const std::string> frame;
  };

  struct Stream {
    std::shared_ptr<WebSocketConnection> connection;
    int64_t user_id = 0;
    Timestamp opened_at{};
  };

  const Authorizer authorize_;
  const size_t history_size_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  uint64_t seq_ = 0;                 // GUARDED_BY(mutex_)
  std::deque<Entry> history_;        // GUARDED_BY(mutex_)
  std::vector<Stream> connections_;  // GUARDED_BY(mutex_)
};

}  // namespace luister::http
