#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace luister::http {

// A parsed HTTP request as handlers see it. Beast types stay inside the server (server.h).
struct Request {
  std::string method;                                      // "GET", "POST", ...
  std::string target;                                      // raw request target, "/api/v1/x?y=1"
  std::string path;                                        // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-case
  std::string body;
  std::string remote_ip;

  // Filled by the router.
  std::string route;  // the matched pattern, e.g. "/api/v1/customers/{id}"
  std::map<std::string, std::string, std::less<>> params;
  // Set by a WebSocket authorizer that admitted the request: whose stream it
  // is. 0 otherwise.
  int64_t user_id = 0;

  // Empty when absent. Name must be lower-case.
  std::string_view Header(std::string_view name) const;
  std::optional<std::string> Query(std::string_view key) const;
  std::string_view Param(std::string_view name) const;
  // Value of a cookie from the Cookie header, empty when absent.
  std::string Cookie(std::string_view name) const;

  // The still-encoded path part of `target` (before any '?').
  std::string_view RawPath() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers

  void SetHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Appends the percent-decoding of `in` to `out`; with `plus_as_space` a '+'
// becomes ' ' (query strings). Returns false on a malformed escape ("%4", "%zz"),
// leaving `out` partially written.
bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out);

// Fills `req->path` and `req->query` from `req->target`, reusing their
// storage. Returns false when the target is not origin-form ("/...") or holds
// invalid percent-encoding or an encoded NUL in the path; the server answers 400.
bool DecodeTarget(Request* req);

}  // namespace luister::http
