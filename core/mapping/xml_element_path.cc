#include "core/mapping/xml_element_path.h"

namespace hotline::mapping {
namespace {

bool isNameStart(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
}

bool isNameChar(unsigned char c) {
  return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

} // namespace

bool isXmlName(std::string_view name) {
  if (name.empty() || !isNameStart(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (char c : name) {
    if (!isNameChar(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

namespace {

Status badPath(std::string_view path, std::string_view why) {
  return invalidArgument("bad XML path \"" + std::string(path) + "\": " + std::string(why));
}

Result<XmlStep> compileStep(std::string_view segment, std::string_view path,
                            const NamespaceDeclarations& namespaces) {
  XmlStep step;
  if (!segment.empty() && segment.front() == '@') {
    step.attribute = true;
    segment.remove_prefix(1);
  }
  if (segment.find('[') != std::string_view::npos) {
    return badPath(path, "positions like [2] are not supported; use each for repeated elements");
  }
  const size_t colon = segment.find(':');
  if (colon != std::string_view::npos) {
    step.prefix = std::string(segment.substr(0, colon));
    segment.remove_prefix(colon + 1);
  }
  if (!isXmlName(segment) || (colon != std::string_view::npos && !isXmlName(step.prefix))) {
    return badPath(path, "\"" + std::string(segment) + "\" is not an XML name");
  }
  step.local = std::string(segment);
  if (step.prefix.empty()) {
    return step;
  }
  if (step.prefix == "xml") {
    step.uri = std::string(kXmlNamespaceUri);
    return step;
  }
  for (const auto& [prefix, uri] : namespaces) {
    if (prefix == step.prefix) {
      step.uri = uri;
      return step;
    }
  }
  return badPath(path, "namespace prefix \"" + step.prefix +
                           "\" is not declared (add it to \"namespaces\")");
}

} // namespace

Result<XmlElementPath> XmlElementPath::compile(std::string_view text, bool relative,
                                               const NamespaceDeclarations& namespaces) {
  XmlElementPath path;
  std::string_view rest = text;
  if (relative && rest.substr(0, 2) == "./") {
    rest.remove_prefix(2);
  } else if (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
  } else if (!relative) {
    return badPath(text, "must start with '/' and the root element");
  }
  if (relative && (rest.empty() || rest == ".")) {
    return path;
  }
  for (;;) {
    const size_t end = rest.find('/');
    const std::string_view segment = rest.substr(0, end);
    if (segment.empty()) {
      return badPath(text, "empty step (two '/' in a row or a '/' at the end)");
    }
    if (!path.steps_.empty() && path.steps_.back().attribute) {
      return badPath(text, "an attribute (@name) can only be the last step");
    }
    Result<XmlStep> step = compileStep(segment, text, namespaces);
    if (!step) {
      return step.status();
    }
    path.steps_.push_back(std::move(step).value());
    if (end == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(end + 1);
  }
  if (!relative && path.steps_.front().attribute) {
    return badPath(text, "the first step must be the root element");
  }
  return path;
}

} // namespace hotline::mapping
