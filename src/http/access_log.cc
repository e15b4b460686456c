#include "http/access_log.h"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <mutex>

namespace luister::http {
namespace {

std::string_view OrDash(std::string_view s) { return s.empty() ? std::string_view("-") : s; }

// Standard output without a flush per line: one write(2) per request was a
// measurable share of a small request's cost. Lines are whole (one fwrite
// each, under stdio's lock), reach the output within kFlushInterval, and
// are flushed when the server stops.
class BufferedStdoutSink final : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t line;
    formatter_->format(msg, line);
    std::fwrite(line.data(), 1, line.size(), stdout);
  }
  void flush_() override { std::fflush(stdout); }
};

constexpr std::chrono::seconds kFlushInterval{1};

}  // namespace

AccessLog::AccessLog() : logger_(spdlog::get("access")) {
  if (!logger_) {
    logger_ = std::make_shared<spdlog::logger>("access", std::make_shared<BufferedStdoutSink>());
    logger_->set_level(spdlog::default_logger()->level());
    logger_->flush_on(spdlog::level::warn);
    // Registered so that the periodic flush reaches it; another AccessLog in
    // the process (tests start several servers) finds and shares it.
    spdlog::register_logger(logger_);
    spdlog::flush_every(kFlushInterval);
  }
}

AccessLog::~AccessLog() { logger_->flush(); }

void AccessLog::Write(std::string_view remote_ip, std::string_view method, std::string_view path,
                      int status, size_t body_bytes, std::chrono::microseconds latency,
                      std::string_view route) const {
  if (!logger_->should_log(spdlog::level::info)) return;
  logger_->info("{} \"{} {}\" {} {} {:.3f}ms route={}", OrDash(remote_ip), OrDash(method),
                OrDash(path), status, body_bytes, latency.count() / 1000.0, OrDash(route));
}

}  // namespace luister::http
