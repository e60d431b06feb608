#include "core/mapping/json_output_writer.h"

#include <cstdint>
#include <cstring>

namespace hotline::mapping {
namespace {

class JsonOutputWriter {
public:
  explicit JsonOutputWriter(std::string& out) : out_(out) {}

  // Writes node `index`'s JSON value; writes nothing and returns false when it is empty.
  bool writeNode(const OutputLayout& layout, uint32_t index, const OutputState& state) {
    const LayoutNode& node = layout.node(index);
    switch (node.shape) {
    case LayoutNode::Shape::Value:
      return writeValue(state.slots[static_cast<size_t>(node.slot)]);
    case LayoutNode::Shape::Object:
      return writeObject(layout, node, state);
    case LayoutNode::Shape::Array:
      return writeArray(layout, node, state);
    case LayoutNode::Shape::Group:
      break; // written by the array that holds it
    }
    return false;
  }

private:
  bool writeValue(const Value& value) {
    switch (value.kind) {
    case ValueKind::Empty:
      return false;
    case ValueKind::String:
      appendJsonString(out_, value.text);
      return true;
    case ValueKind::Number:
    case ValueKind::Bool:
      out_ += value.text;
      return true;
    case ValueKind::List:
      out_ += '[';
      for (size_t i = 0; i < value.items.size(); ++i) {
        out_ += i == 0 ? "" : ",";
        appendJsonString(out_, value.items[i]);
      }
      out_ += ']';
      return true;
    }
    return false;
  }

  bool writeObject(const OutputLayout& layout, const LayoutNode& node, const OutputState& state) {
    const size_t start = out_.size();
    out_ += '{';
    bool any = false;
    for (uint32_t child : node.children) {
      const size_t member_start = out_.size();
      if (any) {
        out_ += ',';
      }
      out_ += layout.node(child).json_key;
      if (writeNode(layout, child, state)) {
        any = true;
      } else {
        out_.resize(member_start);
      }
    }
    return close(start, any, '}');
  }

  bool writeArray(const OutputLayout& layout, const LayoutNode& node, const OutputState& state) {
    const size_t start = out_.size();
    out_ += '[';
    bool any = false;
    for (uint32_t child : node.children) {
      const LayoutNode& item = layout.node(child);
      if (item.shape != LayoutNode::Shape::Group) {
        any = writeItem(layout, child, state, any) || any;
        continue;
      }
      const OutputLayout& items_layout = layout.group(item.group);
      for (const OutputState& item_state : state.groups[static_cast<size_t>(item.group)]) {
        any = writeItem(items_layout, 0, item_state, any) || any;
      }
    }
    return close(start, any, ']');
  }

  bool writeItem(const OutputLayout& layout, uint32_t index, const OutputState& state,
                 bool after_another) {
    const size_t start = out_.size();
    out_ += after_another ? "," : "";
    if (writeNode(layout, index, state)) {
      return true;
    }
    out_.resize(start);
    return false;
  }

  bool close(size_t start, bool any, char closing) {
    if (!any) {
      out_.resize(start);
      return false;
    }
    out_ += closing;
    return true;
  }

  std::string& out_;
};

} // namespace

namespace {

// Eight bytes at a time: whether any byte is a control character, '"' or '\\' (the bytes a
// JSON string must escape). Output is mostly long runs of text that need none; checking a
// word at a time is what keeps writing cheaper than parsing.
bool wordNeedsEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  const auto hasZeroByte = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
  return (below_space | hasZeroByte(word ^ (kOnes * '"')) | hasZeroByte(word ^ (kOnes * '\\'))) !=
         0;
}

void appendEscape(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF"; // as RapidJSON's Writer escapes
  switch (c) {
  case '"':
    out += "\\\"";
    return;
  case '\\':
    out += "\\\\";
    return;
  case '\b':
    out += "\\b";
    return;
  case '\f':
    out += "\\f";
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
    out += "\\u00";
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
}

} // namespace

void appendJsonString(std::string& out, std::string_view text) {
  out += '"';
  size_t plain_from = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size()) {
      uint64_t word = 0;
      std::memcpy(&word, text.data() + i, sizeof(word));
      if (!wordNeedsEscape(word)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    out.append(text.substr(plain_from, i - plain_from));
    appendEscape(out, c);
    plain_from = ++i;
  }
  out.append(text.substr(plain_from));
  out += '"';
}

void writeJsonOutput(const OutputLayout& layout, const OutputState& state, std::string& out) {
  JsonOutputWriter writer(out);
  if (!writer.writeNode(layout, 0, state)) {
    out += layout.root().shape == LayoutNode::Shape::Array ? "[]" : "{}";
  }
}

} // namespace hotline::mapping
