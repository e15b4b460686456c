#include "domain/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace luister {

namespace {

bool IsAllowed(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_I:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_U:
    case GUMBO_TAG_S:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_A:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
      return true;
    default:
      return false;
  }
}

// Content of these is dropped entirely, not just the tags.
bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool IsVoid(GumboTag tag) { return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR; }

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE:
      return true;
    default:
      return false;
  }
}

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) AppendHtmlEscaped(c, out);
}

// The link target as a browser reads it (tabs and line breaks removed,
// control characters and spaces trimmed from the ends, as the URL standard
// does), when it is an http, https or mailto URL without other control
// characters; nullopt otherwise. The cleaned form is what is written, so the
// output says exactly what the browser will follow.
std::optional<std::string> SafeHref(std::string_view href) {
  std::string url;
  for (char c : href)
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  auto trimmed = [](unsigned char c) { return c <= 0x20; };
  while (!url.empty() && trimmed(static_cast<unsigned char>(url.front()))) url.erase(0, 1);
  while (!url.empty() && trimmed(static_cast<unsigned char>(url.back()))) url.pop_back();
  for (char c : url)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return std::nullopt;
  std::string lower;
  for (char c : url.substr(0, 8))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 ||
      lower.rfind("mailto:", 0) == 0)
    return url;
  return std::nullopt;
}

// What AppendEscaped wrote, read back.
std::string Unescape(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool replaced = false;
    if (s[i] == '&') {
      for (const auto& [entity, c] : kEntities) {
        if (s.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          replaced = true;
          break;
        }
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The Content-ID an <img src="cid:…"> names (RFC 2392, without the angle
// brackets a Content-ID header has), when it is a cid: URL of printable
// characters; nullopt for every other image: remote images are not loaded
// (they tell the sender when and where a mail was read).
std::optional<std::string> InlineImageId(std::string_view src) {
  while (!src.empty() && static_cast<unsigned char>(src.front()) <= 0x20) src.remove_prefix(1);
  while (!src.empty() && static_cast<unsigned char>(src.back()) <= 0x20) src.remove_suffix(1);
  if (src.size() <= 4) return std::nullopt;
  std::string scheme;
  for (char c : src.substr(0, 4))
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "cid:") return std::nullopt;
  std::string id(src.substr(4));
  for (char c : id)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return std::nullopt;
  return id;
}

const GumboVector* ChildrenOf(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
}

bool IsText(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
         node->type == GUMBO_NODE_CDATA;
}

bool IsContainer(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT || node->type == GUMBO_NODE_ELEMENT ||
         node->type == GUMBO_NODE_TEMPLATE;
}

// Walks the tree depth first without recursion (the depth is bounded before
// parsing, but the walk should not depend on that): `enter` is called for
// each node and says whether to walk its children; `leave` after them.
template <typename Enter, typename Leave>
void Walk(const GumboNode* root, Enter enter, Leave leave) {
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack;
  if (enter(root) && IsContainer(root)) stack.push_back({root, 0});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector* children = ChildrenOf(top.node);
    if (top.next == children->length) {
      const GumboNode* done = top.node;
      stack.pop_back();
      leave(done);
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children->data[top.next++]);
    if (enter(child) && IsContainer(child)) stack.push_back({child, 0});
  }
}

void Sanitize(const GumboNode* root, std::string* out) {
  auto kept = [](const GumboNode* node) {
    return node->type != GUMBO_NODE_DOCUMENT && IsAllowed(node->v.element.tag);
  };
  Walk(
      root,
      [&](const GumboNode* node) {
        if (IsText(node)) {
          AppendEscaped(node->v.text.text, out);
          return false;
        }
        if (!IsContainer(node)) return false;  // comments
        if (node->type == GUMBO_NODE_DOCUMENT) return true;
        GumboTag tag = node->v.element.tag;
        if (IsDropped(tag)) return false;
        if (tag == GUMBO_TAG_IMG) {
          const GumboAttribute* src = gumbo_get_attribute(&node->v.element.attributes, "src");
          if (auto cid = src ? InlineImageId(src->value) : std::nullopt) {
            const GumboAttribute* alt = gumbo_get_attribute(&node->v.element.attributes, "alt");
            *out += "<img src=\"cid:";
            AppendEscaped(*cid, out);
            *out += "\" alt=\"";
            if (alt) AppendEscaped(alt->value, out);
            *out += "\">";
          }
          return false;
        }
        if (!kept(node)) return true;
        *out += '<';
        *out += gumbo_normalized_tagname(tag);
        if (tag == GUMBO_TAG_A) {
          const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href");
          if (auto url = href ? SafeHref(href->value) : std::nullopt) {
            *out += " href=\"";
            AppendEscaped(*url, out);
            *out += "\" rel=\"noopener noreferrer nofollow\"";
          }
        }
        *out += '>';
        return !IsVoid(tag);
      },
      [&](const GumboNode* node) {
        if (!kept(node)) return;
        *out += "</";
        *out += gumbo_normalized_tagname(node->v.element.tag);
        *out += '>';
      });
}

// Text of the tree; quoted blocks (<blockquote>) have their lines prefixed
// with "> " per level, as mail clients write quotes in plain text.
void ToText(const GumboNode* root, std::string* out) {
  auto block = [](const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag);
  };
  auto quote = [](const GumboNode* node) {
    return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_BLOCKQUOTE;
  };
  size_t depth = 0;
  auto emit = [&](std::string_view text) {
    for (char c : text) {
      if (depth > 0 && c != '\n' && (out->empty() || out->back() == '\n')) {
        for (size_t i = 0; i < depth; ++i) *out += "> ";
      }
      *out += c;
    }
  };
  Walk(
      root,
      [&](const GumboNode* node) {
        if (IsText(node)) {
          emit(node->v.text.text);
          return false;
        }
        if (!IsContainer(node)) return false;
        if (node->type != GUMBO_NODE_DOCUMENT) {
          if (IsDropped(node->v.element.tag)) return false;
          if (node->v.element.tag == GUMBO_TAG_BR) {
            *out += '\n';
            return false;
          }
        }
        if (block(node)) *out += '\n';
        if (quote(node)) ++depth;
        return true;
      },
      [&](const GumboNode* node) {
        if (quote(node) && depth > 0) --depth;
        if (block(node)) *out += '\n';
      });
}

// Void elements never nest; elements that the next of their kind closes
// (p, li, td ...) nest only through a container that is counted itself.
bool NeverNests(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "area",   "base",  "br",  "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p",   "li",    "dt", "dd",  "tr",    "td",   "th",   "option"};
  for (std::string_view n : kNames)
    if (n == name) return true;
  return false;
}

