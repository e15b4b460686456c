#include "channels/email/mime_parser.h"

#include <gmime/gmime.h>
#include <sodium.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "channels/email/gmime_util.h"
#include "channels/email/mail_kind.h"
#include "domain/html_sanitizer.h"
#include "domain/reply_text.h"
#include "domain/validation.h"

namespace luister::email {

namespace {

struct FreeOptions {
  void operator()(GMimeParserOptions* o) const { g_mime_parser_options_free(o); }
};

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_mime_init();
    if (sodium_init() < 0) std::abort();
  });
}

std::string Str(const char* s) { return s != nullptr ? std::string(s) : std::string(); }

// Header text on one line: folding removed, control characters dropped,
// valid UTF-8.
std::string OneLine(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\r' || c == '\n') continue;
    if (c == '\t') c = ' ';
    if (static_cast<unsigned char>(c) < 0x20) continue;
    out.push_back(c);
  }
  return RepairUtf8(Trim(out));
}

std::string WithoutBrackets(std::string_view id) {
  id = Trim(id);
  if (!id.empty() && id.front() == '<') id.remove_prefix(1);
  if (!id.empty() && id.back() == '>') id.remove_suffix(1);
  return OneLine(id);
}

// iconv_open reports failure as (iconv_t)-1.
bool IconvFailed(iconv_t cd) {
  return cd == reinterpret_cast<iconv_t>(-1);  // NOLINT(performance-no-int-to-ptr)
}

// Bytes in `charset` to UTF-8. Undeclared or ASCII text that is valid UTF-8
// is UTF-8 (8-bit mail often says nothing), else Windows-1252; ISO-8859-1
// is read as its superset Windows-1252; an unknown charset is UTF-8 when
// valid, else Windows-1252. Bytes the charset cannot hold become U+FFFD.
std::string ToUtf8(std::string_view raw, std::string_view declared,
                   std::vector<std::string>* warnings) {
  // NUL means nothing in text (and would end it for C libraries).
  std::string without_nul(raw);
  without_nul.erase(std::remove(without_nul.begin(), without_nul.end(), '\0'), without_nul.end());
  std::string_view bytes = without_nul;
  std::string charset = AsciiLower(Trim(declared));
  if (charset.empty() || charset == "us-ascii" || charset == "ascii" ||
      charset == "ansi_x3.4-1968" || charset == "utf-8" || charset == "utf8") {
    if (IsValidUtf8(bytes)) return std::string(bytes);
    if (charset == "utf-8" || charset == "utf8")
      warnings->push_back("text declared UTF-8 is not; read as Windows-1252");
    charset = "windows-1252";
  }
  const char* iconv_name = g_mime_charset_iconv_name(charset.c_str());
  std::string name = AsciiLower(iconv_name != nullptr ? iconv_name : charset);
  if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1") name = "windows-1252";
  iconv_t cd = g_mime_iconv_open("UTF-8", name.c_str());
  if (IconvFailed(cd)) {
    warnings->push_back("unknown charset \"" + std::string(Trim(declared)) + "\"");
    if (IsValidUtf8(bytes)) return std::string(bytes);
    cd = g_mime_iconv_open("UTF-8", "windows-1252");
    if (IconvFailed(cd)) return std::string();
  }
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t used = 0;
  bool replaced = false;
  while (true) {
    char* dst = out.data() + used;
    size_t dst_left = out.size() - used;
    size_t r = in_left == 0 ? iconv(cd, nullptr, nullptr, &dst, &dst_left)
                            : iconv(cd, &in, &in_left, &dst, &dst_left);
    used = out.size() - dst_left;
    if (r != static_cast<size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    // EILSEQ or EINVAL (cut short at the end): one replacement character
    // for the byte, then go on.
    if (out.size() - used < 3) out.resize(out.size() * 2);
    out.replace(used, 3, "\xEF\xBF\xBD");
    used += 3;
    replaced = true;
    if (in_left == 0) break;
    ++in;
    --in_left;
  }
  g_mime_iconv_close(cd);
  out.resize(used);
  if (replaced) warnings->push_back("bytes not valid in " + name + " replaced");
  return out;
}

// Text as the desk keeps it: LF line ends, no NUL, no trailing blank space.
std::string NormaliseText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') continue;
      c = '\n';
    }
    if (c == '\0') continue;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ' || out.back() == '\t'))
    out.pop_back();
  size_t start = 0;
  while (start < out.size() && out[start] == '\n') ++start;
  return out.substr(start);
}

