#include "domain/audit_buffer.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace luister {

namespace {
constexpr std::chrono::milliseconds kRetryDelay{100};
// After the first queued row, wait this long for more before writing: each
// commit costs the same WAL and checkpoint work whether it carries one row or
// a thousand, and Append() never waits for the write anyway.
constexpr std::chrono::milliseconds kGatherWindow{10};
constexpr std::size_t kBatchTarget = 1024;
}  // namespace

BufferedAuditRepository::BufferedAuditRepository(AuditRepository& inner, std::size_t max_pending)
    : inner_(inner), max_pending_(max_pending), thread_([this] { Loop(); }) {}

BufferedAuditRepository::~BufferedAuditRepository() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  (void)Flush();
}

Status BufferedAuditRepository::Append(const AuditEntry& e) {
  if (!IsReadAction(e.action)) {
    // A change is logged before its request returns: after what is queued,
    // so the log keeps its order.
    LUISTER_RETURN_IF_ERROR(Flush());
    std::lock_guard write(write_mu_);
    return inner_.Append(e);
  }
  std::unique_lock lock(mu_);
  if (!last_error_.ok())
    return Unavailable("the audit log cannot be written: " + last_error_.message());
  pending_.push_back(e);
  const std::size_t n = pending_.size();
  if (n < max_pending_) {
    lock.unlock();
    // Only the first row of a batch and a full batch need the writer awake.
    if (n == 1 || n == kBatchTarget) wake_.notify_one();
    return Status::Ok();
  }
  // Backpressure: the writer is behind; write the queue on this thread.
  lock.unlock();
  return Flush();
}

Status BufferedAuditRepository::AppendBatch(const std::vector<AuditEntry>& entries) {
  if (entries.empty()) return Status::Ok();
  if (std::all_of(entries.begin(), entries.end(),
                  [](const AuditEntry& e) { return IsReadAction(e.action); })) {
    // The reads of one list or search: queued together, like single reads.
    std::unique_lock lock(mu_);
    if (!last_error_.ok())
      return Unavailable("the audit log cannot be written: " + last_error_.message());
    const bool first = pending_.empty();
    pending_.insert(pending_.end(), entries.begin(), entries.end());
    const std::size_t n = pending_.size();
    lock.unlock();
    if (n >= max_pending_) return Flush();
    if (first || n >= kBatchTarget) wake_.notify_one();
    return Status::Ok();
  }
  LUISTER_RETURN_IF_ERROR(Flush());
  std::lock_guard write(write_mu_);
  return inner_.AppendBatch(entries);
}

Result<Page<AuditEntry>> BufferedAuditRepository::List(const AuditFilter& f, const PageRequest& p) {
  LUISTER_RETURN_IF_ERROR(Flush());
  return inner_.List(f, p);
}

Status BufferedAuditRepository::Flush() {
  std::lock_guard write(write_mu_);
  std::vector<AuditEntry> batch;
  {
    std::lock_guard lock(mu_);
    batch.swap(pending_);
  }
  if (batch.empty()) return Status::Ok();
  Status s = inner_.AppendBatch(batch);
  std::lock_guard lock(mu_);
  if (s.ok()) {
    ++batches_;
    last_error_ = Status::Ok();
  } else {
    // Keep the rows, in order, ahead of anything appended meanwhile.
    pending_.insert(pending_.begin(), std::make_move_iterator(batch.begin()),
                    std::make_move_iterator(batch.end()));
    last_error_ = s;
  }
  return s;
}

std::size_t BufferedAuditRepository::batches_written() const {
  std::lock_guard lock(mu_);
  return batches_;
}

void BufferedAuditRepository::Loop() {
  std::unique_lock lock(mu_);
  while (true) {
    wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
    wake_.wait_for(lock, kGatherWindow,
                   [&] { return stopping_ || pending_.size() >= kBatchTarget; });
    if (stopping_) return;  // the destructor flushes
    lock.unlock();
    Status s = Flush();
    lock.lock();
    if (!s.ok()) wake_.wait_for(lock, kRetryDelay, [&] { return stopping_; });
  }
}

}  // namespace luister
