#pragma once
// The string tables behind every enum of the canonical model. Each enum declares one
// EnumTraits specialisation next to itself (its canonical lower_snake_case spellings and a
// Chinese label for docs and consoles); parsing, naming and listing are written once here,
// so adding a value is one table row and the JSON codec, the schemas' tests and the docs all
// see it.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/quoted_value.h"
#include "hotline/status.h"

namespace hotline::model {

template <typename E>
struct EnumEntry {
  E value;
  std::string_view name;  // canonical spelling on the wire
  std::string_view label; // Chinese label, for docs and consoles only (never parsed)
};

// Specialised for each model enum with `kTypeName` and `kEntries` (every value once).
template <typename E>
struct EnumTraits;

template <typename E>
concept ModelEnum = requires {
  EnumTraits<E>::kTypeName;
  EnumTraits<E>::kEntries;
};

template <ModelEnum E>
constexpr std::string_view enumName(E value) {
  for (const auto& entry : EnumTraits<E>::kEntries) {
    if (entry.value == value) {
      return entry.name;
    }
  }
  return "invalid"; // only reachable through a cast of an out-of-range integer
}

template <ModelEnum E>
constexpr std::string_view enumLabel(E value) {
  for (const auto& entry : EnumTraits<E>::kEntries) {
    if (entry.value == value) {
      return entry.label;
    }
  }
  return "invalid";
}

// Exact, case-sensitive match against the canonical spellings: the canonical model has one
// spelling per value; mappings translate a peer's vocabulary before it gets here.
template <ModelEnum E>
constexpr std::optional<E> findEnum(std::string_view name) {
  for (const auto& entry : EnumTraits<E>::kEntries) {
    if (entry.name == name) {
      return entry.value;
    }
  }
  return std::nullopt;
}

// "normal, urgent, critical" — the list an error message offers.
template <ModelEnum E>
std::string enumChoices() {
  std::string out;
  for (const auto& entry : EnumTraits<E>::kEntries) {
    if (!out.empty()) {
      out += ", ";
    }
    out += entry.name;
  }
  return out;
}

// InvalidArgument `"asap" is not one of normal, urgent, critical` when `name` is not a value.
template <ModelEnum E>
Result<E> parseEnum(std::string_view name) {
  if (auto value = findEnum<E>(name)) {
    return *value;
  }
  return invalidArgument(quoteValue(name) + " is not one of " + enumChoices<E>());
}

template <ModelEnum E>
std::vector<E> enumValues() {
  std::vector<E> out;
  for (const auto& entry : EnumTraits<E>::kEntries) {
    out.push_back(entry.value);
  }
  return out;
}

template <ModelEnum E>
std::vector<std::string_view> enumNames() {
  std::vector<std::string_view> out;
  for (const auto& entry : EnumTraits<E>::kEntries) {
    out.push_back(entry.name);
  }
  return out;
}

} // namespace hotline::model
