#pragma once

#include "domain/mail_outbox.h"

namespace luister::email {

// Writes a reply as RFC 5322 bytes with GMime 3: From, To, Reply-To,
// Subject (RFC 2047 where it is not ASCII), Date, Message-ID, In-Reply-To
// and References; the text as quoted-printable UTF-8, with the HTML beside
// it as multipart/alternative when there is HTML, and attachments (base64)
// in multipart/mixed. Lines end in CRLF, as SMTP wants. Thread-safe.
class GmimeMailComposer final : public MailComposer {
 public:
  GmimeMailComposer();
  Result<std::string> Compose(const OutboundMail& mail) override;
};

}  // namespace luister::email
