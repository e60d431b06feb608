#include "core/config/json_config_text.h"

#include <algorithm>
#include <utility>
#include <vector>

#include <rapidjson/error/en.h>

namespace hotline::config {
namespace {

// Far beyond any sensible config and far below what recursive consumers of the document
// (RapidJSON's Writer, used to keep `config` blocks as text) can take.
constexpr size_t kMaxDepth = 64;

// Depth of the deepest array or object, counted without recursion.
size_t nestingDepth(const rapidjson::Value& root) {
  size_t deepest = 0;
  std::vector<std::pair<const rapidjson::Value*, size_t>> pending = {{&root, 1}};
  while (!pending.empty()) {
    const auto [value, depth] = pending.back();
    pending.pop_back();
    if (value->IsObject()) {
      deepest = std::max(deepest, depth);
      for (auto member = value->MemberBegin(); member != value->MemberEnd(); ++member) {
        pending.emplace_back(&member->value, depth + 1);
      }
    } else if (value->IsArray()) {
      deepest = std::max(deepest, depth);
      for (const rapidjson::Value& element : value->GetArray()) {
        pending.emplace_back(&element, depth + 1);
      }
    }
  }
  return deepest;
}

} // namespace

TextPosition positionAt(std::string_view text, size_t offset) {
  TextPosition position;
  const size_t end = std::min(offset, text.size());
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++position.column; // continuation bytes belong to the character already counted
    }
  }
  return position;
}

Status parseConfigJson(std::string_view text, const std::string& source,
                       rapidjson::Document& document) {
  constexpr unsigned kFlags =
      rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  document.Parse<kFlags>(text.data(), text.size());
  if (document.HasParseError()) {
    const TextPosition at = positionAt(text, document.GetErrorOffset());
    std::string reason = rapidjson::GetParseError_En(document.GetParseError());
    if (!reason.empty() && reason.back() == '.') {
      reason.pop_back();
    }
    return invalidArgument(source + ":" + std::to_string(at.line) + ":" +
                           std::to_string(at.column) + ": " + reason);
  }
  if (nestingDepth(document) > kMaxDepth) {
    return invalidArgument(source + ": JSON is nested more than " + std::to_string(kMaxDepth) +
                           " levels deep");
  }
  return Status::ok();
}

} // namespace hotline::config
