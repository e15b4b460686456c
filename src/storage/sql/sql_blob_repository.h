#pragma once

#include <deque>
#include <mutex>
#include <unordered_map>

#include "domain/blob.h"
#include "storage/sql/database.h"

namespace luister::sql {

// Blobs in the `blobs` table of either engine, zstd-compressed (fastest
// level; older ones zlib) when that saves at least a tenth: raw e-mail does, attachments
// such as JPEG or PDF mostly do not and are recognised on a sample.
class SqlBlobRepository final : public BlobRepository {
 public:
  explicit SqlBlobRepository(Database& db) : db_(db) {}
  Status Put(const std::string& sha256, std::string_view bytes) override;
  Status PutAll(const std::vector<std::pair<std::string, std::string_view>>& blobs) override;
  Result<std::string> Get(const std::string& sha256) override;
  Result<int64_t> Size(const std::string& sha256) override;
  void Prepare(const std::string& sha256, std::string_view bytes) override;

 private:
  // Bytes as the table keeps them: "zstd" or "none", and the stored form.
  struct Encoded {
    std::string compression;
    std::string stored;
  };
  static Encoded Encode(std::string_view bytes);
  // The prepared form of `sha256`, taken out of the stash, if there.
  std::optional<Encoded> TakePrepared(const std::string& sha256);

  static constexpr size_t kMaxPrepared = 1024;
  static constexpr size_t kMaxPreparedBytes = size_t{64} << 20;

  Database& db_;
  std::mutex mu_;
  std::unordered_map<std::string, Encoded> prepared_;  // GUARDED_BY(mu_)
  std::deque<std::string> prepared_order_;             // GUARDED_BY(mu_), oldest first
  size_t prepared_bytes_ = 0;                          // GUARDED_BY(mu_)
};

}  // namespace luister::sql
