#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "auth/visitor_token.h"
#include "domain/chat.h"
#include "domain/events.h"
#include "http/api/api_context.h"
#include "http/websocket.h"

namespace luister::http {

inline constexpr std::string_view kWidgetLivePrefix = "/api/v1/widget/";

struct ChatHubOptions {
  int connections_per_ip = 20;
  int messages_per_window = 20;  // frames a visitor may send per window
  std::chrono::seconds window{10};
  // This node's name in the agents' presence, and how often it renews what
  // it says there (BeatPresence); another node's agents count as present
  // for three beats after the last one that named them.
  std::string node = "node";
  std::chrono::milliseconds presence_beat{5000};
};

// One frame from the widget (docs/chat.md), read and checked before the hub
// acts on it: a JSON object with a known "type" and, for each field it has,
// a value of the right type and size. Absent strings are empty.
struct WidgetFrame {
  std::string type;  // hello, start, message, typing, read, end, callback, link
  std::string token, link, text, name, email, page, phone, ref;
  // start, callback: the self-service assistant's session that hands over
  // (its transcript goes with the chat).
  std::string assistant;
  std::optional<int64_t> after;       // hello: the last message id the widget has
  std::optional<int64_t> message_id;  // read
};
// InvalidArgument naming what is wrong (not JSON, not an object, an unknown
// type, a field of the wrong type or too long).
Result<WidgetFrame> ReadWidgetFrame(std::string_view text);

// The chat widget's WebSockets: `/api/v1/widget/<slug>/live`. The protocol
// is in docs/chat.md: the visitor says hello with their token (a returning
// visitor) or starts a chat with their first message, then sends messages,
// typing and read marks; the desk sends the history, the agents' messages,
// their typing, agent joined/left, the place in the queue and the chat's
// end. Agents' messages reach the visitor through the event stream, so a
// visitor on one node hears an agent on another. Thread-safe.
class ChatHub final : public WebSocketHandler, public EventPublisher {
 public:
  // `online` tells which users have the workspace open on this node (live
  // streams); the other nodes' say so through the store (BeatPresence).
  // `tokens` sign the visitors' tokens; `link_tokens` (another key) the
  // 24-hour tokens of "continue on another device" links.
  ChatHub(ApiContext& ctx, auth::VisitorTokens tokens, auth::VisitorTokens link_tokens,
          std::function<std::vector<int64_t>()> online, ChatHubOptions options = {});

  std::optional<Response> Authorize(Request& req) override;
  void OnOpen(const std::shared_ptr<WebSocketConnection>& connection, const Request& req) override;
  void OnMessage(const std::shared_ptr<WebSocketConnection>& connection,
                 std::string_view text) override;
  void OnClose(const WebSocketConnection* connection) override;

  // Every committed event of the desk (this node's and the others').
  void OnEvent(const DomainEvent& event);
  void Publish(const DomainEvent& event) override { OnEvent(event); }

  // The visitor a widget token names; Unauthorized when it is not one of ours.
  Result<int64_t> VisitorOf(std::string_view token) const;

  // Whether the widget's department is open now (its opening hours), and
  // an agent who answers the widget's queue has the workspace open, on this
  // node or another: only both together are a person there to answer.
  struct Availability {
    bool open = true;
    std::optional<Timestamp> opens_at;  // when closed: when it opens next
    bool agent_online = false;
    bool available() const { return open && agent_online; }
  };
  Result<Availability> AvailabilityOf(const ChatWidget& widget);
  // Tells the other nodes which agents have the workspace open here; to be
  // called every options.presence_beat. LeavePresence on shutdown.
  Status BeatPresence();
  Status LeavePresence();
  size_t connections() const;

 private:
  struct Session {
    std::shared_ptr<WebSocketConnection> connection;
    ChatWidget widget;
    std::string ip;
    Language language = Language::kNl;
    int64_t visitor_id = 0;
    int64_t conversation_id = 0;  // the visitor's current chat
    Timestamp window_start{};
    int in_window = 0;
    Timestamp last_typing{};
  };

  Result<ChatService> Service();
  void Send(const std::shared_ptr<WebSocketConnection>& c, const nlohmann::json& frame);
  void Error(const std::shared_ptr<WebSocketConnection>& c, const Status& s);
  // Handles one frame of `session` (a copy; changes are written back).
  Status Handle(Session& session, const WidgetFrame& frame);
  Status Hello(Session& s, const WidgetFrame& frame);
  Status Start(Session& s, const WidgetFrame& frame);
  Status Callback(Session& s, const WidgetFrame& frame);
  Status Link(Session& s, const WidgetFrame& frame);
  // The assistant session behind a new chat: its transcript as a note.
  void HandOver(Session& s, const std::string& assistant_token, int64_t conversation_id);
  Status SendStanding(Session& s, const Chat& chat);
  nlohmann::json MessageJson(const Message& m);
  nlohmann::json ChatJson(const Chat& c);
  void Follow(const WebSocketConnection* c, int64_t conversation_id);
  std::vector<std::shared_ptr<WebSocketConnection>> Followers(int64_t conversation_id);

  ApiContext& ctx_;
  auth::VisitorTokens tokens_;
  auth::VisitorTokens link_tokens_;
  std::function<std::vector<int64_t>()> online_;
  ChatHubOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<const WebSocketConnection*, Session> sessions_;      // GUARDED_BY(mutex_)
  std::unordered_multimap<int64_t, const WebSocketConnection*> by_chat_;  // GUARDED_BY(mutex_)
  std::unordered_map<std::string, int> per_ip_;                           // GUARDED_BY(mutex_)
};

// Whether `origin` may embed `widget`: its allowed origins (any when
// none), and always the server's own pages (the help page), whose origin
// names the request's `host`.
bool OriginAllowed(const ChatWidget& widget, std::string_view origin, std::string_view host);

}  // namespace luister::http
