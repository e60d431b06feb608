#pragma once
// JSON Pointers (RFC 6901) as mapping files write them, plus one extension: a filter segment
// `[key=value]` that selects the first element of an array whose member `key` equals
// `value` (/refs/[system=shangqiu-12345]/number), or the value of a mapping parameter
// (/refs/[system=$hotline_system]/number). Parsed once at load; resolving allocates nothing.

#include <rapidjson/document.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapping/mapping.h"
#include "hotline/status.h"

namespace hotline::mapping {

struct JsonPointerStep {
  enum class Kind { Member, Filter };
  Kind kind = Kind::Member;
  std::string name;            // Member: the member name (unescaped)
  std::optional<size_t> index; // Member: the name read as an array index, if it is one
  std::string filter_key;      // Filter
  std::string filter_value;    // Filter
  std::string filter_param;    // Filter [key=$name]: compared with that mapping parameter
};

class JsonPointerPath {
public:
  // Absolute paths start with '/'. Relative paths (inside `each`) may leave the '/' out
  // ("seq" = "/seq"); "" and "." are the element itself. InvalidArgument says what is wrong.
  static Result<JsonPointerPath> compile(std::string_view text, bool relative);

  // The value the path leads to from `from`, or nullptr when there is none. A filter on a
  // parameter `params` does not give matches nothing.
  const rapidjson::Value* resolve(const rapidjson::Value& from,
                                  const MappingParams* params = nullptr) const;

  const std::vector<JsonPointerStep>& steps() const { return steps_; }
  bool isSelf() const { return steps_.empty(); }

private:
  std::vector<JsonPointerStep> steps_;
};

// The text of a JSON number or bool as it appears in the document ("12", "113.25", "true").
std::string scalarText(const rapidjson::Value& value);

} // namespace hotline::mapping
