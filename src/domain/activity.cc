#include "domain/activity.h"

namespace luister {

ActivityParams& ActivityParams::Set(std::string_view key, Value value) {
  for (auto& [k, v] : items_) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  items_.emplace_back(std::string(key), std::move(value));
  return *this;
}

const ActivityParams::Value* ActivityParams::Find(std::string_view key) const {
  for (const auto& [k, v] : items_)
    if (k == key) return &v;
  return nullptr;
}

std::optional<int64_t> ActivityParams::Int(std::string_view key) const {
  const Value* v = Find(key);
  if (!v || !std::holds_alternative<int64_t>(*v)) return std::nullopt;
  return std::get<int64_t>(*v);
}

std::optional<std::string> ActivityParams::Text(std::string_view key) const {
  const Value* v = Find(key);
  if (!v || !std::holds_alternative<std::string>(*v)) return std::nullopt;
  return std::get<std::string>(*v);
}

std::string Summarize(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    size_t len = b < 0x80           ? 1
                 : (b >> 5) == 0x6  ? 2
                 : (b >> 4) == 0xe  ? 3
                 : (b >> 3) == 0x1e ? 4
                                    : 1;
    if (i + len > text.size()) break;
    if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
      pending_space = !out.empty();
      ++i;
      continue;
    }
    if (chars + (pending_space ? 1 : 0) >= max_chars) {
      out += "\u2026";
      return out;
    }
    if (pending_space) {
      out += ' ';
      ++chars;
      pending_space = false;
    }
    out.append(text.substr(i, len));
    ++chars;
    i += len;
  }
  return out;
}

}  // namespace luister
