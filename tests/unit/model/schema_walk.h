#pragma once
// Walks a JSON Schema (draft-04 subset the model uses: $ref, allOf, oneOf, anyOf, properties,
// items) alongside instance documents, to find properties the schema declares that no
// instance contains.

#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace hotline::model::samples {

// Paths (schema property names joined by '/', "*" for array items) of declared properties
// absent from every instance that reaches them. `root` resolves local "$ref"s.
std::vector<std::string>
propertiesMissingFrom(const rapidjson::Value& root, const rapidjson::Value& schema,
                      const std::vector<const rapidjson::Value*>& instances);

// The "enum" values of #/definitions/<definition> (empty when it has none).
std::vector<std::string> enumValuesOf(const rapidjson::Value& root, const char* definition);

} // namespace hotline::model::samples
