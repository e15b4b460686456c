#include "channels/email/form_data.h"

#include <gmime/gmime.h>

#include <memory>
#include <mutex>
#include <string>

#include "channels/email/gmime_util.h"
#include "domain/validation.h"

namespace luister::email {

namespace {

std::string Str(const char* s) { return s != nullptr ? std::string(s) : std::string(); }

}  // namespace

GmimeFormDataReader::GmimeFormDataReader() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

Result<std::vector<FormPart>> GmimeFormDataReader::Read(std::string_view content_type,
                                                        std::string_view body) const {
  if (!AsciiLower(content_type).starts_with("multipart/form-data") ||
      content_type.find("boundary=") == std::string_view::npos)
    return InvalidArgument("the body is not multipart/form-data with a boundary");
  // GMime reads a MIME entity: the body behind its own Content-Type header.
  std::string entity = "Content-Type: " + std::string(content_type) + "\r\n\r\n";
  entity.append(body);
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(entity.data(), entity.size()));
  GPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  GPtr<GMimeObject> object(g_mime_parser_construct_part(parser.get(), nullptr));
  if (!object || !GMIME_IS_MULTIPART(object.get()))
    return InvalidArgument("the multipart/form-data body could not be read");
  auto* multipart = GMIME_MULTIPART(object.get());
  std::vector<FormPart> out;
  const int n = g_mime_multipart_get_count(multipart);
  for (int i = 0; i < n; ++i) {
    GMimeObject* child = g_mime_multipart_get_part(multipart, i);
    if (!GMIME_IS_PART(child))
      continue;  // nested multipart (RFC 2388's mixed): not used by browsers
    GMimeContentDisposition* disposition = g_mime_object_get_content_disposition(child);
    if (disposition == nullptr) continue;
    FormPart p;
    p.name = Str(g_mime_content_disposition_get_parameter(disposition, "name"));
    if (p.name.empty()) continue;
    p.filename = Str(g_mime_content_disposition_get_parameter(disposition, "filename"));
    if (GMimeContentType* type = g_mime_object_get_content_type(child))
      p.content_type = AsciiLower(Str(g_mime_content_type_get_media_type(type)) + "/" +
                                  Str(g_mime_content_type_get_media_subtype(type)));
    p.data = DecodedContent(GMIME_PART(child));
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace luister::email
