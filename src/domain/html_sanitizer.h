#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace luister {

// Nesting of non-void elements beyond which HTML is read as text.
inline constexpr size_t kMaxHtmlDepth = 256;
// Start tags beyond which HTML is read as text.
inline constexpr size_t kMaxHtmlElements = 20000;

// What one run cost: for tests, the fuzzer and the benchmarks.
struct HtmlStats {
  size_t depth = 0;       // deepest nesting the scan estimated
  size_t elements = 0;    // start tags the scan counted
  bool parsed = false;    // false: beyond the bounds (or empty), read as text
  size_t peak_bytes = 0;  // most memory the parser held at once
};

// Appends `c` to `out`, escaped for HTML text and attribute values (&, <,
// >, ", ').
void AppendHtmlEscaped(char c, std::string* out);
std::string EscapeHtml(std::string_view s);

// Turns untrusted HTML (from e-mail, chat, API clients) into a safe subset:
// an allowlist of formatting elements, links only with http, https or mailto
// targets (rendered with rel="noopener noreferrer nofollow"), images only
// when they name a part of the same e-mail (`<img src="cid:…" alt="…">`;
// remote images are dropped: loading them tells the sender who read the
// mail, when), no attributes otherwise, no scripts, styles, event handlers,
// forms or embedded content.
// Parsing follows HTML5 (gumbo), so malformed markup is handled the way a
// browser would read it. Output is well-formed and escaped.
//
// Bounded: the parser's time grows with the square of the nesting depth, so
// a cheap scan measures the nesting and the number of elements first, and
// HTML beyond kMaxHtmlDepth or kMaxHtmlElements is not parsed but read as
// text (tags dropped, the words kept). Parse errors are not recorded. Under
// those bounds the parser's memory stays within a small multiple of the
// input (HtmlStats::peak_bytes; html_sanitizer_test.cc holds it there).
std::string SanitizeHtml(std::string_view html, HtmlStats* stats = nullptr);

// Plain text of an HTML fragment: block elements become line breaks,
// scripts and styles are dropped, whitespace is collapsed. Bounded as
// SanitizeHtml is.
std::string HtmlToText(std::string_view html, HtmlStats* stats = nullptr);

// The inline images of sanitised HTML (SanitizeHtml's `<img src="cid:…">`)
// pointed at where their bytes are served: `url(content_id)` gives the
// address, or nullopt to leave the image as it is (its part was not kept).
std::string LinkInlineImages(
    std::string_view sanitized_html,
    const std::function<std::optional<std::string>(std::string_view content_id)>& url);

}  // namespace luister
