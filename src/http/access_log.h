#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string_view>

namespace spdlog {
class logger;
}

namespace luister::http {

// Writes one line per request to the spdlog logger "access" (see Server).
// Callers pass the path without the query string, so that tokens in query
// parameters never reach the log; no header value or body is ever passed.
class AccessLog {
 public:
  AccessLog();
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void Write(std::string_view remote_ip, std::string_view method, std::string_view path, int status,
             size_t body_bytes, std::chrono::microseconds latency, std::string_view route) const;

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace luister::http
