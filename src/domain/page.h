#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/cursor.h"

namespace luister {

// Keyset pagination. `after` is the cursor of the last row of the previous
// page; nullopt starts at the beginning. limit is clamped by the domain to
// [1, kMaxPageSize] before it reaches storage.
struct PageRequest {
  int limit = 50;
  std::optional<Cursor> after;
};

inline constexpr int kMaxPageSize = 200;

template <typename T>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;  // set when more rows may follow
};

}  // namespace luister
