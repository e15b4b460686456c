#pragma once

// A blocking WebSocket client for the end-to-end tests: the browsers' live
// events and the chat widget's protocol.
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>

namespace luister::e2e {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using tcp = boost::asio::ip::tcp;
using nlohmann::json;

// A blocking WebSocket client with a read timeout.
class WsClient {
 public:
  WsClient(int port, const std::string& cookie, const std::string& target,
           const std::string& origin = "")
      : ws_(ioc_) {
    beast::get_lowest_layer(ws_).connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                                                       static_cast<unsigned short>(port)));
    ws_.set_option(websocket::stream_base::decorator([&](websocket::request_type& req) {
      if (!cookie.empty()) req.set(beast::http::field::cookie, "luister_session=" + cookie);
      if (!origin.empty()) req.set(beast::http::field::origin, origin);
    }));
    std::string host = "127.0.0.1:" + std::to_string(port);
    ws_.handshake(response_, host, target, error_);
  }

  const beast::error_code& error() const { return error_; }

  // Sends one text frame; false when the stream is gone.
  bool Send(const json& frame) {
    beast::error_code ec;
    ws_.text(true);
    ws_.write(boost::asio::buffer(frame.dump()), ec);
    return !ec;
  }
  int status() const { return static_cast<int>(response_.result_int()); }

  // The next frame, or null after `timeout`. (Beast's stream timeouts
  // apply to asynchronous operations only, hence the async read.)
  json Next(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
    if (broken_) return nullptr;
    beast::flat_buffer buffer;
    beast::error_code ec;
    bool done = false;
    ws_.async_read(buffer, [&](beast::error_code e, size_t) {
      ec = e;
      done = true;
    });
    ioc_.restart();
    ioc_.run_for(timeout);
    if (!done) {
      broken_ = true;  // a cancelled read leaves the stream unusable
      beast::get_lowest_layer(ws_).cancel();
      ioc_.restart();
      ioc_.run();
      return nullptr;
    }
    if (ec) {
      closed_ = true;  // the server ended the stream
      return nullptr;
    }
    return json::parse(beast::buffers_to_string(buffer.data()));
  }

  // True when the server closes the stream within `timeout` (frames before
  // the close are skipped); false when it stays open.
  bool ClosedWithin(std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!closed_ && !broken_ && std::chrono::steady_clock::now() < deadline)
      Next(std::chrono::duration_cast<std::chrono::milliseconds>(deadline -
                                                                 std::chrono::steady_clock::now()));
    return closed_;
  }

  // The next frame of `type`, skipping others.
  json NextOfType(const std::string& type) {
    for (int i = 0; i < 20; ++i) {
      json f = Next();
      if (f.is_null() || f["type"] == type) return f;
    }
    return nullptr;
  }

 private:
  boost::asio::io_context ioc_;
  websocket::stream<beast::tcp_stream> ws_;
  websocket::response_type response_;
  beast::error_code error_;
  bool broken_ = false;
  bool closed_ = false;
};

// The next "chat" frame past the ones that still say "waiting": the chat's
// own start may reach the widget after the visitor's `started` (through
// the event bus, from this node or another), before the change the test
// waits for.
inline json NextChatNotWaiting(WsClient& visitor) {
  json frame = visitor.NextOfType("chat");
  while (frame.is_object() && frame["chat"]["state"] == "waiting")
    frame = visitor.NextOfType("chat");
  return frame;
}

}  // namespace luister::e2e
