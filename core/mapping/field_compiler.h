#pragma once
// Compiles a mapping file's `fields` (and the `fields` of each `each`, recursively) into
// FieldPlans: source paths, conditions, transforms, target slots in the output layout, and
// the type and enum checks between what a field produces and what its target takes. Every
// problem is reported with its location; compilation carries on to find the rest.

#include <rapidjson/document.h>

#include <optional>
#include <string>

#include "core/mapping/canonical_schema.h"
#include "core/mapping/field_plan.h"
#include "core/mapping/load_errors.h"
#include "core/mapping/mapping.h"
#include "core/mapping/output_layout.h"
#include "core/mapping/xml_element_path.h"

namespace hotline::mapping {

// What is the same for every field of one file.
struct CompileSettings {
  Direction direction = Direction::Inbound;
  const SourceFormat* source = nullptr; // inbound: the peer's format; outbound: JSON
  const CodeTables* codes = nullptr;
  std::string kind;                      // "ticket"
  const SchemaNode* canonical = nullptr; // the kind's schema root
  OutputLayout::Style target_style = OutputLayout::Style::Json;
  NamespaceDeclarations target_namespaces; // outbound XML targets
  bool csv_source = false;
};

inline bool inbound(const CompileSettings& settings) {
  return settings.direction == Direction::Inbound;
}

// Where a list of fields sits: the top level, or the items of an `each`.
struct FieldScope {
  // The canonical node paths start from: inbound `to`, outbound `from`.
  const SchemaNode* schema = nullptr;
  bool relative = false; // inside `each`
  OutputLayout* layout = nullptr;
  std::string where; // location prefix for messages
  bool in_csv_split = false;
  bool in_text_pieces = false; // inside `each` with split: the item is one piece, read as `.`
};

class FieldCompiler {
public:
  FieldCompiler(const CompileSettings& settings, LoadErrors& errors)
      : settings_(settings), errors_(errors) {}

  void compileFields(const rapidjson::Value& fields, const FieldScope& scope, ScopePlan& plan);

private:
  struct Target {
    std::vector<TargetStep> steps;
    const SchemaNode* node = nullptr; // inbound: the canonical node written
    std::string mask_key;
  };

  std::optional<FieldPlan> compileField(const rapidjson::Value& spec, size_t index,
                                        const FieldScope& scope);
  bool checkFieldKeys(const rapidjson::Value& spec, const std::string& where);
  std::optional<Target> compileTarget(std::string_view to, const FieldScope& scope,
                                      const std::string& where);
  std::optional<Target> compilePeerTarget(std::string_view to, const FieldScope& scope,
                                          const std::string& where);
  bool compileSources(const rapidjson::Value& spec, const FieldScope& scope,
                      const std::string& where, FieldPlan& field);
  std::optional<SourcePath> compileSourcePath(std::string_view text, const FieldScope& scope,
                                              const std::string& where, std::string* mask_key);
  bool compileWhen(const rapidjson::Value& spec, const FieldScope& scope, const std::string& where,
                   FieldPlan& field);
  bool compileTransforms(const rapidjson::Value& spec, const std::string& where, FieldPlan& field);
  bool checkTypes(const Target& target, const std::string& where, FieldPlan& field);
  void checkEnumResults(const FieldPlan& field, const std::string& where);
  bool compileEach(const rapidjson::Value& spec, const Target& target, const FieldScope& scope,
                   const std::string& where, FieldPlan& field);
  std::optional<EachSource> compileEachSource(const rapidjson::Value& each, const FieldScope& scope,
                                              const std::string& where,
                                              const SchemaNode** items_schema);
  std::optional<EachSource> compileEachOverPieces(const rapidjson::Value& each,
                                                  const FieldScope& scope,
                                                  const std::string& where);
  bool checkPiecePath(std::string_view path, const FieldScope& scope, const std::string& where);

  const CompileSettings& settings_;
  LoadErrors& errors_;
};

} // namespace hotline::mapping
