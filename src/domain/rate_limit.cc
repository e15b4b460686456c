#include "domain/rate_limit.h"

#include <algorithm>
#include <cmath>

namespace luister {

Status CheckRate(Store& store, Timestamp now, const std::string& key, int limit,
                 std::chrono::seconds window_s, const std::string& what, int* retry_after_s) {
  const auto window = std::chrono::duration_cast<std::chrono::milliseconds>(window_s);
  const auto into = now.time_since_epoch() % window;
  LUISTER_ASSIGN_OR_RETURN(WindowCounts hits, store.auth().Hit(key, now - into, window));
  const double left = 1.0 - static_cast<double>(into.count()) / static_cast<double>(window.count());
  const double estimate = hits.current + hits.previous * left;
  if (estimate <= limit) return Status::Ok();
  const int wait = std::max(
      1, static_cast<int>(std::ceil(std::chrono::duration<double>(window - into).count())));
  if (retry_after_s) *retry_after_s = wait;
  return ResourceExhausted("too many " + what + " from this address; try again in " +
                           std::to_string(wait) + " seconds");
}

}  // namespace luister
