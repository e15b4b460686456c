#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/result.h"
#include "storage/sqlite/connection.h"

struct sqlite3;

namespace luister::sqlite {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// WAL size (in pages) at which the background checkpointer copies the log
// back into the database: four times SQLite's default, so a page written
// by many commits (the audit log's tail, index leaves) is copied once per
// checkpoint. Those checkpoints are PASSIVE: they never wait. Under a
// writer that never pauses (a bulk import, a mail backlog, or reads whose
// audit entries keep the writer busy while readers hold the log) a passive
// checkpoint never gets the log restarted, so it would grow without bound;
// at `force_pages` the commit that crosses it therefore runs a RESTART
// checkpoint on the writer itself, which copies what is left and makes the
// next write start the file from its beginning, so the file never grows
// much past the limit. That commit waits for it: tens of milliseconds at
// 256 MiB (bench/ab.sh: the limit trades how often against how long).
struct WalLimits {
  int checkpoint_pages = 4000;  // 16 MiB of 4 KiB pages
  int force_pages = 16 * 4000;  // 256 MiB
};

// One SQLite database in WAL mode: one writer connection behind a mutex and a
// pool of reader connections, so reads never wait for a write. WAL
// checkpoints run on a background thread with their own connection, never
// inside a request's commit. Thread-safe.
class Database {
 public:
  // `readers` == 0 (or an in-memory path) makes reads use the writer.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, int readers,
                                                std::chrono::milliseconds busy_timeout,
                                                WalLimits wal = WalLimits());
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // How many checkpoints the background thread has run, and how many of
  // them were forced (RESTART); for tests and metrics.
  int64_t checkpoints() const;
  int64_t forced_checkpoints() const { return forced_checkpoints_.load(); }

  // Runs `fn(Connection&)` in one BEGIN IMMEDIATE transaction on the writer;
  // commits when it returns ok, rolls back otherwise. `fn` returns Status or
  // Result<T>, and so does Write.
  template <typename F>
  auto Write(F&& fn) -> std::invoke_result_t<F, Connection&> {
    if (batch_owner_ == this) {
      // Inside this thread's batch: a savepoint, so that this write still
      // succeeds or fails alone.
      LUISTER_RETURN_IF_ERROR(writer_->Run(kSavepoint));
      auto result = fn(*writer_);
      if (!StatusOf(result).ok()) (void)writer_->Run(kRollbackToSavepoint);
      (void)writer_->Run(kReleaseSavepoint);
      return result;
    }
    std::lock_guard lock(writer_mu_);
    LUISTER_RETURN_IF_ERROR(writer_->Run(kBeginImmediate));
    auto result = fn(*writer_);
    if (!StatusOf(result).ok()) {
      (void)writer_->Run(kRollback);
      return result;
    }
    Status commit = writer_->Run(kCommit);
    if (!commit.ok()) {
      (void)writer_->Run(kRollback);
      return commit;
    }
    return result;
  }

  // Runs `fn(Connection&)` in one read transaction (a consistent snapshot).
  template <typename F>
  auto Read(F&& fn) -> std::invoke_result_t<F, Connection&> {
    // A batch's own writes are visible only on the writer.
    if (batch_owner_ == this) return fn(*writer_);
    if (readers_.empty()) {
      std::lock_guard lock(writer_mu_);
      return InReadTransaction(*writer_, fn);
    }
    Lease lease(this);
    return InReadTransaction(*lease.conn, fn);
  }

  // For `fn` that runs exactly one statement. On SQLite this is Read: a
  // statement in autocommit mode measured 12x slower than inside BEGIN …
  // COMMIT on the 1M-message fixture (52 us against 4 us per conversation
  // lookup), so the explicit read transaction stays.
  template <typename F>
  auto ReadOne(F&& fn) -> std::invoke_result_t<F, Connection&> {
    return Read(std::forward<F>(fn));
  }

  // A write batch (bulk imports): until EndBatch, every Write and Read of
  // the calling thread runs in one transaction on the writer, each Write in
  // a savepoint of its own. Other threads' writes wait for the batch. One
  // commit instead of one per write: far fewer pages written to the WAL.
  Status BeginBatch();
  // Commits (or, with `commit` false, rolls back) and ends the batch.
  Status EndBatch(bool commit);

  // The writer without a transaction, for migrations that manage their own.
  template <typename F>
  auto WithWriter(F&& fn) -> std::invoke_result_t<F, Connection&> {
    std::lock_guard lock(writer_mu_);
    return fn(*writer_);
  }

 private:
  Database() = default;

  inline static const std::string kBegin = "BEGIN";
  inline static const std::string kBeginImmediate = "BEGIN IMMEDIATE";
  inline static const std::string kCommit = "COMMIT";
  inline static const std::string kRollback = "ROLLBACK";
  inline static const std::string kSavepoint = "SAVEPOINT w";
  inline static const std::string kRollbackToSavepoint = "ROLLBACK TO w";
  inline static const std::string kReleaseSavepoint = "RELEASE w";
  // The database whose batch the current thread runs, if any.
  inline static thread_local Database* batch_owner_ = nullptr;
  std::unique_lock<std::mutex> batch_lock_;  // the writer, held for the batch

  struct Lease {
    explicit Lease(Database* db);
    ~Lease();
    Database* db;
    Connection* conn;
  };

  template <typename F>
  static auto InReadTransaction(Connection& c, F& fn) -> std::invoke_result_t<F, Connection&> {
    LUISTER_RETURN_IF_ERROR(c.Run(kBegin));
    auto result = fn(c);
    (void)c.Run(kCommit);
    return result;
  }

  static int OnWalCommit(void* self, sqlite3* db, const char* name, int pages);
  void CheckpointLoop();

  std::mutex writer_mu_;
  std::unique_ptr<Connection> writer_;  // guarded by writer_mu_

  std::mutex readers_mu_;
  std::condition_variable reader_free_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> idle_;  // guarded by readers_mu_

  // Background checkpointing (file databases only).
  std::unique_ptr<Connection> checkpointer_;  // used only by checkpoint_thread_
  std::mutex checkpoint_run_mu_;              // held while any checkpoint runs
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_wanted_;
  WalLimits wal_;
  bool checkpoint_due_ = false;  // guarded by checkpoint_mu_
  bool stopping_ = false;        // guarded by checkpoint_mu_
  std::atomic<int64_t> checkpoints_{0};
  std::atomic<int64_t> forced_checkpoints_{0};
  std::thread checkpoint_thread_;
};

}  // namespace luister::sqlite
