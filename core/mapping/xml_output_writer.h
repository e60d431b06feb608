#pragma once
// XML payloads from a filled OutputLayout (outbound mappings to SOAP-style peers). Elements
// appear in the order the mapping first names them; the namespaces the mapping declares and
// uses are declared on the root element with the mapping's prefixes. Elements with nothing in
// them are left out (the root element is always written). Output is compact, UTF-8.

#include <string>

#include "core/mapping/output_layout.h"
#include "core/mapping/xml_element_path.h"

namespace hotline::mapping {

struct XmlOutputOptions {
  bool declaration = false;           // <?xml version="1.0" encoding="UTF-8"?>
  NamespaceDeclarations declarations; // xmlns:prefix="uri" on the root element
};

void writeXmlOutput(const OutputLayout& layout, const OutputState& state,
                    const XmlOutputOptions& options, std::string& out);

} // namespace hotline::mapping
