#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

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
  // A text or binary message from the client (at most 64 KB), in order, on
  // the connection's strand. The default ignores them.
  virtual void OnMessage(const std::shared_ptr<WebSocketConnection>& connection,
                         std::string_view text) {}
  // The connection is gone (closed by either side or the server stopping).
  virtual void OnClose(const WebSocketConnection* connection) = 0;
};

// Several WebSocket endpoints on one server: each upgrade goes to the
// handler of its path (the browsers' live events, the chat widget), and so
// do its messages and its end. An unknown path is refused with 404.
class WebSocketRouter final : public WebSocketHandler {
 public:
  void Add(std::string path_prefix, WebSocketHandler* handler);

  std::optional<Response> Authorize(Request& req) override;
  void OnOpen(const std::shared_ptr<WebSocketConnection>& connection, const Request& req) override;
  void OnMessage(const std::shared_ptr<WebSocketConnection>& connection,
                 std::string_view text) override;
  void OnClose(const WebSocketConnection* connection) override;

 private:
  WebSocketHandler* For(std::string_view path) const;
  WebSocketHandler* Of(const WebSocketConnection* connection);

  std::vector<std::pair<std::string, WebSocketHandler*>> routes_;  // set before serving
  std::mutex mutex_;
  std::unordered_map<const WebSocketConnection*, WebSocketHandler*> open_;  // GUARDED_BY(mutex_)
};

// True for a GET asking for "Upgrade: websocket".
bool IsWebSocketUpgrade(const Request& req);

}  // namespace luister::http
