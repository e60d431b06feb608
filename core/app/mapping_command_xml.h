#pragma once
// The canonical form of an XML document for comparisons (mapping_command_compare.h): one
// line per element, named by namespace URI and local name, attributes sorted, text quoted.
//
//   {http://schemas.xmlsoap.org/soap/envelope/}Envelope
//     {urn:yucheng:zjj:ticket:v1}Ticket version="2"
//       {urn:yucheng:zjj:ticket:v1}TicketNo = "YC2404110002"
//       {urn:yucheng:zjj:ticket:v1}Content = CDATA "…"

#include <string>
#include <string_view>

#include "hotline/status.h"

namespace hotline::app {

// InvalidArgument "malformed XML: <tinyxml2's reason>" or naming an undeclared prefix.
Result<std::string> canonicalXml(std::string_view text);

} // namespace hotline::app
