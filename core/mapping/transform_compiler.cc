#include "core/mapping/transform_compiler.h"

#include <functional>

#include "core/mapping/json_pointer_path.h"
#include "core/mapping/mapping_keys.h"
#include "core/mapping/transform_families.h"

namespace hotline::mapping {
namespace {

// Everything a transform's builder needs: its arguments (nullptr when written as a bare
// name), the code tables, and where to report problems.
struct BuildContext {
  std::string_view name;
  const rapidjson::Value* args;
  const CodeTables& codes;
  std::string where;
  LoadErrors& errors;

  std::nullopt_t fail(std::string_view reason) const {
    errors.add(where, std::string(name) + ": " + std::string(reason));
    return std::nullopt;
  }
  // The arguments as an object with only `allowed` keys; nullptr (reported) otherwise.
  const rapidjson::Value* object(std::initializer_list<std::string_view> allowed) const {
    if (args == nullptr || !args->IsObject()) {
      fail("expected an object of arguments, got " +
           std::string(args == nullptr ? "none" : jsonTypeName(*args)));
      return nullptr;
    }
    return checkKeys(*args, allowed, joinLocation(where, name), errors) ? args : nullptr;
  }
};

using Builder = std::function<std::optional<CompiledTransform>(const BuildContext&)>;

CompiledTransform wrap(std::unique_ptr<Transform> transform) {
  return CompiledTransform{std::move(transform), false, {}};
}

std::optional<CompiledTransform> wrap(Result<std::unique_ptr<Transform>> built,
                                      const BuildContext& context) {
  if (!built) {
    return context.fail(built.status().message());
  }
  return wrap(std::move(built).value());
}

// A transform written as a bare name ("trim").
Builder bare(std::unique_ptr<Transform> (*make)()) {
  return [make](const BuildContext& context) -> std::optional<CompiledTransform> {
    if (context.args != nullptr) {
      return context.fail("takes no arguments: write \"" + std::string(context.name) + "\"");
    }
    return wrap(make());
  };
}

std::optional<CompiledTransform> buildDefault(const BuildContext& context) {
  if (context.args == nullptr) {
    return context.fail("needs a value: {\"default\": \"...\"}");
  }
  std::string why;
  std::optional<Value> value = constantValue(*context.args, why);
  if (!value) {
    return context.fail(why);
  }
  return wrap(makeDefault(std::move(*value)));
}

std::optional<std::vector<std::string>>
stringList(const rapidjson::Value& list, const BuildContext& context, std::string_view key) {
  if (!list.IsArray() || list.Empty()) {
    context.fail(std::string(key) + " must be a non-empty list of strings");
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const rapidjson::Value& item : list.GetArray()) {
    if (!item.IsString()) {
      context.fail(std::string(key) + " must be a non-empty list of strings");
      return std::nullopt;
    }
    out.emplace_back(stringOf(item));
  }
  return out;
}

std::optional<CompiledTransform> buildDate(const BuildContext& context) {
  std::vector<std::string> formats = {"iso8601"};
  std::string zone = "+08:00";
  if (context.args != nullptr) {
    const rapidjson::Value* args = context.object({"formats", "zone"});
    if (args == nullptr) {
      return std::nullopt;
    }
    if (const rapidjson::Value* list = member(*args, "formats")) {
      std::optional<std::vector<std::string>> read = stringList(*list, context, "formats");
      if (!read) {
        return std::nullopt;
      }
      formats = std::move(*read);
    }
    if (const rapidjson::Value* text = member(*args, "zone")) {
      if (!text->IsString()) {
        return context.fail("zone must be a string such as \"+08:00\"");
      }
      zone = std::string(stringOf(*text));
    }
  }
  return wrap(makeDate(formats, zone), context);
}

std::optional<Fallback> readFallback(const rapidjson::Value& args, const BuildContext& context) {
  const rapidjson::Value* json = member(args, "fallback");
  if (json == nullptr) {
    context.fail("fallback is required: a value, \"keep\" (keep the input) or \"error\"");
    return std::nullopt;
  }
  Fallback fallback;
  if (json->IsString() && (stringOf(*json) == "keep" || stringOf(*json) == "error")) {
    fallback.kind = stringOf(*json) == "keep" ? Fallback::Kind::Keep : Fallback::Kind::Error;
    return fallback;
  }
  std::string why;
  std::optional<Value> value = constantValue(*json, why);
  if (!value) {
    context.fail("fallback " + why);
    return std::nullopt;
  }
  fallback.kind = Fallback::Kind::Replace;
  fallback.replacement = std::move(*value);
  return fallback;
}

std::optional<CompiledTransform> buildCode(const BuildContext& context) {
  const rapidjson::Value* args = context.object({"table", "fallback"});
  if (args == nullptr) {
    return std::nullopt;
  }
  const rapidjson::Value* name = member(*args, "table");
  if (name == nullptr || !name->IsString()) {
    return context.fail("table is required: the name of a file in mappings/codes/");
  }
  std::shared_ptr<const CodeTable> table = context.codes.table(stringOf(*name));
  if (table == nullptr) {
    return context.fail("code table \"" + std::string(stringOf(*name)) +
                        "\" does not exist (no mappings/codes/" + std::string(stringOf(*name)) +
                        ".json)" + didYouMean(stringOf(*name), context.codes.tableNames()));
  }
  std::optional<Fallback> fallback = readFallback(*args, context);
  if (!fallback) {
    return std::nullopt;
  }
  return wrap(makeCodeLookup(std::move(table), std::move(*fallback)));
}

std::optional<CompiledTransform> buildEnum(const BuildContext& context) {
  const rapidjson::Value* args = context.object({"map", "fallback"});
  if (args == nullptr) {
    return std::nullopt;
  }
  const rapidjson::Value* map = member(*args, "map");
  if (map == nullptr || !map->IsObject() || map->MemberCount() == 0) {
    return context.fail("map is required: an object of peer value -> canonical value");
  }
  std::vector<std::pair<std::string, Value>> entries;
  for (auto it = map->MemberBegin(); it != map->MemberEnd(); ++it) {
    std::string why;
    std::optional<Value> value = constantValue(it->value, why);
    if (!value) {
      return context.fail("map[\"" + std::string(stringOf(it->name)) + "\"] " + why);
    }
    entries.emplace_back(std::string(stringOf(it->name)), std::move(*value));
  }
  std::optional<Fallback> fallback = readFallback(*args, context);
  if (!fallback) {
    return std::nullopt;
  }
  return wrap(makeEnumMap(std::move(entries), std::move(*fallback)));
}

std::optional<CompiledTransform> buildRegex(const BuildContext& context) {
  const rapidjson::Value* args = context.object({"pattern", "group"});
  if (args == nullptr) {
    return std::nullopt;
  }
  const rapidjson::Value* pattern = member(*args, "pattern");
  if (pattern == nullptr || !pattern->IsString() || pattern->GetStringLength() == 0) {
    return context.fail("pattern is required: a regular expression");
  }
  std::optional<size_t> group;
  if (const rapidjson::Value* number = member(*args, "group")) {
    if (!number->IsUint()) {
      return context.fail("group must be a whole number (0 is the whole match)");
    }
    group = number->GetUint();
  }
  return wrap(makeRegexExtract(std::string(stringOf(*pattern)), group), context);
}

// Reads the one optional string argument of concat and split.
std::optional<std::string> optionalText(const BuildContext& context, std::string_view key,
                                        std::string fallback, bool allow_empty) {
  if (context.args == nullptr) {
    return fallback;
  }
  const rapidjson::Value* args = context.object({key});
  if (args == nullptr) {
    return std::nullopt;
  }
  const rapidjson::Value* text = member(*args, key);
  if (text == nullptr) {
    return fallback;
  }
  if (!text->IsString() || (!allow_empty && text->GetStringLength() == 0)) {
    context.fail(std::string(key) + " must be a" + (allow_empty ? "" : " non-empty") + " string");
    return std::nullopt;
  }
  return std::string(stringOf(*text));
}

std::optional<CompiledTransform> buildConcat(const BuildContext& context) {
  std::optional<std::string> separator = optionalText(context, "separator", "", true);
  if (!separator) {
    return std::nullopt;
  }
  return CompiledTransform{nullptr, true, std::move(*separator)};
}

std::optional<CompiledTransform> buildSplit(const BuildContext& context) {
  std::optional<std::string> separators =
      optionalText(context, "separators", std::string(kDefaultSplitSeparators), false);
  if (!separators) {
    return std::nullopt;
  }
  return wrap(makeSplit(*separators));
}

const std::vector<std::pair<std::string, Builder>>& builders() {
  static const std::vector<std::pair<std::string, Builder>> kBuilders = {
      {"trim", bare(makeTrim)},
      {"default", buildDefault},
      {"required", bare(makeRequired)},
      {"date", buildDate},
      {"code", buildCode},
      {"enum", buildEnum},
      {"regex", buildRegex},
      {"concat", buildConcat},
      {"split", buildSplit},
      {"halfwidth", bare(makeHalfwidth)},
      {"phone", bare(makePhone)},
      {"number", bare(makeNumber)},
      {"bool", bare(makeBool)},
      {"lower", bare(makeLower)},
      {"upper", bare(makeUpper)},
  };
  return kBuilders;
}

} // namespace

const std::vector<std::string>& transformNames() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const auto& builder : builders()) {
      names.push_back(builder.first);
    }
    return names;
  }();
  return kNames;
}

