#include "http/json_body.h"

#include "domain/validation.h"

namespace luister::http {

namespace {

// Rejects nesting deeper than `max` before the parser sees it.
bool DepthWithin(std::string_view s, int max) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max) return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

}  // namespace

Result<JsonBody> JsonBody::Parse(std::string_view body) {
  if (Trim(body).empty()) return InvalidArgument("the request body is empty; send a JSON object");
  if (!DepthWithin(body, kMaxDepth)) return InvalidArgument("JSON nested too deeply");
  JsonBody b;
  // The last key read: a number too large for a double ("1e400") stops the
  // parser at its value, and the error names that field.
  std::string last_key;
  try {
    b.owned_ = nlohmann::json::parse(
        body, [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
          if (event == nlohmann::json::parse_event_t::key) last_key = parsed.get<std::string>();
          return true;
        });
  } catch (const nlohmann::json::parse_error& e) {
    return InvalidArgument("malformed JSON at byte " + std::to_string(e.byte));
  } catch (const nlohmann::json::out_of_range&) {
    return InvalidArgument(
        "the request is not valid",
        {{last_key.empty() ? std::string("body") : last_key, "is a number out of range"}});
  }
  if (!b.owned_.is_object()) return InvalidArgument("the request body must be a JSON object");
  b.object_ = &b.owned_;
  return b;
}

JsonBody::JsonBody(const nlohmann::json& object, std::string prefix,
                   std::vector<FieldError>* errors)
    : object_(&object), prefix_(std::move(prefix)), errors_(errors) {}

JsonBody::JsonBody(JsonBody&& other) noexcept
    : owned_(std::move(other.owned_)),
      prefix_(std::move(other.prefix_)),
      own_errors_(std::move(other.own_errors_)) {
  object_ = other.object_ == &other.owned_ ? &owned_ : other.object_;
  errors_ = other.errors_ == &other.own_errors_ ? &own_errors_ : other.errors_;
}

bool JsonBody::Has(std::string_view name) const { return object_->contains(name); }

bool JsonBody::IsNull(std::string_view name) const {
  auto it = object_->find(name);
  return it != object_->end() && it->is_null();
}

void JsonBody::AddError(std::string_view name, std::string message) {
  errors_->push_back({Name(name), std::move(message)});
}

const nlohmann::json* JsonBody::Field(std::string_view name, bool required) {
  auto it = object_->find(name);
  if (it == object_->end() || it->is_null()) {
    if (required) AddError(name, "is required");
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonBody::String(std::string_view name, bool required,
                                            size_t max_bytes) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    AddError(name, "must be a string");
    return std::nullopt;
  }
  const auto& s = v->get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    AddError(name, "must be at most " + std::to_string(max_bytes) + " bytes");
    return std::nullopt;
  }
  if (!IsValidUtf8(s)) {
    AddError(name, "must be valid UTF-8 without NUL characters");
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> JsonBody::Int(std::string_view name, bool required) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return std::nullopt;
  if (!v->is_number_integer()) {
    AddError(name, "must be an integer");
    return std::nullopt;
  }
  if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(INT64_MAX)) {
    AddError(name, "is out of range");
    return std::nullopt;
  }
  return v->get<int64_t>();
}

std::optional<bool> JsonBody::Bool(std::string_view name, bool required) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return std::nullopt;
  if (!v->is_boolean()) {
    AddError(name, "must be true or false");
    return std::nullopt;
  }
  return v->get<bool>();
}

std::optional<Timestamp> JsonBody::Time(std::string_view name, bool required) {
  auto s = String(name, required, 64);
  if (!s) return std::nullopt;
  auto t = ParseIso8601(*s);
  if (!t) AddError(name, "must be an ISO-8601 time such as 2026-11-26T09:30:00Z");
  return t;
}

std::optional<std::vector<std::string>> JsonBody::StringArray(std::string_view name, bool required,
                                                              size_t max_items) {
  const nlohmann::json* v = Field(name, required);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    AddError(name, "must be an array of strings");
    return std::nullopt;
  }
  if (v->size() > max_items) {
    AddError(name, "must have at most " + std::to_string(max_items) + " items");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < v->size(); ++i) {
    if (!(*v)[i].is_string()) {
      AddError(std::string(name) + "[" + std::to_string(i) + "]", "must be a string");
      return std::nullopt;
    }
    out.push_back((*v)[i].get<std::string>());
  }
  return out;
}

void JsonBody::RejectUnknown(std::initializer_list<std::string_view> allowed) {
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    bool known = false;
    for (auto a : allowed) known = known || a == it.key();
    if (!known) AddError(it.key(), "is not a known field");
  }
}

Status JsonBody::Finish(std::string_view what) const {
  if (errors_->empty()) return Status::Ok();
  return InvalidArgument(std::string(what), *errors_);
}

}  // namespace luister::http
