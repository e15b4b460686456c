#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace luister {

// Position in a keyset-paginated list: the sort key and id of the last row a
// page returned. Lists are ordered by (key, id) so the cursor is stable under
// inserts. The wire form is opaque base64url; clients must not parse it.
struct Cursor {
  int64_t key = 0;
  int64_t id = 0;

  std::string Encode() const;
  static std::optional<Cursor> Decode(std::string_view s);
};

std::string Base64UrlEncode(std::string_view data);
std::optional<std::string> Base64UrlDecode(std::string_view s);

}  // namespace luister
