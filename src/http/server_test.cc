#include "http/server.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <future>
#include <sstream>
#include <thread>

#include "http/metrics.h"
#include "http/router.h"

namespace luister::http {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

using ClientResponse = bhttp::response<bhttp::string_body>;

// A blocking HTTP/1.1 client on one connection.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  ClientResponse Send(bhttp::request<bhttp::string_body> req) {
    req.set(bhttp::field::host, "127.0.0.1");
    req.prepare_payload();
    bhttp::write(socket_, req);
    return Read();
  }

  ClientResponse Get(std::string target) { return Send({bhttp::verb::get, target, 11}); }

  ClientResponse Read() {
    ClientResponse res;
    bhttp::read(socket_, buffer_, res);
    return res;
  }

  void WriteRaw(std::string_view bytes) { net::write(socket_, net::buffer(bytes)); }

  // True when the server closed the connection (read sees EOF or a reset).
  bool ServerClosed() {
    char byte;
    beast::error_code ec;
    socket_.read_some(net::buffer(&byte, 1), ec);
    return ec == net::error::eof || ec == net::error::connection_reset;
  }

  tcp::socket& socket() { return socket_; }

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/hello", [](Request&) {
      Response r;
      r.content_type = "text/plain";
      r.body = "hello";
      return r;
    });
    router_.Add("POST", "/echo", [this](Request& req) {
      ++echo_calls_;
      Response r;
      r.content_type = "text/plain";
      r.body = req.body;
      return r;
    });
    router_.Add("GET", "/boom", [](Request&) -> Response { throw std::runtime_error("boom"); });
    router_.Add("GET", "/slow", [this](Request&) {
      slow_entered_ = true;
      std::this_thread::sleep_for(300ms);
      Response r;
      r.body = "slow";
      return r;
    });
    router_.Add("GET", "/items/{id}", [](Request& req) {
      Response r;
      r.body = std::string(req.Param("id")) + "|" + req.path + "|" + req.Query("q").value_or("-") +
               "|" + std::string(req.Header("x-test"));
      r.SetHeader("X-Item", "yes");
      return r;
    });
  }

  void TearDown() override {
    if (server_) StopServer();
  }

  void StartServer(ServerOptions options = {}) {
    options.port = 0;
    options.handle_signals = false;
    if (options.max_body_bytes == (1u << 20)) options.max_body_bytes = 1024;
    options.metrics = &metrics_;
    server_ =
        std::make_unique<Server>(options, [this](Request& req) { return router_.Dispatch(req); });
    std::string error;
    ASSERT_TRUE(server_->Listen(&error)) << error;
    ASSERT_NE(server_->port(), 0);
    run_ = std::async(std::launch::async, [this] { server_->Run(); });
  }

  // Stops the server and asserts that Run() returned within `limit`.
  void StopServer(std::chrono::milliseconds limit = 5000ms) {
    server_->Stop();
    ASSERT_EQ(run_.wait_for(limit), std::future_status::ready);
    server_.reset();
  }

  uint16_t port() const { return server_->port(); }

  Router router_;
  Metrics metrics_;
  std::atomic<int> echo_calls_{0};
  std::atomic<bool> slow_entered_{false};
  std::unique_ptr<Server> server_;
  std::future<void> run_;
};

TEST_F(ServerTest, GetReturnsBodyAndStandardHeaders) {
  StartServer();
  Client client(port());
  ClientResponse res = client.Get("/hello");
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "hello");
  EXPECT_EQ(res[bhttp::field::content_type], "text/plain");
  EXPECT_EQ(res[bhttp::field::content_length], "5");
  EXPECT_EQ(res[bhttp::field::server], "luister");
  EXPECT_TRUE(res[bhttp::field::date].ends_with(" GMT"));
  EXPECT_TRUE(res.keep_alive());
}

TEST_F(ServerTest, ParamsQueryHeadersAndExtraHeaders) {
  StartServer();
  Client client(port());
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/items/a%20b?q=x+y", 11};
  req.set("X-Test", "v");
  ClientResponse res = client.Send(req);
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "a b|/items/a b|x y|v");
  EXPECT_EQ(res["X-Item"], "yes");
}

