#include "channels/email/mime_composer.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string>

namespace luister::email {

namespace {

struct Unref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
template <typename T>
using GPtr = std::unique_ptr<T, Unref>;

std::string Bracketed(const std::string& id) { return "<" + id + ">"; }

// A text part in UTF-8, quoted-printable (safe for any line length).
GMimeObject* TextPart(const char* subtype, const std::string& text) {
  GMimeTextPart* part = g_mime_text_part_new_with_subtype(subtype);
  g_mime_text_part_set_text(part, text.c_str());
  g_mime_text_part_set_charset(part, "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return GMIME_OBJECT(part);
}

GMimeObject* AttachmentPart(const MailAttachment& a) {
  std::string type = a.content_type.empty() ? "application/octet-stream" : a.content_type;
  auto slash = type.find('/');
  std::string major = slash == std::string::npos ? "application" : type.substr(0, slash);
  std::string minor = slash == std::string::npos ? "octet-stream" : type.substr(slash + 1);
  GMimePart* part = g_mime_part_new_with_type(major.c_str(), minor.c_str());
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(a.data.data(), a.data.size()));
  GPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(part, content.get());
  g_mime_part_set_content_encoding(part, GMIME_CONTENT_ENCODING_BASE64);
  g_mime_object_set_disposition(GMIME_OBJECT(part), a.inline_part ? "inline" : "attachment");
  if (!a.filename.empty()) g_mime_part_set_filename(part, a.filename.c_str());
  if (!a.content_id.empty()) g_mime_part_set_content_id(part, a.content_id.c_str());
  return GMIME_OBJECT(part);
}

}  // namespace

GmimeMailComposer::GmimeMailComposer() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

Result<std::string> GmimeMailComposer::Compose(const OutboundMail& mail) {
  if (mail.to.empty()) return InvalidArgument("a reply needs a recipient");
  GPtr<GMimeMessage> msg(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_FROM, mail.from.name.c_str(),
                             mail.from.address.c_str());
  for (const MailAddress& to : mail.to)
    g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_TO, to.name.c_str(),
                               to.address.c_str());
  if (!mail.reply_to.address.empty())
    g_mime_message_add_mailbox(msg.get(), GMIME_ADDRESS_TYPE_REPLY_TO, mail.reply_to.name.c_str(),
                               mail.reply_to.address.c_str());
  g_mime_message_set_subject(msg.get(), mail.subject.c_str(), "utf-8");
  g_mime_message_set_message_id(msg.get(), mail.message_id.c_str());
  GDateTime* date = g_date_time_new_from_unix_utc(ToMillis(mail.date) / 1000);
  g_mime_message_set_date(msg.get(), date);
  g_date_time_unref(date);
  GMimeObject* top = GMIME_OBJECT(msg.get());
  if (!mail.in_reply_to.empty())
    g_mime_object_set_header(top, "In-Reply-To", Bracketed(mail.in_reply_to).c_str(), nullptr);
  if (mail.auto_submitted) g_mime_object_set_header(top, "Auto-Submitted", "auto-replied", nullptr);
  if (!mail.references.empty()) {
    std::string refs;
    for (const auto& r : mail.references) refs += (refs.empty() ? "" : " ") + Bracketed(r);
    g_mime_object_set_header(top, "References", refs.c_str(), nullptr);
  }

  GPtr<GMimeObject> body(TextPart("plain", mail.text));
  if (!mail.html.empty()) {
    GMimeMultipart* alt = g_mime_multipart_new_with_subtype("alternative");
    g_mime_multipart_add(alt, body.get());
    GPtr<GMimeObject> html(TextPart("html", mail.html));
    g_mime_multipart_add(alt, html.get());
    body.reset(GMIME_OBJECT(alt));
  }
  if (!mail.attachments.empty()) {
    GMimeMultipart* mixed = g_mime_multipart_new_with_subtype("mixed");
    g_mime_multipart_add(mixed, body.get());
    for (const MailAttachment& a : mail.attachments) {
      GPtr<GMimeObject> part(AttachmentPart(a));
      g_mime_multipart_add(mixed, part.get());
    }
    body.reset(GMIME_OBJECT(mixed));
  }
  g_mime_message_set_mime_part(msg.get(), body.get());

  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  char* text = g_mime_object_to_string(top, options);
  g_mime_format_options_free(options);
  if (!text) return Internal("GMime could not write the message");
  std::string out(text);
  g_free(text);
  return out;
}

}  // namespace luister::email
