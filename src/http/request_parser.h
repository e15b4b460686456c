#pragma once

// Internal to http/: used by http_session.cc. Nothing outside http/ includes this.

#include <boost/beast/http/basic_parser.hpp>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "http/request.h"

namespace luister::http::internal {

// Parses a request straight into a Request that is reused across the
// requests of a connection, so steady-state keep-alive traffic allocates
// nothing for the request line, headers or body. `req` is not owned and must
// outlive the parser; constructing the parser clears it for the next request.
class RequestParser final : public boost::beast::http::basic_parser<true> {
 public:
  // Paths (POST only, exact, without the query) whose bodies may be up to
  // `max_bytes`; `paths` is not owned.
  struct Uploads {
    const std::vector<std::string>* paths = nullptr;
    size_t max_bytes = 0;
  };
  RequestParser(Request* req, size_t max_header_bytes, size_t max_body_bytes, Uploads uploads);

  int version() const { return version_; }
  // Whether the request goes to an upload path (known once the request line is read).
  bool upload() const { return upload_; }
  bool expects_continue() const { return expect_continue_; }

 private:
  void on_request_impl(boost::beast::http::verb, boost::beast::string_view method,
                       boost::beast::string_view target, int version,
                       boost::beast::error_code&) override;
  void on_response_impl(int, boost::beast::string_view, int, boost::beast::error_code&) override;
  void on_field_impl(boost::beast::http::field f, boost::beast::string_view name,
                     boost::beast::string_view value, boost::beast::error_code&) override;
  void on_header_impl(boost::beast::error_code&) override;
  void on_body_init_impl(const boost::optional<std::uint64_t>& length,
                         boost::beast::error_code&) override;
  size_t on_body_impl(boost::beast::string_view body, boost::beast::error_code&) override;
  void on_chunk_header_impl(std::uint64_t, boost::beast::string_view,
                            boost::beast::error_code&) override;
  size_t on_chunk_body_impl(std::uint64_t, boost::beast::string_view body,
                            boost::beast::error_code&) override;
  void on_finish_impl(boost::beast::error_code&) override;

  Request* req_;
  size_t fields_ = 0;
  Uploads uploads_;
  bool upload_ = false;
  int version_ = 11;
  bool expect_continue_ = false;
  int transfer_encodings_ = 0;  // Transfer-Encoding fields seen
  int hosts_ = 0;               // Host fields seen
};

}  // namespace luister::http::internal
