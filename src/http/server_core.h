#pragma once

// Internal to http/: the state behind Server (server.cc) and its connections
// (http_session.cc). Nothing outside http/ includes this.

#include <algorithm>
#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/error.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "http/access_log.h"
#include "http/metrics.h"
#include "http/server.h"
#include "http/websocket_session.h"

namespace luister::http::internal {

class HttpSession;

// Everything a running server shares with its sessions. The acceptor,
// signals, timer and shutdown state are touched only on `strand`; `sessions`
// only under `sessions_mutex`; the rest is immutable or atomic.
struct ServerCore {
  ServerCore(ServerOptions opts, RequestHandler h)
      : options(std::move(opts)),
        handler(std::move(h)),
        ioc(std::max(1, options.threads)),
        strand(boost::asio::make_strand(ioc)),
        acceptor(strand),
        signals(strand),
        timer(strand) {
    if (options.metrics != nullptr) {
      busy_gauge =
          &options.metrics->Gauge("luister_http_handlers_busy", "Request handlers running now.");
      waiting_gauge = &options.metrics->Gauge("luister_http_requests_waiting",
                                              "Requests read and waiting for a handler thread.");
      waited_counter = &options.metrics->Counter(
          "luister_http_requests_waited_total",
          "Requests that had to wait for a handler thread (every handler thread was busy).");
    }
  }

  // On `strand`: installs the signal handler (if asked) and starts
  // accepting, unless a shutdown has already begun.
  void StartServing();
  void Accept();
  void OnAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
  // On `strand`, idempotent: stops accepting, closes idle connections and
  // WebSockets, then polls until every connection is gone or the grace
  // period is over (when the io_context is stopped).
  void BeginShutdown();
  void PollShutdown();
  // Called by a session's destructor, on any thread.
  void Unregister(HttpSession* session);

  // Admission of handler calls, so that one I/O thread is always free to
  // read and write for every other connection while handlers block: at most
  // threads - 1 handlers run at once (priority paths may take the last
  // thread too). Returns true when the caller may run its handler now, on
  // its own thread, and must call Done() afterwards; otherwise `later` was
  // queued (priority first, then in arrival order) and is posted to the
  // io_context when a handler finishes, holding that handler's place.
  bool Admit(std::string_view path, std::function<void()>& later);
  void Done();
  bool IsPriority(std::string_view path) const;

  struct Waiting {
    bool priority;
    std::function<void()> run;
  };

  const ServerOptions options;
  const RequestHandler handler;
  const AccessLog access_log;
  std::atomic<bool> stopping{false};
  std::atomic<uint16_t> port{0};

  std::mutex sessions_mutex;
  // Destroyed after `ioc`, whose destructor may still destroy sessions.
  std::unordered_map<HttpSession*, std::weak_ptr<HttpSession>>
      sessions;  // GUARDED_BY(sessions_mutex)
  WebSocketRegistry websockets;

  std::mutex admission_mutex;
  int handlers_running = 0;     // GUARDED_BY(admission_mutex)
  std::deque<Waiting> waiting;  // GUARDED_BY(admission_mutex)
  // In /metrics when options.metrics is set.
  std::atomic<int64_t>* busy_gauge = nullptr;
  std::atomic<int64_t>* waiting_gauge = nullptr;
  std::atomic<int64_t>* waited_counter = nullptr;

  boost::asio::io_context ioc;
  // Acceptor, signals, timer and shutdown state live on this strand.
  boost::asio::strand<boost::asio::io_context::executor_type> strand;
  boost::asio::ip::tcp::acceptor acceptor;
  boost::asio::signal_set signals;
  boost::asio::steady_timer timer;
  bool shutting_down = false;
  std::chrono::steady_clock::time_point shutdown_deadline;
};

}  // namespace luister::http::internal
