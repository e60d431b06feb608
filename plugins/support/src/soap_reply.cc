#include "hotline/support/soap_reply.h"

#include <tinyxml2.h>

#include <string>

namespace hotline::support {
namespace {

// tinyxml2 keeps prefixes in names: "d:Code" and "Code" are both the local name Code.
std::string_view localName(const tinyxml2::XMLElement& element) {
  std::string_view name = element.Name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

const tinyxml2::XMLElement* childNamed(const tinyxml2::XMLElement* parent, std::string_view local) {
  for (auto* child = parent == nullptr ? nullptr : parent->FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (localName(*child) == local) {
      return child;
    }
  }
  return nullptr;
}

std::string textOf(const tinyxml2::XMLElement* element) {
  const char* text = element == nullptr ? nullptr : element->GetText();
  std::string out = text == nullptr ? "" : text;
  size_t first = out.find_first_not_of(" \t\r\n");
  size_t last = out.find_last_not_of(" \t\r\n");
  return first == std::string::npos ? "" : out.substr(first, last - first + 1);
}

} // namespace

Result<PeerReply> readSoapReply(std::string_view body, std::string_view number_element) {
  tinyxml2::XMLDocument document;
  if (document.Parse(body.data(), body.size()) != tinyxml2::XML_SUCCESS) {
    return invalidArgument(std::string("reply is not well-formed XML: ") + document.ErrorStr());
  }
  const tinyxml2::XMLElement* root = document.RootElement();
  const tinyxml2::XMLElement* soap_body =
      root != nullptr && localName(*root) == "Envelope" ? childNamed(root, "Body") : nullptr;
  const tinyxml2::XMLElement* answer =
      soap_body == nullptr ? nullptr : soap_body->FirstChildElement();
  if (answer == nullptr) {
    return invalidArgument("reply is not a SOAP Envelope with a response element in its Body");
  }
  if (localName(*answer) == "Fault") {
    return PeerReply{"fault", textOf(childNamed(answer, "faultstring")), ""};
  }
  const tinyxml2::XMLElement* code = childNamed(answer, "Code");
  if (code == nullptr || textOf(code).empty()) {
    return invalidArgument("reply " + std::string(answer->Name()) + " has no Code element");
  }
  return PeerReply{textOf(code), textOf(childNamed(answer, "Message")),
                   textOf(childNamed(answer, number_element))};
}

} // namespace hotline::support
