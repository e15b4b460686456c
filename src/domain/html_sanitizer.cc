#include "domain/html_sanitizer.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace luister {

namespace {

bool IsAllowed(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_BR: case GUMBO_TAG_B: case GUMBO_TAG_STRONG:
    case GUMBO_TAG_I: case GUMBO_TAG_EM: case GUMBO_TAG_U: case GUMBO_TAG_S:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_CODE: case GUMBO_TAG_A: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_HR:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_SPAN: case GUMBO_TAG_DIV:
    case GUMBO_TAG_SUB: case GUMBO_TAG_SUP:
      return true;
    default:
      return false;
  }
}

// Content of these is dropped entirely, not just the tags.
bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_SELECT:
      return true;
    default:
      return false;
  }
}

bool IsVoid(GumboTag tag) { return tag == GUMBO_TAG_BR || tag == GUMBO_TAG_HR; }

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_LI:
    case GUMBO_TAG_TR: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_TABLE:
      return true;
    default:
      return false;
  }
}

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    switch (c) {
      case '&': *out += "&amp;"; break;
      case '<': *out += "&lt;"; break;
      case '>': *out += "&gt;"; break;
      case '"': *out += "&quot;"; break;
      case '\'': *out += "&#39;"; break;
      default: *out += c;
    }
  }
}

bool IsSafeHref(std::string_view href) {
  std::string lower;
  for (char c : href) {
    if (std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20)
      continue;  // browsers ignore these inside schemes ("java\tscript:")
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 ||
         lower.rfind("mailto:", 0) == 0;
}

void Sanitize(const GumboNode* node, std::string* out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      AppendEscaped(node->v.text.text, out);
      return;
    case GUMBO_NODE_COMMENT:
      return;
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
  }
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT
                                    ? &node->v.document.children
                                    : &node->v.element.children;
  GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
  if (node->type != GUMBO_NODE_DOCUMENT && IsDropped(tag)) return;
  bool keep = node->type != GUMBO_NODE_DOCUMENT && IsAllowed(tag);
  if (keep) {
    *out += '<';
    *out += gumbo_normalized_tagname(tag);
    if (tag == GUMBO_TAG_A) {
      const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href");
      if (href && IsSafeHref(href->value)) {
        *out += " href=\"";
        AppendEscaped(href->value, out);
        *out += "\" rel=\"noopener noreferrer nofollow\"";
      }
    }
    *out += '>';
    if (IsVoid(tag)) return;
  }
  for (unsigned i = 0; i < children->length; ++i)
    Sanitize(static_cast<const GumboNode*>(children->data[i]), out);
  if (keep) {
    *out += "</";
    *out += gumbo_normalized_tagname(tag);
    *out += '>';
  }
}

void ToText(const GumboNode* node, std::string* out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    *out += node->v.text.text;
    return;
  }
  if (node->type == GUMBO_NODE_COMMENT) return;
  const GumboVector* children = node->type == GUMBO_NODE_DOCUMENT
                                    ? &node->v.document.children
                                    : &node->v.element.children;
  bool block = false;
  if (node->type != GUMBO_NODE_DOCUMENT) {
    if (IsDropped(node->v.element.tag)) return;
    if (node->v.element.tag == GUMBO_TAG_BR) {
      *out += '\n';
      return;
    }
    block = IsBlock(node->v.element.tag);
  }
  if (block) *out += '\n';
  for (unsigned i = 0; i < children->length; ++i)
    ToText(static_cast<const GumboNode*>(children->data[i]), out);
  if (block) *out += '\n';
}

// Parses as a fragment inside <body> so a bare "<b>x</b>" stays inline.
GumboOutput* ParseFragment(std::string_view html) {
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_BODY;
  return gumbo_parse_with_options(&options, html.data(), html.size());
}

}  // namespace

std::string SanitizeHtml(std::string_view html) {
  if (html.empty()) return {};
  GumboOutput* parsed = ParseFragment(html);
  std::string out;
  out.reserve(html.size());
  Sanitize(parsed->root, &out);
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
  return out;
}

std::string HtmlToText(std::string_view html) {
  if (html.empty()) return {};
  GumboOutput* parsed = ParseFragment(html);
  std::string raw;
  ToText(parsed->root, &raw);
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
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
        if (newlines) out.append(std::min(newlines, 2), '\n');
        else if (space) out += ' ';
      }
      newlines = 0;
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace luister
