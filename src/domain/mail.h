#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.h"

namespace luister {

// A mailbox as written in a header: the display name decoded to UTF-8
// (empty when there is none) and the addr-spec as given.
struct MailAddress {
  std::string name;
  std::string address;
};

// What a message is for the desk: only a `kMessage` may open or continue a
// conversation; auto-replies (RFC 3834, vacation notices, mailing lists) and
// bounces (delivery status reports) never do.
enum class MailKind { kMessage, kAutoReply, kBounce };

std::string_view MailKindName(MailKind kind);

struct MailAttachment {
  std::string filename;      // decoded (RFC 2047/2231); may be empty
  std::string content_type;  // "type/subtype", lower case
  std::string content_id;    // without the angle brackets; empty when none
  bool inline_part = false;  // shown in the body (Content-Disposition inline or a cid: image)
  size_t size = 0;           // of the decoded bytes
  std::string sha256;        // of the decoded bytes, lower-case hex
  std::string data;          // the decoded bytes
};

// One e-mail as the desk reads it (channels/email/mime_parser.h parses it).
struct InboundMail {
  std::optional<MailAddress> from;
  std::vector<MailAddress> to, cc, reply_to;
  std::string subject;  // decoded, unfolded
  std::optional<Timestamp> date;
  // Message ids without angle brackets.
  std::string message_id;
  std::string in_reply_to;
  std::vector<std::string> references;  // oldest first
  MailKind kind = MailKind::kMessage;
  std::string text;      // the whole body as UTF-8 text (from HTML when there is no text part)
  std::string new_text;  // the text without quoted history and signature
  bool has_html = false;
  std::string html;  // sanitised HTML of the body; empty when there was none
  std::vector<MailAttachment> attachments;
  // Why the message is an auto-reply or a bounce ("Auto-Submitted: auto-replied").
  std::string kind_reason;
  // For a bounce: the recipients that failed and the id of the bounced
  // message, where the report names them.
  std::vector<std::string> failed_recipients;
  std::string bounced_message_id;
  // The receiving server's words for the first failure (a report's
  // Diagnostic-Code, unfolded: "550 5.1.1 <x@y>: Recipient address
  // rejected"); empty when the report gives none.
  std::string bounce_diagnostic;
  // Of the raw bytes, lower-case hex: the message's identity when it has no
  // Message-ID, and where its raw copy is kept.
  std::string raw_sha256;
  // What the parser had to repair or guess, for the quarantine view.
  std::vector<std::string> warnings;
};

}  // namespace luister
