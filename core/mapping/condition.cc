#include "core/mapping/condition.h"

#include "core/mapping/mapping_keys.h"
#include "core/mapping/transform_compiler.h"

namespace hotline::mapping {
namespace {

// The text a condition compares: "3" for the number 3, "true" for true.
std::optional<std::string> comparable(const rapidjson::Value& json) {
  std::string why;
  if (json.IsString()) {
    return std::string(stringOf(json));
  }
  std::optional<Value> value = constantValue(json, why);
  return value ? std::optional<std::string>(value->text) : std::nullopt;
}

} // namespace

std::optional<Condition> Condition::compile(const rapidjson::Value& spec,
                                            const SourceFormat& format, bool relative,
                                            std::string_view where, LoadErrors& errors) {
  if (!spec.IsObject()) {
    errors.add(where, "expected an object such as {\"path\": \"/state\", \"equals\": \"3\"}");
    return std::nullopt;
  }
  if (!checkKeys(spec, {"path", "equals", "in", "exists", "matches"}, where, errors)) {
    return std::nullopt;
  }
  const rapidjson::Value* path = member(spec, "path");
  if (path == nullptr || !path->IsString()) {
    errors.add(where, "path is required: the source path to test");
    return std::nullopt;
  }
  Result<SourcePath> compiled = format.compilePath(stringOf(*path), relative);
  if (!compiled) {
    errors.add(where, compiled.status().message());
    return std::nullopt;
  }
  Condition condition;
  condition.path_ = std::move(compiled).value();
  if (spec.MemberCount() != 2) {
    errors.add(where, "needs exactly one of equals, in, exists, matches");
    return std::nullopt;
  }
  std::string problem = condition.readTest(spec);
  if (!problem.empty()) {
    errors.add(where, problem);
    return std::nullopt;
  }
  return condition;
}

std::string Condition::readTest(const rapidjson::Value& spec) {
  if (const rapidjson::Value* equals = member(spec, "equals")) {
    std::optional<std::string> text = comparable(*equals);
    test_ = Test::Equals;
    values_.push_back(text.value_or(""));
    return text ? "" : "equals must be a string, number or boolean";
  }
  if (const rapidjson::Value* in = member(spec, "in")) {
    test_ = Test::In;
    if (!in->IsArray() || in->Empty()) {
      return "in must be a non-empty list";
    }
    for (const rapidjson::Value& item : in->GetArray()) {
      std::optional<std::string> text = comparable(item);
      if (!text) {
        return "in must be a list of strings, numbers or booleans";
      }
      values_.push_back(std::move(*text));
    }
    return "";
  }
  if (const rapidjson::Value* exists = member(spec, "exists")) {
    test_ = Test::Exists;
    exists_ = exists->IsTrue();
    return exists->IsBool() ? "" : "exists must be true or false";
  }
  const rapidjson::Value& matches = *member(spec, "matches");
  test_ = Test::Matches;
  if (!matches.IsString()) {
    return "matches must be a regular expression (a string)";
  }
  Result<std::shared_ptr<const RegexPattern>> regex =
      RegexPattern::compile(std::string(stringOf(matches)));
  if (!regex) {
    return regex.status().message();
  }
  regex_ = std::move(regex).value();
  return "";
}

bool Condition::holds(const SourceDocument& document, SourceCursor at) const {
  if (test_ == Test::Exists) {
    return document.exists(path_, at) == exists_;
  }
  Value value;
  if (document.read(path_, at, false, value) || value.isList()) {
    return false; // an object or a list equals nothing
  }
  switch (test_) {
  case Test::Equals:
  case Test::In:
    for (const std::string& wanted : values_) {
      if (value.text == wanted) {
        return true;
      }
    }
    return false;
  case Test::Matches:
    return regex_->search(value.text);
  case Test::Exists:
    break;
  }
  return false;
}

std::string Condition::describe() const {
  switch (test_) {
  case Test::Equals:
    return "when " + path_.text + " equals " + values_.front();
  case Test::In:
    return "when " + path_.text + " in the list";
  case Test::Exists:
    return "when " + path_.text + (exists_ ? " exists" : " does not exist");
  case Test::Matches:
    return "when " + path_.text + " matches " + regex_->text();
  }
  return "when";
}

} // namespace hotline::mapping