// A scan of the markup, cheap and linear: how deep elements nest and how
// many there are, estimated from start and end tags as a browser would
// count them (void and self-closing elements do not nest).
void Measure(std::string_view html, HtmlStats* stats) {
  size_t depth = 0;
  size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    const bool closing = i + 1 < html.size() && html[i + 1] == '/';
    size_t j = i + (closing ? 2 : 1);
    name.clear();
    while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j])))
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++])));
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) {
      ++i;
      continue;
    }
    size_t end = html.find('>', j);
    if (end == std::string_view::npos) end = html.size();
    const bool self_closing = end > j && end < html.size() && html[end - 1] == '/';
    if (closing) {
      if (!NeverNests(name) && depth > 0) --depth;
    } else {
      ++stats->elements;
      if (!NeverNests(name) && !self_closing) stats->depth = std::max(stats->depth, ++depth);
    }
    i = end;
  }
}

// HTML read as text without a parser, for what is beyond the bounds: tags
// and comments dropped, the common entities decoded, block ends as breaks.
std::string StripTags(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.compare(i, 4, "<!--") == 0 ? html.find("-->", i) : html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string_view tag = html.substr(i, end - i);
      if (tag.rfind("<br", 0) == 0 || tag.rfind("</p", 0) == 0 || tag.rfind("</div", 0) == 0 ||
          tag.rfind("</li", 0) == 0 || tag.rfind("</tr", 0) == 0)
        out += '\n';
      i = end + (html.compare(i, 4, "<!--") == 0 ? 3 : 1);
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"},   {"&lt;", "<"},  {"&gt;", ">"},
          {"&quot;", "\""}, {"&#39;", "'"}, {"&nbsp;", " "}};
      bool decoded = false;
      for (const auto& [entity, text] : kEntities) {
        if (html.compare(i, entity.size(), entity) == 0) {
          out += text;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += c;
    ++i;
  }
  return out;
}

// Counts what the parser holds: each block carries its size in front.
struct Accounting {
  size_t live = 0;
  size_t peak = 0;
};
constexpr size_t kHeader = alignof(std::max_align_t);

