#include "app/config.h"

#include <charconv>

namespace luister {

Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url) {
  DatabaseUrl out;
  if (url.rfind("sqlite:", 0) == 0) {
    out.engine = DatabaseUrl::Engine::kSqlite;
    out.location = url.substr(7);
    if (out.location.rfind("//", 0) == 0) out.location = out.location.substr(2);
    if (out.location.empty())
      return InvalidArgument("--db sqlite: needs a file path, e.g. sqlite:var/luister.db");
    return out;
  }
  if (url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0) {
    out.engine = DatabaseUrl::Engine::kPostgres;
    out.location = url;
    return out;
  }
  return InvalidArgument("--db must look like sqlite:PATH or postgres://USER@HOST:PORT/DB (got '" +
                         url + "')");
}

std::string RedactDatabaseUrl(const std::string& url) {
  std::string out = url;
  // postgres://user:secret@host/db
  size_t scheme = out.find("://");
  size_t at = out.find('@');
  if (scheme != std::string::npos && at != std::string::npos && at > scheme) {
    size_t colon = out.find(':', scheme + 3);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  // ...?password=secret&...
  for (size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p)) {
    size_t start = p + 9;
    size_t end = out.find('&', start);
    out.replace(start, (end == std::string::npos ? out.size() : end) - start, "***");
    p = start;
  }
  return out;
}

Result<ListenAddress> ParseListenAddress(const std::string& s) {
  auto colon = s.rfind(':');
  if (colon == std::string::npos)
    return InvalidArgument("--listen must look like HOST:PORT, e.g. 127.0.0.1:8080");
  ListenAddress out;
  out.host = s.substr(0, colon);
  if (out.host.size() >= 2 && out.host.front() == '[' && out.host.back() == ']')
    out.host = out.host.substr(1, out.host.size() - 2);
  if (out.host.empty()) out.host = "0.0.0.0";
  std::string port = s.substr(colon + 1);
  unsigned p = 0;
  auto r = std::from_chars(port.data(), port.data() + port.size(), p);
  if (port.empty() || r.ec != std::errc() || r.ptr != port.data() + port.size() || p > 65535)
    return InvalidArgument("--listen port must be a number from 0 to 65535");
  out.port = static_cast<uint16_t>(p);
  return out;
}

}  // namespace luister
