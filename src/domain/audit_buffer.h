#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

#include "domain/repositories.h"

namespace luister {

// Group commit for the audit log. Every read of personal data appends an
// audit row; written one transaction each, those rows would serialise every
// read behind the database's single writer. This decorator queues "read"
// entries in memory and a background thread writes what has gathered in one
// transaction, at most 10 ms after the first row, so under load one commit
// carries hundreds of rows. Entries for changes (every other action) are
// written before Append returns.
//
// Guarantees:
//  - Order is kept; List() and AppendBatch() first write everything queued,
//    so a reader of the log sees every append that returned before it.
//  - Fail closed: after a failed write, Append() returns Unavailable (the
//    request that wanted auditing fails) until a retry succeeds; queued rows
//    are kept and retried, never dropped.
//  - Bounded: beyond `max_pending` queued rows, Append() writes the queue
//    itself, so a slow disk slows requests down instead of growing memory.
//  - The destructor writes what is queued (graceful shutdown loses nothing).
//    A crash (SIGKILL, power loss) can lose the read entries of the last
//    ~10 ms, never an entry for a change.
class BufferedAuditRepository final : public AuditRepository {
 public:
  explicit BufferedAuditRepository(AuditRepository& inner, std::size_t max_pending = 10000);
  ~BufferedAuditRepository() override;
  BufferedAuditRepository(const BufferedAuditRepository&) = delete;
  BufferedAuditRepository& operator=(const BufferedAuditRepository&) = delete;

  Status Append(const AuditEntry& e) override;
  Status AppendBatch(const std::vector<AuditEntry>& entries) override;
  Result<Page<AuditEntry>> List(const AuditFilter& f, const PageRequest& p) override;

  // Writes everything queued so far; the error of that write, if any.
  Status Flush();
  // How many batches (transactions) have been written; for tests.
  std::size_t batches_written() const;

 private:
  void Loop();

  AuditRepository& inner_;
  const std::size_t max_pending_;

  std::mutex write_mu_;  // held while a batch is written: keeps batches in order

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::vector<AuditEntry> pending_;  // guarded by mu_
  Status last_error_;                // guarded by mu_; ok when the last write succeeded
  bool stopping_ = false;            // guarded by mu_
  std::size_t batches_ = 0;          // guarded by mu_

  std::thread thread_;
};

}  // namespace luister
