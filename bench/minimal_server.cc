// The baseline for the HTTP benchmarks: the smallest reasonable Boost.Beast
// HTTP/1.1 keep-alive server, answering every request with a fixed JSON body.
// Same thread model as `luister serve` (one io_context run by N threads, a
// strand per connection), same build flags. It does no routing, no auth, no
// database and no logging, so it bounds what Beast + the kernel loopback can
// do on this machine; bench/run.sh reports Luister's throughput as a ratio.
//
//   minimal_beast_server [address=127.0.0.1] [port=18081] [threads=2]

#include <utility>  // before Asio: Boost 1.74 awaitable.hpp uses std::exchange

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// About the size of a conversation JSON returned by GET /api/v1/conversations/{id}.
const std::string kBody =
    R"({"id":1,"customer_id":1,"channel":"email","subject":"Where is my order?",)"
    R"("status":"open","priority":"normal","department_id":1,"queue_id":null,)"
    R"("assignee_id":null,"tags":[],"created_at":"2024-01-01T00:00:00.000Z",)"
    R"("updated_at":"2024-01-01T00:00:00.000Z","last_message_at":"2024-01-01T00:00:00.000Z",)"
    R"("first_response_at":null,"resolved_at":null,"message_count":3})";

class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket&& socket) : stream_(std::move(socket)) {}

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::Read, shared_from_this()));
  }

 private:
  void Read() {
    req_ = {};
    stream_.expires_after(std::chrono::seconds(60));
    http::async_read(stream_, buffer_, req_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    res_ = {};
    res_.version(req_.version());
    res_.result(http::status::ok);
    res_.set(http::field::server, "minimal");
    res_.set(http::field::content_type, "application/json");
    res_.keep_alive(req_.keep_alive());
    res_.body() = kBody;
    res_.prepare_payload();
    http::async_write(stream_, res_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, std::size_t) {
    if (ec) return Close();
    if (!res_.keep_alive()) return Close();
    Read();
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> req_;
  http::response<http::string_body> res_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& ioc, tcp::endpoint ep) : ioc_(ioc), acceptor_(net::make_strand(ioc)) {
    acceptor_.open(ep.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }
  void Accept() {
    acceptor_.async_accept(net::make_strand(ioc_),
                           beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

 private:
  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (!ec) std::make_shared<Session>(std::move(socket))->Start();
    Accept();
  }
  net::io_context& ioc_;
  tcp::acceptor acceptor_;
};

}  // namespace

int main(int argc, char** argv) {
  const auto address = net::ip::make_address(argc > 1 ? argv[1] : "127.0.0.1");
  const auto port = static_cast<unsigned short>(std::atoi(argc > 2 ? argv[2] : "18081"));
  const int threads = std::max(1, std::atoi(argc > 3 ? argv[3] : "2"));

  net::io_context ioc{threads};
  try {
    std::make_shared<Listener>(ioc, tcp::endpoint{address, port})->Accept();
  } catch (const std::exception& e) {
    std::cerr << "minimal_beast_server: " << e.what() << "\n";
    return 1;
  }
  net::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](beast::error_code, int) { ioc.stop(); });
  std::cout << "minimal_beast_server on http://" << address << ":" << port << " with " << threads
            << " threads\n"
            << std::flush;

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return 0;
}
