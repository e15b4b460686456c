#include "http/server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "http/access_log.h"
#include "http/metrics.h"
#include "http/websocket_session.h"

namespace luister::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr size_t kReadChunk = 8192;
// After an error response the request may still be arriving; reading it away
// for a moment before closing keeps the kernel from answering with a RST that
// could destroy our response before the client reads it.
constexpr auto kLingerTime = std::chrono::seconds(2);
constexpr size_t kLingerMaxBytes = 1 << 20;
constexpr auto kShutdownPoll = std::chrono::milliseconds(20);
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

bool IEquals(std::string_view a, std::string_view b) {
  return beast::iequals(beast::string_view(a.data(), a.size()),
                        beast::string_view(b.data(), b.size()));
}

// Formats an IMF-fixdate once per second per thread.
std::string_view HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached_second = -1;
  thread_local char buf[40];
  thread_local size_t len = 0;
  std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    int n = std::snprintf(buf, sizeof(buf), "%s, %02d %s %04d %02d:%02d:%02d GMT",
                          kDays[tm.tm_wday], tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900,
                          tm.tm_hour, tm.tm_min, tm.tm_sec);
    len = n > 0 ? static_cast<size_t>(n) : 0;
    cached_second = now;
  }
  return std::string_view(buf, len);
}

void AppendProblem(std::string* body, int status, std::string_view type, std::string_view title,
                   std::string_view detail) {
  body->append(R"({"type":"https://luister.dev/problems/)").append(type);
  body->append(R"(","title":")").append(title);
  body->append(R"(","status":)").append(std::to_string(status));
  body->append(R"(,"detail":")").append(detail).append("\"}");
}

// Headers the server owns: framing and identity are never taken from handlers.
bool IsReservedHeader(std::string_view name) {
  return IEquals(name, "content-length") || IEquals(name, "transfer-encoding") ||
         IEquals(name, "connection") || IEquals(name, "date") || IEquals(name, "server") ||
         IEquals(name, "content-type");
}

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

// Parses a request straight into a Request that is reused across the
// requests of a connection, so steady-state keep-alive traffic allocates
// nothing for the request line, headers or body.
class RequestParser final : public bhttp::basic_parser<true> {
 public:
  RequestParser(Request* req, size_t max_header_bytes, size_t max_body_bytes) : req_(req) {
    header_limit(static_cast<std::uint32_t>(max_header_bytes));
    body_limit(max_body_bytes);
    req_->method.clear();
    req_->target.clear();
    req_->route.clear();
    req_->params.clear();
    if (req_->body.capacity() > 64 * 1024) std::string().swap(req_->body);
    req_->body.clear();
  }

  int version() const { return version_; }
  bool expects_continue() const { return expect_continue_; }

 private:
  void on_request_impl(bhttp::verb, beast::string_view method, beast::string_view target,
                       int version, beast::error_code&) override {
    req_->method.assign(method.data(), method.size());
    req_->target.assign(target.data(), target.size());
    version_ = version;
  }

  void on_response_impl(int, beast::string_view, int, beast::error_code&) override {}

  void on_field_impl(bhttp::field f, beast::string_view name, beast::string_view value,
                     beast::error_code&) override {
    auto& headers = req_->headers;
    if (fields_ == headers.size()) headers.emplace_back();
    auto& [k, v] = headers[fields_++];
    k.resize(name.size());
    for (size_t i = 0; i < name.size(); ++i) k[i] = beast::detail::ascii_tolower(name[i]);
    v.assign(value.data(), value.size());
    if (f == bhttp::field::expect && beast::iequals(value, "100-continue")) {
      expect_continue_ = true;
    }
  }

  void on_header_impl(beast::error_code&) override { req_->headers.resize(fields_); }

  void on_body_init_impl(const boost::optional<std::uint64_t>& length,
                         beast::error_code&) override {
    if (length) req_->body.reserve(static_cast<size_t>(*length));
  }

  size_t on_body_impl(beast::string_view body, beast::error_code&) override {
    req_->body.append(body.data(), body.size());
    return body.size();
  }

  void on_chunk_header_impl(std::uint64_t, beast::string_view, beast::error_code&) override {}

  size_t on_chunk_body_impl(std::uint64_t, beast::string_view body, beast::error_code&) override {
    req_->body.append(body.data(), body.size());
    return body.size();
  }

  void on_finish_impl(beast::error_code&) override {}

  Request* req_;
  size_t fields_ = 0;
  int version_ = 11;
  bool expect_continue_ = false;
};

class Session;

// Everything a running server shares with its sessions.
struct ServerCore {
  ServerCore(ServerOptions opts, RequestHandler h)
      : options(std::move(opts)),
        handler(std::move(h)),
        ioc(std::max(1, options.threads)),
        strand(net::make_strand(ioc)),
        acceptor(strand),
        signals(strand),
        timer(strand) {}

