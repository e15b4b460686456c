#include "storage/sqlite/database.h"

namespace luister::sqlite {

namespace {

bool IsInMemory(const std::string& path) {
  return path.empty() || path == ":memory:" || path.find("mode=memory") != std::string::npos;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, int readers,
                                                 std::chrono::milliseconds busy_timeout) {
  auto db = std::unique_ptr<Database>(new Database());
  LUISTER_ASSIGN_OR_RETURN(db->writer_, Connection::Open(path, false, busy_timeout));
  if (IsInMemory(path)) return db;
  LUISTER_RETURN_IF_ERROR(db->writer_->Exec("PRAGMA journal_mode = WAL;"));
  for (int i = 0; i < readers; ++i) {
    LUISTER_ASSIGN_OR_RETURN(auto reader, Connection::Open(path, true, busy_timeout));
    db->idle_.push_back(reader.get());
    db->readers_.push_back(std::move(reader));
  }
  return db;
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

}  // namespace luister::sqlite