std::string ContentTypeOf(GMimeObject* object) {
  GMimeContentType* type = g_mime_object_get_content_type(object);
  if (type == nullptr) return "application/octet-stream";
  return AsciiLower(Str(g_mime_content_type_get_media_type(type)) + "/" +
                    Str(g_mime_content_type_get_media_subtype(type)));
}

std::string DispositionOf(GMimeObject* object) {
  GMimeContentDisposition* d = g_mime_object_get_content_disposition(object);
  return d != nullptr ? AsciiLower(Str(g_mime_content_disposition_get_disposition(d)))
                      : std::string();
}

void AppendAddresses(InternetAddressList* list, std::vector<MailAddress>* out, int depth = 0) {
  if (list == nullptr || depth > 4) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n; ++i) {
    InternetAddress* ia = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(ia)) {
      AppendAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(ia)), out,
                      depth + 1);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(ia)) continue;
    MailAddress a;
    a.name = OneLine(Str(internet_address_get_name(ia)));
    a.address = OneLine(Str(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia))));
    if (a.address.empty() && a.name.empty()) continue;
    out->push_back(std::move(a));
  }
}

struct Walk {
  const ParseOptions& options;
  InboundMail& mail;
  std::vector<std::string> plain;
  std::vector<std::string> html;
  std::string delivery_status;   // the message/delivery-status text of a report
  std::string returned_headers;  // text/rfc822-headers, or the returned message's id
  size_t kept_bytes = 0;         // of attachments, against options.max_attachment_bytes
};

void AddAttachment(Walk& w, GMimeObject* object, std::string filename, std::string bytes) {
  MailAttachment a;
  a.filename = OneLine(filename);
  a.content_type = ContentTypeOf(object);
  if (GMIME_IS_PART(object))
    a.content_id = WithoutBrackets(Str(g_mime_part_get_content_id(GMIME_PART(object))));
  std::string disposition = DispositionOf(object);
  a.inline_part = disposition == "inline" || (disposition.empty() && !a.content_id.empty());
  a.size = bytes.size();
  a.sha256 = Sha256Hex(bytes);
  if (bytes.size() <=
      w.options.max_attachment_bytes - std::min(w.kept_bytes, w.options.max_attachment_bytes)) {
    w.kept_bytes += bytes.size();
    a.data = std::move(bytes);
  } else {
    w.mail.warnings.push_back("attachment \"" + a.filename + "\" not stored: too large (" +
                              std::to_string(a.size) + " bytes)");
  }
  w.mail.attachments.push_back(std::move(a));
}

void WalkObject(Walk& w, GMimeObject* object);

// Of the alternatives, the text comes from the last that has plain text and
// the HTML from the last that has HTML (RFC 2046: the last is the richest);
// attachments of every alternative are kept.
void WalkAlternative(Walk& w, GMimeMultipart* multipart) {
  std::vector<std::string> best_plain, best_html;
  int n = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < n; ++i) {
    Walk inner{w.options, w.mail, {}, {}, {}, {}};
    WalkObject(inner, g_mime_multipart_get_part(multipart, i));
    if (!inner.plain.empty()) best_plain = std::move(inner.plain);
    if (!inner.html.empty()) best_html = std::move(inner.html);
    w.delivery_status += inner.delivery_status;
    w.returned_headers += inner.returned_headers;
  }
  for (auto& p : best_plain) w.plain.push_back(std::move(p));
  for (auto& h : best_html) w.html.push_back(std::move(h));
}

