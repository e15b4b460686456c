#include "http/api/api_context.h"
#include "http/api/module.h"
#include "http/security_headers.h"

namespace luister::http {

namespace {

void Routes(ApiRoutes& r, ApiContext& ctx) {
  r.Add("GET", "/healthz", Public([&ctx](Request&) -> Result<Response> {
          Status db = ctx.store.Ping();
          nlohmann::json body = {{"status", db.ok() ? "ok" : "unavailable"},
                                 {"database", db.ok() ? "ok" : db.message()},
                                 {"version", ctx.version}};
          return JsonResponse(db.ok() ? 200 : 503, body);
        }));
  r.Add("GET", "/metrics", Public([&ctx](Request& req) -> Result<Response> {
          // Per-route counts and failed logins are not for everyone.
          if (!MayScrapeMetrics(req, ctx.metrics_token))
            return Forbidden(
                "metrics are served to this host or to a scraper with the metrics token");
          Response resp;
          resp.content_type = std::string(Metrics::kContentType);
          resp.body = ctx.metrics.Render();
          return resp;
        }));
}

}  // namespace

// Health and metrics, for load balancers and Prometheus.
ApiModule SystemModule() { return {"system", {}, {}, Routes, {}}; }

}  // namespace luister::http
