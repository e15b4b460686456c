#pragma once

// Internal to http/: one HTTP/1.1 connection of a Server (server_core.cc
// creates them). Nothing outside http/ includes this.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/request_parser.h"
#include "http/server.h"

namespace luister::http::internal {

struct ServerCore;

// One connection: reads requests (with the server's limits and timeouts),
// calls the server's handler when the server admits it (or authorises an
// upgrade and hands the connection to a WebSocket session), writes responses, and records each in
// the access log and metrics. Its handlers run on its own strand, one at a time. It keeps itself
// alive through shared_from_this while an operation is pending, and unregisters from `server` (not
// owned; must outlive it) when destroyed.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, ServerCore* server);
  ~HttpSession();

  boost::asio::any_io_executor get_executor() { return stream_.get_executor(); }

  void Start();

  // On the session's strand. Closes the connection if it is waiting for a
  // request; otherwise the response in progress is completed and the
  // connection closed after it.
  void OnServerStop();

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kClosing };

  const ServerOptions& options() const;

  void WaitForRequest();
  void OnFirstBytes(boost::beast::error_code ec, size_t n);
  void ReadHeader();
  void OnHeader(boost::beast::error_code ec, size_t);
  void ReadBody();
  void OnBody(boost::beast::error_code ec, size_t);
  void OnReadError(boost::beast::error_code ec);
  void HandleRequest();
  // Runs `work` (a handler call) once the server admits it: now, on this
  // thread and strand, or later on the I/O thread a finishing handler hands
  // its place to. `then(result)` runs on the session's strand either way.
  template <typename Work, typename Then>
  void Handle(Work work, Then then);
  // Hands the connection to a WebSocket session once it was authorised.
  void Upgrade();
  Response CallHandler();
  static Response InternalError();
  // Answers a request that could not be read completely; the connection is
  // closed afterwards since the rest of the request is still on the wire.
  void SendProblem(int status, std::string_view type, std::string_view title,
                   const std::string& detail);
  void Send(Response&& res, bool keep_alive, bool linger);
  void OnWrite(boost::beast::error_code ec, size_t);
  // Only origin-form paths are logged: an absolute-form target could carry
  // user:password, and the query is dropped since it may carry tokens.
  std::string_view LoggedPath() const;
  void LingeringClose();
  void Drain();
  void CloseNow();

  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  ServerCore* server_;
  std::string remote_ip_;
  std::optional<RequestParser> parser_;
  Request req_;
  std::string head_;
  std::string body_;
  State state_ = State::kIdle;
  bool first_request_ = true;
  bool keep_alive_ = false;
  bool linger_ = false;
  int version_ = 11;
  int status_ = 0;
  size_t body_bytes_ = 0;
  size_t lingered_ = 0;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace luister::http::internal
