#include "core/mapping/xml_output_writer.h"

namespace hotline::mapping {
namespace {

void appendEscaped(std::string& out, std::string_view text, bool attribute) {
  size_t plain_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    std::string_view entity;
    switch (text[i]) {
    case '&':
      entity = "&amp;";
      break;
    case '<':
      entity = "&lt;";
      break;
    case '>':
      entity = "&gt;";
      break;
    case '"':
      entity = attribute ? "&quot;" : "";
      break;
    case '\n':
      entity = attribute ? "&#10;" : ""; // kept through attribute-value normalisation
      break;
    default:
      break;
    }
    if (entity.empty()) {
      continue;
    }
    out.append(text.substr(plain_from, i - plain_from));
    out.append(entity);
    plain_from = i + 1;
  }
  out.append(text.substr(plain_from));
}

// A CDATA section cannot hold "]]>": it is split across two sections.
void appendCdata(std::string& out, std::string_view text) {
  out += "<![CDATA[";
  size_t from = 0;
  for (size_t end = text.find("]]>"); end != std::string_view::npos; end = text.find("]]>", from)) {
    out.append(text.substr(from, end + 2 - from));
    out += "]]><![CDATA[";
    from = end + 2;
  }
  out.append(text.substr(from));
  out += "]]>";
}

std::string joinedItems(const Value& value) {
  std::string joined;
  for (const std::string& item : value.items) {
    joined += joined.empty() ? "" : ",";
    joined += item;
  }
  return joined;
}

class XmlOutputWriter {
public:
  XmlOutputWriter(const XmlOutputOptions& options, std::string& out)
      : options_(options), out_(out) {}

  // Writes the element laid out at `index` (named `name`); a list in its text slot repeats
  // the element once per item. Returns false, having written nothing, when it is empty.
  bool writeElement(const OutputLayout& layout, uint32_t index, const OutputState& state,
                    const std::string& name, bool root) {
    const LayoutNode& node = layout.node(index);
    const Value* text = node.slot < 0 ? nullptr : &state.slots[static_cast<size_t>(node.slot)];
    if (text != nullptr && text->isList()) {
      bool any = false;
      for (const std::string& item : text->items) {
        any = writeOne(layout, node, state, name, root, item) || any;
      }
      return any;
    }
    return writeOne(layout, node, state, name, root, text == nullptr ? "" : text->text);
  }

private:
  bool writeOne(const OutputLayout& layout, const LayoutNode& node, const OutputState& state,
                const std::string& name, bool root, std::string_view text) {
    const size_t start = out_.size();
    out_ += '<';
    out_ += name;
    if (root) {
      writeDeclarations();
    }
    bool any = writeAttributes(layout, node, state);
    out_ += '>';
    if (!text.empty()) {
      node.cdata ? appendCdata(out_, text) : appendEscaped(out_, text, false);
      any = true;
    }
    any = writeChildren(layout, node, state) || any;
    if (!any && !root) {
      out_.resize(start);
      return false;
    }
    out_ += "</";
    out_ += name;
    out_ += '>';
    return true;
  }

  void writeDeclarations() {
    for (const auto& [prefix, uri] : options_.declarations) {
      out_ += " xmlns:";
      out_ += prefix;
      out_ += "=\"";
      appendEscaped(out_, uri, true);
      out_ += '"';
    }
  }

  bool writeAttributes(const OutputLayout& layout, const LayoutNode& node,
                       const OutputState& state) {
    bool any = false;
    for (uint32_t child : node.children) {
      const LayoutNode& attribute = layout.node(child);
      if (!attribute.attribute) {
        continue;
      }
      const Value& value = state.slots[static_cast<size_t>(attribute.slot)];
      if (value.empty()) {
        continue;
      }
      out_ += ' ';
      out_ += attribute.name;
      out_ += "=\"";
      appendEscaped(out_, value.isList() ? joinedItems(value) : value.text, true);
      out_ += '"';
      any = true;
    }
    return any;
  }

  bool writeChildren(const OutputLayout& layout, const LayoutNode& node, const OutputState& state) {
    bool any = false;
    for (uint32_t child : node.children) {
      const LayoutNode& element = layout.node(child);
      if (element.attribute) {
        continue;
      }
      if (element.shape != LayoutNode::Shape::Group) {
        any = writeElement(layout, child, state, element.name, false) || any;
        continue;
      }
      const OutputLayout& items_layout = layout.group(element.group);
      for (const OutputState& item : state.groups[static_cast<size_t>(element.group)]) {
        any = writeElement(items_layout, 0, item, element.name, false) || any;
      }
    }
    return any;
  }

  const XmlOutputOptions& options_;
  std::string& out_;
};

} // namespace

void writeXmlOutput(const OutputLayout& layout, const OutputState& state,
                    const XmlOutputOptions& options, std::string& out) {
  if (options.declaration) {
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  }
  XmlOutputWriter writer(options, out);
  const LayoutNode& document = layout.root();
  for (uint32_t root : document.children) {
    writer.writeElement(layout, root, state, layout.node(root).name, true);
  }
}

} // namespace hotline::mapping
