#pragma once

#include <cstdint>
#include <optional>
#include <utility>
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

// For storage engines: fills a page from rows fetched with limit + 1, dropping
// the extra row and setting `next` from the last kept row when there was one.
template <typename T, typename KeyFn>
Page<T> MakePage(std::vector<T> rows, int limit, KeyFn key) {
  Page<T> page;
  bool more = static_cast<int>(rows.size()) > limit;
  if (more) rows.resize(limit);
  if (more && !rows.empty()) page.next = Cursor{key(rows.back()), rows.back().id};
  page.items = std::move(rows);
  return page;
}

}  // namespace luister
