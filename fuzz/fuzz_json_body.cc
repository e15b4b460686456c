// The JSON body reader every write endpoint uses: parse, then read fields of
// every type the handlers ask for. Any bytes: a value or a clear error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/enums.h"
#include "http/json_body.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using luister::http::JsonBody;
  auto body = JsonBody::Parse(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!body.ok()) return 0;
  (void)body->String("name", JsonBody::kOptional, 200);
  (void)body->Int("department_id", JsonBody::kOptional);
  (void)body->Bool("internal", JsonBody::kOptional);
  (void)body->Time("created_at", JsonBody::kOptional);
  (void)body->StringArray("tags", JsonBody::kOptional, 20);
  (void)body->Enum<luister::Channel>("channel", JsonBody::kOptional);
  body->RejectUnknown({"name", "department_id", "internal", "created_at", "tags", "channel"});
  (void)body->Finish("the body is not valid");
  return 0;
}
