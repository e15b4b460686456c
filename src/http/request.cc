#include "http/request.h"

namespace luister::http {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Assigns into element `i`, growing the vector only when needed, so that a
// Request reused across keep-alive requests keeps its string capacity.
void AssignPair(std::vector<std::pair<std::string, std::string>>& v, size_t i, std::string_view key,
                std::string_view value, bool* ok) {
  if (i == v.size()) v.emplace_back();
  auto& [k, val] = v[i];
  k.clear();
  val.clear();
  *ok = PercentDecode(key, true, &k) && PercentDecode(value, true, &val);
}

}  // namespace

bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out) {
  size_t start = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c != '%' && !(plus_as_space && c == '+')) continue;
    out->append(in.data() + start, i - start);
    if (c == '+') {
      out->push_back(' ');
      start = i + 1;
      continue;
    }
    if (in.size() - i < 3) return false;
    int hi = HexValue(in[i + 1]);
    int lo = HexValue(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out->push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
    start = i + 1;
  }
  out->append(in.data() + start, in.size() - start);
  return true;
}

bool DecodeTarget(Request* req) {
  std::string_view target = req->target;
  if (target.empty() || target.front() != '/') return false;
  size_t q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  req->path.clear();
  if (!PercentDecode(raw_path, false, &req->path)) return false;
  if (req->path.find('\0') != std::string::npos) return false;

  size_t n = 0;
  bool ok = true;
  if (q != std::string_view::npos) {
    std::string_view rest = target.substr(q + 1);
    while (!rest.empty() && ok) {
      size_t amp = rest.find('&');
      std::string_view pair = rest.substr(0, amp);
      rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
      if (pair.empty()) continue;
      size_t eq = pair.find('=');
      std::string_view key = pair.substr(0, eq);
      std::string_view value =
          eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
      AssignPair(req->query, n++, key, value, &ok);
    }
  }
  req->query.resize(n);
  return ok;
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return v;
  }
  return {};
}

std::optional<std::string> Request::Query(std::string_view key) const {
  for (const auto& [k, v] : query) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::string_view Request::Param(std::string_view name) const {
  auto it = params.find(name);
  return it == params.end() ? std::string_view() : std::string_view(it->second);
}

std::string Request::Cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k != "cookie") continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      size_t semi = rest.find(';');
      std::string_view pair = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
      size_t eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (TrimSpaces(pair.substr(0, eq)) != name) continue;
      std::string_view value = TrimSpaces(pair.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return {};
}

std::string_view Request::RawPath() const {
  std::string_view t = target;
  return t.substr(0, t.find('?'));
}

}  // namespace luister::http
