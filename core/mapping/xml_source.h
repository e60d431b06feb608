#pragma once
// XML payloads as a mapping source (tinyxml2): element paths from the root, an attribute as
// the last step, namespaces matched by URI through the mapping's own prefixes. An element's
// value is its text, CDATA sections included, concatenated. Entities other than XML's five
// and character references are never expanded (tinyxml2 does not read DTDs).

#include <memory>

#include "core/mapping/source_document.h"
#include "core/mapping/xml_element_path.h"

namespace hotline::mapping {

std::unique_ptr<const SourceFormat> makeXmlSourceFormat(NamespaceDeclarations namespaces);

} // namespace hotline::mapping
