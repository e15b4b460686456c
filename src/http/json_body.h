#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/enums.h"

namespace luister::http {

// Strict reader for a JSON request body. Every accessor records a field
// error instead of failing at once, so one response lists all mistakes.
// Typical use:
//   LUISTER_ASSIGN_OR_RETURN(JsonBody b, JsonBody::Parse(req.body));
//   auto name = b.String("name", kRequired);
//   b.RejectUnknown({"name", ...});
//   LUISTER_RETURN_IF_ERROR(b.Finish("the customer is not valid"));
class JsonBody {
 public:
  static constexpr bool kRequired = true;
  static constexpr bool kOptional = false;
  static constexpr int kMaxDepth = 32;

  // InvalidArgument for malformed JSON (with the byte offset), too deep
  // nesting, or a body that is not a JSON object.
  static Result<JsonBody> Parse(std::string_view body);
  // Wraps one element of an array, prefixing field names ("identities[2].").
  JsonBody(const nlohmann::json& object, std::string prefix, std::vector<FieldError>* errors);
  JsonBody(JsonBody&& other) noexcept;
  JsonBody(const JsonBody&) = delete;
  JsonBody& operator=(const JsonBody&) = delete;
  JsonBody& operator=(JsonBody&&) = delete;

  bool Has(std::string_view name) const;
  bool IsNull(std::string_view name) const;  // present and null: "clear this field"

  std::optional<std::string> String(std::string_view name, bool required,
                                    size_t max_bytes = 64 * 1024);
  std::optional<int64_t> Int(std::string_view name, bool required);
  std::optional<bool> Bool(std::string_view name, bool required);
  std::optional<Timestamp> Time(std::string_view name, bool required);
  std::optional<std::vector<std::string>> StringArray(std::string_view name, bool required,
                                                      size_t max_items);
  // Array of objects, each handed to `each` as a JsonBody with a prefix.
  template <typename F>
  void Objects(std::string_view name, bool required, size_t max_items, F each);
  // One nested object, handed to `each` as a JsonBody with a prefix.
  template <typename F>
  void Object(std::string_view name, bool required, F each);

  template <typename E>
  std::optional<E> Enum(std::string_view name, bool required) {
    auto s = String(name, required, 64);
    if (!s) return std::nullopt;
    auto v = ::luister::Parse<E>(*s);
    if (!v) AddError(name, "must be one of: " + std::string(ValidNames<E>()));
    return v;
  }

  void RejectUnknown(std::initializer_list<std::string_view> allowed);
  void AddError(std::string_view name, std::string message);
  // Ok when no errors were recorded; otherwise InvalidArgument listing them.
  Status Finish(std::string_view what) const;

 private:
  JsonBody() = default;
  const nlohmann::json* Field(std::string_view name, bool required);
  std::string Name(std::string_view name) const { return prefix_ + std::string(name); }

  nlohmann::json owned_;
  const nlohmann::json* object_ = nullptr;
  std::string prefix_;
  std::vector<FieldError> own_errors_;
  std::vector<FieldError>* errors_ = &own_errors_;
};

template <typename F>
void JsonBody::Objects(std::string_view name, bool required, size_t max_items, F each) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return;
  if (!v->is_array()) return AddError(name, "must be an array");
  if (v->size() > max_items)
    return AddError(name, "must have at most " + std::to_string(max_items) + " items");
  for (size_t i = 0; i < v->size(); ++i) {
    std::string prefix = Name(name) + "[" + std::to_string(i) + "].";
    if (!(*v)[i].is_object()) {
      errors_->push_back({Name(name) + "[" + std::to_string(i) + "]", "must be an object"});
      continue;
    }
    JsonBody item((*v)[i], prefix, errors_);
    each(item, i);
  }
}

template <typename F>
void JsonBody::Object(std::string_view name, bool required, F each) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return;
  if (!v->is_object()) return AddError(name, "must be an object");
  JsonBody item(*v, Name(name) + ".", errors_);
  each(item);
}

}  // namespace luister::http