std::optional<Value> constantValue(const rapidjson::Value& json, std::string& why) {
  Value value;
  if (json.IsString()) {
    value.setString(stringOf(json));
    if (value.empty()) {
      why = "must not be empty (an empty value is no value)";
      return std::nullopt;
    }
  } else if (json.IsBool()) {
    value.setBool(json.GetBool());
  } else if (json.IsNumber()) {
    value.setNumber(scalarText(json));
  } else {
    why = "must be a string, number or boolean, not " + std::string(jsonTypeName(json));
    return std::nullopt;
  }
  return value;
}

std::optional<CompiledTransform> compileTransform(const rapidjson::Value& spec,
                                                  const CodeTables& codes, std::string_view where,
                                                  LoadErrors& errors) {
  std::string_view name;
  const rapidjson::Value* args = nullptr;
  if (spec.IsString()) {
    name = stringOf(spec);
  } else if (spec.IsObject() && spec.MemberCount() == 1) {
    name = stringOf(spec.MemberBegin()->name);
    args = &spec.MemberBegin()->value;
  } else {
    errors.add(where,
               "a transform is a name (\"trim\") or an object with one key "
               "({\"date\": {...}}), not " +
                   std::string(spec.IsObject() ? "an object with " +
                                                     std::to_string(spec.MemberCount()) + " keys"
                                               : jsonTypeName(spec)));
    return std::nullopt;
  }
  for (const auto& [known, build] : builders()) {
    if (known == name) {
      return build(BuildContext{name, args, codes, std::string(where), errors});
    }
  }
  errors.add(where, "unknown transform \"" + std::string(name) + "\"" +
                        didYouMean(name, transformNames()));
  return std::nullopt;
}

} // namespace hotline::mapping
