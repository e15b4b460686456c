#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "http/request.h"

namespace luister::http {

// RFC 9457 problem details. `type` is a stable URI per kind of problem:
// https://luister.dev/problems/<slug>.
Response ProblemResponse(int status, std::string_view slug, std::string_view title,
                         std::string_view detail);

// Maps a domain Status to its problem response. This is the one table that
// turns StatusCode into HTTP status codes. Validation errors list their
// fields under "errors": [{"field": ..., "message": ...}].
Response ProblemFromStatus(const Status& status);

int HttpStatusFor(StatusCode code);

}  // namespace luister::http
