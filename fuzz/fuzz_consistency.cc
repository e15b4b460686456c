// The consistency check from any bytes (domain/answer_consistency.h): every
// reply an agent sends about a topic is read against the published answer
// before it goes out, and the check job reads every sent one. Never a
// crash and never a hang (libFuzzer's -timeout); every conflict names what
// the answer states and what the reply wrote instead. The input is the
// answer, a NUL byte, then the reply (the middle when there is no NUL).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/answer_consistency.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t cut = in.find('\0');
  const size_t skip = cut == std::string_view::npos ? 0 : 1;
  if (cut == std::string_view::npos) cut = in.size() / 2;
  const std::string_view published = in.substr(0, cut);
  const std::string_view reply = in.substr(cut + skip);
  for (const luister::AnswerConflict& c : luister::FindConflicts(published, reply))
    if (c.written.empty() && c.published.empty()) __builtin_trap();
  (void)luister::ConflictSignals(reply, published);
  return 0;
}
