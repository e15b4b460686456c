// The HTTP/1.1 request parser as the server runs it (http/request_parser.h,
// internal to http/: this target is its one outside user), then the target
// decoding. Any bytes: no crash, no hang, bounded memory.
#include <boost/asio/buffer.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "http/request.h"
#include "http/request_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  luister::http::Request req;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Several requests may follow each other on one connection.
  while (!input.empty()) {
    luister::http::internal::RequestParser parser(&req, 8 * 1024, 64 * 1024, {});
    parser.eager(true);
    boost::beast::error_code ec;
    size_t used = 0;
    while (!input.empty() && !parser.is_done()) {
      size_t n = parser.put(boost::asio::buffer(input.data(), input.size()), ec);
      if (ec == boost::beast::http::error::need_more) break;
      if (ec || n == 0) return 0;
      input.remove_prefix(n);
      used += n;
    }
    if (!parser.is_done()) return 0;
    (void)luister::http::DecodeTarget(&req);
    (void)req.Query("q");
    (void)req.Cookie("luister_session");
    if (used == 0) return 0;
  }
  return 0;
}
