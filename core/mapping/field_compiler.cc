#include "core/mapping/field_compiler.h"

#include "core/config/mapping_params.h"
#include "core/mapping/canonical_target.h"
#include "core/mapping/mapping_keys.h"
#include "core/mapping/transform_compiler.h"
#include "core/mapping/transform_families.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {
namespace {

ValueType typeOfConstant(const Value& value) {
  switch (value.kind) {
  case ValueKind::Number:
    return ValueType::Number;
  case ValueKind::Bool:
    return ValueType::Bool;
  default:
    return ValueType::Text;
  }
}

// An object or a list of objects takes no single value: say what to write instead.
std::optional<std::string> notAValueTarget(const SchemaNode& node, std::string_view to) {
  if (node.type == SchemaNode::Type::Object) {
    std::string members;
    for (const auto& property : node.properties) {
      members += members.empty() ? "" : ", ";
      members += property.first;
    }
    const std::string example = node.properties.empty() ? "" : node.properties.front().first;
    return std::string(to) + " is " + describeSchemaType(node) + " with members " + members +
           ": map a value to one of them, e.g. " + std::string(to) + "/" + example;
  }
  if (node.type == SchemaNode::Type::Array && node.items != nullptr &&
      node.items->type == SchemaNode::Type::Object) {
    return std::string(to) + " is " + describeSchemaType(node) + ": fill it with each";
  }
  return std::nullopt;
}

} // namespace

void FieldCompiler::compileFields(const rapidjson::Value& fields, const FieldScope& scope,
                                  ScopePlan& plan) {
  if (!fields.IsArray() || fields.Empty()) {
    errors_.add(scope.where, "fields must be a non-empty list");
    return;
  }
  for (rapidjson::SizeType i = 0; i < fields.Size(); ++i) {
    std::optional<FieldPlan> field = compileField(fields[i], i, scope);
    if (field) {
      plan.fields.push_back(std::move(*field));
    }
  }
}

std::optional<FieldPlan> FieldCompiler::compileField(const rapidjson::Value& spec, size_t index,
                                                     const FieldScope& scope) {
  const rapidjson::Value* to = member(spec, "to");
  const std::string to_text = to != nullptr && to->IsString() ? std::string(stringOf(*to)) : "";
  const std::string where = fieldLocation(scope.where, index, to_text);
  if (!spec.IsObject()) {
    errors_.add(where, "a field must be an object, not " + std::string(jsonTypeName(spec)));
    return std::nullopt;
  }
  bool ok = checkFieldKeys(spec, where);
  if (to == nullptr || !to->IsString()) {
    errors_.add(where, "to is required: the target path");
    return std::nullopt;
  }
  FieldPlan field;
  field.index = index;
  field.to = to_text;
  std::optional<Target> target = compileTarget(to_text, scope, where);
  ok = target.has_value() && ok;
  ok = compileWhen(spec, scope, where, field) && ok;
  if (member(spec, "each") != nullptr) {
    ok = target && compileEach(spec, *target, scope, where, field) && ok;
    return ok ? std::optional<FieldPlan>(std::move(field)) : std::nullopt;
  }
  ok = compileSources(spec, scope, where, field) && ok;
  ok = compileTransforms(spec, where, field) && ok;
  if (!ok || !target) {
    return std::nullopt;
  }
  if (!checkTypes(*target, where, field)) {
    return std::nullopt;
  }
  const rapidjson::Value* cdata = member(spec, "cdata");
  Result<int> slot = scope.layout->addValue(target->steps, cdata != nullptr && cdata->IsTrue());
  if (!slot) {
    errors_.add(where, slot.status().message());
    return std::nullopt;
  }
  field.slot = *slot;
  if (field.personal.mask_key.empty()) {
    field.personal.mask_key = target->mask_key;
  }
  return field;
}

bool FieldCompiler::checkFieldKeys(const rapidjson::Value& spec, const std::string& where) {
  bool ok = checkKeys(spec,
                      {"to", "from", "value", "param", "each", "fields", "when", "transforms",
                       "cdata", "description"},
                      where, errors_);
  const int sources =
      (member(spec, "from") != nullptr ? 1 : 0) + (member(spec, "value") != nullptr ? 1 : 0) +
      (member(spec, "param") != nullptr ? 1 : 0) + (member(spec, "each") != nullptr ? 1 : 0);
  if (sources != 1) {
    errors_.add(where, "needs exactly one of from, value, param, each");
    ok = false;
  }
  if (member(spec, "fields") != nullptr && member(spec, "each") == nullptr) {
    errors_.add(where, "fields belongs to each: this field has no each");
    ok = false;
  }
  if (const rapidjson::Value* cdata = member(spec, "cdata")) {
    if (settings_.target_style != OutputLayout::Style::Xml || inbound(settings_)) {
      errors_.add(where, "cdata is only for outbound XML targets");
      ok = false;
    } else if (!cdata->IsBool()) {
      errors_.add(where, "cdata must be true or false");
      ok = false;
    }
  }
  if (const rapidjson::Value* description = member(spec, "description");
      description != nullptr && !description->IsString()) {
    errors_.add(where, "description must be a string");
    ok = false;
  }
  return ok;
}

