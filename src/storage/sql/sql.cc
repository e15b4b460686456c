#include "storage/sql/sql.h"

#include <cstdio>
#include <cstdlib>

namespace luister::sql {

namespace {

struct Marker {
  std::string_view name;
  std::string_view sqlite;
  std::string_view postgres;
};

constexpr Marker kMarkers[] = {
    {"for_update", "", " FOR UPDATE"},
    {"for_share", "", " FOR SHARE"},
    {"string_agg", "group_concat", "string_agg"},
    {"bigint", "INTEGER", "BIGINT"},
};

[[noreturn]] void Bug(std::string_view text, std::string_view why) {
  std::fprintf(stderr, "luister: bug in SQL (%.*s): %.*s\n", static_cast<int>(why.size()),
               why.data(), static_cast<int>(text.size()), text.data());
  std::abort();
}

}  // namespace

Sql::Sql(std::string_view text) : text_(text) {
  sqlite_.reserve(text.size());
  postgres_.reserve(text.size() + 8);
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quote != 0) {
      if (ch == quote) quote = 0;
      sqlite_ += ch;
      postgres_ += ch;
      continue;
    }
    if (ch == '\'' || ch == '"') {
      quote = ch;
      sqlite_ += ch;
      postgres_ += ch;
    } else if (ch == '?') {
      sqlite_ += '?';
      postgres_ += '$' + std::to_string(++parameters_);
    } else if (ch == '{') {
      size_t end = text.find('}', i);
      if (end == std::string_view::npos) Bug(text, "unclosed {");
      std::string_view name = text.substr(i + 1, end - i - 1);
      const Marker* found = nullptr;
      for (const Marker& m : kMarkers)
        if (m.name == name) found = &m;
      if (found == nullptr) Bug(text, "unknown marker");
      sqlite_ += found->sqlite;
      postgres_ += found->postgres;
      i = end;
    } else {
      sqlite_ += ch;
      postgres_ += ch;
    }
  }
  if (quote != 0) Bug(text, "unclosed quote");
}

}  // namespace luister::sql
