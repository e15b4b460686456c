#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/request.h"

namespace luister::http {

class Metrics;
class WebSocketHandler;

struct ServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 8080;  // 0 picks a free port; see Server::port()
  // Threads that serve connections: they read, write and run the request
  // handler. At most threads - 1 handlers run at once, so one thread always
  // keeps reading and answering the other connections while handlers block
  // on the database; requests beyond that wait, in order, for a handler to
  // finish (luister_http_requests_waiting in /metrics).
  int threads = 4;
  // Exact paths (health checks) whose handlers go first and may use that
  // last thread too, so a load balancer gets its answer while every other
  // handler is busy. Their handlers must be quick.
  std::vector<std::string> priority_paths;
  size_t max_body_bytes = 1 << 20;  // larger bodies get 413 without reaching a handler
  // Paths that take files (POST only): their bodies may be up to
  // max_upload_bytes and get upload_timeout to arrive. One ending in '/'
  // names every path below it ("/forms/").
  std::vector<std::string> upload_paths;
  size_t max_upload_bytes = 25u << 20;
  std::chrono::seconds upload_timeout{300};
  size_t max_header_bytes = 16 << 10;       // request line + headers; larger get 431
  std::chrono::seconds header_timeout{10};  // to receive a whole request header (and body)
  std::chrono::seconds idle_timeout{60};    // keep-alive connections idle longer are closed
  std::chrono::seconds shutdown_grace{10};
  // When set (not owned; must outlive the server) every request is recorded
  // with its route pattern, or "unmatched" when req.route stayed empty.
  Metrics* metrics = nullptr;
  // Whether Run() stops on SIGINT/SIGTERM. Tests running several servers turn it off.
  bool handle_signals = true;
  // When set (not owned; must outlive the server) GET requests asking for a
  // WebSocket upgrade go to it instead of the request handler.
  WebSocketHandler* websocket = nullptr;
};

// The function that turns a request into a response: router, middleware and
// handlers, composed by app/. Called on a server thread; must not throw
// (a throw becomes a 500 problem and is logged). It may block its thread
// (ServerOptions::threads says what that costs), but slow work belongs in
// jobs. `req` is valid only during the call.
using RequestHandler = std::function<Response(Request&)>;

// HTTP/1.1 server on Boost.Beast: keep-alive, body limit (413), header and
// idle timeouts, access log, graceful shutdown. Beast stays in server.cc and
// the internal files behind it (server_core, http_session, request_parser).
// Destroy it only once Run() has returned (or was never called).
//
// Access log: one info line per request on the spdlog logger "access" if one
// is registered when the server is constructed, else on an unregistered logger
// of that name writing to the default logger's sinks. It holds the remote IP,
// method, path (never the query), status, body bytes, latency and route; never
// header values or bodies.
class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; Unavailable-style failure is reported by
  // returning false with `error` set (port in use, bad address).
  bool Listen(std::string* error);
  // The bound port (the chosen one when options.port was 0); 0 before Listen().
  uint16_t port() const;

  // Serves on options.threads threads (the caller's included) until Stop()
  // or SIGINT/SIGTERM: stops accepting, closes idle keep-alive connections,
  // lets requests in flight finish and be written (up to shutdown_grace),
  // then returns. Calls Listen() first if it was not called; call Run() once.
  void Run();
  // Thread-safe, idempotent; may be called before Run() (which then returns at once).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace luister::http
