#pragma once
// ${...} references in the scenario file's strings (README.md "Variables"):
//   ${port:NAME}       a free port chosen for process NAME (NAME.admin: a gateway's admin port)
//   ${file:NAME}       the path of a file in the scenario's temp dir
//   ${file_text:NAME}  that file's contents, one trailing newline removed, read when used
//   ${tmp}             the scenario's temp dir
//   ${scenario_dir}    the directory of the scenario file
//   ${NAME}            a value saved by an earlier step ("save")
// "$${" is a literal "${". Every reference is checked when the file is loaded.

#include <rapidjson/document.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "hotline/status.h"
#include "simulators/scenario/src/json_reading.h"

namespace hotline::sim::scenario {

struct Reference {
  enum class Kind { Port, File, FileText, Tmp, ScenarioDir, Var };
  Kind kind = Kind::Var;
  std::string name; // empty for Tmp and ScenarioDir
  std::string text; // as written, "${port:core}"
};

// Expands every reference in `text` with `resolve`. Errors: a malformed reference
// (unterminated, empty, unknown kind) or whatever `resolve` refuses.
Result<std::string>
expandReferences(std::string_view text,
                 const std::function<Result<std::string>(const Reference&)>& resolve);

// The names a part of the file may refer to.
struct KnownNames {
  std::set<std::string> ports;
  std::set<std::string> files;
  std::set<std::string> vars; // saved by earlier steps
  bool vars_allowed = true;   // false where no step has run yet (files, processes)
  bool file_text_allowed = true;
};

// Reports every malformed or unknown reference in the strings of `value` (recursively), at
// the JSON path of the string.
void checkReferences(const rapidjson::Value& value, const std::string& path,
                     const KnownNames& known, Problems& problems);

// The values references stand for while the scenario runs.
struct Variables {
  std::map<std::string, int> ports;
  std::map<std::string, std::string> files; // name -> path
  std::map<std::string, std::string> saved;
  std::string tmp;
  std::string scenario_dir;
};

Result<std::string> resolveReference(const Reference& reference, const Variables& variables);

// Substitutes every string of `value` in place. The error names the JSON path.
Status substituteStrings(rapidjson::Value& value, rapidjson::Document::AllocatorType& allocator,
                         const std::string& path, const Variables& variables);

} // namespace hotline::sim::scenario
