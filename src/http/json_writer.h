#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace luister::http {

// Writes compact JSON straight into a string, for the few responses on the
// hottest paths (a conversation, a page of them) where building an
// nlohmann::json tree first cost a tenth of the request. Keys are written as
// given (callers pass constant ASCII keys); string values are escaped, with
// invalid UTF-8 replaced by U+FFFD, as nlohmann's dump(…, replace) does.
class JsonWriter {
 public:
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view s);
  JsonWriter& Int(int64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  JsonWriter& Raw(std::string_view json);  // an already-encoded value
  JsonWriter& OptInt(const std::optional<int64_t>& v) { return v ? Int(*v) : Null(); }
  JsonWriter& OptString(const std::optional<std::string>& v) { return v ? String(*v) : Null(); }
  JsonWriter& Strings(const std::vector<std::string>& v);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Separate();
  std::string out_;
  // Per open container: whether a value was written (comma needed).
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

}  // namespace luister::http
