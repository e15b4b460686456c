#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/result.h"
#include "domain/events.h"
#include "storage/postgres/pg_connection.h"

namespace luister::postgres {

// The live event stream shared by every luister node on one database.
// Publish() queues an event; a writer thread stores it in live_events and
// NOTIFYs channel luister_live in the same statement, so the number it gets
// is database-wide. A listener thread on its own connection LISTENs and
// hands every node's events, in the order PostgreSQL delivers them, to
// `deliver` (the node's LiveHub). When the LISTEN connection drops, the
// listener reconnects with back-off and first delivers what it missed from
// live_events, so a restarted PostgreSQL loses no events for open screens.
class PgEventBus final : public EventPublisher {
 public:
  using Deliver = std::function<void(uint64_t seq, const DomainEvent& event)>;

  // Connects both threads' connections (Unavailable when unreachable).
  static Result<std::unique_ptr<PgEventBus>> Start(const std::string& url, Deliver deliver,
                                                   ConnectOptions options = {});
  ~PgEventBus() override;
  PgEventBus(const PgEventBus&) = delete;
  PgEventBus& operator=(const PgEventBus&) = delete;

  // Never blocks on the database (EventPublisher's contract).
  void Publish(const DomainEvent& event) override;
  // The newest event number when the bus started; hubs continue after it.
  uint64_t start_seq() const { return start_seq_; }
  // Events written / delivered so far; for tests.
  uint64_t published() const { return published_.load(); }
  uint64_t delivered() const { return delivered_.load(); }

  // Events kept in live_events for catch-up.
  static constexpr int64_t kKeepEvents = 100000;

 private:
  PgEventBus(std::string url, Deliver deliver, ConnectOptions options)
      : url_(std::move(url)), deliver_(std::move(deliver)), options_(options) {}
  void WriterLoop();
  void ListenLoop();
  Status CatchUp(Connection& c);
  void DeliverPayload(const std::string& payload);

  const std::string url_;
  const Deliver deliver_;
  const ConnectOptions options_;
  uint64_t start_seq_ = 0;

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<DomainEvent> queue_;  // guarded by mu_
  bool stopping_ = false;          // guarded by mu_

  std::unique_ptr<Connection> writer_conn_;  // writer thread only
  std::unique_ptr<Connection> listen_conn_;  // listener thread only
  uint64_t last_delivered_ = 0;              // listener thread only
  std::atomic<uint64_t> published_{0};
  std::atomic<uint64_t> delivered_{0};
  std::atomic<bool> stop_listening_{false};
  std::thread writer_;
  std::thread listener_;
};

}  // namespace luister::postgres
