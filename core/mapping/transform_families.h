#pragma once
// The factories of every transform family, one source file each. Arguments arrive already
// read from the mapping file (transform_compiler.cc does the JSON); a factory that can refuse
// its arguments returns InvalidArgument with the reason.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/mapping/code_table.h"
#include "core/mapping/transform.h"
#include "core/mapping/value.h"
#include "hotline/status.h"

namespace hotline::mapping {

// text_transforms.cc
std::unique_ptr<Transform> makeTrim();
std::unique_ptr<Transform> makeHalfwidth();
std::unique_ptr<Transform> makeLower();
std::unique_ptr<Transform> makeUpper();

// presence_transforms.cc
std::unique_ptr<Transform> makeDefault(Value value);
std::unique_ptr<Transform> makeRequired();

// date_transform.cc: `formats` are patterns (yyyy-MM-dd HH:mm:ss) or epoch_s, epoch_ms,
// iso8601; `zone` (+08:00) applies when the value has none.
Result<std::unique_ptr<Transform>> makeDate(const std::vector<std::string>& formats,
                                            std::string_view zone);

// lookup_transforms.cc: what a value missing from the table or map becomes.
struct Fallback {
  enum class Kind { Replace, Keep, Error };
  Kind kind = Kind::Error;
  Value replacement; // Replace
};
std::unique_ptr<Transform> makeCodeLookup(std::shared_ptr<const CodeTable> table,
                                          Fallback fallback);
std::unique_ptr<Transform> makeEnumMap(std::vector<std::pair<std::string, Value>> map,
                                       Fallback fallback);

// regex_transform.cc: `group` defaults to 1, or 0 when the pattern has no groups.
Result<std::unique_ptr<Transform>> makeRegexExtract(const std::string& pattern,
                                                    std::optional<size_t> group);

// split_transform.cc: each character of `separators` separates (ASCII and Chinese).
inline constexpr std::string_view kDefaultSplitSeparators = ",，、;；";
std::unique_ptr<Transform> makeSplit(std::string_view separators);

// phone_transform.cc, number_transform.cc, bool_transform.cc
std::unique_ptr<Transform> makePhone();
std::unique_ptr<Transform> makeNumber();
std::unique_ptr<Transform> makeBool();
// The spellings `bool` accepts; target coercion reads boolean fields with it too.
std::optional<bool> parseBoolText(std::string_view text);

} // namespace hotline::mapping
