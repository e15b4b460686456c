#include "http/server_core.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <csignal>
#include <vector>

#include "http/http_session.h"

namespace luister::http::internal {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr auto kShutdownPoll = std::chrono::milliseconds(20);

}  // namespace

void ServerCore::StartServing() {
  if (shutting_down) return;
  if (options.handle_signals) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    signals.async_wait([this](beast::error_code ec, int signal) {
      if (ec) return;
      spdlog::info("received signal {}, shutting down", signal);
      BeginShutdown();
    });
  }
  Accept();
}

void ServerCore::Accept() {
  acceptor.async_accept(net::make_strand(ioc),
                        beast::bind_front_handler(&ServerCore::OnAccept, this));
}

void ServerCore::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (shutting_down) return;
  if (ec) {
    // Typically EMFILE: back off briefly instead of spinning.
    spdlog::warn("accept failed: {}", ec.message());
    timer.expires_after(std::chrono::milliseconds(50));
    timer.async_wait([this](beast::error_code ec) {
      if (!ec && !shutting_down) Accept();
    });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  auto session = std::make_shared<HttpSession>(std::move(socket), this);
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    sessions.emplace(session.get(), session);
  }
  session->Start();
  Accept();
}

void ServerCore::BeginShutdown() {
  if (shutting_down) return;
  shutting_down = true;
  stopping.store(true);
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  timer.cancel();
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) {
    HttpSession* raw = s.get();
    net::post(raw->get_executor(), [s = std::move(s)] { s->OnServerStop(); });
  }
  websockets.CloseAll();
  shutdown_deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
  PollShutdown();
}

void ServerCore::PollShutdown() {
  size_t remaining;
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    remaining = sessions.size();
  }
  remaining += websockets.size();
  if (remaining == 0) return;  // nothing left: Run() returns when the queue drains
  if (std::chrono::steady_clock::now() >= shutdown_deadline) {
    spdlog::warn("shutdown grace period over; dropping {} connection(s)", remaining);
    ioc.stop();
    return;
  }
  timer.expires_after(kShutdownPoll);
  timer.async_wait([this](beast::error_code ec) {
    if (!ec) PollShutdown();
  });
}

bool ServerCore::Admit(std::string_view path, std::function<void()>& later) {
  const bool priority = IsPriority(path);
  const int threads = std::max(1, options.threads);
  const int limit = priority ? threads : std::max(1, threads - 1);
  std::lock_guard<std::mutex> lock(admission_mutex);
  if (handlers_running < limit && (priority || waiting.empty())) {
    ++handlers_running;
    if (busy_gauge) busy_gauge->fetch_add(1, std::memory_order_relaxed);
    return true;
  }
  if (priority) {
    waiting.push_front({true, std::move(later)});
  } else {
    waiting.push_back({false, std::move(later)});
  }
  if (waiting_gauge) waiting_gauge->fetch_add(1, std::memory_order_relaxed);
  if (waited_counter) waited_counter->fetch_add(1, std::memory_order_relaxed);
  return false;
}

void ServerCore::Done() {
  const int threads = std::max(1, options.threads);
  std::function<void()> next;
  {
    std::lock_guard<std::mutex> lock(admission_mutex);
    // The place passes to the first waiting call if it may have it: a
    // priority call the last thread, anything else one of the others.
    int others = handlers_running - 1;
    if (!waiting.empty() &&
        others < (waiting.front().priority ? threads : std::max(1, threads - 1))) {
      next = std::move(waiting.front().run);
      waiting.pop_front();
      if (waiting_gauge) waiting_gauge->fetch_sub(1, std::memory_order_relaxed);
    } else {
      --handlers_running;
      if (busy_gauge) busy_gauge->fetch_sub(1, std::memory_order_relaxed);
    }
  }
  if (next) net::post(ioc, std::move(next));
}

bool ServerCore::IsPriority(std::string_view path) const {
  return std::find(options.priority_paths.begin(), options.priority_paths.end(), path) !=
         options.priority_paths.end();
}

void ServerCore::Unregister(HttpSession* session) {
  std::lock_guard<std::mutex> lock(sessions_mutex);
  sessions.erase(session);
}

}  // namespace luister::http::internal
