#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/enums.h"

// Column <-> value conventions shared by both engines.
namespace luister::sql {

// Enums are stored as their wire names; an unknown name (a newer luister
// wrote it) reads as the enum's first value rather than failing the read.
template <typename E>
E EnumFromText(const std::string& s) {
  return Parse<E>(s).value_or(E{});
}
template <typename E>
std::optional<E> OptEnumFromText(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return EnumFromText<E>(*s);
}
template <typename E>
std::optional<std::string> OptEnumText(const std::optional<E>& e) {
  if (!e) return std::nullopt;
  return std::string(ToString(*e));
}

}  // namespace luister::sql
