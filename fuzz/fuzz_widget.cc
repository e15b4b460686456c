// The chat widget's frames, from any bytes (http/api/chat_hub.h): each is
// read into a frame or refused with a clear error, never a crash; and the
// Origin check takes any Origin and Host headers.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "http/api/chat_hub.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view in(reinterpret_cast<const char*>(data), size);
  auto frame = luister::http::ReadWidgetFrame(in);
  if (frame.ok() && frame->type.empty()) __builtin_trap();  // a frame always has its type
  static const luister::ChatWidget widget = [] {
    luister::ChatWidget w;
    w.allowed_origins = {"https://shop.example", "http://127.0.0.1:8080"};
    return w;
  }();
  const std::string_view head = in.substr(0, 256);
  const std::string_view tail = in.size() > 256 ? in.substr(256, 256) : std::string_view{};
  (void)luister::http::OriginAllowed(widget, head, tail);
  return 0;
}
