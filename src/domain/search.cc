#include "domain/search.h"

namespace luister {

std::vector<std::string_view> SplitSearchTerms(std::string_view text) {
  std::vector<std::string_view> terms;
  size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
      ++i;
    } else if (ch == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      terms.push_back(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = text.find_first_of(" \t\n\r\"", i);
      if (end == std::string_view::npos) end = text.size();
      terms.push_back(text.substr(i, end - i));
      i = end;
    }
  }
  return terms;
}

}  // namespace luister
