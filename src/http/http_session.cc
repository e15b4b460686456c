#include "http/http_session.h"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdio>
#include <ctime>
#include <exception>
#include <functional>
#include <utility>

#include "http/access_log.h"
#include "http/metrics.h"
#include "http/security_headers.h"
#include "http/server_core.h"
#include "http/websocket_session.h"

namespace luister::http::internal {
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

}  // namespace

HttpSession::HttpSession(tcp::socket&& socket, ServerCore* server)
    : stream_(std::move(socket)), server_(server) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ip_ = endpoint.address().to_string();
}

HttpSession::~HttpSession() { server_->Unregister(this); }

void HttpSession::Start() {
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&HttpSession::WaitForRequest, shared_from_this()));
}

void HttpSession::OnServerStop() {
  if (state_ == State::kIdle) CloseNow();
}

const ServerOptions& HttpSession::options() const { return server_->options; }

void HttpSession::WaitForRequest() {
  state_ = State::kIdle;
  if (server_->stopping.load(std::memory_order_relaxed)) return CloseNow();
  if (buffer_.size() > 0) return ReadHeader();
  stream_.expires_after(first_request_ ? options().header_timeout : options().idle_timeout);
  stream_.async_read_some(
      buffer_.prepare(kReadChunk),
      beast::bind_front_handler(&HttpSession::OnFirstBytes, shared_from_this()));
}

void HttpSession::OnFirstBytes(beast::error_code ec, size_t n) {
  if (ec) return CloseNow();
  buffer_.commit(n);
  ReadHeader();
}

void HttpSession::ReadHeader() {
  state_ = State::kReading;
  first_request_ = false;
  start_ = Clock::now();
  parser_.emplace(&req_, options().max_header_bytes, options().max_body_bytes,
                  RequestParser::Uploads{&options().upload_paths, options().max_upload_bytes});
  stream_.expires_after(options().header_timeout);
  bhttp::async_read_header(stream_, buffer_, *parser_,
                           beast::bind_front_handler(&HttpSession::OnHeader, shared_from_this()));
}

void HttpSession::OnHeader(beast::error_code ec, size_t) {
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

void HttpSession::ReadBody() {
  // A file upload may take longer than other bodies.
  stream_.expires_after(parser_->upload() ? options().upload_timeout : options().header_timeout);
  bhttp::async_read(stream_, buffer_, *parser_,
                    beast::bind_front_handler(&HttpSession::OnBody, shared_from_this()));
}

void HttpSession::OnBody(beast::error_code ec, size_t) {
  if (ec) return OnReadError(ec);
  HandleRequest();
}

void HttpSession::OnReadError(beast::error_code ec) {
  if (ec == bhttp::error::body_limit) {
    return SendProblem(413, "payload-too-large", "Payload too large",
                       "The request body exceeds the limit of " +
                           std::to_string(parser_->upload() ? options().max_upload_bytes
                                                            : options().max_body_bytes) +
                           " bytes.");
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

void HttpSession::HandleRequest() {
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
  if (options().websocket != nullptr && IsWebSocketUpgrade(req_)) {
    return Handle([this] { return options().websocket->Authorize(req_); },
                  [this](std::optional<Response> refusal) {
                    if (refusal) return Send(std::move(*refusal), false, false);
                    Upgrade();
                  });
  }
  Handle([this] { return CallHandler(); },
         [this, keep_alive](Response res) { Send(std::move(res), keep_alive, false); });
}

template <typename Work, typename Then>
void HttpSession::Handle(Work work, Then then) {
  std::function<void()> later = [self = shared_from_this(), work, then]() mutable {
    auto result = work();
    self->server_->Done();
    auto home = self->stream_.get_executor();
    net::post(home, [self = std::move(self), result = std::move(result), then]() mutable {
      then(std::move(result));
    });
  };
  if (!server_->Admit(req_.path, later)) return;
  auto result = work();
  server_->Done();
  then(std::move(result));
}

void HttpSession::Upgrade() {
  bhttp::request<bhttp::empty_body> upgrade{bhttp::verb::get, req_.target, version_};
  for (const auto& [name, value] : req_.headers) upgrade.set(name, value);
  status_ = 101;
  body_bytes_ = 0;
  auto latency = std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_);
  server_->access_log.Write(remote_ip_, req_.method, LoggedPath(), status_, 0, latency, req_.route);
  state_ = State::kClosing;
  StartWebSocket(std::move(stream_), std::move(upgrade), req_, options().websocket,
                 &server_->websockets);
}

Response HttpSession::CallHandler() {
  try {
    return server_->handler(req_);
  } catch (const std::exception& e) {
    spdlog::error("handler failed on {} {}: {}", req_.method, req_.RawPath(), e.what());
  } catch (...) {
    spdlog::error("handler failed on {} {}: unknown exception", req_.method, req_.RawPath());
  }
  return InternalError();
}

Response HttpSession::InternalError() {
  Response res;
  res.status = 500;
  res.content_type = "application/problem+json";
  AppendProblem(&res.body, 500, "internal-error", "Internal server error",
                "The server failed to handle the request; it has been logged.");
  return res;
}

void HttpSession::SendProblem(int status, std::string_view type, std::string_view title,
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

void HttpSession::Send(Response&& res, bool keep_alive, bool linger) {
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
  for (const auto& [name, value] : SecurityHeaders(res, req_.path))
    head_.append(name).append(": ").append(value).append("\r\n");
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
                   beast::bind_front_handler(&HttpSession::OnWrite, shared_from_this()));
}

void HttpSession::OnWrite(beast::error_code ec, size_t) {
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

std::string_view HttpSession::LoggedPath() const {
  if (req_.target.empty() || (req_.target.front() != '/' && req_.target != "*")) return {};
  return req_.RawPath();
}

void HttpSession::LingeringClose() {
  state_ = State::kClosing;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  lingered_ = 0;
  stream_.expires_after(kLingerTime);
  Drain();
}

void HttpSession::Drain() {
  buffer_.clear();
  stream_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](beast::error_code ec, size_t n) {
                            self->lingered_ += n;
                            if (ec || self->lingered_ > kLingerMaxBytes) return self->CloseNow();
                            self->Drain();
                          });
}

void HttpSession::CloseNow() {
  state_ = State::kClosing;
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  stream_.close();
}

}  // namespace luister::http::internal
