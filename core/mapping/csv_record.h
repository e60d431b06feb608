#pragma once
// RFC 4180 CSV records: fields separated by a delimiter, records by CRLF or LF, a field in
// double quotes may hold delimiters, line breaks and doubled quotes (""). A UTF-8 byte order
// mark at the start is dropped; blank lines are skipped.

#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::mapping {

using CsvRecord = std::vector<std::string>;

// Splits `text` into records. `delimiter` is one character (its UTF-8 bytes). InvalidArgument
// names the line of a quote that is never closed or of text after a closing quote.
Result<std::vector<CsvRecord>> parseCsvRecords(std::string_view text, std::string_view delimiter);

} // namespace hotline::mapping
