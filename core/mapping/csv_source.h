#pragma once
// One CSV record as a mapping source: with a header line, paths are column names (工单编号);
// without one, 1-based column numbers ("3"). A column the header does not have reads as
// empty, like a missing JSON member. `each` over a CSV record splits cells (CsvSplit).

#include <memory>
#include <string>

#include "core/mapping/source_document.h"

namespace hotline::mapping {

struct CsvOptions {
  std::string delimiter = ","; // one character
  bool header = true;
};

std::unique_ptr<const SourceFormat> makeCsvSourceFormat(CsvOptions options);

// The pieces of a cell an `each` over `separator` gives (empty pieces kept: item i is the
// i-th piece, whatever its neighbours hold).
std::vector<std::string_view> splitCell(std::string_view cell, std::string_view separator);

} // namespace hotline::mapping
