// FieldCompiler, part two: repeated groups (`each`) — over JSON arrays and XML elements,
// over CSV cells, and over the pieces of a split text. The rest of a field is compiled in
// field_compiler.cc.

#include "core/mapping/canonical_target.h"
#include "core/mapping/field_compiler.h"
#include "core/mapping/mapping_keys.h"
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {

bool FieldCompiler::compileEach(const rapidjson::Value& spec, const Target& target,
                                const FieldScope& scope, const std::string& where,
                                FieldPlan& field) {
  field.source = FieldPlan::Source::Each;
  if (scope.in_text_pieces) {
    errors_.add(where, "an item of each with split is one piece of text: it cannot hold "
                       "another each");
    return false;
  }
  if (member(spec, "transforms") != nullptr) {
    errors_.add(where, "transforms apply to values: put them on the fields inside each");
    return false;
  }
  const SchemaNode* items_schema = scope.schema;
  if (inbound(settings_)) {
    if (target.node->type != SchemaNode::Type::Array) {
      errors_.add(where, "each needs a list to fill, but " + field.to + " is " +
                             describeSchemaType(*target.node));
      return false;
    }
    items_schema = target.node->items;
  }
  std::optional<EachSource> each = compileEachSource(*member(spec, "each"), scope, where,
                                                     inbound(settings_) ? nullptr : &items_schema);
  const rapidjson::Value* fields = member(spec, "fields");
  if (fields == nullptr) {
    errors_.add(where, "each needs fields: what each item holds");
    return false;
  }
  Result<int> group = scope.layout->addGroup(target.steps);
  if (!group) {
    errors_.add(where, group.status().message());
    return false;
  }
  field.group = *group;
  field.items = std::make_unique<ScopePlan>();
  const FieldScope inner{.schema = items_schema,
                         .relative = true,
                         .layout = &scope.layout->group(*group),
                         .where = where,
                         .in_csv_split = settings_.csv_source,
                         .in_text_pieces = each && each->split_on.has_value()};
  const size_t errors_before = errors_.count();
  compileFields(*fields, inner, *field.items);
  if (!each || errors_.count() != errors_before) {
    return false;
  }
  if (settings_.csv_source) {
    for (const FieldPlan& item_field : field.items->fields) {
      for (const SourcePath& path : item_field.from) {
        each->split.columns.push_back(std::get<CsvColumn>(path.steps));
      }
    }
  }
  field.each = std::move(*each);
  return true;
}

std::optional<EachSource> FieldCompiler::compileEachSource(const rapidjson::Value& each,
                                                           const FieldScope& scope,
                                                           const std::string& where,
                                                           const SchemaNode** items_schema) {
  EachSource source;
  if (settings_.csv_source) {
    const rapidjson::Value* split = member(each, "split");
    if (!each.IsObject() || each.MemberCount() != 1 || split == nullptr || !split->IsString() ||
        split->GetStringLength() == 0) {
      errors_.add(where, "each over a CSV record is {\"split\": \"|\"}: the separator of the "
                         "cells to split");
      return std::nullopt;
    }
    if (scope.in_csv_split) {
      errors_.add(where, "each cannot nest in a CSV mapping");
      return std::nullopt;
    }
    source.text = "split " + std::string(stringOf(*split));
    source.split.separator = std::string(stringOf(*split));
    return source;
  }
  if (each.IsObject()) {
    return compileEachOverPieces(each, scope, where);
  }
  if (!each.IsString()) {
    errors_.add(where, "each must be a source path (the repeated element or list), or "
                       "{\"from\": path, \"split\": separators} for the pieces of a text");
    return std::nullopt;
  }
  source.text = std::string(stringOf(each));
  std::optional<SourcePath> path = compileSourcePath(source.text, scope, where, nullptr);
  if (!path) {
    return std::nullopt;
  }
  if (const auto* xml = std::get_if<XmlElementPath>(&path->steps); xml && xml->endsInAttribute()) {
    errors_.add(where, "each must name repeated elements, not an attribute");
    return std::nullopt;
  }
  if (items_schema != nullptr) {
    // Outbound: the canonical list being iterated; inner paths start at its items.
    Result<CanonicalPath> canonical = resolveCanonicalPath(
        *scope.schema, std::get<JsonPointerPath>(path->steps), source.text, settings_.kind, true);
    if (!canonical || canonical->node->type != SchemaNode::Type::Array) {
      errors_.add(where,
                  "each " + source.text + " must name a list of the canonical " + settings_.kind);
      return std::nullopt;
    }
    *items_schema = canonical->node->items;
  }
  source.path = std::move(*path);
  return source;
}

// `{"from": "/coUnits", "split": "、"}`: one item per piece of the text at `from`.
std::optional<EachSource> FieldCompiler::compileEachOverPieces(const rapidjson::Value& each,
                                                               const FieldScope& scope,
                                                               const std::string& where) {
  if (!inbound(settings_)) {
    errors_.add(where, "each with split reads a peer's text: it is for inbound mappings");
    return std::nullopt;
  }
  bool ok = checkKeys(each, {"from", "split"}, where, errors_);
  const rapidjson::Value* from = member(each, "from");
  if (from == nullptr || !from->IsString()) {
    errors_.add(where, "each {\"from\": path, \"split\": separators} needs from: the path of "
                       "the text to split");
    return std::nullopt;
  }
  std::string_view separators = kDefaultSplitSeparators;
  if (const rapidjson::Value* split = member(each, "split")) {
    if (!split->IsString() || split->GetStringLength() == 0) {
      errors_.add(where, "split must be a non-empty string: each of its characters separates");
      return std::nullopt;
    }
    separators = stringOf(*split);
  }
  EachSource source;
  source.text = std::string(stringOf(*from));
  std::optional<SourcePath> path = compileSourcePath(source.text, scope, where, nullptr);
  if (!ok || !path) {
    return std::nullopt;
  }
  source.path = std::move(*path);
  source.split_on = text::codePoints(separators);
  return source;
}

// The items of an `each` with split read their piece, and nothing else.
bool FieldCompiler::checkPiecePath(std::string_view path, const FieldScope& scope,
                                   const std::string& where) {
  if (!scope.in_text_pieces || path == ".") {
    return true;
  }
  errors_.add(where, "an item of each with split is one piece of text: its only path is \".\" "
                     "(the piece), not \"" +
                         std::string(path) + "\"");
  return false;
}

} // namespace hotline::mapping
