// Chat widget connections: opens N visitor WebSockets to a running luister
// (each starts a chat, as a visitor who typed does), keeps them all open,
// and reports the server's resident memory as they grow, then the round
// trip of a visitor's message (sent -> the server's "sent") with all of
// them open, and, given an agent's session, the time until the message
// reaches the agent's live stream (what the workspace in a browser gets).
//
//   luister_chat_bench PORT SLUG SERVER-PID [CONNECTIONS=2000] [MESSAGES=1000] [SESSION]
//
// Prints RESULT lines. A measurement, not a test.
#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

long RssKb(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = 0;
  while (in >> key) {
    if (key == "VmRSS:") {
      in >> value;
      return value;
    }
    in.ignore(4096, '\n');
  }
  return -1;
}

// Reads frames until one contains `needle`.
bool ReadUntil(websocket::stream<tcp::socket>& ws, const std::string& needle) {
  for (int i = 0; i < 10; ++i) {
    beast::flat_buffer buf;
    beast::error_code ec;
    ws.read(buf, ec);
    if (ec) return false;
    if (beast::buffers_to_string(buf.data()).find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: luister_chat_bench PORT SLUG SERVER-PID [CONNECTIONS] [MESSAGES]\n";
    return 2;
  }
  const std::string port = argv[1], slug = argv[2];
  const int pid = std::stoi(argv[3]);
  const int n = argc > 4 ? std::stoi(argv[4]) : 2000;
  const int messages = argc > 5 ? std::stoi(argv[5]) : 1000;
  const std::string session = argc > 6 ? argv[6] : "";
  boost::asio::io_context ioc;
  tcp::resolver resolver(ioc);
  const auto where = resolver.resolve("127.0.0.1", port);
  std::vector<std::unique_ptr<websocket::stream<tcp::socket>>> open;
  open.reserve(n);
  const long rss0 = RssKb(pid);
  std::printf("RESULT chat_rss_kb connections=0 rss_kb=%ld\n", rss0);
  const auto t0 = Clock::now();
  for (int i = 0; i < n; ++i) {
    auto ws = std::make_unique<websocket::stream<tcp::socket>>(ioc);
    boost::asio::connect(ws->next_layer(), where);
    ws->handshake("127.0.0.1:" + port, "/api/v1/widget/" + slug + "/live?lang=nl");
    ws->text(true);
    ws->write(boost::asio::buffer(std::string(R"({"type":"start","text":"Bench vraag )") +
                                  std::to_string(i) + R"("})"));
    if (!ReadUntil(*ws, "\"queue\"")) {
      std::cerr << "connection " << i << " did not start its chat\n";
      return 1;
    }
    open.push_back(std::move(ws));
    if ((i + 1) % 500 == 0 || i + 1 == n)
      std::printf("RESULT chat_rss_kb connections=%d rss_kb=%ld\n", i + 1, RssKb(pid));
  }
  const double setup_s = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("RESULT chat_open connections=%d seconds=%.2f per_second=%.0f\n", n, setup_s,
              n / setup_s);

  // The agent's workspace: the live stream a browser holds open.
  std::unique_ptr<websocket::stream<tcp::socket>> agent;
  if (!session.empty()) {
    agent = std::make_unique<websocket::stream<tcp::socket>>(ioc);
    boost::asio::connect(agent->next_layer(), where);
    agent->set_option(websocket::stream_base::decorator([&](websocket::request_type& req) {
      req.set(beast::http::field::cookie, "luister_session=" + session);
    }));
    agent->handshake("127.0.0.1:" + port, "/api/v1/live");
    if (!ReadUntil(*agent, "\"hello\"")) {
      std::cerr << "the agent's live stream did not open\n";
      return 1;
    }
  }

  std::vector<double> ms, to_agent;
  ms.reserve(messages);
  for (int i = 0; i < messages; ++i) {
    auto& ws = *open[static_cast<size_t>(i) % open.size()];
    const auto start = Clock::now();
    ws.write(boost::asio::buffer(R"({"type":"message","text":"Nog een vraag"})"));
    if (!ReadUntil(ws, "\"sent\"")) {
      std::cerr << "message " << i << " got no answer\n";
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (agent) {
      if (!ReadUntil(*agent, "\"message.created\"")) {
        std::cerr << "message " << i << " did not reach the agent\n";
        return 1;
      }
      to_agent.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
  }
  auto report = [&](const char* name, std::vector<double>& v) {
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) {
      return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
    };
    std::printf(
        "RESULT %s messages=%zu p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f rss_kb=%ld\n",
        name, v.size(), pct(0.5), pct(0.95), pct(0.99), v.back(), RssKb(pid));
  };
  report("chat_round_trip", ms);
  if (agent) report("chat_to_agent", to_agent);
  for (auto& ws : open) {
    beast::error_code ec;
    ws->close(websocket::close_code::normal, ec);
  }
  return 0;
}
