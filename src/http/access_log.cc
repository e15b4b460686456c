#include "http/access_log.h"

#include <spdlog/spdlog.h>

namespace luister::http {
namespace {

std::string_view OrDash(std::string_view s) { return s.empty() ? std::string_view("-") : s; }

}  // namespace

AccessLog::AccessLog() : logger_(spdlog::get("access")) {
  if (!logger_) {
    const auto& sinks = spdlog::default_logger()->sinks();
    logger_ = std::make_shared<spdlog::logger>("access", sinks.begin(), sinks.end());
    logger_->set_level(spdlog::default_logger()->level());
  }
}

void AccessLog::Write(std::string_view remote_ip, std::string_view method, std::string_view path,
                      int status, size_t body_bytes, std::chrono::microseconds latency,
                      std::string_view route) const {
  if (!logger_->should_log(spdlog::level::info)) return;
  logger_->info("{} \"{} {}\" {} {} {:.3f}ms route={}", OrDash(remote_ip), OrDash(method),
                OrDash(path), status, body_bytes, latency.count() / 1000.0, OrDash(route));
}

}  // namespace luister::http
