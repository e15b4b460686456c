#include "http/live_hub.h"

#include <algorithm>
#include <charconv>
#include <iterator>
#include <nlohmann/json.hpp>

namespace luister::http {

namespace {
const Clock& SystemClockInstance() {
  static const SystemClock clock;
  return clock;
}
}  // namespace

LiveHub::LiveHub(Authorizer authorize, size_t history, const Clock* clock)
    : authorize_(std::move(authorize)),
      history_size_(std::max<size_t>(history, 1)),
      clock_(clock ? *clock : SystemClockInstance()) {}

std::string LiveHub::EventJson(uint64_t seq, const DomainEvent& e) {
  nlohmann::json j = {
      {"seq", seq}, {"type", std::string(ToString(e.type))}, {"at", FormatIso8601(e.at)}};
  if (e.conversation_id) j["conversation_id"] = *e.conversation_id;
  if (e.customer_id) j["customer_id"] = *e.customer_id;
  if (e.message_id) j["message_id"] = *e.message_id;
  if (e.department_id) j["department_id"] = *e.department_id;
  if (e.user_id) j["user_id"] = *e.user_id;  // chat.updated, chat.typing: the agent
  return j.dump();
}

void LiveHub::Publish(const DomainEvent& event) {
  if (event.type == EventType::kAccessChanged) return EndAccess(event);
  std::lock_guard<std::mutex> lock(mutex_);
  DeliverLocked(seq_ + 1, event);
}

void LiveHub::Deliver(uint64_t seq, const DomainEvent& event) {
  if (event.type == EventType::kAccessChanged) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (seq > seq_) seq_ = seq;  // a number of the shared stream, never a frame
    }
    return EndAccess(event);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  DeliverLocked(seq, event);
}

void LiveHub::EndAccess(const DomainEvent& event) {
  if (!event.user_id) return;
  std::vector<std::shared_ptr<WebSocketConnection>> ended;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Stream& s : connections_)
      if (s.user_id == *event.user_id && s.opened_at <= event.at) ended.push_back(s.connection);
  }
  // Outside the lock: a connection may report its end (OnClose) at once.
  for (const auto& c : ended) c->Close();
}

void LiveHub::StartAfter(uint64_t seq) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (seq > seq_) seq_ = seq;
}

void LiveHub::DeliverLocked(uint64_t seq, const DomainEvent& event) {
  auto frame = std::make_shared<const std::string>(EventJson(seq, event));
  // Two nodes' commits can reach the shared stream out of number order: a
  // late event still goes out live and takes its place in the history.
  auto at = history_.end();
  while (at != history_.begin() && std::prev(at)->seq > seq) --at;
  if (at != history_.begin() && std::prev(at)->seq == seq) return;  // delivered already
  history_.insert(at, {seq, frame});
  if (history_.size() > history_size_) history_.pop_front();
  if (seq > seq_) seq_ = seq;
  for (const Stream& s : connections_) s.connection->Send(frame);
}

std::optional<Response> LiveHub::Authorize(Request& req) { return authorize_(req); }

void LiveHub::OnOpen(const std::shared_ptr<WebSocketConnection>& connection, const Request& req) {
  std::optional<uint64_t> since;
  if (auto s = req.Query("since")) {
    uint64_t v = 0;
    auto r = std::from_chars(s->data(), s->data() + s->size(), v);
    if (r.ec == std::errc() && r.ptr == s->data() + s->size()) since = v;
  }
  // Under the lock, so no event falls between the replay and going live.
  std::lock_guard<std::mutex> lock(mutex_);
  connection->Send(std::make_shared<const std::string>(
      nlohmann::json({{"type", "hello"}, {"seq", seq_}}).dump()));
  if (since && *since > seq_) {
    // The client saw numbers this process never issued (a restart).
    connection->Send(std::make_shared<const std::string>(R"({"type":"reset"})"));
  } else if (since && *since < seq_) {
    uint64_t oldest = history_.empty() ? seq_ + 1 : history_.front().seq;
    if (*since + 1 < oldest) {
      connection->Send(std::make_shared<const std::string>(R"({"type":"reset"})"));
    } else {
      for (const auto& e : history_)
        if (e.seq > *since) connection->Send(e.frame);
    }
  }
  connections_.push_back({connection, req.user_id, clock_.Now()});
}

void LiveHub::OnClose(const WebSocketConnection* connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  connections_.erase(
      std::remove_if(connections_.begin(), connections_.end(),
                     [&](const Stream& s) { return s.connection.get() == connection; }),
      connections_.end());
}

std::vector<int64_t> LiveHub::OnlineUsers() const {
  std::vector<int64_t> out;
  std::lock_guard<std::mutex> lock(mutex_);
  for (const Stream& s : connections_)
    if (std::find(out.begin(), out.end(), s.user_id) == out.end()) out.push_back(s.user_id);
  return out;
}

size_t LiveHub::connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return connections_.size();
}

uint64_t LiveHub::last_seq() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return seq_;
}

}  // namespace luister::http
