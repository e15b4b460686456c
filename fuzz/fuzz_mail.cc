// The mail parser every inbound message passes through (`luister mail
// parse`, and the IMAP, pipe and mbox imports). Any bytes: either a clear
// refusal or a parsed message whose every text is valid UTF-8, whose
// attachments' sizes and hashes match their bytes, and whose new text is
// no longer than its text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "channels/email/mime_parser.h"
#include "domain/reply_text.h"
#include "domain/validation.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  luister::email::ParseOptions options;
  options.max_attachment_bytes = 4096;
  auto parsed = luister::email::ParseMail(raw, options);
  if (!parsed.ok()) return 0;
  const auto& m = *parsed;
  Check(luister::IsValidUtf8(m.subject) && luister::IsValidUtf8(m.text) &&
        luister::IsValidUtf8(m.new_text) && luister::IsValidUtf8(m.html));
  if (m.from) Check(luister::IsValidUtf8(m.from->name));
  for (const auto& a : m.to) Check(luister::IsValidUtf8(a.name));
  Check(m.new_text.size() <= m.text.size());
  for (const auto& a : m.attachments) {
    Check(luister::IsValidUtf8(a.filename));
    Check(a.sha256.size() == 64);
    Check(a.data.empty() || a.data.size() == a.size);
    Check(a.size <= raw.size() * 2 + 64);
  }
  // NewText on the raw bytes too: it must hold for any text.
  Check(luister::NewText(raw).size() <= raw.size());
  return 0;
}
