// What a user types into search, split into words and "phrases" before any
// engine sees it. Any bytes: terms that are pieces of the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "domain/search.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::string_view term : luister::SplitSearchTerms(text)) {
    // Every term lies inside the input.
    if (term.data() < text.data() || term.data() + term.size() > text.data() + text.size())
      std::abort();
  }
  return 0;
}
