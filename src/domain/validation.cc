#include "domain/validation.h"

#include <algorithm>
#include <cctype>

#include "domain/phone.h"

namespace luister {

bool IsWebUrl(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  std::string scheme = AsciiLower(url.substr(0, scheme_end));
  if (scheme != "https" && scheme != "http") return false;
  std::string_view rest = url.substr(scheme_end + 3);
  if (rest.empty() || rest.front() == '/') return false;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= ' ') return false;
  return url.size() <= 2000;
}

bool IsSlug(std::string_view s) {
  if (s.empty() || s.size() > 60 || s.front() == '-' || s.back() == '-') return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.find("--") == std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    int extra = (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || i + extra >= s.size()) return false;
    uint32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc >> 6) != 0x2) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

std::string RepairUtf8(std::string_view s) {
  if (IsValidUtf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80             ? 1
               : (c & 0xE0) == 0xC0 ? 2
               : (c & 0xF0) == 0xE0 ? 3
               : (c & 0xF8) == 0xF0 ? 4
                                    : 0;
    if (n > 0 && i + n <= s.size() && IsValidUtf8(s.substr(i, n))) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out.append("\xEF\xBF\xBD");
      ++i;
    }
  }
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string Utf8Prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut));
}

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsDomainLabelChar(unsigned char c) { return std::isalnum(c) || c == '-' || c >= 0x80; }

}  // namespace

Result<std::string> NormaliseEmail(std::string_view in) {
  std::string s = Lower(Trim(in));
  if (s.empty()) return InvalidArgument("e-mail address is empty");
  if (s.size() > 254) return InvalidArgument("e-mail address is longer than 254 characters");
  if (!IsValidUtf8(s)) return InvalidArgument("e-mail address is not valid UTF-8");
  auto at = s.find('@');
  if (at == std::string::npos || s.find('@', at + 1) != std::string::npos)
    return InvalidArgument("e-mail address must contain exactly one '@'");
  std::string_view local(s.data(), at), domain(s.data() + at + 1, s.size() - at - 1);
  if (local.empty() || local.size() > 64) return InvalidArgument("e-mail local part is invalid");
  for (unsigned char c : local)
    if (c <= 0x20 || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' ||
        c == '>' || c == '[' || c == ']' || c == '\\' || c == '"')
      return InvalidArgument("e-mail local part contains a character that is not allowed");
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return InvalidArgument("e-mail local part has misplaced dots");
  if (domain.find('.') == std::string_view::npos)
    return InvalidArgument("e-mail domain must contain a dot");
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? domain.npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
      return InvalidArgument("e-mail domain is invalid");
    for (unsigned char c : label)
      if (!IsDomainLabelChar(c)) return InvalidArgument("e-mail domain is invalid");
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return s;
}

Result<std::string> NormaliseSocialHandle(std::string_view in) {
  std::string s = Lower(Trim(in));
  auto colon = s.find(':');
  if (colon == std::string::npos || colon == 0)
    return InvalidArgument("social handle must look like network:handle");
  std::string network = s.substr(0, colon);
  std::string handle = s.substr(colon + 1);
  if (!handle.empty() && handle[0] == '@') handle.erase(0, 1);
  if (handle.empty()) return InvalidArgument("social handle is empty");
  if (network.size() > 32 || handle.size() > 100)
    return InvalidArgument("social handle is too long");
  for (unsigned char c : network)
    if (!std::isalnum(c) && c != '_' && c != '-' && c != '.')
      return InvalidArgument("social network name may only contain letters, digits, _ - .");
  for (unsigned char c : handle)
    if (c <= 0x20 || c == ':') return InvalidArgument("social handle contains spaces or ':'");
  if (!IsValidUtf8(handle)) return InvalidArgument("social handle is not valid UTF-8");
  return network + ":" + handle;
}

Result<std::string> NormaliseIdentity(IdentityKind kind, std::string_view in) {
  switch (kind) {
    case IdentityKind::kEmail:
      return NormaliseEmail(in);
    case IdentityKind::kPhone:
      return NormalisePhone(in);
    case IdentityKind::kSocial:
      return NormaliseSocialHandle(in);
  }
  return InvalidArgument("unknown identity kind");
}

Result<std::string> NormaliseTag(std::string_view in) {
  std::string s = Lower(Trim(in));
  if (s.empty() || s.size() > 40) return InvalidArgument("tag must be 1 to 40 characters");
  if (!IsValidUtf8(s)) return InvalidArgument("tag is not valid UTF-8");
  for (unsigned char c : s)
    if (!(std::isalnum(c) || c == '_' || c == '-' || c >= 0x80))
      return InvalidArgument("tag may only contain letters, digits, _ and -");
  return s;
}

std::optional<std::string> CheckImportedTime(Timestamp t, Timestamp now) {
  if (t < Timestamp{} || t > now + std::chrono::hours(24))
    return "must lie between 1970-01-01 and one day from now";
  return std::nullopt;
}

std::string WithoutControlCharacters(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7f) continue;
    out += c;
  }
  return out;
}

}  // namespace luister
