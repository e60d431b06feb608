#pragma once
// Semantic comparison of two JSON or two XML documents, for `hotline-gateway mapping test
// --expect` and the golden tests of mappings/. Each document is parsed and printed in a
// canonical, pretty form; two documents are equal when their canonical forms are, and the
// diff of a mismatch is the diff of the canonical forms, so it shows only real differences.
//
// JSON: object members sorted by name, arrays in order, numbers by value (1, 1.0 and 1e0
//   are the same), strings exact.
// XML: elements and attributes named by namespace URI and local name, so the prefixes a
//   document uses do not matter ({urn:x}Ticket); attributes sorted; namespace declarations,
//   comments, processing instructions and the declaration ignored; whitespace-only text
//   beside child elements ignored. A CDATA section is kept apart from escaped text: the
//   same characters are the same infoset, but a peer that wants CDATA should get CDATA.

#include <string>
#include <string_view>

#include "hotline/status.h"

namespace hotline::app {

enum class DocumentFormat { Json, Xml };

// Json for ".json", Xml for ".xml" (the extension of a sample or expected file).
Result<DocumentFormat> documentFormatOf(std::string_view path);

// The canonical pretty form; InvalidArgument "malformed JSON at offset 17: ..." or
// "malformed XML: ..." when the text does not parse.
Result<std::string> canonicalDocument(std::string_view text, DocumentFormat format);

struct DocumentComparison {
  bool equal = false;
  std::string diff; // unified diff of the canonical forms; "" when equal
};

// Compares `actual` with `expected`; the labels name the two in the diff header. An error
// when either does not parse, saying which.
Result<DocumentComparison> compareDocuments(std::string_view expected, std::string_view actual,
                                            DocumentFormat format,
                                            std::string_view expected_label = "expected",
                                            std::string_view actual_label = "actual");

// A document pretty-printed for people, keeping its member / element order: JSON indented by
// two spaces; XML as it is. Text that does not parse is returned unchanged.
std::string prettyDocument(std::string_view text, DocumentFormat format);

} // namespace hotline::app
