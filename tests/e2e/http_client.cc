#include "http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>

namespace luister::e2e {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

// With LUISTER_E2E_RECORD=<file>, every response is appended to the file as
// one JSON line: {"method", "path" (no query), "status", "content_type",
// "body" (parsed JSON, or null when the body is empty or not JSON)}.
// web/e2e-contract/validate_responses.test.mjs checks them against
// docs/openapi.yaml.
void Record(const std::string& method, const std::string& target, const HttpResponse& r) {
  static const char* path = std::getenv("LUISTER_E2E_RECORD");
  if (path == nullptr || *path == '\0' || r.status < 0) return;
  std::string content_type = r.Header("content-type");
  nlohmann::json body;  // null
  bool invalid = false;
  if (content_type.find("json") != std::string::npos && !r.body.empty()) {
    body = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    invalid = body.is_discarded();
    if (invalid) body = nullptr;
  }
  nlohmann::json line = {{"method", method},
                         {"path", target.substr(0, target.find('?'))},
                         {"status", r.status},
                         {"content_type", content_type},
                         {"body", body}};
  if (invalid) line["body_error"] = "the body is not valid JSON";
  static std::mutex mu;  // live tests send from several threads
  std::lock_guard<std::mutex> lock(mu);
  std::ofstream out(path, std::ios::app);
  out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

HttpResponse HttpClient::Send(const std::string& method, const std::string& target,
                              const std::string& body,
                              const std::vector<std::pair<std::string, std::string>>& headers) {
  boost::asio::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"),
                               static_cast<unsigned short>(port_)));
  bhttp::request<bhttp::string_body> req(bhttp::string_to_verb(method), target, 11);
  req.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) {
    req.set(bhttp::field::content_type, "application/json");
    req.body() = body;
  }
  if (!cookie_.empty()) req.set(bhttp::field::cookie, "luister_session=" + cookie_);
  if (!csrf_.empty() && send_csrf) req.set("X-CSRF-Token", csrf_);
  if (!bearer_.empty()) req.set(bhttp::field::authorization, "Bearer " + bearer_);
  for (const auto& [k, v] : headers) req.set(k, v);
  req.prepare_payload();
  bhttp::write(stream, req);

  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  beast::error_code ec;
  bhttp::read(stream, buffer, parser, ec);
  HttpResponse out;
  if (ec) {
    out.status = -1;
    out.body = ec.message();
    return out;
  }
  auto& res = parser.get();
  out.status = static_cast<int>(res.result_int());
  out.body = res.body();
  for (const auto& f : res) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace(name, std::string(f.value()));
  }
  stream.socket().shutdown(tcp::socket::shutdown_both, ec);
  Record(method, target, out);
  return out;
}

HttpResponse HttpClient::Login(const std::string& email, const std::string& password) {
  Forget();
  HttpResponse r = Post("/api/v1/session", {{"email", email}, {"password", password}});
  if (r.status != 200) return r;
  std::string set_cookie = r.Header("set-cookie");
  auto eq = set_cookie.find('=');
  auto semi = set_cookie.find(';');
  cookie_ = set_cookie.substr(eq + 1, semi - eq - 1);
  csrf_ = r.Json()["csrf_token"].get<std::string>();
  return r;
}

}  // namespace luister::e2e
