#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/request.h"

namespace luister::http {

using Handler = std::function<Response(Request&)>;

// Maps (method, path pattern) to handlers. Patterns are literal segments and
// `{name}` placeholders matching one non-empty segment: "/api/v1/customers/{id}".
// Literal segments win over placeholders, segment by segment from the left;
// a trailing slash is significant ("/a/" does not match "/a"). HEAD falls back
// to the GET route when no HEAD route is registered. Not thread-safe to Add()
// while serving; Find() and Dispatch() are const and safe from any thread.
class Router {
 public:
  struct Route {
    std::string method;
    std::string pattern;
  };

  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Throws std::invalid_argument for a malformed pattern or a (method, pattern
  // shape) registered twice: both are programming errors found at startup.
  void Add(std::string method, std::string pattern, Handler handler);

  enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    MatchKind kind = MatchKind::kNotFound;
    const Handler* handler = nullptr;
    std::string_view pattern;  // points into the Router; valid while it lives
    std::vector<std::pair<std::string, std::string>> params;  // percent-decoded
    std::string allow;  // "GET, POST" for kMethodNotAllowed, sorted
  };
  // `raw_path` is the still-encoded path (Request::RawPath()), so that an
  // encoded "/" ("%2F") stays inside one segment; params come back decoded.
  Match Find(std::string_view method, std::string_view raw_path) const;

  // Finds the route for `req`, fills req.route and req.params and calls the
  // handler. Unmatched requests get a 404 or 405 (with Allow) problem+json and
  // leave req.route empty.
  Response Dispatch(Request& req) const;

  // Every registered route, in registration order, for the OpenAPI consistency test.
  std::vector<Route> Routes() const;

 private:
  struct Entry {
    std::string method;
    std::string pattern;
    std::vector<std::string> param_names;  // in placeholder order
    Handler handler;
  };
  struct Node;

  std::vector<std::unique_ptr<Entry>> entries_;
  std::unique_ptr<Node> root_;
};

}  // namespace luister::http
