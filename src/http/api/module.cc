#include "http/api/module.h"

namespace luister::http {

std::vector<RouteDeclaration> RegisterApi(Router& router, ApiContext& ctx,
                                          const std::vector<ApiModule>& modules) {
  ApiRoutes api(router, ctx);
  for (const ApiModule& m : modules)
    if (m.routes) m.routes(api, ctx);
  return api.declarations();
}

Status RegisterJobs(JobRunner& runner, ApiContext& ctx, const std::vector<ApiModule>& modules) {
  for (const ApiModule& m : modules) {
    if (!m.jobs) continue;
    if (Status s = m.jobs(runner, ctx); !s.ok())
      return Status(s.code(), "module " + std::string(m.name) + ": " + s.message());
  }
  return Status::Ok();
}

}  // namespace luister::http
