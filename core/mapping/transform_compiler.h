#pragma once
// Turns one entry of a field's `transforms` list (a name, or an object with one key) into a
// compiled Transform, checking its arguments.

#include <rapidjson/document.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/mapping/load_errors.h"
#include "core/mapping/mapping.h"
#include "core/mapping/transform.h"

namespace hotline::mapping {

struct CompiledTransform {
  std::unique_ptr<const Transform> transform; // nullptr for concat, which is not a step
  bool concat = false;                        // join every `from` value instead of the first
  std::string concat_separator;
};

// Problems are reported to `errors` at `where` ("fields[3] (to /x): transforms[0]") and give
// nullopt.
std::optional<CompiledTransform> compileTransform(const rapidjson::Value& spec,
                                                  const CodeTables& codes, std::string_view where,
                                                  LoadErrors& errors);

// Every transform name, for "did you mean" and the docs.
const std::vector<std::string>& transformNames();

// A `value`/`default`/`fallback` constant: a string, number or bool. nullopt (and the reason
// in `why`) for anything else or an empty string.
std::optional<Value> constantValue(const rapidjson::Value& json, std::string& why);

} // namespace hotline::mapping