void WalkObject(Walk& w, GMimeObject* object) {
  if (object == nullptr) return;
  if (GMIME_IS_MULTIPART(object)) {
    GMimeMultipart* multipart = GMIME_MULTIPART(object);
    std::string type = ContentTypeOf(object);
    if (type == "multipart/alternative") return WalkAlternative(w, multipart);
    int n = g_mime_multipart_get_count(multipart);
    if (n == 0) {
      // No boundary, or none found: what the sender wrote is in the
      // prologue; keep it as text rather than lose it.
      std::string prologue = Str(g_mime_multipart_get_prologue(multipart));
      if (!Trim(prologue).empty()) {
        w.mail.warnings.push_back(type + " without parts; its content read as text");
        w.plain.push_back(ToUtf8(prologue, "", &w.mail.warnings));
      }
      return;
    }
    for (int i = 0; i < n; ++i) {
      GMimeObject* child = g_mime_multipart_get_part(multipart, i);
      // A signature says nothing to the desk.
      if (type == "multipart/signed" && i > 0) {
        std::string child_type = ContentTypeOf(child);
        if (child_type == "application/pgp-signature" ||
            child_type == "application/pkcs7-signature" ||
            child_type == "application/x-pkcs7-signature")
          continue;
      }
      WalkObject(w, child);
    }
    return;
  }
  if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    std::string bytes;
    std::string filename;
    if (inner != nullptr) {
      GPtr<GMimeStream> mem(g_mime_stream_mem_new());
      g_mime_object_write_to_stream(GMIME_OBJECT(inner), nullptr, mem.get());
      bytes = StreamBytes(mem.get());
      std::string subject = OneLine(Str(g_mime_message_get_subject(inner)));
      filename = (subject.empty() ? std::string("message") : subject) + ".eml";
      if (const char* id = g_mime_message_get_message_id(inner))
        w.returned_headers += "Message-ID: <" + std::string(id) + ">\n";
    }
    GMimeContentDisposition* d = g_mime_object_get_content_disposition(object);
    if (d != nullptr) {
      if (const char* name = g_mime_content_disposition_get_parameter(d, "filename"))
        filename = name;
    }
    AddAttachment(w, object, filename, std::move(bytes));
    return;
  }
  if (!GMIME_IS_PART(object)) return;
  GMimePart* part = GMIME_PART(object);
  std::string type = ContentTypeOf(object);
  std::string disposition = DispositionOf(object);
  std::string filename = Str(g_mime_part_get_filename(part));
  const bool body = (type == "text/plain" || type == "text/html") && disposition != "attachment" &&
                    filename.empty();
  if (body) {
    std::string text =
        ToUtf8(DecodedContent(part),
               Str(g_mime_object_get_content_type_parameter(object, "charset")), &w.mail.warnings);
    (type == "text/plain" ? w.plain : w.html).push_back(std::move(text));
    return;
  }
  std::string bytes = DecodedContent(part);
  if (type == "message/delivery-status" || type == "message/global-delivery-status")
    w.delivery_status += bytes + "\n\n";
  if (type == "text/rfc822-headers" || type == "message/rfc822-headers")
    w.returned_headers += bytes + "\n";
  AddAttachment(w, object, filename, std::move(bytes));
}

