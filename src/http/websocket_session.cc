#include "http/websocket_session.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

#include "http/problem.h"

namespace luister::http {

bool IsWebSocketUpgrade(const Request& req) {
  if (req.method != "GET") return false;
  auto has_token = [](std::string_view header, std::string_view token) {
    std::string lower(header);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find(token) != std::string::npos;
  };
  return has_token(req.Header("upgrade"), "websocket") &&
         has_token(req.Header("connection"), "upgrade");
}

namespace internal {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
namespace net = boost::asio;

namespace {
// Frames waiting for a reader that does not keep up; past this the
// connection is closed and the client catches up after reconnecting.
constexpr size_t kMaxQueuedFrames = 4096;
}  // namespace

class WebSocketSession final : public WebSocketConnection,
                               public std::enable_shared_from_this<WebSocketSession> {
 public:
  WebSocketSession(beast::tcp_stream&& stream, Request request, WebSocketHandler* handler,
                   WebSocketRegistry* registry)
      : ws_(std::move(stream)),
        request_(std::move(request)),
        handler_(handler),
        registry_(registry) {}

  ~WebSocketSession() override { registry_->Remove(this); }

  void Start(beast::http::request<beast::http::empty_body>&& upgrade) {
    beast::get_lowest_layer(ws_).expires_never();
    websocket::stream_base::timeout timeouts{std::chrono::seconds(10), std::chrono::seconds(60),
                                             /*keep_alive_pings=*/true};
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& res) { res.set(beast::http::field::server, "luister"); }));
    ws_.read_message_max(64 * 1024);
    upgrade_ = std::move(upgrade);
    ws_.async_accept(upgrade_,
                     beast::bind_front_handler(&WebSocketSession::OnAccept, shared_from_this()));
  }

  void Send(std::shared_ptr<const std::string> text) override {
    net::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
      if (self->closed_) return;
      if (self->queue_.size() >= kMaxQueuedFrames) {
        spdlog::warn("websocket client too slow; closing it");
        return self->Close();
      }
      self->queue_.push_back(std::move(text));
      if (self->queue_.size() == 1 && self->open_) self->WriteNext();
    });
  }

  void Close() override {
    net::post(ws_.get_executor(), [self = shared_from_this()] {
      if (self->closed_ || self->closing_) return;
      self->closing_ = true;
      self->ws_.async_close(websocket::close_code::going_away,
                            [self](beast::error_code) { self->Finish(); });
    });
  }

 private:
  void OnAccept(beast::error_code ec) {
    if (ec) return Finish();
    open_ = true;
    handler_->OnOpen(shared_from_this(), request_);
    if (!queue_.empty()) WriteNext();
    Read();
  }

  // Each message goes to the handler; reading also keeps pings, pongs and
  // the close handshake flowing.
  void Read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Finish();
      const auto data = self->buffer_.data();
      self->handler_->OnMessage(
          self, std::string_view(static_cast<const char*>(data.data()), data.size()));
      self->buffer_.clear();
      if (self->closed_) return;
      self->Read();
    });
  }

  void WriteNext() {
    if (closing_ || closed_) return;
    ws_.text(true);
    ws_.async_write(net::buffer(*queue_.front()),
                    [self = shared_from_this()](beast::error_code ec, size_t) {
                      if (ec) return self->Finish();
                      self->queue_.pop_front();
                      if (!self->queue_.empty()) self->WriteNext();
                    });
  }

  void Finish() {
    if (closed_) return;
    closed_ = true;
    queue_.clear();
    if (open_) handler_->OnClose(this);
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  beast::http::request<beast::http::empty_body> upgrade_;
  Request request_;
  WebSocketHandler* handler_;
  WebSocketRegistry* registry_;
  std::deque<std::shared_ptr<const std::string>> queue_;
  bool open_ = false;
  bool closing_ = false;
  bool closed_ = false;
};

}  // namespace internal

void WebSocketRouter::Add(std::string path_prefix, WebSocketHandler* handler) {
  routes_.emplace_back(std::move(path_prefix), handler);
}

WebSocketHandler* WebSocketRouter::For(std::string_view path) const {
  for (const auto& [prefix, handler] : routes_)
    if (path.substr(0, prefix.size()) == prefix) return handler;
  return nullptr;
}

WebSocketHandler* WebSocketRouter::Of(const WebSocketConnection* connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = open_.find(connection);
  return it == open_.end() ? nullptr : it->second;
}

std::optional<Response> WebSocketRouter::Authorize(Request& req) {
  WebSocketHandler* h = For(req.path);
  if (!h)
    return ProblemResponse(404, "not-found", "Not found", "no WebSocket endpoint at " + req.path);
  return h->Authorize(req);
}

void WebSocketRouter::OnOpen(const std::shared_ptr<WebSocketConnection>& connection,
                             const Request& req) {
  WebSocketHandler* h = For(req.path);
  if (!h) return connection->Close();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    open_[connection.get()] = h;
  }
  h->OnOpen(connection, req);
}

void WebSocketRouter::OnMessage(const std::shared_ptr<WebSocketConnection>& connection,
                                std::string_view text) {
  if (WebSocketHandler* h = Of(connection.get())) h->OnMessage(connection, text);
}

void WebSocketRouter::OnClose(const WebSocketConnection* connection) {
  WebSocketHandler* h = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = open_.find(connection);
    if (it == open_.end()) return;
    h = it->second;
    open_.erase(it);
  }
  h->OnClose(connection);
}

namespace internal {

void WebSocketRegistry::Add(const std::shared_ptr<WebSocketSession>& s) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.emplace(s.get(), s);
}

void WebSocketRegistry::Remove(const WebSocketSession* s) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(s);
}

void WebSocketRegistry::CloseAll() {
  std::vector<std::shared_ptr<WebSocketSession>> live;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [ptr, weak] : sessions_)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live) s->Close();
}

size_t WebSocketRegistry::size() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sessions_.size();
}

void StartWebSocket(beast::tcp_stream&& stream,
                    beast::http::request<beast::http::empty_body>&& upgrade, Request request,
                    WebSocketHandler* handler, WebSocketRegistry* registry) {
  auto session =
      std::make_shared<WebSocketSession>(std::move(stream), std::move(request), handler, registry);
  registry->Add(session);
  session->Start(std::move(upgrade));
}

}  // namespace internal
}  // namespace luister::http
