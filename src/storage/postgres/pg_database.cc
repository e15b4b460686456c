#include "storage/postgres/pg_database.h"

namespace luister::postgres {

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, PoolOptions options) {
  if (options.max_connections < 1) options.max_connections = 1;
  std::unique_ptr<Database> db(new Database(url, options));
  LUISTER_ASSIGN_OR_RETURN(auto first, Connection::Open(url, options.connect));
  db->idle_.push_back(std::move(first));
  db->open_ = 1;
  return db;
}

int Database::open_connections() const {
  std::lock_guard lock(mu_);
  return open_;
}

Result<Database::Lease> Database::Acquire() {
  std::unique_lock lock(mu_);
  bool ready = freed_.wait_for(lock, options_.acquire_timeout, [&] {
    return !idle_.empty() || open_ < options_.max_connections;
  });
  if (!ready)
    return Unavailable("no database connection became free within " +
                       std::to_string(options_.acquire_timeout.count()) + " ms");
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++open_;  // reserve the slot, connect without holding the lock
  lock.unlock();
  auto conn = Connection::Open(url_, options_.connect);
  if (!conn.ok()) {
    lock.lock();
    --open_;
    lock.unlock();
    freed_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void Database::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    if (!conn->Idle()) {
      // Broken, or stuck in a transaction: dropped; the next Acquire opens
      // a fresh one.
      --open_;
    } else {
      idle_.push_back(std::move(conn));
    }
  }
  freed_.notify_one();
}

Database::Lease::~Lease() {
  if (conn) db->Release(std::move(conn));
}

}  // namespace luister::postgres