void* Allocate(void* userdata, size_t size) {
  auto* a = static_cast<Accounting*>(userdata);
  auto* block = static_cast<char*>(std::malloc(size + kHeader));
  if (block == nullptr) std::abort();  // as gumbo's own allocator does
  *reinterpret_cast<size_t*>(block) = size;
  a->live += size;
  a->peak = std::max(a->peak, a->live);
  return block + kHeader;
}

void Deallocate(void* userdata, void* ptr) {
  if (ptr == nullptr) return;
  char* block = static_cast<char*>(ptr) - kHeader;
  static_cast<Accounting*>(userdata)->live -= *reinterpret_cast<size_t*>(block);
  std::free(block);
}

// One bounded parse: `use` gets the tree, or nothing when the input is
// beyond the bounds.
template <typename Use>
bool Parse(std::string_view html, HtmlStats* stats, Use use) {
  HtmlStats local;
  HtmlStats& s = stats ? *stats : local;
  s = HtmlStats{};
  Measure(html, &s);
  if (html.empty() || s.depth > kMaxHtmlDepth || s.elements > kMaxHtmlElements) return false;
  Accounting accounting;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = Allocate;
  options.deallocator = Deallocate;
  options.userdata = &accounting;
  options.max_errors = 0;  // errors are not used; recording them costs memory
  // As a fragment inside <body>, so a bare "<b>x</b>" stays inline.
  options.fragment_context = GUMBO_TAG_BODY;
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  use(parsed->root);
  gumbo_destroy_output(&options, parsed);
  s.parsed = true;
  s.peak_bytes = accounting.peak;
  return true;
}

}  // namespace

void AppendHtmlEscaped(char c, std::string* out) {
  switch (c) {
    case '&':
      *out += "&amp;";
      break;
    case '<':
      *out += "&lt;";
      break;
    case '>':
      *out += "&gt;";
      break;
    case '"':
      *out += "&quot;";
      break;
    case '\'':
      *out += "&#39;";
      break;
    default:
      *out += c;
  }
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) AppendHtmlEscaped(c, &out);
  return out;
}

std::string SanitizeHtml(std::string_view html, HtmlStats* stats) {
  std::string out;
  out.reserve(html.size());
  if (Parse(html, stats, [&](const GumboNode* root) { Sanitize(root, &out); })) return out;
  // Beyond the bounds: the words, escaped, as one paragraph.
  std::string text = StripTags(html);
  if (text.empty()) return out;
  out += "<p>";
  for (char c : text) {
    if (c == '\n') {
      out += "<br>";
    } else {
      AppendEscaped(std::string_view(&c, 1), &out);
    }
  }
  out += "</p>";
  return out;
}

std::string HtmlToText(std::string_view html, HtmlStats* stats) {
  std::string raw;
  if (!Parse(html, stats, [&](const GumboNode* root) { ToText(root, &raw); }))
    raw = StripTags(html);
  // Collapse runs of spaces and keep at most one blank line.
  std::string out;
  int newlines = 0;
  bool space = false;
  for (char c : raw) {
    if (c == '\n') {
      ++newlines;
      space = false;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      space = true;
    } else {
      if (!out.empty()) {
        if (newlines)
          out.append(std::min(newlines, 2), '\n');
        else if (space)
          out += ' ';
      }
      newlines = 0;
      space = false;
      out += c;
    }
  }
  return out;
}

std::string LinkInlineImages(
    std::string_view html, const std::function<std::optional<std::string>(std::string_view)>& url) {
  static constexpr std::string_view kOpen = "<img src=\"cid:";
  std::string out;
  out.reserve(html.size());
  size_t at = 0;
  for (size_t found; (found = html.find(kOpen, at)) != std::string_view::npos;) {
    size_t id_start = found + kOpen.size();
    size_t id_end = html.find('"', id_start);
    if (id_end == std::string_view::npos) break;
    out.append(html.substr(at, found - at));
    std::string id = Unescape(html.substr(id_start, id_end - id_start));
    out += "<img src=\"";
    if (auto link = url(id))
      AppendEscaped(*link, &out);
    else
      out += "cid:" + std::string(html.substr(id_start, id_end - id_start));
    out += '"';
    at = id_end + 1;
  }
  out.append(html.substr(at));
  return out;
}

}  // namespace luister
