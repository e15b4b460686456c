#include "http/api/public_page.h"

#include "domain/html_sanitizer.h"
#include "domain/validation.h"

namespace luister::http {

namespace {

constexpr char kStylesheet[] =
    "body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe "
    "UI',sans-serif;color:#1d2430;background:#f5f7fa}"
    ".form-page{max-width:40rem;margin:0 auto;padding:1.5rem 1rem}"
    "h1{font-size:1.5rem;margin:0 0 .5rem}"
    "h2{font-size:1.15rem;margin:1.5rem 0 .5rem}"
    ".field{display:flex;flex-direction:column;gap:.25rem;margin:0 0 1rem}"
    "label{font-weight:600}"
    "input,textarea,button{font:inherit}"
    "input:not([type=file]),textarea{padding:.5rem;border:1px solid #9aa5b5;border-radius:4px;"
    "background:#fff;width:100%;box-sizing:border-box}"
    "input:focus,textarea:focus,button:focus,a:focus,summary:focus{outline:3px solid "
    "#3b5bdb;outline-offset:1px}"
    "button{padding:.6rem 1.4rem;border:0;border-radius:4px;background:#3b5bdb;color:#fff;"
    "cursor:pointer}"
    "button.secondary{background:#fff;color:#3b5bdb;border:1px solid #3b5bdb}"
    "button:disabled{opacity:.6;cursor:default}"
    ".help,.privacy,.lang{font-size:.9rem;color:#4a5566;margin:0}"
    ".privacy{margin-top:1rem}"
    ".error{color:#b3261e;margin:0;font-size:.9rem}"
    ".problems{border:1px solid #f3c0c0;background:#fdecec;color:#8a1c1c;border-radius:4px;"
    "padding:.5rem .75rem;margin:0 0 1rem}"
    ".hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}"
    ".reference strong{font-size:1.25rem}"
    // The help page: the ask box, the assistant's replies, the answers.
    ".ask{display:flex;gap:.5rem;align-items:flex-end;margin:0 0 1rem}"
    ".ask .field{flex:1;margin:0}"
    ".reply{background:#fff;border:1px solid #d5dbe3;border-radius:6px;padding:.75rem 1rem;"
    "margin:0 0 1rem}"
    ".reply h3{font-size:1rem;margin:0 0 .25rem}"
    ".reply .text{white-space:pre-line;margin:0 0 .5rem}"
    ".reply .source{font-size:.85rem;color:#4a5566;margin:0 0 .5rem}"
    ".reply .actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}"
    ".person{margin:0 0 1rem}"
    "details{background:#fff;border:1px solid #d5dbe3;border-radius:6px;margin:0 0 .5rem;"
    "padding:.5rem .75rem}"
    "summary{cursor:pointer;font-weight:600}"
    "details .text{white-space:pre-line;margin:.5rem 0 0}";

}  // namespace

Language PageLanguage(const Request& req) {
  if (auto q = req.Query("lang")) return *q == "en" ? Language::kEn : Language::kNl;
  const std::string accept = AsciiLower(req.Header("accept-language"));
  if (accept.starts_with("en")) return Language::kEn;
  return Language::kNl;
}

Response PublicPage(int status, std::string_view title, Language lang, std::string_view main,
                    std::string_view stylesheet, std::string_view script) {
  Response r;
  r.status = status;
  r.content_type = "text/html; charset=utf-8";
  r.body = "<!doctype html>\n<html lang=\"";
  r.body += lang == Language::kEn ? "en" : "nl";
  r.body +=
      "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
      "content=\"width=device-width, initial-scale=1\"><title>";
  r.body += EscapeHtml(title);
  r.body += "</title><link rel=\"stylesheet\" href=\"";
  r.body += EscapeHtml(stylesheet);
  r.body += "\"></head><body><main class=\"form-page\">";
  r.body += main;
  r.body += "</main>";
  if (!script.empty()) {
    r.body += "<script src=\"";
    r.body += EscapeHtml(script);
    r.body += "\" defer></script>";
  }
  r.body += "</body></html>\n";
  r.SetHeader("Cache-Control", "no-store");
  return r;
}

Response PublicStylesheet() {
  Response r;
  r.content_type = "text/css; charset=utf-8";
  r.body = kStylesheet;
  r.SetHeader("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace luister::http
