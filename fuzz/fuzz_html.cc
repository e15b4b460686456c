// The HTML sanitiser every message (and every inbound e-mail) passes
// through. Any bytes: output in which every tag is one of the allowed
// formatting elements without attributes, a link with a safe target, or an
// inline image of the same mail (cid:);
// within the parser's memory bound.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/html_sanitizer.h"

namespace {

bool AllowedTag(std::string_view name) {
  for (std::string_view t :
       {"p",     "br",         "b",     "strong", "i",  "em", "u",    "s",   "ul",  "ol",
        "li",    "blockquote", "pre",   "code",   "a",  "h1", "h2",   "h3",  "h4",  "hr",
        "table", "thead",      "tbody", "tr",     "td", "th", "span", "div", "sub", "sup"})
    if (t == name) return true;
  return false;
}

// Every '<' of the output opens an allowed tag: text is escaped, so any other
// '<' would be markup that slipped through.
bool Safe(std::string_view out) {
  for (size_t i = out.find('<'); i != std::string_view::npos; i = out.find('<', i + 1)) {
    size_t end = out.find('>', i);
    if (end == std::string_view::npos) return false;
    std::string_view tag = out.substr(i + 1, end - i - 1);
    if (!tag.empty() && tag[0] == '/') tag.remove_prefix(1);
    constexpr std::string_view kLink = "a href=\"";
    if (tag.substr(0, kLink.size()) == kLink) {
      std::string_view href = tag.substr(kLink.size());
      std::string scheme;
      for (char c : href.substr(0, 8))
        scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (scheme.rfind("https://", 0) != 0 && scheme.rfind("http://", 0) != 0 &&
          scheme.rfind("mailto:", 0) != 0)
        return false;
      size_t close = href.find('"');
      if (close == std::string_view::npos ||
          href.substr(close) != "\" rel=\"noopener noreferrer nofollow\"")
        return false;
      continue;
    }
    // An inline image of the same mail: <img src="cid:ID" alt="TEXT">, both
    // values escaped (no quote inside), nothing else.
    constexpr std::string_view kImage = "img src=\"cid:";
    if (tag.substr(0, kImage.size()) == kImage) {
      std::string_view rest = tag.substr(kImage.size());
      size_t id_end = rest.find('"');
      if (id_end == 0 || id_end == std::string_view::npos) return false;
      for (char c : rest.substr(0, id_end))
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
      rest.remove_prefix(id_end);
      constexpr std::string_view kAlt = "\" alt=\"";
      if (rest.substr(0, kAlt.size()) != kAlt) return false;
      rest.remove_prefix(kAlt.size());
      if (rest.empty() || rest.back() != '"' || rest.find('"') != rest.size() - 1) return false;
      continue;
    }
    if (!AllowedTag(tag)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  luister::HtmlStats stats;
  std::string clean = luister::SanitizeHtml(html, &stats);
  if (!Safe(clean)) std::abort();
  if (stats.parsed && stats.peak_bytes > (64u << 20)) std::abort();
  (void)luister::HtmlToText(html);
  return 0;
}
