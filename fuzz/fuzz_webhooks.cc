// What the doors' senders post, from any bytes: a telephone system's call
// report, a social source's event, a reply URL's answer (the post id), a
// message's external id, a form body (urlencoded and
// multipart/form-data, read with GMime), the webhook timestamp and a phone
// number (libphonenumber). Each gives a value or a clear error, never a
// crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "channels/email/form_data.h"
#include "domain/phone.h"
#include "domain/social.h"
#include "domain/social_outbox.h"
#include "http/api/channel_payloads.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string in(reinterpret_cast<const char*>(data), size);
  (void)luister::http::ReadCallReport(in);
  (void)luister::http::ReadSocialEvent(in);
  (void)luister::http::ReadPostId(in);
  (void)luister::ParseSocialExternalId(in);
  (void)luister::http::ParseUrlEncoded(in);
  static const luister::email::GmimeFormDataReader reader;
  (void)reader.Read("multipart/form-data; boundary=XyZ", in);
  (void)luister::FreshTimestamp(std::string_view(in).substr(0, 24), luister::FromMillis(0));
  (void)luister::NormalisePhone(std::string_view(in).substr(0, 64));
  return 0;
}
