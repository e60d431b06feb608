#pragma once
// Compact JSON from a filled OutputLayout: canonical documents (inbound) and peers' JSON
// payloads (outbound). Empty objects, lists and items are left out, as canonical JSON
// requires ("absent = omitted").

#include <string>
#include <string_view>

#include "core/mapping/output_layout.h"

namespace hotline::mapping {

// Appends the document to `out` ("{}" when nothing was written).
void writeJsonOutput(const OutputLayout& layout, const OutputState& state, std::string& out);

// Appends `text` as a JSON string literal (quotes, backslashes and control characters
// escaped; other UTF-8 as it is, like RapidJSON's Writer).
void appendJsonString(std::string& out, std::string_view text);

} // namespace hotline::mapping
