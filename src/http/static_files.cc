#include "http/static_files.h"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace luister::http {

namespace {

namespace fs = std::filesystem;

std::string ContentType(const fs::path& p) {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
  };
  auto it = kTypes.find(p.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

bool Compressible(const std::string& type) {
  return type.rfind("text/", 0) == 0 || type.find("json") != std::string::npos ||
         type.find("svg") != std::string::npos;
}

bool AcceptsGzip(const Request& req) {
  return req.Header("accept-encoding").find("gzip") != std::string_view::npos;
}

}  // namespace

std::string Gzip(std::string_view data) {
  z_stream zs{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&zs, data.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return rc == Z_STREAM_END ? out : std::string();
}

Result<std::unique_ptr<StaticFiles>> StaticFiles::Load(const std::string& dir) {
  std::error_code ec;
  fs::path root = fs::canonical(dir, ec);
  if (ec) return NotFound("web directory " + dir + " does not exist");
  if (!fs::is_regular_file(root / "index.html"))
    return NotFound("web directory " + dir + " has no index.html; build the web app first");
  auto out = std::unique_ptr<StaticFiles>(new StaticFiles());
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    File f;
    f.content_type = ContentType(it->path());
    f.body = body.str();
    if (Compressible(f.content_type) && f.body.size() > 512) {
      f.gzip = Gzip(f.body);
      if (f.gzip.size() >= f.body.size()) f.gzip.clear();
    }
    std::string rel = "/" + fs::relative(it->path(), root).generic_string();
    f.immutable = rel.rfind("/assets/", 0) == 0;
    f.etag = "\"" + std::to_string(std::hash<std::string>{}(f.body)) + "\"";
    out->files_.emplace(std::move(rel), std::move(f));
  }
  if (ec) return Unavailable("cannot read web directory " + dir + ": " + ec.message());
  return out;
}

size_t StaticFiles::total_bytes() const {
  size_t n = 0;
  for (const auto& [path, f] : files_) n += f.body.size();
  return n;
}

Response StaticFiles::Make(const File& f, const Request& req) const {
  Response r;
  r.content_type = f.content_type;
  r.SetHeader("ETag", f.etag);
  r.SetHeader("Cache-Control", f.immutable ? "public, max-age=31536000, immutable" : "no-cache");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  if (!f.gzip.empty()) r.SetHeader("Vary", "Accept-Encoding");
  if (req.Header("if-none-match") == f.etag) {
    r.status = 304;
    return r;
  }
  if (!f.gzip.empty() && AcceptsGzip(req)) {
    r.SetHeader("Content-Encoding", "gzip");
    r.body = f.gzip;
  } else {
    r.body = f.body;
  }
  return r;
}

std::optional<Response> StaticFiles::Serve(const Request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  const std::string& path = req.path;
  // The server's own: the API, health and metrics, and the public pages it
  // renders itself (the web forms, the help pages).
  if (path.rfind("/api/", 0) == 0 || path == "/api" || path == "/healthz" || path == "/metrics" ||
      path.rfind("/forms/", 0) == 0 || path.rfind("/help/", 0) == 0)
    return std::nullopt;
  auto it = files_.find(path == "/" ? std::string_view("/index.html") : std::string_view(path));
  if (it != files_.end()) return Make(it->second, req);
  // Client-side routes have no extension; a missing asset does.
  std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (last.find('.') != std::string_view::npos) return std::nullopt;
  Response index = Make(files_.at("/index.html"), req);
  return index;
}

}  // namespace luister::http
