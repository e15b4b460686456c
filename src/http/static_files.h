#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/result.h"
#include "http/request.h"

namespace luister::http {

// Serves the built web app (web/dist) from memory. Files are read once at
// start-up, with a gzip copy of compressible ones, so serving is a lookup.
//  - Hashed assets under /assets/ are immutable: cached for a year.
//  - index.html is revalidated on every load, so a new build shows at once.
//  - Unknown paths without a file extension get index.html (the SPA's
//    client-side routes); unknown files get 404.
// Never serves outside the directory it was given.
class StaticFiles {
 public:
  // NotFound when `dir` has no index.html.
  static Result<std::unique_ptr<StaticFiles>> Load(const std::string& dir);

  // A response for GET/HEAD requests of the web app; nullopt for anything
  // else (other methods, /api/..., /healthz, /metrics).
  std::optional<Response> Serve(const Request& req) const;

  size_t file_count() const { return files_.size(); }
  size_t total_bytes() const;

 private:
  struct File {
    std::string content_type;
    std::string body;
    std::string gzip;  // empty when not worth compressing
    std::string etag;
    bool immutable = false;
  };
  Response Make(const File& f, const Request& req) const;

  std::map<std::string, File, std::less<>> files_;  // by URL path, "/index.html"
};

// gzip (RFC 1952) of `data` at the best compression level.
std::string Gzip(std::string_view data);

}  // namespace luister::http
