#pragma once
// Which files of a mappings/ directory are mappings (mapping_set.h describes the layout).

#include <string>
#include <vector>

#include "core/mapping/mapping.h"
#include "hotline/status.h"

namespace hotline::mapping {

struct MappingFile {
  std::string connector; // the directory under mappings/
  std::string kind;      // the file name without .json / .out.json
  Direction direction = Direction::Inbound;
  std::string path; // <dir>/<connector>/<file>, as errors name it
};

// Every mappings/<connector>/<kind>.json and <kind>.out.json, sorted by path; codes/,
// samples/, other subdirectories and hidden entries are skipped. NotFound when `dir` does
// not exist.
Result<std::vector<MappingFile>> listMappingFiles(const std::string& dir);

// The *.json files directly in `dir`, sorted (for code tables).
Result<std::vector<std::string>> listJsonFiles(const std::string& dir);

} // namespace hotline::mapping