  void StartServing();
  void Accept();
  void OnAccept(beast::error_code ec, tcp::socket socket);
  void BeginShutdown();
  void PollShutdown();
  void Unregister(Session* session);

  const ServerOptions options;
  const RequestHandler handler;
  const AccessLog access_log;
  std::atomic<bool> stopping{false};
  std::atomic<uint16_t> port{0};

  std::mutex sessions_mutex;
  // Destroyed after `ioc`, whose destructor may still destroy sessions.
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // GUARDED_BY(sessions_mutex)
  internal::WebSocketRegistry websockets;

  net::io_context ioc;
  // Acceptor, signals, timer and shutdown state live on this strand.
  net::strand<net::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer timer;
  bool shutting_down = false;
  Clock::time_point shutdown_deadline;
};

// One connection. Its handlers run on its own strand, one at a time.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerCore* server) : stream_(std::move(socket)), server_(server) {
    beast::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_ip_ = endpoint.address().to_string();
  }
  ~Session() { server_->Unregister(this); }

  net::any_io_executor get_executor() { return stream_.get_executor(); }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::WaitForRequest, shared_from_this()));
  }

  // Closes the connection if it is waiting for a request; otherwise the
  // response in progress is completed and the connection closed after it.
  void OnServerStop() {
    if (state_ == State::kIdle) CloseNow();
  }

 private:
  enum class State { kIdle, kReading, kHandling, kWriting, kClosing };

  const ServerOptions& options() const { return server_->options; }

  void WaitForRequest() {
    state_ = State::kIdle;
    if (server_->stopping.load(std::memory_order_relaxed)) return CloseNow();
    if (buffer_.size() > 0) return ReadHeader();
    stream_.expires_after(first_request_ ? options().header_timeout : options().idle_timeout);
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
  }

  void OnFirstBytes(beast::error_code ec, size_t n) {
    if (ec) return CloseNow();
    buffer_.commit(n);
    ReadHeader();
  }

  void ReadHeader() {
    state_ = State::kReading;
    first_request_ = false;
    start_ = Clock::now();
    parser_.emplace(&req_, options().max_header_bytes, options().max_body_bytes);
    stream_.expires_after(options().header_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    if (parser_->is_done()) return HandleRequest();
    if (parser_->expects_continue() && parser_->version() >= 11) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec, size_t) {
                         if (ec) return self->CloseNow();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    stream_.expires_after(options().header_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    HandleRequest();
  }

  void OnReadError(beast::error_code ec) {
    if (ec == bhttp::error::body_limit) {
      return SendProblem(413, "payload-too-large", "Payload too large",
                         "The request body exceeds the limit of " +
                             std::to_string(options().max_body_bytes) + " bytes.");
    }
    if (ec == bhttp::error::header_limit) {
      return SendProblem(431, "request-header-fields-too-large", "Request header fields too large",
                         "The request line and headers exceed the limit of " +
                             std::to_string(options().max_header_bytes) + " bytes.");
    }
    // Parse errors are answered; end of stream, timeouts and I/O errors are not.
    if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return SendProblem(400, "bad-request", "Bad request", "The request is not valid HTTP/1.1.");
    }
    CloseNow();
  }

  void HandleRequest() {
    state_ = State::kHandling;
    req_.remote_ip.assign(remote_ip_);
    version_ = parser_->version();
    bool keep_alive = parser_->keep_alive();
    if (!DecodeTarget(&req_)) {
      Response res;
      res.status = 400;
      res.content_type = "application/problem+json";
      AppendProblem(&res.body, 400, "bad-request", "Bad request",
                    "The request target is not a valid, percent-encoded origin-form path.");
      return Send(std::move(res), keep_alive, false);
    }
    if (options().websocket != nullptr && IsWebSocketUpgrade(req_)) return Upgrade();
    Send(CallHandler(), keep_alive, false);
  }

  // Hands the connection to a WebSocket session when the handler accepts it.
  void Upgrade() {
    std::optional<Response> refusal = options().websocket->Authorize(req_);
    if (refusal) return Send(std::move(*refusal), false, false);
    bhttp::request<bhttp::empty_body> upgrade{bhttp::verb::get, req_.target, version_};
    for (const auto& [name, value] : req_.headers) upgrade.set(name, value);
    status_ = 101;
    body_bytes_ = 0;
    auto latency = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_);
    server_->access_log.Write(remote_ip_, req_.method, LoggedPath(), status_, 0, latency,
                              req_.route);
    state_ = State::kClosing;
    internal::StartWebSocket(std::move(stream_), std::move(upgrade), req_, options().websocket,
                             &server_->websockets);
  }

  Response CallHandler() {
    try {
      return server_->handler(req_);
    } catch (const std::exception& e) {
      spdlog::error("handler failed on {} {}: {}", req_.method, req_.RawPath(), e.what());
    } catch (...) {
      spdlog::error("handler failed on {} {}: unknown exception", req_.method, req_.RawPath());
    }
    return InternalError();
  }

  static Response InternalError() {
    Response res;
    res.status = 500;
    res.content_type = "application/problem+json";
    AppendProblem(&res.body, 500, "internal-error", "Internal server error",
                  "The server failed to handle the request; it has been logged.");
    return res;
  }

  // Answers a request that could not be read completely; the connection is
  // closed afterwards since the rest of the request is still on the wire.
  void SendProblem(int status, std::string_view type, std::string_view title,
                   const std::string& detail) {
    state_ = State::kHandling;
    req_.remote_ip.assign(remote_ip_);
    req_.route.clear();
    Response res;
    res.status = status;
    res.content_type = "application/problem+json";
    AppendProblem(&res.body, status, type, title, detail);
    Send(std::move(res), false, true);
  }

  void Send(Response&& res, bool keep_alive, bool linger) {
    state_ = State::kWriting;
    keep_alive_ = keep_alive && !server_->stopping.load(std::memory_order_relaxed);
    linger_ = linger;
    status_ = res.status >= 100 && res.status <= 599 ? res.status : 500;
    bool is_head = req_.method == "HEAD";
    bool bodiless = (status_ >= 100 && status_ < 200) || status_ == 204 || status_ == 304;
    body_ = std::move(res.body);
    body_bytes_ = bodiless ? 0 : body_.size();

    head_.clear();
    head_.append(version_ == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    head_.append(std::to_string(status_)).push_back(' ');
    auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status_));
    head_.append(reason.data(), reason.size());
    head_.append("\r\nServer: luister\r\nDate: ").append(HttpDate()).append("\r\n");
    if (!bodiless) {
      if (!res.content_type.empty() && !HasLineBreak(res.content_type)) {
        head_.append("Content-Type: ").append(res.content_type).append("\r\n");
      }
      head_.append("Content-Length: ").append(std::to_string(body_bytes_)).append("\r\n");
    }
    for (const auto& [name, value] : res.headers) {
      if (name.empty() || HasLineBreak(name) || HasLineBreak(value) || IsReservedHeader(name)) {
        continue;
      }
      head_.append(name).append(": ").append(value).append("\r\n");
    }
    if (!keep_alive_) {
      head_.append("Connection: close\r\n");
    } else if (version_ == 10) {
      head_.append("Connection: keep-alive\r\n");
    }
    head_.append("\r\n");

    std::array<net::const_buffer, 2> buffers{
        net::buffer(head_), net::buffer(body_.data(), is_head || bodiless ? 0 : body_.size())};
    stream_.expires_after(options().idle_timeout);
    net::async_write(stream_, buffers,
                     beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, size_t) {
    auto latency = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_);
    std::string_view route = req_.route.empty() ? std::string_view("unmatched") : req_.route;
    server_->access_log.Write(remote_ip_, req_.method, LoggedPath(), status_, body_bytes_, latency,
                              req_.route);
    if (server_->options.metrics != nullptr) {
      bool known = bhttp::string_to_verb(req_.method) != bhttp::verb::unknown;
      server_->options.metrics->Observe(known ? std::string_view(req_.method) : "OTHER", route,
                                        status_, latency);
    }
    if (ec) return CloseNow();
    if (body_.capacity() > 64 * 1024) std::string().swap(body_);
    if (linger_) return LingeringClose();
    if (!keep_alive_) return CloseNow();
    WaitForRequest();
  }

  // Only origin-form paths are logged: an absolute-form target could carry
  // user:password, and the query is dropped since it may carry tokens.
  std::string_view LoggedPath() const {
    if (req_.target.empty() || (req_.target.front() != '/' && req_.target != "*")) return {};
    return req_.RawPath();
  }

  void LingeringClose() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    lingered_ = 0;
    stream_.expires_after(kLingerTime);
    Drain();
  }

  void Drain() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->lingered_ += n;
                              if (ec || self->lingered_ > kLingerMaxBytes) return self->CloseNow();
                              self->Drain();
                            });
  }

  void CloseNow() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
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
  Clock::time_point start_;
};

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
  auto session = std::make_shared<Session>(std::move(socket), this);
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
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(sessions_mutex);
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) {
    Session* raw = s.get();
    net::post(raw->get_executor(), [s = std::move(s)] { s->OnServerStop(); });
  }
  websockets.CloseAll();
  shutdown_deadline = Clock::now() + options.shutdown_grace;
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
  if (Clock::now() >= shutdown_deadline) {
    spdlog::warn("shutdown grace period over; dropping {} connection(s)", remaining);
    ioc.stop();
    return;
  }
  timer.expires_after(kShutdownPoll);
  timer.async_wait([this](beast::error_code ec) {
    if (!ec) PollShutdown();
  });
}

void ServerCore::Unregister(Session* session) {
  std::lock_guard<std::mutex> lock(sessions_mutex);
  sessions.erase(session);
}

}  // namespace

struct Server::Impl : ServerCore {
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
