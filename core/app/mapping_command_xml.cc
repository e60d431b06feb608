#include "core/app/mapping_command_xml.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <tinyxml2.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace hotline::app {
namespace {

constexpr std::string_view kXmlNamespace = "http://www.w3.org/XML/1998/namespace";

// In-scope namespace declarations, innermost last: (prefix, URI); prefix "" is the default.
using Bindings = std::vector<std::pair<std::string, std::string>>;

struct TextPiece {
  bool cdata = false;
  std::string value;
};

// A string as a JSON string literal, so that quotes, control characters and line breaks
// stay visible and on one line.
std::string quoted(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::pair<std::string_view, std::string_view> splitQualifiedName(std::string_view name) {
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) {
    return {"", name};
  }
  return {name.substr(0, colon), name.substr(colon + 1)};
}

const std::string* findBinding(const Bindings& bindings, std::string_view prefix) {
  for (auto it = bindings.rbegin(); it != bindings.rend(); ++it) {
    if (it->first == prefix) {
      return &it->second;
    }
  }
  return nullptr;
}

// "{uri}local", or "local" for a name in no namespace. Elements without a prefix take the
// default namespace; attributes without a prefix are in no namespace.
Result<std::string> expandedName(std::string_view name, const Bindings& bindings, bool is_element) {
  const auto [prefix, local] = splitQualifiedName(name);
  std::string uri;
  if (prefix == "xml") {
    uri = kXmlNamespace;
  } else if (!prefix.empty() || is_element) {
    const std::string* bound = findBinding(bindings, prefix);
    if (bound == nullptr && !prefix.empty()) {
      return invalidArgument("malformed XML: undeclared namespace prefix \"" + std::string(prefix) +
                             "\" in <" + std::string(name) + ">");
    }
    uri = bound == nullptr ? "" : *bound;
  }
  if (uri.empty()) {
    return std::string(local);
  }
  return "{" + uri + "}" + std::string(local);
}

bool isNamespaceDeclaration(std::string_view name) {
  return name == "xmlns" || name.starts_with("xmlns:");
}

void declareNamespaces(const tinyxml2::XMLElement& element, Bindings& bindings) {
  for (const tinyxml2::XMLAttribute* attr = element.FirstAttribute(); attr != nullptr;
       attr = attr->Next()) {
    const std::string_view name = attr->Name();
    if (name == "xmlns") {
      bindings.emplace_back("", attr->Value());
    } else if (name.starts_with("xmlns:")) {
      bindings.emplace_back(std::string(name.substr(6)), attr->Value());
    }
  }
}

// The element's name and its sorted attributes: {urn:x}Ticket a="1" {urn:x}b="2".
Result<std::string> elementHeading(const tinyxml2::XMLElement& element, const Bindings& bindings) {
  Result<std::string> name = expandedName(element.Name(), bindings, true);
  if (!name) {
    return name.status();
  }
  std::vector<std::string> attributes;
  for (const tinyxml2::XMLAttribute* attr = element.FirstAttribute(); attr != nullptr;
       attr = attr->Next()) {
    if (isNamespaceDeclaration(attr->Name())) {
      continue;
    }
    Result<std::string> attr_name = expandedName(attr->Name(), bindings, false);
    if (!attr_name) {
      return attr_name.status();
    }
    attributes.push_back(*attr_name + "=" + quoted(attr->Value()));
  }
  std::sort(attributes.begin(), attributes.end());
  std::string heading = std::move(*name);
  for (const std::string& attribute : attributes) {
    heading += " " + attribute;
  }
  return heading;
}

// One item of an element's content: a child element or a run of text. Adjacent text of one
// kind is merged; whitespace-only text beside child elements (indentation) is dropped.
struct ContentItem {
  const tinyxml2::XMLElement* element = nullptr;
  TextPiece text;
};

std::vector<ContentItem> contentOf(const tinyxml2::XMLElement& element) {
  const bool has_children = element.FirstChildElement() != nullptr;
  std::vector<ContentItem> items;
  for (const tinyxml2::XMLNode* node = element.FirstChild(); node != nullptr;
       node = node->NextSibling()) {
    if (const tinyxml2::XMLElement* child = node->ToElement()) {
      items.push_back({child, {}});
      continue;
    }
    const tinyxml2::XMLText* text = node->ToText();
    if (text == nullptr) {
      continue; // comments, processing instructions
    }
    const std::string_view value = text->Value() == nullptr ? "" : text->Value();
    const bool blank = value.find_first_not_of(" \t\r\n") == std::string_view::npos;
    if (has_children && blank && !text->CData()) {
      continue;
    }
    if (!items.empty() && items.back().element == nullptr &&
        items.back().text.cdata == text->CData()) {
      items.back().text.value += value;
    } else {
      items.push_back({nullptr, {text->CData(), std::string(value)}});
    }
  }
  return items;
}

std::string textLine(const TextPiece& piece) {
  return (piece.cdata ? "CDATA " : "") + quoted(piece.value);
}

Status printElement(const tinyxml2::XMLElement& element, Bindings& bindings, int depth,
                    std::string& out) {
  const size_t outer_bindings = bindings.size();
  declareNamespaces(element, bindings);
  Result<std::string> heading = elementHeading(element, bindings);
  if (!heading) {
    return heading.status();
  }
  const std::string pad(static_cast<size_t>(depth) * 2, ' ');
  const std::vector<ContentItem> items = contentOf(element);
  out += pad + *heading;
  if (items.size() == 1 && items.front().element == nullptr) {
    out += " = " + textLine(items.front().text) + "\n";
  } else {
    out += "\n";
    for (const ContentItem& item : items) {
      if (item.element != nullptr) {
        HOTLINE_RETURN_IF_ERROR(printElement(*item.element, bindings, depth + 1, out));
      } else {
        out += pad + "  " + textLine(item.text) + "\n";
      }
    }
  }
  bindings.resize(outer_bindings);
  return Status::ok();
}

} // namespace

Result<std::string> canonicalXml(std::string_view text) {
  tinyxml2::XMLDocument document(true, tinyxml2::PRESERVE_WHITESPACE);
  if (document.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
    return invalidArgument(std::string("malformed XML: ") + document.ErrorStr());
  }
  const tinyxml2::XMLElement* root = document.RootElement();
  if (root == nullptr) {
    return invalidArgument("malformed XML: no root element");
  }
  Bindings bindings;
  std::string out;
  HOTLINE_RETURN_IF_ERROR(printElement(*root, bindings, 0, out));
  return out;
}

} // namespace hotline::app
