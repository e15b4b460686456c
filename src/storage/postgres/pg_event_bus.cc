#include "storage/postgres/pg_event_bus.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace luister::postgres {

namespace {

constexpr size_t kMaxQueued = 10000;
constexpr std::chrono::milliseconds kPollInterval{200};
constexpr std::chrono::milliseconds kMaxBackoff{5000};
constexpr int kPruneEvery = 1000;

// One statement: the row and its notification, "id|type|at|conversation|
// customer|message|department|user" with empty fields for none.
constexpr char kPublish[] =
    "WITH e AS (INSERT INTO live_events (at, type, conversation_id, customer_id, message_id, "
    "department_id, user_id) VALUES ($1::bigint, $2::text, $3::bigint, $4::bigint, $5::bigint, "
    "$6::bigint, $7::bigint) RETURNING id) "
    "SELECT pg_notify('luister_live', e.id || '|' || $2::text || '|' || $1::bigint || '|' || "
    "coalesce($3::bigint::text, '') || '|' || coalesce($4::bigint::text, '') || '|' || "
    "coalesce($5::bigint::text, '') || '|' || coalesce($6::bigint::text, '') || '|' || "
    "coalesce($7::bigint::text, '')) FROM e";
constexpr char kLatest[] = "SELECT coalesce(max(id), 0) FROM live_events";
constexpr char kMissed[] =
    "SELECT id || '|' || type || '|' || at || '|' || coalesce(conversation_id::text, '') || '|' "
    "|| coalesce(customer_id::text, '') || '|' || coalesce(message_id::text, '') || '|' || "
    "coalesce(department_id::text, '') || '|' || coalesce(user_id::text, '') FROM live_events "
    "WHERE id > $1 ORDER BY id";
constexpr char kPrune[] = "DELETE FROM live_events WHERE id <= $1";

std::optional<int64_t> Field(std::string_view s) {
  if (s.empty()) return std::nullopt;
  int64_t v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc()) return std::nullopt;
  return v;
}

}  // namespace

Result<std::unique_ptr<PgEventBus>> PgEventBus::Start(const std::string& url, Deliver deliver,
                                                      ConnectOptions options) {
  std::unique_ptr<PgEventBus> bus(new PgEventBus(url, std::move(deliver), options));
  LUISTER_ASSIGN_OR_RETURN(bus->writer_conn_, Connection::Open(url, options));
  LUISTER_ASSIGN_OR_RETURN(bus->listen_conn_, Connection::Open(url, options));
  LUISTER_RETURN_IF_ERROR(bus->listen_conn_->Listen("luister_live"));
  LUISTER_ASSIGN_OR_RETURN(Rows latest, bus->listen_conn_->Query(kLatest));
  bus->start_seq_ = static_cast<uint64_t>(latest.Int(0, 0));
  bus->last_delivered_ = bus->start_seq_;
  bus->writer_ = std::thread([b = bus.get()] { b->WriterLoop(); });
  bus->listener_ = std::thread([b = bus.get()] { b->ListenLoop(); });
  return bus;
}

PgEventBus::~PgEventBus() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  stop_listening_ = true;
  if (writer_.joinable()) writer_.join();
  if (listener_.joinable()) listener_.join();
}

void PgEventBus::Publish(const DomainEvent& event) {
  {
    std::lock_guard lock(mu_);
    // Events are hints to refetch; under a backlog this large the oldest
    // one matters least.
    if (queue_.size() >= kMaxQueued) queue_.pop_front();
    queue_.push_back(event);
  }
  wake_.notify_one();
}

void PgEventBus::WriterLoop() {
  std::chrono::milliseconds backoff{100};
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty() && stopping_) return;
    DomainEvent e = queue_.front();
    lock.unlock();
    if (!writer_conn_ || writer_conn_->Broken()) {
      auto fresh = Connection::Open(url_, options_);
      if (fresh.ok()) writer_conn_ = std::move(fresh).value();
    }
    Status s = Unavailable("no connection");
    if (writer_conn_ && !writer_conn_->Broken()) {
      s = writer_conn_
              ->Query(kPublish, Params()
                                    .Add(e.at)
                                    .Add(std::string(ToString(e.type)))
                                    .Add(e.conversation_id)
                                    .Add(e.customer_id)
                                    .Add(e.message_id)
                                    .Add(e.department_id)
                                    .Add(e.user_id))
              .status();
    }
    lock.lock();
    if (s.ok()) {
      queue_.pop_front();
      backoff = std::chrono::milliseconds{100};
      uint64_t n = ++published_;
      if (n % kPruneEvery == 0) {
        lock.unlock();
        if (auto latest = writer_conn_->Query(kLatest); latest.ok())
          (void)writer_conn_->Query(kPrune, Params().Add(latest->Int(0, 0) - kKeepEvents));
        lock.lock();
      }
    } else {
      // The server is away: keep the event and try again.
      if (stopping_) return;
      wake_.wait_for(lock, backoff, [&] { return stopping_; });
      backoff = std::min(backoff * 2, kMaxBackoff);
    }
  }
}

void PgEventBus::DeliverPayload(const std::string& payload) {
  std::vector<std::string_view> f;
  std::string_view rest = payload;
  while (true) {
    size_t bar = rest.find('|');
    f.push_back(rest.substr(0, bar));
    if (bar == std::string_view::npos) break;
    rest.remove_prefix(bar + 1);
  }
  // Seven fields from a node of the version before user ids.
  if (f.size() != 7 && f.size() != 8) return;
  auto id = Field(f[0]);
  auto type = ParseEventType(f[1]);
  auto at = Field(f[2]);
  if (!id || !type || !at) return;
  DomainEvent e;
  e.type = *type;
  e.at = FromMillis(*at);
  e.conversation_id = Field(f[3]);
  e.customer_id = Field(f[4]);
  e.message_id = Field(f[5]);
  e.department_id = Field(f[6]);
  if (f.size() == 8) e.user_id = Field(f[7]);
  if (static_cast<uint64_t>(*id) > last_delivered_) last_delivered_ = static_cast<uint64_t>(*id);
  ++delivered_;
  deliver_(static_cast<uint64_t>(*id), e);
}

Status PgEventBus::CatchUp(Connection& c) {
  LUISTER_ASSIGN_OR_RETURN(Rows missed,
                           c.Query(kMissed, Params().Add(static_cast<int64_t>(last_delivered_))));
  for (int i = 0; i < missed.size(); ++i) DeliverPayload(missed.Text(i, 0));
  return Status::Ok();
}

void PgEventBus::ListenLoop() {
  std::chrono::milliseconds backoff{100};
  while (!stop_listening_) {
    if (!listen_conn_ || listen_conn_->Broken()) {
      auto fresh = Connection::Open(url_, options_);
      Status ready = fresh.status();
      if (fresh.ok()) {
        ready = (*fresh)->Listen("luister_live");
        // Listening first, then reading the table: nothing falls between.
        if (ready.ok()) ready = CatchUp(**fresh);
      }
      if (!ready.ok()) {
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, kMaxBackoff);
        continue;
      }
      listen_conn_ = std::move(fresh).value();
      backoff = std::chrono::milliseconds{100};
    }
    auto payloads = listen_conn_->WaitForNotifications(kPollInterval);
    if (!payloads.ok()) continue;  // reconnects above
    for (const std::string& p : *payloads) DeliverPayload(p);
  }
}

}  // namespace luister::postgres
