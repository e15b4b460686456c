#include "http/request_parser.h"

#include <boost/beast/core/string.hpp>
#include <string>

namespace luister::http::internal {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

// RFC 9112 6.1: a request's transfer coding must end in chunked, and the
// only coding this server decodes is chunked itself. Anything else (gzip,
// "chunked, identity", "xchunked", "chunked, chunked") would leave the body's
// length to Content-Length or to nothing, and a second request hidden in
// the body would be read as the next one: refuse it instead.
bool IsExactlyChunked(beast::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return beast::iequals(value, "chunked");
}

}  // namespace

RequestParser::RequestParser(Request* req, size_t max_header_bytes, size_t max_body_bytes,
                             Uploads uploads)
    : req_(req), uploads_(uploads) {
  header_limit(static_cast<std::uint32_t>(max_header_bytes));
  body_limit(max_body_bytes);
  req_->method.clear();
  req_->target.clear();
  req_->route.clear();
  req_->params.clear();
  req_->user_id = 0;
  if (req_->body.capacity() > 64 * 1024) std::string().swap(req_->body);
  req_->body.clear();
}

void RequestParser::on_request_impl(bhttp::verb, beast::string_view method,
                                    beast::string_view target, int version, beast::error_code&) {
  req_->method.assign(method.data(), method.size());
  req_->target.assign(target.data(), target.size());
  version_ = version;
  // Before the header fields: Content-Length is checked against the limit.
  if (uploads_.paths && method == "POST") {
    beast::string_view path = target.substr(0, target.find('?'));
    // A path ending in '/' names every path below it.
    for (const std::string& p : *uploads_.paths)
      upload_ = upload_ || path == p || (p.ends_with('/') && path.starts_with(p));
    if (upload_) body_limit(uploads_.max_bytes);
  }
}

void RequestParser::on_response_impl(int, beast::string_view, int, beast::error_code&) {}

void RequestParser::on_field_impl(bhttp::field f, beast::string_view name, beast::string_view value,
                                  beast::error_code& ec) {
  if (f == bhttp::field::transfer_encoding &&
      (++transfer_encodings_ > 1 || !IsExactlyChunked(value))) {
    ec = bhttp::error::bad_transfer_encoding;
    return;
  }
  if (f == bhttp::field::host) ++hosts_;
  auto& headers = req_->headers;
  if (fields_ == headers.size()) headers.emplace_back();
  auto& [k, v] = headers[fields_++];
  k.resize(name.size());
  for (size_t i = 0; i < name.size(); ++i) k[i] = beast::detail::ascii_tolower(name[i]);
  v.assign(value.data(), value.size());
  if (f == bhttp::field::expect && beast::iequals(value, "100-continue")) {
    expect_continue_ = true;
  }
}

void RequestParser::on_header_impl(beast::error_code& ec) {
  req_->headers.resize(fields_);
  // RFC 9112 3.2: an HTTP/1.1 request has exactly one Host field.
  if (version_ >= 11 && hosts_ != 1) ec = bhttp::error::bad_field;
}

void RequestParser::on_body_init_impl(const boost::optional<std::uint64_t>& length,
                                      beast::error_code&) {
  if (length) req_->body.reserve(static_cast<size_t>(*length));
}

size_t RequestParser::on_body_impl(beast::string_view body, beast::error_code&) {
  req_->body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_chunk_header_impl(std::uint64_t, beast::string_view, beast::error_code&) {}

size_t RequestParser::on_chunk_body_impl(std::uint64_t, beast::string_view body,
                                         beast::error_code&) {
  req_->body.append(body.data(), body.size());
  return body.size();
}

void RequestParser::on_finish_impl(beast::error_code&) {}

}  // namespace luister::http::internal
