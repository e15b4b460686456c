#include "http/problem.h"

#include <nlohmann/json.hpp>

namespace luister::http {

namespace {

struct Mapping {
  StatusCode code;
  int http_status;
  const char* slug;
  const char* title;
};

constexpr Mapping kMappings[] = {
    {StatusCode::kInvalidArgument, 400, "validation", "Invalid request"},
    {StatusCode::kUnauthorized, 401, "unauthorized", "Authentication required"},
    {StatusCode::kForbidden, 403, "forbidden", "Not allowed"},
    {StatusCode::kNotFound, 404, "not-found", "Not found"},
    {StatusCode::kConflict, 409, "conflict", "Conflict"},
    {StatusCode::kResourceExhausted, 429, "rate-limited", "Too many requests"},
    {StatusCode::kInternal, 500, "internal", "Internal error"},
    {StatusCode::kUnavailable, 503, "unavailable", "Service unavailable"},
};

const Mapping& MappingFor(StatusCode code) {
  for (const auto& m : kMappings)
    if (m.code == code) return m;
  return kMappings[6];  // internal
}

}  // namespace

int HttpStatusFor(StatusCode code) { return MappingFor(code).http_status; }

Response ProblemResponse(int status, std::string_view slug, std::string_view title,
                         std::string_view detail) {
  nlohmann::json j = {{"type", "https://luister.dev/problems/" + std::string(slug)},
                      {"title", title},
                      {"status", status},
                      {"detail", detail}};
  Response r;
  r.status = status;
  r.content_type = "application/problem+json";
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response ProblemFromStatus(const Status& status) {
  const Mapping& m = MappingFor(status.code());
  nlohmann::json j = {{"type", std::string("https://luister.dev/problems/") + m.slug},
                      {"title", m.title},
                      {"status", m.http_status},
                      {"detail", status.message()}};
  if (!status.fields().empty()) {
    auto& errors = j["errors"] = nlohmann::json::array();
    for (const auto& f : status.fields())
      errors.push_back({{"field", f.field}, {"message", f.message}});
  }
  Response r;
  r.status = m.http_status;
  r.content_type = "application/problem+json";
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

}  // namespace luister::http
