#include "http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <thread>
#include <utility>
#include <vector>

#include "http/server_core.h"

namespace luister::http {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

}  // namespace

struct Server::Impl : internal::ServerCore {
  using ServerCore::ServerCore;
};

Server::Server(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

bool Server::Listen(std::string* error) {
  beast::error_code ec;
  auto address = net::ip::make_address(impl_->options.address, ec);
  if (ec) {
    *error = "invalid listen address '" + impl_->options.address + "': " + ec.message();
    return false;
  }
  tcp::endpoint endpoint(address, impl_->options.port);
  tcp::acceptor& acceptor = impl_->acceptor;
  auto fail = [&](std::string_view what) {
    *error = fmt::format("cannot {} {}:{}: {}", what, impl_->options.address, impl_->options.port,
                         ec.message());
    beast::error_code ignored;
    acceptor.close(ignored);
    return false;
  };
  if (acceptor.open(endpoint.protocol(), ec)) return fail("open socket for");
  if (acceptor.set_option(net::socket_base::reuse_address(true), ec)) return fail("configure");
  if (acceptor.bind(endpoint, ec)) return fail("bind");
  if (acceptor.listen(net::socket_base::max_listen_connections, ec)) return fail("listen on");
  impl_->port = acceptor.local_endpoint(ec).port();
  return true;
}

uint16_t Server::port() const { return impl_->port; }

void Server::Run() {
  if (!impl_->acceptor.is_open()) {
    std::string error;
    if (!Listen(&error)) {
      spdlog::error("{}", error);
      return;
    }
  }
  net::post(impl_->strand, [impl = impl_.get()] { impl->StartServing(); });
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) {
    threads.emplace_back([this] { impl_->ioc.run(); });
  }
  impl_->ioc.run();
  for (auto& t : threads) t.join();
}

void Server::Stop() {
  net::post(impl_->strand, [impl = impl_.get()] { impl->BeginShutdown(); });
}

}  // namespace luister::http
