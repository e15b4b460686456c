#include "domain/html_sanitizer.h"
#include "domain/validation.h"
#include "http/api/api_context.h"
#include "http/api/json_codec.h"
#include "http/api/module.h"

namespace luister::http {

namespace {

// Escapes a highlight snippet for HTML and turns the storage markers into
// <mark> elements, balanced whatever the text holds (a marker character in
// stored text, from before input stripped them, opens nothing twice), so
// clients get text and <mark> only.
std::string HighlightToHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 32);
  bool open = false;
  for (char c : s) {
    switch (c) {
      case kHighlightOpen:
        if (!open) out += "<mark>";
        open = true;
        break;
      case kHighlightClose:
        if (open) out += "</mark>";
        open = false;
        break;
      default:
        AppendHtmlEscaped(c, &out);
    }
  }
  if (open) out += "</mark>";
  return out;
}

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add(
      "GET", "/api/v1/search",
      Secured(
          Permission::kSearch, Searches("search"),
          [&ctx](Request& req, const auth::Principal& who, AuditScope& audit) -> Result<Response> {
            QueryReader q{req};
            SearchQuery sq;
            auto text = req.Query("q");
            if (!text || Trim(*text).empty())
              q.errors.push_back({"q", "is required"});
            else if (text->size() > 500 || !IsValidUtf8(*text))
              q.errors.push_back({"q", "must be valid UTF-8 of at most 500 bytes"});
            else
              sq.text = *text;
            if (auto s = req.Query("scope")) {
              if (*s == "messages")
                sq.scope = SearchScope::kMessages;
              else if (*s == "conversations")
                sq.scope = SearchScope::kConversations;
              else if (*s == "customers")
                sq.scope = SearchScope::kCustomers;
              else
                q.errors.push_back({"scope", "must be one of: messages, conversations, customers"});
            }
            sq.channel = q.Enum<Channel>("channel");
            sq.department_id = q.Int("department_id");
            if (auto l = q.Int("limit")) {
              if (*l < 1 || *l > 100)
                q.errors.push_back({"limit", "must be between 1 and 100"});
              else
                sq.limit = static_cast<int>(*l);
            }
            if (auto o = q.Int("offset")) {
              if (*o < 0 || *o > 10000)
                q.errors.push_back({"offset", "must be between 0 and 10000"});
              else
                sq.offset = static_cast<int>(*o);
            }
            LUISTER_RETURN_IF_ERROR(q.Finish());
            LUISTER_ASSIGN_OR_RETURN(auto hits, ctx.store.search().Search(sq));
            nlohmann::json items = nlohmann::json::array();
            for (const auto& h : hits) {
              if (h.customer_id) audit.Touched(std::nullopt, h.customer_id);
              nlohmann::json j = ToJson(h);
              j["highlight"] = HighlightToHtml(h.highlight);
              items.push_back(std::move(j));
            }
            return JsonResponse(
                200, {{"items", std::move(items)}, {"offset", sq.offset}, {"limit", sq.limit}});
          }));
}

}  // namespace

// Full-text search over messages, conversations and customers.
ApiModule SearchModule() { return {"search", {}, {}, Routes, {}}; }

}  // namespace luister::http
