#pragma once

#include <chrono>
#include <string>

#include "common/status.h"
#include "common/time.h"
#include "domain/repositories.h"

namespace luister {

// Counts one more use of `key` (e.g. "webform:ip:203.0.113.7") in the
// shared counters (AuthRepository::Hit, so every node counts together) and
// refuses it with ResourceExhausted past `limit` per `window`, saying
// `what` ("questions") and when to try again (`retry_after_s`, when given).
// A sliding estimate: this window's count and the share of the last one
// still within a window's length.
Status CheckRate(Store& store, Timestamp now, const std::string& key, int limit,
                 std::chrono::seconds window, const std::string& what, int* retry_after_s);

}  // namespace luister
