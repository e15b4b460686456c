#pragma once

#include <string>
#include <string_view>

namespace luister {

// Turns untrusted HTML (from e-mail, chat, API clients) into a safe subset:
// an allowlist of formatting elements, links only with http, https or mailto
// targets (rendered with rel="noopener noreferrer nofollow"), no attributes
// otherwise, no scripts, styles, event handlers, forms or embedded content.
// Parsing follows HTML5 (gumbo), so malformed markup is handled the way a
// browser would read it. Output is well-formed and escaped.
std::string SanitizeHtml(std::string_view html);

// Plain text of an HTML fragment: block elements become line breaks,
// scripts and styles are dropped, whitespace is collapsed.
std::string HtmlToText(std::string_view html);

}  // namespace luister
