#pragma once
// One code table of mappings/codes/<name>.json: the peer's values and the canonical value
// each stands for (诉求类型 "投诉" -> "complaint"). Immutable once built.

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hotline::mapping {

// Lets the tables be searched with a string_view (a value read from a payload) without
// building a std::string first.
struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

struct CodeTable {
  using Entries = std::unordered_map<std::string, std::string, TextHash, std::equal_to<>>;

  std::string name;        // equals the file name without .json
  std::string description; // free text from the file
  Entries entries;         // peer value -> canonical value

  // nullptr when `key` is not in the table.
  const std::string* find(std::string_view key) const {
    const auto found = entries.find(key);
    return found == entries.end() ? nullptr : &found->second;
  }
};

} // namespace hotline::mapping
