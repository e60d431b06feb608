#pragma once
// A JSON Pointer into the canonical document, checked against the schema: an inbound
// field's `to` (where a value goes) or an outbound field's `from` (where it comes from).

#include <string>
#include <string_view>
#include <vector>

#include "core/mapping/canonical_schema.h"
#include "core/mapping/json_pointer_path.h"
#include "core/mapping/output_layout.h"
#include "hotline/status.h"

namespace hotline::mapping {

struct CanonicalPath {
  const SchemaNode* node = nullptr; // what the path names
  std::vector<TargetStep> steps;    // for the output layout, with the schema's member order
  std::string mask_key;             // personal data: how to mask it ("" when not personal)
};

// Walks `path` from `start` (the kind's root, or a list's item inside `each`). Filters are
// allowed only when reading (outbound `from`). `kind` names the document in messages
// ("ticket"). InvalidArgument: "/requester/phon is not in the canonical ticket: requester has
// no member "phon" (did you mean "phone"?)".
Result<CanonicalPath> resolveCanonicalPath(const SchemaNode& start, const JsonPointerPath& path,
                                           std::string_view path_text, std::string_view kind,
                                           bool reading);

} // namespace hotline::mapping
