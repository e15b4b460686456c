#pragma once

#include <memory>
#include <optional>
#include <string>

#include "http/request.h"

namespace luister::http {

// The sending half of an accepted WebSocket. Owned by the server; handlers
// keep it in a shared_ptr. Thread-safe: frames are queued and written in
// order on the connection's strand.
class WebSocketConnection {
 public:
  virtual ~WebSocketConnection() = default;
  // Queues a text frame. A connection that falls too far behind (slow
  // reader) is closed rather than allowed to grow without bound.
  virtual void Send(std::shared_ptr<const std::string> text) = 0;
  virtual void Close() = 0;
};

// What the application does with WebSocket upgrade requests. Set in
// ServerOptions::websocket. Called on server threads; must not block long.
class WebSocketHandler {
 public:
  virtual ~WebSocketHandler() = default;
  // Decides on an upgrade request: a response refuses it (401, 403, 404);
  // nullopt accepts it.
  virtual std::optional<Response> Authorize(Request& req) = 0;
  // The handshake finished; `req` is the upgrade request.
  virtual void OnOpen(const std::shared_ptr<WebSocketConnection>& connection,
                      const Request& req) = 0;
  // The connection is gone (closed by either side or the server stopping).
  virtual void OnClose(const WebSocketConnection* connection) = 0;
};

// True for a GET asking for "Upgrade: websocket".
bool IsWebSocketUpgrade(const Request& req);

}  // namespace luister::http
