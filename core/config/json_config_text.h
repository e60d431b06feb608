#pragma once
// Parsing the config file's JSON strictly, with errors an operator can jump to in an editor:
// "config/gateway.json:12:5: Missing a comma or '}' after an object member".

#include <cstddef>
#include <string>
#include <string_view>

#include <rapidjson/document.h>

#include "hotline/status.h"

namespace hotline::config {

struct TextPosition {
  size_t line = 1;   // 1-based
  size_t column = 1; // 1-based, in characters (UTF-8 code points), as editors count
};

// Where byte `offset` of `text` is; an offset past the end points just after the last byte.
TextPosition positionAt(std::string_view text, size_t offset);

// Parses `text`, the contents of `source`, into `document`: standard JSON only (no comments,
// no trailing commas), UTF-8 validated, at most 64 levels deep (the parse itself does not
// recurse, so a hostile file cannot exhaust the stack). Errors are InvalidArgument
// "source:line:column: reason".
Status parseConfigJson(std::string_view text, const std::string& source,
                       rapidjson::Document& document);

} // namespace hotline::config
