#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"
#include "domain/enums.h"

namespace luister {

enum class SearchScope { kMessages, kConversations, kCustomers };

struct SearchQuery {
  std::string text;  // user words; quoted phrases allowed, operators are not
  SearchScope scope = SearchScope::kMessages;
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  int limit = 20;
  int offset = 0;  // ranked results page by offset; relevance has no stable keyset
};

// A ranked hit. `highlight` is a snippet with matches wrapped in
// \x02 ... \x03 markers, which http/ turns into <mark> after escaping.
struct SearchHit {
  SearchScope scope = SearchScope::kMessages;
  int64_t id = 0;  // message, conversation or customer id
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> customer_id;
  std::string title;  // subject or customer name
  std::string highlight;
  double rank = 0;  // lower is better (BM25-style score, see storage)
  Timestamp at{};
};

inline constexpr char kHighlightOpen = '\x02';
inline constexpr char kHighlightClose = '\x03';

// Splits what a user typed into words and "quoted phrases" (an unclosed
// quote runs to the end). Every engine ANDs the terms; none of them is ever
// read as query syntax.
std::vector<std::string_view> SplitSearchTerms(std::string_view text);

}  // namespace luister
