#pragma once
// A compiled mapping field and the scope of fields it belongs to (the file's top level, or
// the items of an `each`). Built by field_compiler.cc, run by field_runner.cc; immutable in
// between.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/mapping/condition.h"
#include "core/mapping/personal_value.h"
#include "core/mapping/source_document.h"
#include "core/mapping/target_coercion.h"
#include "core/mapping/transform.h"

namespace hotline::mapping {

struct ScopePlan;

struct FieldPlan {
  enum class Source {
    Paths,    // the first non-empty of `from`
    Constant, // `value`
    Param,    // `param`: a value the deployment gives (MappingParams)
    Concat,   // every non-empty `from`, joined
    Each,     // a repeated group
  };

  size_t index = 0; // fields[index] in its scope, for messages
  std::string to;   // as written
  Source source = Source::Paths;
  std::vector<SourcePath> from;
  Value constant;
  std::string param; // Source::Param: its name
  std::string concat_separator;
  std::optional<Condition> when;
  std::vector<std::unique_ptr<const Transform>> transforms;
  TargetType target;             // canonical targets; Any for a peer's
  bool read_all_matches = false; // a list target reading XML: every matching element
  Personal personal;
  int slot = -1; // in the scope's OutputLayout

  // Source::Each
  EachSource each;
  int group = -1;
  std::unique_ptr<ScopePlan> items;
};

struct ScopePlan {
  std::vector<FieldPlan> fields;
};

} // namespace hotline::mapping