TEST_F(ServerTest, TwoRequestsOnOneKeepAliveConnection) {
  StartServer();
  Client client(port());
  EXPECT_EQ(client.Get("/hello").body(), "hello");
  bhttp::request<bhttp::string_body> post{bhttp::verb::post, "/echo", 11};
  post.body() = "ping";
  ClientResponse res = client.Send(post);
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "ping");
  EXPECT_EQ(echo_calls_, 1);
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  Client client(port());
  client.WriteRaw(
      "GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /items/2 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(client.Read().body(), "1|/items/1|-|");
  EXPECT_EQ(client.Read().body(), "2|/items/2|-|");
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveAsked) {
  StartServer();
  Client client(port());
  ClientResponse res = client.Send({bhttp::verb::get, "/hello", 10});
  EXPECT_EQ(res.body(), "hello");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, BodyOverLimitGets413WithoutCallingHandler) {
  StartServer();
  Client client(port());
  bhttp::request<bhttp::string_body> post{bhttp::verb::post, "/echo", 11};
  post.body() = std::string(4096, 'x');
  ClientResponse res = client.Send(post);
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(res[bhttp::field::content_type], "application/problem+json");
  EXPECT_NE(res.body().find(R"("type":"https://luister.dev/problems/payload-too-large")"),
            std::string::npos);
  EXPECT_NE(res.body().find(R"("status":413)"), std::string::npos);
  EXPECT_FALSE(res.keep_alive());
  EXPECT_EQ(echo_calls_, 0);
}

TEST_F(ServerTest, ExpectContinueOverLimitIsRefusedBeforeTheBody) {
  StartServer();
  Client client(port());
  client.WriteRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\nExpect: 100-continue\r\n\r\n");
  ClientResponse res = client.Read();
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(echo_calls_, 0);
}

TEST_F(ServerTest, ExpectContinueWithinLimitGets100ThenResponse) {
  StartServer();
  Client client(port());
  client.WriteRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  char buf[25];
  net::read(client.socket(), net::buffer(buf, sizeof(buf)));
  EXPECT_EQ(std::string_view(buf, sizeof(buf)), "HTTP/1.1 100 Continue\r\n\r\n");
  client.WriteRaw("abc");
  EXPECT_EQ(client.Read().body(), "abc");
}

TEST_F(ServerTest, ChunkedBodyOverLimitGets413) {
  StartServer();
  Client client(port());
  std::string chunk(800, 'y');
  client.WriteRaw("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" +
                  chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(client.Read().result_int(), 413);
  EXPECT_EQ(echo_calls_, 0);
}

TEST_F(ServerTest, HandlerThrowingGives500Problem) {
  StartServer();
  Client client(port());
  ClientResponse res = client.Get("/boom");
  EXPECT_EQ(res.result_int(), 500);
  EXPECT_EQ(res[bhttp::field::content_type], "application/problem+json");
  EXPECT_NE(res.body().find(R"("status":500)"), std::string::npos);
  EXPECT_EQ(res.body().find("boom"), std::string::npos);  // no internals leak
  EXPECT_EQ(client.Get("/hello").body(), "hello");        // connection still usable
}

TEST_F(ServerTest, MalformedRequestGets400) {
  StartServer();
  Client client(port());
  client.WriteRaw("GET /hello HTTP/1.1\r\nBad Header\r\n\r\n");
  ClientResponse res = client.Read();
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_EQ(res[bhttp::field::content_type], "application/problem+json");
  EXPECT_TRUE(client.ServerClosed());
}

// A body whose length the server would read differently from a proxy in
// front of it hides a second request (request smuggling): any transfer
// coding but exactly "chunked" is refused with 400 and the connection is
// closed, so the hidden request is never run.
TEST_F(ServerTest, TransferCodingsOtherThanChunkedAreRefusedAndCloseTheConnection) {
  StartServer();
  const std::string hidden = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
  for (std::string coding : {"gzip", "chunked, identity", "xchunked", "chunked, chunked",
                             "identity", "chunked\r\nTransfer-Encoding: chunked"}) {
    Client client(port());
    client.WriteRaw(
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(hidden.size()) +
        "\r\nTransfer-Encoding: " + coding + "\r\n\r\n" + hidden);
    ClientResponse res = client.Read();
    EXPECT_EQ(res.result_int(), 400) << coding;
    EXPECT_TRUE(client.ServerClosed()) << coding << ": the hidden request must not be read";
  }
  EXPECT_EQ(echo_calls_, 0);

  // Exactly chunked, in any case and with spaces around it, still works.
  Client client(port());
  client.WriteRaw(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:  Chunked \r\n\r\n"
      "5\r\nhello\r\n0\r\n\r\n");
  ClientResponse ok = client.Read();
  EXPECT_EQ(ok.result_int(), 200);
  EXPECT_EQ(ok.body(), "hello");
}

TEST_F(ServerTest, Http11WithoutExactlyOneHostIs400) {
  StartServer();
  for (std::string headers : {"", "Host: a\r\nHost: b\r\n"}) {
    Client client(port());
    client.WriteRaw("GET /hello HTTP/1.1\r\n" + headers + "\r\n");
    EXPECT_EQ(client.Read().result_int(), 400) << headers;
    EXPECT_TRUE(client.ServerClosed());
  }
  Client old(port());
  old.WriteRaw("GET /hello HTTP/1.0\r\n\r\n");
  EXPECT_EQ(old.Read().result_int(), 200) << "HTTP/1.0 has no Host requirement";
}

TEST_F(ServerTest, InvalidPercentEncodingGets400AndKeepsConnection) {
  StartServer();
  Client client(port());
  ClientResponse res = client.Get("/items/%zz");
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_EQ(res[bhttp::field::content_type], "application/problem+json");
  EXPECT_EQ(client.Get("/hello").body(), "hello");
}

TEST_F(ServerTest, OversizedHeaderGets431) {
  ServerOptions options;
  options.max_header_bytes = 1024;
  StartServer(options);
  Client client(port());
  bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/hello", 11};
  req.set("X-Big", std::string(4096, 'z'));
  EXPECT_EQ(client.Send(req).result_int(), 431);
}

TEST_F(ServerTest, UnknownRouteAnd405) {
  StartServer();
  Client client(port());
  EXPECT_EQ(client.Get("/nope").result_int(), 404);
  ClientResponse res = client.Send({bhttp::verb::delete_, "/hello", 11});
  EXPECT_EQ(res.result_int(), 405);
  EXPECT_EQ(res[bhttp::field::allow], "GET");
}

TEST_F(ServerTest, HeadSendsHeadersOnly) {
  StartServer();
  Client client(port());
  client.WriteRaw("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  bhttp::response_parser<bhttp::string_body> parser;
  parser.skip(true);
  beast::flat_buffer buffer;
  bhttp::read(client.socket(), buffer, parser);
  EXPECT_EQ(parser.get().result_int(), 200);
  EXPECT_EQ(parser.get()[bhttp::field::content_length], "5");
  EXPECT_EQ(client.Get("/hello").body(), "hello");  // no stray body bytes in between
}

TEST_F(ServerTest, HeaderTimeoutClosesSlowClient) {
  ServerOptions options;
  options.header_timeout = 1s;
  StartServer(options);
  Client client(port());
  client.WriteRaw("GET /hello HTTP/1.1\r\nHost: x\r\n");  // never finishes the header
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.ServerClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_F(ServerTest, IdleTimeoutClosesKeepAliveConnection) {
  ServerOptions options;
  options.idle_timeout = 1s;
  StartServer(options);
  Client client(port());
  EXPECT_EQ(client.Get("/hello").body(), "hello");
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.ServerClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 3s);
}

TEST_F(ServerTest, StopLetsInFlightRequestFinish) {
  StartServer();
  auto slow = std::async(std::launch::async, [this] {
    Client client(port());
    return client.Get("/slow");
  });
  while (!slow_entered_) std::this_thread::sleep_for(5ms);
  server_->Stop();
  ClientResponse res = slow.get();
  EXPECT_EQ(res.result_int(), 200);
  EXPECT_EQ(res.body(), "slow");
  EXPECT_FALSE(res.keep_alive());
  ASSERT_EQ(run_.wait_for(5s), std::future_status::ready);
  server_.reset();
}

TEST_F(ServerTest, BusyHandlersDelayNeitherPriorityPathsNorReading) {
  std::atomic<int> entered{0};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  router_.Add("GET", "/blocked", [&](Request&) {
    ++entered;
    released.wait();
    Response r;
    r.body = "done";
    return r;
  });
  router_.Add("GET", "/health", [](Request&) {
    Response r;
    r.body = "ok";
    return r;
  });
  ServerOptions options;
  options.threads = 3;
  options.priority_paths = {"/health"};
  StartServer(options);
  std::vector<std::future<ClientResponse>> blocked;
  for (int i = 0; i < 2; ++i) {
    blocked.push_back(std::async(std::launch::async, [this] {
      Client client(port());
      return client.Get("/blocked");
    }));
  }
  while (entered < 2) std::this_thread::sleep_for(2ms);

  // Both handler places are taken: the health check may use the last
  // thread, and requests that need no handler are still read and answered.
  Client health(port());
  EXPECT_EQ(health.Get("/health").body(), "ok");
  Client large(port());
  bhttp::request<bhttp::string_body> post{bhttp::verb::post, "/echo", 11};
  post.body() = std::string(4096, 'x');
  EXPECT_EQ(large.Send(post).result_int(), 413);

  // Other requests wait for a handler thread rather than being dropped.
  auto queued = std::async(std::launch::async, [this] {
    Client client(port());
    return client.Get("/hello");
  });
  std::string metrics;
  for (auto deadline = std::chrono::steady_clock::now() + 5s;
       std::chrono::steady_clock::now() < deadline; std::this_thread::sleep_for(5ms)) {
    metrics = metrics_.Render();
    if (metrics.find("luister_http_requests_waiting 1\n") != std::string::npos) break;
  }
  EXPECT_NE(metrics.find("luister_http_requests_waiting 1\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("luister_http_handlers_busy 2\n"), std::string::npos) << metrics;
  EXPECT_EQ(queued.wait_for(50ms), std::future_status::timeout);
  release.set_value();
  EXPECT_EQ(queued.get().body(), "hello");
  for (auto& b : blocked) EXPECT_EQ(b.get().body(), "done");
  metrics = metrics_.Render();
  EXPECT_NE(metrics.find("luister_http_requests_waiting 0\n"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("luister_http_requests_waited_total 1\n"), std::string::npos) << metrics;
}

TEST_F(ServerTest, StopClosesIdleKeepAliveConnectionsPromptly) {
  StartServer();
  Client client(port());
  EXPECT_EQ(client.Get("/hello").body(), "hello");
  auto start = std::chrono::steady_clock::now();
  StopServer();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 1s);
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, StopBeforeRunReturnsAtOnceWithoutServing) {
  ServerOptions options;
  options.port = 0;
  options.handle_signals = false;
  // Shared with the thread running Run(): if Run() never returns, the test
  // fails and detaches that thread (which keeps the server alive) instead of
  // hanging or destroying a running server.
  auto calls = std::make_shared<std::atomic<int>>(0);
  auto server = std::make_shared<Server>(options, [calls](Request&) {
    ++*calls;
    return Response{};
  });
  std::string error;
  ASSERT_TRUE(server->Listen(&error)) << error;
  // Waits in the listen backlog; a server stopped before Run() must not serve it.
  Client queued(server->port());
  queued.WriteRaw("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  server->Stop();
  std::promise<void> returned;
  std::future<void> run = returned.get_future();
  std::thread runner([server, returned = std::move(returned)]() mutable {
    server->Run();
    returned.set_value();
  });
  bool run_returned = run.wait_for(5s) == std::future_status::ready;
  if (run_returned) {
    runner.join();
  } else {
    runner.detach();
  }
  ASSERT_TRUE(run_returned) << "Run() kept serving after Stop()";
  EXPECT_TRUE(queued.ServerClosed());
  EXPECT_EQ(*calls, 0);
}

TEST_F(ServerTest, ListenFailsOnPortInUse) {
  StartServer();
  ServerOptions options;
  options.port = port();
  options.handle_signals = false;
  Server other(options, [](Request&) { return Response{}; });
  std::string error;
  EXPECT_FALSE(other.Listen(&error));
  EXPECT_NE(error.find("bind"), std::string::npos) << error;
}

TEST_F(ServerTest, RecordsMetricsWithRouteOrUnmatched) {
  StartServer();
  Client client(port());
  client.Get("/items/7");
  client.Get("/items/8");
  client.Get("/nope/secret-token");
  StopServer();
  std::string text = metrics_.Render();
  EXPECT_NE(
      text.find(R"(luister_http_requests_total{method="GET",route="/items/{id}",status="200"} 2)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"(luister_http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
      std::string::npos)
      << text;
  EXPECT_EQ(text.find("secret-token"), std::string::npos);
}

TEST_F(ServerTest, AccessLogHasPathButNoQueryHeadersOrBody) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  logger->set_pattern("%v");
  spdlog::drop("access");  // an earlier server's buffered access log
  spdlog::register_logger(logger);
  StartServer();
  {
    Client client(port());
    bhttp::request<bhttp::string_body> req{bhttp::verb::get, "/items/5?token=QUERYSECRET", 11};
    req.set(bhttp::field::authorization, "Bearer AUTHSECRET");
    req.set(bhttp::field::cookie, "luister_session=COOKIESECRET");
    EXPECT_EQ(client.Send(req).result_int(), 200);
    bhttp::request<bhttp::string_body> post{bhttp::verb::post, "/echo", 11};
    post.body() = "BODYSECRET";
    EXPECT_EQ(client.Send(post).result_int(), 200);
  }
  StopServer();
  spdlog::drop("access");
  std::string log = out.str();
  EXPECT_NE(log.find("127.0.0.1 \"GET /items/5\" 200"), std::string::npos) << log;
  EXPECT_NE(log.find("route=/items/{id}"), std::string::npos) << log;
  EXPECT_NE(log.find("\"POST /echo\" 200 10 "), std::string::npos) << log;
  for (const char* secret : {"QUERYSECRET", "AUTHSECRET", "COOKIESECRET", "BODYSECRET"}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << secret;
  }
}

}  // namespace
}  // namespace luister::http