std::optional<FieldCompiler::Target> FieldCompiler::compileTarget(std::string_view to,
                                                                  const FieldScope& scope,
                                                                  const std::string& where) {
  if (!inbound(settings_)) {
    return compilePeerTarget(to, scope, where);
  }
  Result<JsonPointerPath> path = JsonPointerPath::compile(to, scope.relative);
  if (!path) {
    errors_.add(where, path.status().message());
    return std::nullopt;
  }
  Result<CanonicalPath> canonical =
      resolveCanonicalPath(*scope.schema, *path, to, settings_.kind, false);
  if (!canonical) {
    errors_.add(where, canonical.status().message());
    return std::nullopt;
  }
  return Target{std::move(canonical->steps), canonical->node, std::move(canonical->mask_key)};
}

std::optional<FieldCompiler::Target> FieldCompiler::compilePeerTarget(std::string_view to,
                                                                      const FieldScope& scope,
                                                                      const std::string& where) {
  Target target;
  target.mask_key = personalKeyOfPath(to);
  if (settings_.target_style == OutputLayout::Style::Xml) {
    Result<XmlElementPath> path =
        XmlElementPath::compile(to, scope.relative, settings_.target_namespaces);
    if (!path) {
      errors_.add(where, path.status().message());
      return std::nullopt;
    }
    for (const XmlStep& step : path->steps()) {
      target.steps.push_back(
          TargetStep{step.attribute ? TargetStep::Kind::Attribute : TargetStep::Kind::Member,
                     step.qualifiedName(), 0, std::nullopt});
    }
    return target;
  }
  Result<JsonPointerPath> path = JsonPointerPath::compile(to, scope.relative);
  if (!path) {
    errors_.add(where, path.status().message());
    return std::nullopt;
  }
  for (const JsonPointerStep& step : path->steps()) {
    if (step.kind == JsonPointerStep::Kind::Filter) {
      errors_.add(where, "a target path cannot hold a filter ([key=value] selects when reading)");
      return std::nullopt;
    }
    target.steps.push_back(step.index ? TargetStep{TargetStep::Kind::Index, {}, *step.index, {}}
                                      : TargetStep{TargetStep::Kind::Member, step.name, 0, {}});
  }
  return target;
}

std::optional<SourcePath> FieldCompiler::compileSourcePath(std::string_view text,
                                                           const FieldScope& scope,
                                                           const std::string& where,
                                                           std::string* mask_key) {
  if (!checkPiecePath(text, scope, where)) {
    return std::nullopt;
  }
  Result<SourcePath> path = settings_.source->compilePath(text, scope.relative);
  if (!path) {
    errors_.add(where, path.status().message());
    return std::nullopt;
  }
  if (inbound(settings_)) {
    if (mask_key != nullptr && mask_key->empty()) {
      *mask_key = personalKeyOfPath(text);
    }
    return std::move(path).value();
  }
  // Outbound sources are canonical documents: the path must exist in the schema.
  Result<CanonicalPath> canonical = resolveCanonicalPath(
      *scope.schema, std::get<JsonPointerPath>(path->steps), text, settings_.kind, true);
  if (!canonical) {
    errors_.add(where, canonical.status().message());
    return std::nullopt;
  }
  if (mask_key != nullptr && mask_key->empty()) {
    *mask_key = canonical->mask_key;
  }
  return std::move(path).value();
}

bool FieldCompiler::compileSources(const rapidjson::Value& spec, const FieldScope& scope,
                                   const std::string& where, FieldPlan& field) {
  if (const rapidjson::Value* value = member(spec, "value")) {
    std::string why;
    std::optional<Value> constant = constantValue(*value, why);
    if (!constant) {
      errors_.add(where, "value " + why);
      return false;
    }
    field.source = FieldPlan::Source::Constant;
    field.constant = std::move(*constant);
    return true;
  }
  if (const rapidjson::Value* param = member(spec, "param")) {
    if (!param->IsString() || !config::isMappingParamName(stringOf(*param))) {
      errors_.add(where, "param must name a mapping parameter: 1-64 characters of a-z, 0-9 and "
                         "_, starting with a letter");
      return false;
    }
    field.source = FieldPlan::Source::Param;
    field.param = std::string(stringOf(*param));
    return true;
  }
  const rapidjson::Value* from_member = member(spec, "from");
  if (from_member == nullptr) {
    return false; // reported with the keys: a field needs one of from, value, param, each
  }
  const rapidjson::Value& from = *from_member;
  const bool list = from.IsArray() && !from.Empty();
  if (!from.IsString() && !list) {
    errors_.add(where, "from must be a source path or a non-empty list of them");
    return false;
  }
  bool ok = true;
  for (rapidjson::SizeType i = 0; i < (list ? from.Size() : 1); ++i) {
    const rapidjson::Value& text = list ? from[i] : from;
    if (!text.IsString()) {
      errors_.add(where, "from must be a source path or a non-empty list of them");
      return false;
    }
    std::optional<SourcePath> path =
        compileSourcePath(stringOf(text), scope, where, &field.personal.mask_key);
    if (path) {
      field.from.push_back(std::move(*path));
    }
    ok = path.has_value() && ok;
  }
  return ok;
}

