#pragma once

#include "common/result.h"
#include "domain/job_runner.h"
#include "http/api/api_context.h"
#include "http/api/module.h"

namespace luister::http {

// The consistency report over sent replies (domain/answer_checks.h): part
// of the answers module.
void AnswerCheckRoutes(ApiRoutes& r, ApiContext& ctx);
Status AnswerCheckJobs(JobRunner& runner, ApiContext& ctx);

}  // namespace luister::http
