#pragma once
// Element paths into XML documents, as mapping files write them: `/s:Envelope/s:Body/d:No`,
// an attribute as the last step (`@seq`, `@d:seq`), `.` for an element's own text inside
// `each`. Prefixes are the mapping's own (its `namespaces` declaration) and stand for their
// namespace URI: a document matches whatever prefix it binds that URI to. An unprefixed step
// matches an element in no namespace.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hotline/status.h"

namespace hotline::mapping {

// prefix -> namespace URI, in the order the mapping declares them.
using NamespaceDeclarations = std::vector<std::pair<std::string, std::string>>;

struct XmlStep {
  std::string prefix; // as written in the mapping ("" for none)
  std::string uri;    // the namespace it stands for ("" for none)
  std::string local;  // local name
  bool attribute = false;
  // "p:Local" or "Local", as an output element or attribute is named.
  std::string qualifiedName() const { return prefix.empty() ? local : prefix + ":" + local; }
};

class XmlElementPath {
public:
  // Absolute paths start with '/' and name the root element first. Relative paths (inside
  // `each`) start at the element: "d:Unit", "@seq", "." (a leading "/" or "./" is allowed).
  // InvalidArgument for a malformed name, an attribute that is not last, or a prefix the
  // mapping does not declare.
  static Result<XmlElementPath> compile(std::string_view text, bool relative,
                                        const NamespaceDeclarations& namespaces);

  const std::vector<XmlStep>& steps() const { return steps_; }
  bool isSelf() const { return steps_.empty(); }
  bool endsInAttribute() const { return !steps_.empty() && steps_.back().attribute; }

private:
  std::vector<XmlStep> steps_;
};

// An XML name without a colon (NCName); non-ASCII letters (Chinese element names) allowed.
bool isXmlName(std::string_view name);

// The URI of the reserved "xml" prefix (xml:lang), bound in every document.
inline constexpr std::string_view kXmlNamespaceUri = "http://www.w3.org/XML/1998/namespace";

} // namespace hotline::mapping
