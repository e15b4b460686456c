#include "http/router.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace luister::http {
namespace {

constexpr size_t kMaxSegments = 32;

// Segments of a path or pattern after the leading '/': "/" -> {""},
// "/a/" -> {"a", ""}. Returns false when there are too many.
bool Split(std::string_view path, std::array<std::string_view, kMaxSegments>* segs, size_t* n) {
  *n = 0;
  path.remove_prefix(1);
  while (true) {
    if (*n == kMaxSegments) return false;
    size_t slash = path.find('/');
    (*segs)[(*n)++] = path.substr(0, slash);
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
  }
}

bool IsPlaceholder(std::string_view seg) {
  return seg.size() >= 3 && seg.front() == '{' && seg.back() == '}' &&
         seg.substr(1, seg.size() - 2).find_first_of("{}/") == std::string_view::npos;
}

Response MakeProblem(int status, std::string_view type, std::string_view title,
                     std::string_view detail) {
  Response res;
  res.status = status;
  res.content_type = "application/problem+json";
  res.body.reserve(128);
  res.body.append(R"({"type":"https://luister.dev/problems/)").append(type);
  res.body.append(R"(","title":")").append(title);
  res.body.append(R"(","status":)").append(std::to_string(status));
  res.body.append(R"(,"detail":")").append(detail).append("\"}");
  return res;
}

}  // namespace

struct Router::Node {
  std::vector<std::pair<std::string, std::unique_ptr<Node>>> literals;
  std::unique_ptr<Node> param;
  std::vector<const Entry*> endpoints;
};

namespace {

using Segments = std::array<std::string_view, kMaxSegments>;

// Depth-first over the nodes matching `segs`, literal children before the
// placeholder child, so the first end node reached is the most specific.
// Stops when `fn(node, captures, count)` returns true.
template <typename NodeT, typename Fn>
bool Visit(const NodeT& node, const Segments& segs, size_t n, size_t i,
           std::array<std::string_view, kMaxSegments>& caps, size_t ncap, Fn& fn) {
  if (i == n) return fn(node, caps, ncap);
  for (const auto& [literal, child] : node.literals) {
    if (literal == segs[i]) {
      if (Visit(*child, segs, n, i + 1, caps, ncap, fn)) return true;
      break;
    }
  }
  if (node.param && !segs[i].empty()) {
    caps[ncap] = segs[i];
    if (Visit(*node.param, segs, n, i + 1, caps, ncap + 1, fn)) return true;
  }
  return false;
}

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Segments segs;
  size_t n = 0;
  if (pattern.empty() || pattern.front() != '/' || !Split(pattern, &segs, &n)) {
    throw std::invalid_argument("bad route pattern: " + pattern);
  }
  auto entry = std::make_unique<Entry>();
  Node* node = root_.get();
  for (size_t i = 0; i < n; ++i) {
    std::string_view seg = segs[i];
    if (IsPlaceholder(seg)) {
      entry->param_names.emplace_back(seg.substr(1, seg.size() - 2));
      if (!node->param) node->param = std::make_unique<Node>();
      node = node->param.get();
      continue;
    }
    if (seg.find_first_of("{}") != std::string_view::npos) {
      throw std::invalid_argument("bad placeholder in route pattern: " + pattern);
    }
    auto it = std::find_if(node->literals.begin(), node->literals.end(),
                           [&](const auto& lit) { return lit.first == seg; });
    if (it == node->literals.end()) {
      node->literals.emplace_back(std::string(seg), std::make_unique<Node>());
      it = std::prev(node->literals.end());
    }
    node = it->second.get();
  }
  for (const Entry* e : node->endpoints) {
    if (e->method == method) {
      throw std::invalid_argument("route registered twice: " + method + " " + pattern);
    }
  }
  entry->method = std::move(method);
  entry->pattern = std::move(pattern);
  entry->handler = std::move(handler);
  node->endpoints.push_back(entry.get());
  entries_.push_back(std::move(entry));
}

Router::Match Router::Find(std::string_view method, std::string_view raw_path) const {
  Match match;
  Segments segs;
  size_t n = 0;
  if (raw_path.empty() || raw_path.front() != '/' || !Split(raw_path, &segs, &n)) return match;

  // Decoded copies of escaped segments; reserved up front so views stay valid.
  std::string decoded;
  if (raw_path.find('%') != std::string_view::npos) {
    decoded.reserve(raw_path.size());
    for (size_t i = 0; i < n; ++i) {
      if (segs[i].find('%') == std::string_view::npos) continue;
      size_t start = decoded.size();
      if (!PercentDecode(segs[i], false, &decoded)) return match;
      segs[i] = std::string_view(decoded).substr(start);
    }
  }

  std::array<std::string_view, kMaxSegments> caps;
  auto find_method = [&](std::string_view wanted) {
    auto fn = [&](const Node& node, const auto& captures, size_t ncap) {
      for (const Entry* e : node.endpoints) {
        if (e->method != wanted) continue;
        match.kind = MatchKind::kFound;
        match.handler = &e->handler;
        match.pattern = e->pattern;
        match.params.reserve(ncap);
        for (size_t i = 0; i < ncap; ++i) {
          match.params.emplace_back(e->param_names[i], captures[i]);
        }
        return true;
      }
      return false;
    };
    return Visit(*root_, segs, n, 0, caps, 0, fn);
  };
  if (find_method(method)) return match;
  if (method == "HEAD" && find_method("GET")) return match;

  std::vector<std::string_view> allowed;
  auto collect = [&](const Node& node, const auto&, size_t) {
    for (const Entry* e : node.endpoints) allowed.push_back(e->method);
    return false;
  };
  Visit(*root_, segs, n, 0, caps, 0, collect);
  if (allowed.empty()) return match;
  std::sort(allowed.begin(), allowed.end());
  allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
  match.kind = MatchKind::kMethodNotAllowed;
  for (std::string_view m : allowed) {
    if (!match.allow.empty()) match.allow.append(", ");
    match.allow.append(m);
  }
  return match;
}

Response Router::Dispatch(Request& req) const {
  Match match = Find(req.method, req.RawPath());
  switch (match.kind) {
    case MatchKind::kFound:
      req.route.assign(match.pattern);
      req.params.clear();
      for (auto& [name, value] : match.params) {
        req.params.emplace(std::move(name), std::move(value));
      }
      return (*match.handler)(req);
    case MatchKind::kMethodNotAllowed: {
      Response res = MakeProblem(405, "method-not-allowed", "Method not allowed",
                                 "This resource does not support the request method.");
      res.SetHeader("Allow", std::move(match.allow));
      return res;
    }
    case MatchKind::kNotFound:
      break;
  }
  return MakeProblem(404, "not-found", "Not found", "No resource matches this path.");
}

std::vector<Router::Route> Router::Routes() const {
  std::vector<Route> routes;
  routes.reserve(entries_.size());
  for (const auto& e : entries_) routes.push_back({e->method, e->pattern});
  return routes;
}

}  // namespace luister::http
