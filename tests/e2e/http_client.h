#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace luister::e2e {

struct HttpResponse {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // names lower-case

  nlohmann::json Json() const { return nlohmann::json::parse(body); }
  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A small synchronous HTTP/1.1 client for the end-to-end tests. Keeps the
// session cookie and CSRF token after Login(), or sends a bearer token.
class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}

  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::string& body = "",
                    const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResponse Get(const std::string& target) { return Send("GET", target); }
  HttpResponse Post(const std::string& target, const nlohmann::json& body) {
    return Send("POST", target, body.dump());
  }
  HttpResponse Patch(const std::string& target, const nlohmann::json& body) {
    return Send("PATCH", target, body.dump());
  }
  HttpResponse Put(const std::string& target, const nlohmann::json& body) {
    return Send("PUT", target, body.dump());
  }
  HttpResponse Delete(const std::string& target) { return Send("DELETE", target); }

  // Logs in and keeps the session; returns the login response.
  HttpResponse Login(const std::string& email, const std::string& password);
  void UseBearer(std::string token) { bearer_ = std::move(token); }
  void Forget() {
    cookie_.clear();
    csrf_.clear();
    bearer_.clear();
  }
  bool send_csrf = true;
  // The session cookie value, empty before Login().
  const std::string& cookie() const { return cookie_; }
  // Takes over another client's session (e.g. the same browser reaching
  // another node behind a load balancer).
  void ShareSessionOf(const HttpClient& other) {
    cookie_ = other.cookie_;
    csrf_ = other.csrf_;
  }

 private:
  int port_;
  std::string cookie_;
  std::string csrf_;
  std::string bearer_;
};

}  // namespace luister::e2e
