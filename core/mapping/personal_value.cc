#include "core/mapping/personal_value.h"

#include "hotline/support/masking.h"

namespace hotline::mapping {
namespace {

constexpr size_t kMaxShownBytes = 80;

std::string cutOnCharacter(std::string text) {
  if (text.size() <= kMaxShownBytes) {
    return text;
  }
  size_t cut = kMaxShownBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut; // never split a UTF-8 sequence
  }
  text.resize(cut);
  text += "…";
  return text;
}

void appendEscaped(std::string& out, char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  switch (c) {
  case '"':
    out += "\\\"";
    return;
  case '\\':
    out += "\\\\";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  default:
    break;
  }
  const auto byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7F) {
    out += "\\x";
    out.push_back(kHex[byte >> 4]);
    out.push_back(kHex[byte & 0xF]);
    return;
  }
  out.push_back(c);
}

} // namespace

std::string shownValue(std::string_view value, const Personal& personal) {
  if (personal.isPersonal()) {
    return cutOnCharacter(support::maskField(personal.mask_key, value));
  }
  return cutOnCharacter(support::maskText(value));
}

std::string quotedValue(std::string_view value, const Personal& personal) {
  const std::string shown = shownValue(value, personal);
  std::string out = "\"";
  out.reserve(shown.size() + 2);
  for (char c : shown) {
    appendEscaped(out, c);
  }
  out += "\"";
  return out;
}

std::string personalKeyOfPath(std::string_view path) {
  const size_t slash = path.find_last_of("/@");
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t colon = last.find(':'); // an XML prefix says nothing about the content
  if (colon != std::string_view::npos) {
    last.remove_prefix(colon + 1);
  }
  if (last.empty() || !support::isPersonalKey(last)) {
    return {};
  }
  return std::string(last);
}

} // namespace hotline::mapping
