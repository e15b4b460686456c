#pragma once

#include <cstddef>
#include <string_view>

#include "common/result.h"
#include "domain/mail.h"
#include "domain/mail_intake.h"

namespace luister::email {

struct ParseOptions {
  // The decoded bytes of one message's attachments kept at most, together:
  // a part that would take them beyond this is listed (name, type, size,
  // hash, a warning) but its bytes are not kept (`data` stays empty).
  size_t max_attachment_bytes = 25u << 20;
};

// Parses one RFC 5322 message (with GMime 3): addresses and subject decoded
// (RFC 2047, raw 8-bit header text read as UTF-8 or else Windows-1252),
// message ids, the MIME tree (multipart/alternative, related, mixed,
// nested; message/rfc822 kept as an attachment), transfer encodings, and
// every text converted to UTF-8 from its declared charset. The text is the
// plain part where there is one, else the HTML's text; HTML goes through
// the domain's sanitiser. Then the kind (ClassifyMail) and the new text
// (NewText).
//
// Broken mail is read as well as possible: parse problems become
// `warnings`, never a failure. Fails (InvalidArgument) only when the bytes
// hold no header at all. Thread-safe.
Result<InboundMail> ParseMail(std::string_view raw, const ParseOptions& options = {});

// The SHA-256 of `raw`, lower-case hex: what raw mail and attachments are
// kept under (InboundMail::raw_sha256 is this of the parsed bytes).
std::string Sha256Hex(std::string_view raw);

// ParseMail and Sha256Hex for the domain's intake (MailIntakeService::Take).
class GmimeMailReader final : public MailReader {
 public:
  explicit GmimeMailReader(ParseOptions options = {}) : options_(options) {}
  Result<InboundMail> Parse(std::string_view raw) override { return ParseMail(raw, options_); }
  std::string Sha256Hex(std::string_view raw) override { return email::Sha256Hex(raw); }

 private:
  ParseOptions options_;
};

}  // namespace luister::email