// Recipients whose Action is "failed" in a delivery status report (RFC
// 3464): per-recipient blocks with Final-Recipient (or Original-Recipient).
// The first Diagnostic-Code of a delivery-status report, without its type
// ("smtp; ") and with its continuation lines unfolded; at most 500 bytes.
std::string DiagnosticOf(std::string_view report) {
  std::string out;
  bool in_field = false;
  size_t start = 0;
  while (start < report.size()) {
    size_t end = report.find('\n', start);
    if (end == std::string_view::npos) end = report.size();
    std::string_view line = report.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (in_field) {
      if (line.empty() || (line[0] != ' ' && line[0] != '\t')) break;
      out += ' ';
      out += Trim(line);
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    if (AsciiLower(Trim(line.substr(0, colon))) != "diagnostic-code") continue;
    std::string_view value = Trim(line.substr(colon + 1));
    if (size_t semi = value.find(';'); semi != std::string_view::npos)
      value = Trim(value.substr(semi + 1));
    out = std::string(value);
    in_field = true;
  }
  return Utf8Prefix(OneLine(out), 500);
}

std::vector<std::string> FailedRecipients(std::string_view report) {
  std::vector<std::string> failed;
  std::string recipient;
  std::string action;
  auto flush = [&] {
    if (!recipient.empty() && (action.empty() || action == "failed")) {
      bool seen = false;
      for (const auto& f : failed) seen = seen || f == recipient;
      if (!seen) failed.push_back(recipient);
    }
    recipient.clear();
    action.clear();
  };
  size_t start = 0;
  while (start <= report.size()) {
    size_t end = report.find('\n', start);
    if (end == std::string_view::npos) end = report.size();
    std::string_view line = Trim(report.substr(start, end - start));
    start = end + 1;
    if (line.empty()) {
      flush();
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name = AsciiLower(Trim(line.substr(0, colon)));
    std::string_view value = Trim(line.substr(colon + 1));
    if (name == "final-recipient" || (name == "original-recipient" && recipient.empty())) {
      size_t semi = value.find(';');
      recipient =
          std::string(Trim(semi == std::string_view::npos ? value : value.substr(semi + 1)));
      recipient = WithoutBrackets(recipient);
    } else if (name == "action") {
      action = AsciiLower(value);
    }
  }
  flush();
  return failed;
}

// The first "Message-ID:" line of returned headers or a bounce's text.
std::string FindMessageId(std::string_view text) {
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = Trim(text.substr(start, end - start));
    start = end + 1;
    if (line.size() > 11 && AsciiLower(line.substr(0, 11)) == "message-id:") {
      std::string id = WithoutBrackets(line.substr(11));
      if (!id.empty()) return id;
    }
  }
  return {};
}

const char* kParserWarnings[] = {
    "",
    "duplicated header",
    "duplicated parameter",
    "unencoded 8-bit header",
    "invalid content type",
    "invalid RFC 2047 header value",
    "malformed multipart",
    "truncated message",
    "malformed message",
    "invalid header name",
    "conflicting header",
    "conflicting parameter",
    "multipart without boundary",
    "invalid parameter",
    "invalid address list",
    "MIME nesting too deep",
    "part without content",
    "part without headers or content",
};

void OnParserWarning(gint64, GMimeParserWarning code, const gchar* item, gpointer data) {
  auto* warnings = static_cast<std::vector<std::string>*>(data);
  if (warnings->size() >= 50) return;
  auto index = static_cast<size_t>(code);
  std::string text = index < std::size(kParserWarnings) ? kParserWarnings[index] : "parser warning";
  if (item != nullptr) {
    std::string shown = OneLine(item);
    if (shown.size() > 80) shown = shown.substr(0, 80) + "…";
    if (!shown.empty() && IsValidUtf8(shown)) text += ": " + shown;
  }
  warnings->push_back(std::move(text));
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  InitOnce();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(sizeof(digest) * 2);
  for (unsigned char b : digest) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xF]);
  }
  return out;
}

