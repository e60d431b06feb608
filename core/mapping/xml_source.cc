#include "core/mapping/xml_source.h"

#include <tinyxml2.h>

#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

using tinyxml2::XMLAttribute;
using tinyxml2::XMLElement;
using tinyxml2::XMLNode;

// Splits "p:Local" into ("p", "Local"); an unprefixed name has an empty prefix.
std::pair<std::string_view, std::string_view> splitQualified(std::string_view name) {
  const size_t colon = name.find(':');
  if (colon == std::string_view::npos) {
    return {{}, name};
  }
  return {name.substr(0, colon), name.substr(colon + 1)};
}

// The URI `prefix` is bound to where `element` sits ("" for no namespace): the nearest
// xmlns:prefix (or xmlns, for no prefix) on the element or an ancestor.
std::string_view namespaceUri(const XMLElement* element, std::string_view prefix) {
  constexpr std::string_view kXmlns = "xmlns";
  for (const XMLNode* node = element; node != nullptr; node = node->Parent()) {
    const XMLElement* scope = node->ToElement();
    if (scope == nullptr) {
      break;
    }
    for (const XMLAttribute* a = scope->FirstAttribute(); a != nullptr; a = a->Next()) {
      const std::string_view name = a->Name();
      const bool binds = prefix.empty() ? name == kXmlns
                                        : name.size() == kXmlns.size() + 1 + prefix.size() &&
                                              name.substr(0, kXmlns.size()) == kXmlns &&
                                              name[kXmlns.size()] == ':' &&
                                              name.substr(kXmlns.size() + 1) == prefix;
      if (binds) {
        return a->Value();
      }
    }
  }
  return prefix == "xml" ? kXmlNamespaceUri : std::string_view();
}

bool elementMatches(const XMLElement* element, const XmlStep& step) {
  const auto [prefix, local] = splitQualified(element->Name());
  return local == step.local && namespaceUri(element, prefix) == step.uri;
}

const XMLAttribute* findAttribute(const XMLElement* element, const XmlStep& step) {
  for (const XMLAttribute* a = element->FirstAttribute(); a != nullptr; a = a->Next()) {
    const auto [prefix, local] = splitQualified(a->Name());
    if (local != step.local || (prefix.empty() && local == "xmlns") || prefix == "xmlns") {
      continue;
    }
    // An unprefixed attribute is in no namespace, whatever the element's default namespace.
    const std::string_view uri =
        prefix.empty() ? std::string_view() : namespaceUri(element, prefix);
    if (uri == step.uri) {
      return a;
    }
  }
  return nullptr;
}

// Depth-first, in document order: every node the element steps from `index` on lead to from
// `from` (the document node for absolute paths, whose one child element is the root).
template <typename Visit>
bool walk(const XMLNode* from, const std::vector<XmlStep>& steps, size_t index, Visit& visit) {
  if (index == steps.size() || steps[index].attribute) {
    return visit(from); // true: stop
  }
  for (const XMLElement* child = from->FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (elementMatches(child, steps[index]) && walk(child, steps, index + 1, visit)) {
      return true;
    }
  }
  return false;
}

std::string elementText(const XMLNode* node) {
  std::string text;
  for (const XMLNode* child = node->FirstChild(); child != nullptr; child = child->NextSibling()) {
    if (const tinyxml2::XMLText* piece = child->ToText(); piece != nullptr) {
      text += piece->Value(); // CDATA sections are XMLText nodes too
    }
  }
  return text;
}

// The value a path leads to at `node` (the element it stopped at): the attribute's value
// when the path ends in one, else the element's text. nullopt when the attribute is missing.
std::optional<std::string> valueAt(const XMLNode* node, const XmlElementPath& path) {
  if (!path.endsInAttribute()) {
    return elementText(node);
  }
  const XMLElement* element = node->ToElement();
  const XMLAttribute* attribute =
      element == nullptr ? nullptr : findAttribute(element, path.steps().back());
  if (attribute == nullptr) {
    return std::nullopt;
  }
  return std::string(attribute->Value());
}

