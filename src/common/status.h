#pragma once

#include <string>
#include <utility>
#include <vector>

namespace luister {

// Protocol-agnostic error codes. http/ maps them to HTTP statuses in one table
// (http/problem.cc); nothing else in the code base should know that mapping.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller sent something malformed or out of range
  kNotFound,           // the referenced entity does not exist
  kConflict,           // the request clashes with the current state
  kUnauthorized,       // no or bad credentials
  kForbidden,          // credentials fine, role not allowed
  kResourceExhausted,  // rate limit or quota reached
  kUnavailable,        // a dependency (database, disk) is temporarily unusable
  kInternal,           // a bug or an unexpected failure
};

// One offending input field, reported with validation errors.
struct FieldError {
  std::string field;    // JSON pointer-ish name, e.g. "identities[1].value"
  std::string message;  // human readable, English
};

// Result of an operation that can fail in an expected way. Cheap to copy when
// ok. Exceptions are reserved for bugs and fatal conditions.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, std::vector<FieldError> fields = {})
      : code_(code), message_(std::move(message)), fields_(std::move(fields)) {}

  static Status Ok() { return {}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::vector<FieldError>& fields() const { return fields_; }

  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::vector<FieldError> fields_;
};

inline Status InvalidArgument(std::string msg, std::vector<FieldError> fields = {}) {
  return {StatusCode::kInvalidArgument, std::move(msg), std::move(fields)};
}
inline Status NotFound(std::string msg) { return {StatusCode::kNotFound, std::move(msg)}; }
inline Status Conflict(std::string msg) { return {StatusCode::kConflict, std::move(msg)}; }
inline Status Unauthorized(std::string msg) { return {StatusCode::kUnauthorized, std::move(msg)}; }
inline Status Forbidden(std::string msg) { return {StatusCode::kForbidden, std::move(msg)}; }
inline Status ResourceExhausted(std::string msg) {
  return {StatusCode::kResourceExhausted, std::move(msg)};
}
inline Status Unavailable(std::string msg) { return {StatusCode::kUnavailable, std::move(msg)}; }
inline Status Internal(std::string msg) { return {StatusCode::kInternal, std::move(msg)}; }

const char* StatusCodeName(StatusCode code);

}  // namespace luister

// Propagates a non-ok Status from an expression returning Status.
#define LUISTER_RETURN_IF_ERROR(expr)              \
  do {                                             \
    ::luister::Status luister_status_ = (expr);    \
    if (!luister_status_.ok()) return luister_status_; \
  } while (0)
