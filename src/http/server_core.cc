#include "http/server_core.h"

#include <spdlog/spdlog.h>

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

void ServerCore::Unregister(HttpSession* session) {
  std::lock_guard<std::mutex> lock(sessions_mutex);
  sessions.erase(session);
}

}  // namespace luister::http::internal
