#pragma once

// Internal to http/: the Beast side of WebSocket connections, used by
// http_session.cc and server_core.cc. Nothing outside http/ includes this.

#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "http/websocket.h"

namespace luister::http::internal {

class WebSocketSession;

// The server's open WebSockets, so a shutdown can close them.
class WebSocketRegistry {
 public:
  void Add(const std::shared_ptr<WebSocketSession>& s);
  void Remove(const WebSocketSession* s);
  void CloseAll();
  size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::unordered_map<const WebSocketSession*, std::weak_ptr<WebSocketSession>>
      sessions_;  // GUARDED_BY(mutex_)
};

// Takes over `stream` after an upgrade request the handler accepted, runs the
// handshake and then serves the connection until either side closes it.
void StartWebSocket(boost::beast::tcp_stream&& stream,
                    boost::beast::http::request<boost::beast::http::empty_body>&& upgrade,
                    Request request, WebSocketHandler* handler, WebSocketRegistry* registry);

}  // namespace luister::http::internal
