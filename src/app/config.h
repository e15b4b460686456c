#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"

namespace luister {

// Where the data lives: "sqlite:PATH" (PATH relative to the working
// directory) or a libpq URL "postgres://USER[:PASSWORD]@HOST:PORT/DB[?...]".
struct DatabaseUrl {
  enum class Engine { kSqlite, kPostgres } engine = Engine::kSqlite;
  std::string location;  // file path for SQLite, the connection URI for PostgreSQL
};

// InvalidArgument with a clear message for anything else.
Result<DatabaseUrl> ParseDatabaseUrl(const std::string& url);

// `url` fit for logs: a password in it becomes "***".
std::string RedactDatabaseUrl(const std::string& url);

struct ListenAddress {
  std::string host;
  uint16_t port = 0;
};

// "127.0.0.1:8080", "[::1]:8080", ":8080" (all IPv4 interfaces).
Result<ListenAddress> ParseListenAddress(const std::string& s);

}  // namespace luister
