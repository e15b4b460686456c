#pragma once

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

 private:
  Database& db_;
};

}  // namespace luister::sql