Result<InboundMail> ParseMail(std::string_view raw, const ParseOptions& options) {
  InitOnce();
  InboundMail mail;
  std::unique_ptr<GMimeParserOptions, FreeOptions> parser_options(g_mime_parser_options_new());
  const char* fallback[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(parser_options.get(), fallback);
  g_mime_parser_options_set_warning_callback(parser_options.get(), OnParserWarning, &mail.warnings);

  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GPtr<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), parser_options.get()));
  if (!message) return InvalidArgument("not an e-mail message: no header could be read");
  GMimeObject* top = GMIME_OBJECT(message.get());
  GMimeHeaderList* headers = g_mime_object_get_header_list(top);
  const int header_count = headers != nullptr ? g_mime_header_list_get_count(headers) : 0;
  if (header_count == 0) return InvalidArgument("not an e-mail message: it has no header");

  std::vector<MailAddress> from;
  AppendAddresses(g_mime_message_get_from(message.get()), &from);
  if (from.empty()) AppendAddresses(g_mime_message_get_sender(message.get()), &from);
  if (!from.empty()) mail.from = from.front();
  AppendAddresses(g_mime_message_get_to(message.get()), &mail.to);
  AppendAddresses(g_mime_message_get_cc(message.get()), &mail.cc);
  AppendAddresses(g_mime_message_get_reply_to(message.get()), &mail.reply_to);
  mail.subject = OneLine(Str(g_mime_message_get_subject(message.get())));
  if (GDateTime* date = g_mime_message_get_date(message.get())) {
    mail.date = FromMillis(g_date_time_to_unix(date) * 1000);
  }
  mail.message_id = WithoutBrackets(Str(g_mime_message_get_message_id(message.get())));
  if (const char* value = g_mime_object_get_header(top, "In-Reply-To")) {
    GMimeReferences* refs = g_mime_references_parse(parser_options.get(), value);
    if (refs != nullptr && g_mime_references_length(refs) > 0) {
      mail.in_reply_to = WithoutBrackets(Str(g_mime_references_get_message_id(refs, 0)));
    }
    if (refs != nullptr) g_mime_references_free(refs);
  }
  if (const char* value = g_mime_object_get_header(top, "References")) {
    GMimeReferences* refs = g_mime_references_parse(parser_options.get(), value);
    if (refs != nullptr) {
      for (int i = 0; i < g_mime_references_length(refs); ++i) {
        std::string id = WithoutBrackets(Str(g_mime_references_get_message_id(refs, i)));
        if (!id.empty()) mail.references.push_back(std::move(id));
      }
      g_mime_references_free(refs);
    }
  }

  mail.raw_sha256 = Sha256Hex(raw);
  Walk walk{options, mail, {}, {}, {}, {}};
  WalkObject(walk, g_mime_message_get_mime_part(message.get()));
  std::string plain;
  for (const auto& p : walk.plain) {
    std::string text = NormaliseText(p);
    if (text.empty()) continue;
    if (!plain.empty()) plain += "\n\n";
    plain += text;
  }
  std::string html;
  for (const auto& h : walk.html) html += h;
  mail.has_html = !walk.html.empty();
  if (mail.has_html) mail.html = SanitizeHtml(html);
  mail.text = !plain.empty() || !mail.has_html ? plain : NormaliseText(HtmlToText(html));
  mail.new_text = NewText(mail.text);

  MailSignals signals;
  for (int i = 0; i < header_count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    signals.headers.emplace_back(Str(g_mime_header_get_name(h)),
                                 OneLine(Str(g_mime_header_get_value(h))));
  }
  GMimeObject* body = g_mime_message_get_mime_part(message.get());
  if (body != nullptr) {
    signals.content_type = ContentTypeOf(body);
    signals.report_type = Str(g_mime_object_get_content_type_parameter(body, "report-type"));
  }
  if (mail.from) signals.from_address = mail.from->address;
  signals.subject = mail.subject;
  KindVerdict verdict = ClassifyMail(signals);
  mail.kind = verdict.kind;
  mail.kind_reason = std::move(verdict.reason);
  if (mail.kind == MailKind::kBounce) {
    mail.failed_recipients = FailedRecipients(walk.delivery_status);
    mail.bounce_diagnostic = DiagnosticOf(walk.delivery_status);
    if (mail.failed_recipients.empty()) {
      if (const char* value = g_mime_object_get_header(top, "X-Failed-Recipients")) {
        std::string list = value;
        size_t start = 0;
        while (start <= list.size()) {
          size_t comma = list.find(',', start);
          if (comma == std::string::npos) comma = list.size();
          std::string one = WithoutBrackets(list.substr(start, comma - start));
          if (!one.empty()) mail.failed_recipients.push_back(one);
          start = comma + 1;
        }
      }
    }
    mail.bounced_message_id = FindMessageId(walk.returned_headers);
    if (mail.bounced_message_id.empty()) mail.bounced_message_id = FindMessageId(mail.text);
  }
  return mail;
}

}  // namespace luister::email
