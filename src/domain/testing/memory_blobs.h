#pragma once

#include <map>
#include <mutex>
#include <string>

#include "domain/blob.h"

namespace luister {

// A BlobRepository in memory, for tests over the memory store
// (`store.Provide<BlobRepository>(std::make_unique<MemoryBlobs>())`).
class MemoryBlobs final : public BlobRepository {
 public:
  Status Put(const std::string& sha256, std::string_view bytes) override {
    std::lock_guard<std::mutex> lock(mu_);
    blobs_.emplace(sha256, std::string(bytes));
    return Status::Ok();
  }
  Status PutAll(const std::vector<std::pair<std::string, std::string_view>>& blobs) override {
    for (const auto& [sha256, bytes] : blobs) LUISTER_RETURN_IF_ERROR(Put(sha256, bytes));
    return Status::Ok();
  }
  Result<std::string> Get(const std::string& sha256) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = blobs_.find(sha256);
    if (it == blobs_.end()) return NotFound("no bytes stored under " + sha256);
    return it->second;
  }
  Result<int64_t> Size(const std::string& sha256) override {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = blobs_.find(sha256);
    if (it == blobs_.end()) return NotFound("no bytes stored under " + sha256);
    return static_cast<int64_t>(it->second.size());
  }
  size_t size() const {
    std::lock_guard<std::mutex> lock(mu_);
    return blobs_.size();
  }

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::string> blobs_;  // GUARDED_BY(mu_)
};

}  // namespace luister