const XMLNode* nodeAt(SourceCursor cursor) {
  return static_cast<const XMLNode*>(cursor.node);
}

class XmlSourceDocument final : public SourceDocument {
public:
  Status parse(std::string_view input) {
    if (!text::isValidUtf8(input)) {
      return invalidArgument("input is not valid XML: it is not UTF-8");
    }
    document_.Parse(input.data(), input.size());
    if (document_.Error()) {
      return invalidArgument("input is not valid XML: line " +
                             std::to_string(document_.ErrorLineNum()) + ": " +
                             document_.ErrorName());
    }
    return Status::ok();
  }

  SourceCursor root() const override { return {&document_, 0}; }

  std::optional<std::string> read(const SourcePath& path, SourceCursor at, bool all_matches,
                                  Value& out) const override {
    const auto& steps = std::get<XmlElementPath>(path.steps);
    out.clear();
    if (!all_matches) {
      auto first = [&](const XMLNode* node) {
        std::optional<std::string> text = valueAt(node, steps);
        if (text) {
          out.setString(std::move(*text));
        }
        return text.has_value();
      };
      walk(nodeAt(at), steps.steps(), 0, first);
      return std::nullopt;
    }
    std::vector<std::string> texts;
    auto collect = [&](const XMLNode* node) {
      if (std::optional<std::string> text = valueAt(node, steps); text && !text->empty()) {
        texts.push_back(std::move(*text));
      }
      return false;
    };
    walk(nodeAt(at), steps.steps(), 0, collect);
    out.setList(std::move(texts));
    return std::nullopt;
  }

  bool exists(const SourcePath& path, SourceCursor at) const override {
    const auto& steps = std::get<XmlElementPath>(path.steps);
    auto present = [&](const XMLNode* node) { return valueAt(node, steps).has_value(); };
    return walk(nodeAt(at), steps.steps(), 0, present);
  }

  void each(const EachSource& each, SourceCursor at,
            std::vector<SourceCursor>& items) const override {
    const auto& steps = std::get<XmlElementPath>(each.path->steps);
    auto collect = [&](const XMLNode* node) {
      items.push_back({node, 0});
      return false;
    };
    walk(nodeAt(at), steps.steps(), 0, collect);
  }

private:
  tinyxml2::XMLDocument document_{true, tinyxml2::PRESERVE_WHITESPACE};
};

class XmlSourceFormat final : public SourceFormat {
public:
  explicit XmlSourceFormat(NamespaceDeclarations namespaces) : namespaces_(std::move(namespaces)) {}

  const std::string& name() const override { return name_; }

  Result<SourcePath> compilePath(std::string_view text, bool relative) const override {
    Result<XmlElementPath> compiled = XmlElementPath::compile(text, relative, namespaces_);
    if (!compiled) {
      return compiled.status();
    }
    return SourcePath{std::string(text), std::move(compiled).value()};
  }

  Result<std::unique_ptr<SourceDocument>> parse(std::string_view input) const override {
    auto document = std::make_unique<XmlSourceDocument>();
    HOTLINE_RETURN_IF_ERROR(document->parse(input));
    return std::unique_ptr<SourceDocument>(std::move(document));
  }

  std::string itemPath(std::string_view each_path, size_t index,
                       std::string_view inner) const override {
    std::string out(each_path);
    out += "[" + std::to_string(index + 1) + "]";
    if (!inner.empty() && inner != ".") {
      out += inner.front() == '/' ? "" : "/";
      out += inner;
    }
    return out;
  }

private:
  std::string name_ = "xml";
  NamespaceDeclarations namespaces_;
};

} // namespace

std::unique_ptr<const SourceFormat> makeXmlSourceFormat(NamespaceDeclarations namespaces) {
  return std::make_unique<XmlSourceFormat>(std::move(namespaces));
}

} // namespace hotline::mapping
