#pragma once

#include "domain/web_form.h"

namespace luister::email {

// multipart/form-data (RFC 7578) read with GMime: the public web form's
// fields and files. A part's name and filename come from its
// Content-Disposition; a file's bytes are decoded as sent (browsers send
// them unencoded, but a Content-Transfer-Encoding is honoured).
class GmimeFormDataReader final : public FormDataReader {
 public:
  GmimeFormDataReader();
  Result<std::vector<FormPart>> Read(std::string_view content_type,
                                     std::string_view body) const override;
};

}  // namespace luister::email