bool FieldCompiler::compileWhen(const rapidjson::Value& spec, const FieldScope& scope,
                                const std::string& where, FieldPlan& field) {
  const rapidjson::Value* when = member(spec, "when");
  if (when == nullptr) {
    return true;
  }
  const std::string location = joinLocation(where, "when");
  field.when = Condition::compile(*when, *settings_.source, scope.relative, location, errors_);
  if (!field.when || !checkPiecePath(field.when->path().text, scope, location)) {
    return false;
  }
  if (!inbound(settings_)) {
    // The condition reads the canonical document: its path must exist there too.
    const SourcePath& path = field.when->path();
    Result<CanonicalPath> canonical = resolveCanonicalPath(
        *scope.schema, std::get<JsonPointerPath>(path.steps), path.text, settings_.kind, true);
    if (!canonical) {
      errors_.add(location, canonical.status().message());
      return false;
    }
  }
  return true;
}

bool FieldCompiler::compileTransforms(const rapidjson::Value& spec, const std::string& where,
                                      FieldPlan& field) {
  const rapidjson::Value* transforms = member(spec, "transforms");
  if (transforms == nullptr) {
    return true;
  }
  if (!transforms->IsArray()) {
    errors_.add(where, "transforms must be a list");
    return false;
  }
  bool ok = true;
  for (rapidjson::SizeType j = 0; j < transforms->Size(); ++j) {
    const std::string location = joinLocation(where, "transforms[" + std::to_string(j) + "]");
    std::optional<CompiledTransform> compiled =
        compileTransform((*transforms)[j], *settings_.codes, location, errors_);
    if (!compiled) {
      ok = false;
      continue;
    }
    if (compiled->concat) {
      if (j != 0 || field.source != FieldPlan::Source::Paths) {
        errors_.add(location, j != 0 ? "concat must be the first transform"
                                     : "concat joins the values of from; this field has value");
        ok = false;
        continue;
      }
      field.source = FieldPlan::Source::Concat;
      field.concat_separator = std::move(compiled->concat_separator);
      continue;
    }
    if (compiled->transform->makesPersonal()) {
      field.personal.mask_key = "phone";
    }
    field.transforms.push_back(std::move(compiled->transform));
  }
  return ok;
}

bool FieldCompiler::checkTypes(const Target& target, const std::string& where, FieldPlan& field) {
  ValueType type = field.source == FieldPlan::Source::Constant ? typeOfConstant(field.constant)
                   : field.source == FieldPlan::Source::Concat ? ValueType::Text
                                                               : ValueType::Scalar;
  size_t j = field.source == FieldPlan::Source::Concat ? 1 : 0; // concat was transforms[0]
  for (const auto& transform : field.transforms) {
    if (transform->shape() == Transform::Shape::SingleValue && type == ValueType::List) {
      errors_.add(joinLocation(where, "transforms[" + std::to_string(j) + "]"),
                  transform->description() +
                      " takes a single value, but the value is a list here (made by split)");
      return false;
    }
    type = transform->resultType(type);
    ++j;
  }
  if (target.node == nullptr) {
    return true; // a peer's target takes anything
  }
  if (std::optional<std::string> problem = notAValueTarget(*target.node, field.to)) {
    errors_.add(where, *problem);
    return false;
  }
  field.target = targetTypeOf(*target.node);
  if (std::optional<std::string> conflict = typeConflict(type, field.target)) {
    errors_.add(where, *conflict);
    return false;
  }
  field.read_all_matches =
      field.target.kind == TargetType::Kind::TextList && settings_.source->name() == "xml";
  checkEnumResults(field, where);
  return true;
}

// The values a field can only ever write (its constant, or what its trailing lookups and
// defaults produce) must be in the target's enum: a typo in an enum map is a load error.
void FieldCompiler::checkEnumResults(const FieldPlan& field, const std::string& where) {
  if (field.target.enum_values == nullptr) {
    return;
  }
  const auto check = [&](const std::string& value, const std::string& location) {
    if (std::optional<std::string> conflict = enumConflict(value, field.target)) {
      errors_.add(location, "\"" + value + "\" " + *conflict);
    }
  };
  if (field.source == FieldPlan::Source::Constant && field.transforms.empty()) {
    check(field.constant.text, where);
  }
  const size_t offset = field.source == FieldPlan::Source::Concat ? 1 : 0;
  for (size_t j = field.transforms.size(); j-- > 0;) {
    const Transform& transform = *field.transforms[j];
    const std::vector<std::string> results = transform.possibleResults();
    const std::string location =
        joinLocation(where, "transforms[" + std::to_string(j + offset) + "]");
    for (const std::string& result : results) {
      check(result, location);
    }
    const bool passes_values_on = transform.handlesEmpty(); // default and required
    if (!passes_values_on) {
      break;
    }
  }
}

} // namespace hotline::mapping
