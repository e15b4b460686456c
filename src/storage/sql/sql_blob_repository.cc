#include "storage/sql/sql_blob_repository.h"

#include <zlib.h>
#include <zstd.h>

#include "storage/sql/query.h"

namespace luister::sql {

namespace {

const Sql kInsertBlob(
    "INSERT INTO blobs (sha256, size_bytes, compression, data, created_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
const Sql kSelectBlob("SELECT size_bytes, compression, data FROM blobs WHERE sha256 = ?");
const Sql kBlobExists("SELECT 1 FROM blobs WHERE sha256 = ?");
const Sql kBlobSize("SELECT size_bytes FROM blobs WHERE sha256 = ?");

// zstd at its fastest level, when that saves a tenth; empty otherwise.
// Bytes that are compressed already (JPEG, PDF, ZIP: most attachments) are
// recognised on their first 64 KiB, so they are not compressed in vain.
// (Blobs written before zstd are zlib; both are read.)
std::string Compress(std::string_view bytes) {
  auto squeeze = [](std::string_view in) -> std::string {
    std::string out(ZSTD_compressBound(in.size()), '\0');
    size_t size = ZSTD_compress(out.data(), out.size(), in.data(), in.size(), 1);
    if (ZSTD_isError(size) || size >= in.size() - in.size() / 10) return {};
    out.resize(size);
    return out;
  };
  constexpr size_t kSample = 64 * 1024;
  if (bytes.size() > 2 * kSample && squeeze(bytes.substr(0, kSample)).empty()) return {};
  return squeeze(bytes);
}

}  // namespace

Status SqlBlobRepository::Put(const std::string& sha256, std::string_view bytes) {
  return PutAll({{sha256, bytes}});
}

Status SqlBlobRepository::PutAll(
    const std::vector<std::pair<std::string, std::string_view>>& blobs) {
  if (blobs.empty()) return Status::Ok();
  // Known bytes are not compressed again.
  std::vector<bool> known(blobs.size(), false);
  LUISTER_RETURN_IF_ERROR(db_.Read([&](Connection& c) -> Status {
    for (size_t i = 0; i < blobs.size(); ++i) {
      LUISTER_ASSIGN_OR_RETURN(auto found, First<bool>(c, kBlobExists, Params::Of(blobs[i].first),
                                                       [](const Row&) { return true; }));
      known[i] = found.has_value();
    }
    return Status::Ok();
  }));
  std::vector<Params> inserts;
  const Timestamp now = db_.clock().Now();
  for (size_t i = 0; i < blobs.size(); ++i) {
    if (known[i]) continue;
    const std::string_view bytes = blobs[i].second;
    Encoded e = TakePrepared(blobs[i].first).value_or(Encoded{});
    if (e.compression.empty()) e = Encode(bytes);
    inserts.push_back(Params::Of(blobs[i].first, static_cast<int64_t>(bytes.size()),
                                 std::move(e.compression), Bytes{std::move(e.stored)}, now));
  }
  if (inserts.empty()) return Status::Ok();
  return db_.Write([&](Connection& c) -> Status {
    for (const Params& p : inserts) LUISTER_RETURN_IF_ERROR(c.Execute(kInsertBlob, p).status());
    return Status::Ok();
  });
}

SqlBlobRepository::Encoded SqlBlobRepository::Encode(std::string_view bytes) {
  std::string stored = Compress(bytes);
  if (stored.empty()) return {"none", std::string(bytes)};
  return {"zstd", std::move(stored)};
}

void SqlBlobRepository::Prepare(const std::string& sha256, std::string_view bytes) {
  Encoded e = Encode(bytes);
  std::lock_guard lock(mu_);
  if (prepared_.count(sha256)) return;
  prepared_bytes_ += e.stored.size();
  prepared_.emplace(sha256, std::move(e));
  prepared_order_.push_back(sha256);
  // Prepared and never stored (a duplicate, an import stopped): dropped,
  // oldest first.
  while (prepared_order_.size() > kMaxPrepared || prepared_bytes_ > kMaxPreparedBytes) {
    auto it = prepared_.find(prepared_order_.front());
    if (it != prepared_.end()) {
      prepared_bytes_ -= it->second.stored.size();
      prepared_.erase(it);
    }
    prepared_order_.pop_front();
  }
}

std::optional<SqlBlobRepository::Encoded> SqlBlobRepository::TakePrepared(
    const std::string& sha256) {
  std::lock_guard lock(mu_);
  auto it = prepared_.find(sha256);
  if (it == prepared_.end()) return std::nullopt;
  Encoded e = std::move(it->second);
  prepared_bytes_ -= e.stored.size();
  prepared_.erase(it);
  // Its name stays in prepared_order_ until it reaches the front: erasing
  // there is cheap, and a name without an entry is skipped.
  return e;
}

Result<int64_t> SqlBlobRepository::Size(const std::string& sha256) {
  LUISTER_ASSIGN_OR_RETURN(auto found, db_.Read([&](Connection& c) {
    return First<int64_t>(c, kBlobSize, Params::Of(sha256), [](const Row& r) { return r.Int(0); });
  }));
  if (!found) return NotFound("no bytes stored under " + sha256);
  return *found;
}

Result<std::string> SqlBlobRepository::Get(const std::string& sha256) {
  struct Stored {
    int64_t size = 0;
    std::string compression;
    std::string data;
  };
  LUISTER_ASSIGN_OR_RETURN(auto found, db_.Read([&](Connection& c) {
    return First<Stored>(c, kSelectBlob, Params::Of(sha256), [](const Row& r) {
      return Stored{r.Int(0), r.Text(1), r.Blob(2)};
    });
  }));
  if (!found) return NotFound("no bytes stored under " + sha256);
  if (found->compression == "none") return std::move(found->data);
  if (found->compression == "zstd") {
    std::string out(static_cast<size_t>(found->size), '\0');
    size_t n = ZSTD_decompress(out.data(), out.size(), found->data.data(), found->data.size());
    if (ZSTD_isError(n) || n != out.size())
      return Internal("blob " + sha256 + " does not decompress to its recorded size");
    return out;
  }
  if (found->compression != "zlib")
    return Internal("blob " + sha256 + " has an unknown compression " + found->compression);
  std::string out(static_cast<size_t>(found->size), '\0');
  uLongf out_size = out.size();
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &out_size,
                 reinterpret_cast<const Bytef*>(found->data.data()), found->data.size()) != Z_OK ||
      out_size != out.size())
    return Internal("blob " + sha256 + " does not decompress to its recorded size");
  return out;
}

}  // namespace luister::sql
