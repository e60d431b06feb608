#pragma once
// A field's `when`: the field is skipped unless its condition on a source path holds.
//   {"path": P, "equals": "3"}   {"path": P, "in": ["a", "b"]}
//   {"path": P, "exists": true}  {"path": P, "matches": "^13"}
// Values are compared as read, before any transform (numbers and booleans as their text).

#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapping/load_errors.h"
#include "core/mapping/regex_pattern.h"
#include "core/mapping/source_document.h"

namespace hotline::mapping {

class Condition {
public:
  // Problems are reported at `where` ("fields[2] (to /x): when") and give nullopt.
  static std::optional<Condition> compile(const rapidjson::Value& spec, const SourceFormat& format,
                                          bool relative, std::string_view where,
                                          LoadErrors& errors);

  bool holds(const SourceDocument& document, SourceCursor at) const;

  const SourcePath& path() const { return path_; }
  // "when /state equals 3", for --explain.
  std::string describe() const;

private:
  enum class Test { Equals, In, Exists, Matches };

  // Reads the one test of `spec` (keys already checked); the problem, or "" when fine.
  std::string readTest(const rapidjson::Value& spec);

  SourcePath path_;
  Test test_ = Test::Equals;
  std::vector<std::string> values_; // Equals (one) and In
  bool exists_ = true;
  std::shared_ptr<const RegexPattern> regex_;
};

} // namespace hotline::mapping
