#include "storage/sqlite/database.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace luister::sqlite {

namespace {

bool IsInMemory(const std::string& path) {
  return path.empty() || path == ":memory:" || path.find("mode=memory") != std::string::npos;
}

// Even without a full WAL, checkpoint this often so an idle database's log
// does not linger.
constexpr std::chrono::seconds kIdleCheckpointInterval{5};

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, int readers,
                                                 std::chrono::milliseconds busy_timeout,
                                                 WalLimits wal) {
  auto db = std::unique_ptr<Database>(new Database());
  db->wal_ = wal;
  LUISTER_ASSIGN_OR_RETURN(db->writer_, Connection::Open(path, false, busy_timeout));
  if (IsInMemory(path)) return db;
  LUISTER_RETURN_IF_ERROR(db->writer_->Exec("PRAGMA journal_mode = WAL;"));
  for (int i = 0; i < readers; ++i) {
    LUISTER_ASSIGN_OR_RETURN(auto reader, Connection::Open(path, true, busy_timeout));
    db->idle_.push_back(reader.get());
    db->readers_.push_back(std::move(reader));
  }
  // The hook replaces SQLite's automatic checkpoint, which would otherwise
  // run inside whichever commit crosses the threshold.
  LUISTER_ASSIGN_OR_RETURN(db->checkpointer_, Connection::Open(path, false, busy_timeout));
  sqlite3_wal_hook(db->writer_->raw(), &Database::OnWalCommit, db.get());
  db->checkpoint_thread_ = std::thread([d = db.get()] { d->CheckpointLoop(); });
  return db;
}

Database::~Database() {
  if (checkpoint_thread_.joinable()) {
    {
      std::lock_guard lock(checkpoint_mu_);
      stopping_ = true;
    }
    checkpoint_wanted_.notify_one();
    checkpoint_thread_.join();
  }
}

int64_t Database::checkpoints() const { return checkpoints_.load(); }

int Database::OnWalCommit(void* self, sqlite3* db, const char* /*name*/, int pages) {
  auto* d = static_cast<Database*>(self);
  if (pages >= d->wal_.force_pages) {
    // The writer outran the passive checkpoints: this commit, on the
    // writer's own thread and before the next transaction can start, copies
    // everything back and restarts the log (waiting for readers on older
    // snapshots up to the busy timeout). Rare: once per force_pages.
    // Two checkpoints cannot run at once (the second is refused at once,
    // busy handler or not): wait for a background one to finish first.
    std::lock_guard running(d->checkpoint_run_mu_);
    int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, nullptr, nullptr);
    if (rc == SQLITE_OK) {
      d->forced_checkpoints_.fetch_add(1);
      d->checkpoints_.fetch_add(1);
    } else if (rc != SQLITE_BUSY) {
      // Busy (the background checkpoint or a reader holds the log): the next
      // commit tries again.
      spdlog::warn("forced WAL checkpoint failed: {}", sqlite3_errmsg(db));
    }
    return SQLITE_OK;
  }
  if (pages >= d->wal_.checkpoint_pages) {
    {
      std::lock_guard lock(d->checkpoint_mu_);
      d->checkpoint_due_ = true;
    }
    d->checkpoint_wanted_.notify_one();
  }
  return SQLITE_OK;
}

void Database::CheckpointLoop() {
  std::unique_lock lock(checkpoint_mu_);
  while (!stopping_) {
    checkpoint_wanted_.wait_for(lock, kIdleCheckpointInterval,
                                [&] { return checkpoint_due_ || stopping_; });
    if (stopping_) break;
    checkpoint_due_ = false;
    lock.unlock();
    // PASSIVE: copies what it can without waiting for readers or blocking
    // the writer; the writer restarts the log once everything is copied.
    int log_pages = 0;
    int copied = 0;
    int rc = SQLITE_OK;
    {
      std::lock_guard running(checkpoint_run_mu_);
      rc = sqlite3_wal_checkpoint_v2(checkpointer_->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                     &log_pages, &copied);
    }
    if (rc != SQLITE_OK && rc != SQLITE_BUSY)
      spdlog::warn("WAL checkpoint failed: {}", sqlite3_errmsg(checkpointer_->raw()));
    else if (log_pages > 0)
      checkpoints_.fetch_add(1);
    lock.lock();
  }
}

Database::Lease::Lease(Database* d) : db(d) {
  std::unique_lock lock(db->readers_mu_);
  db->reader_free_.wait(lock, [&] { return !db->idle_.empty(); });
  conn = db->idle_.back();
  db->idle_.pop_back();
}

Database::Lease::~Lease() {
  {
    std::lock_guard lock(db->readers_mu_);
    db->idle_.push_back(conn);
  }
  db->reader_free_.notify_one();
}

Status Database::BeginBatch() {
  if (batch_owner_ == this) return Internal("a batch is running on this thread already");
  std::unique_lock lock(writer_mu_);
  LUISTER_RETURN_IF_ERROR(writer_->Run(kBeginImmediate));
  batch_lock_ = std::move(lock);
  batch_owner_ = this;
  return Status::Ok();
}

Status Database::EndBatch(bool commit) {
  if (batch_owner_ != this) return Internal("no batch is running on this thread");
  Status s = commit ? writer_->Run(kCommit) : Status::Ok();
  if (!commit || !s.ok()) (void)writer_->Run(kRollback);
  batch_owner_ = nullptr;
  batch_lock_.unlock();
  return s;
}

}  // namespace luister::sqlite
