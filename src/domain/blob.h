#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"

namespace luister {

// Bytes kept by the SHA-256 of their content: e-mail attachments and raw
// messages (and, later, files from other channels). Each is stored once,
// however often it arrives, on every engine, so every node serves it. A
// capability repository: `store.Find<BlobRepository>()`.
class BlobRepository {
 public:
  virtual ~BlobRepository() = default;
  // Stores `bytes` under `sha256` (the lower-case hex SHA-256 of `bytes`,
  // which the caller computed) unless they are there already.
  virtual Status Put(const std::string& sha256, std::string_view bytes) = 0;
  // Several at once, in one transaction: (sha256, bytes) pairs.
  virtual Status PutAll(const std::vector<std::pair<std::string, std::string_view>>& blobs) = 0;
  // A hint that a Put of `bytes` under `sha256` comes soon: the work of
  // readying them for storage (compression) is done now, on the caller's
  // thread, so that the writing thread only writes (an import parses and
  // prepares on one thread while another stores). Thread-safe; keeps a
  // bounded number of prepared blobs, the oldest dropped first.
  virtual void Prepare(const std::string& sha256, std::string_view bytes) {
    (void)sha256;
    (void)bytes;
  }
  // The bytes; NotFound when none are stored under `sha256`.
  virtual Result<std::string> Get(const std::string& sha256) = 0;
  // How many bytes are stored under `sha256`, without reading them;
  // NotFound when none are.
  virtual Result<int64_t> Size(const std::string& sha256) = 0;
};

}  // namespace luister
