#include "core/mapping/json_pointer_path.h"

#include "core/config/mapping_params.h"

#include <rapidjson/internal/dtoa.h>

#include <charconv>

namespace hotline::mapping {
namespace {

Result<std::string> unescape(std::string_view segment, std::string_view path) {
  std::string out;
  out.reserve(segment.size());
  for (size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] != '~') {
      out.push_back(segment[i]);
      continue;
    }
    const char next = i + 1 < segment.size() ? segment[i + 1] : '\0';
    if (next != '0' && next != '1') {
      return invalidArgument("bad JSON Pointer \"" + std::string(path) +
                             "\": '~' must be followed by 0 (for ~) or 1 (for /)");
    }
    out.push_back(next == '0' ? '~' : '/');
    ++i;
  }
  return out;
}

std::optional<size_t> arrayIndex(std::string_view name) {
  // RFC 6901: "0" or digits without a leading zero.
  if (name.empty() || name.size() > 9 || (name.size() > 1 && name[0] == '0')) {
    return std::nullopt;
  }
  size_t index = 0;
  const auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), index);
  if (error != std::errc() || end != name.data() + name.size()) {
    return std::nullopt;
  }
  return index;
}

Result<JsonPointerStep> filterStep(std::string_view segment, std::string_view path) {
  const size_t equals = segment.find('=');
  if (segment.back() != ']' || equals == std::string_view::npos || equals == 1) {
    return invalidArgument("bad JSON Pointer \"" + std::string(path) +
                           "\": a filter segment is written [key=value]");
  }
  JsonPointerStep step;
  step.kind = JsonPointerStep::Kind::Filter;
  Result<std::string> key = unescape(segment.substr(1, equals - 1), path);
  Result<std::string> value =
      unescape(segment.substr(equals + 1, segment.size() - equals - 2), path);
  if (!key || !value) {
    return !key ? key.status() : value.status();
  }
  step.filter_key = std::move(key).value();
  step.filter_value = std::move(value).value();
  if (step.filter_value.starts_with('$')) {
    step.filter_param = step.filter_value.substr(1);
    if (!config::isMappingParamName(step.filter_param)) {
      return invalidArgument("bad JSON Pointer \"" + std::string(path) +
                             "\": [key=$name] compares with a mapping parameter, and \"" +
                             step.filter_param +
                             "\" is not a parameter name (a-z, 0-9 and _, starting with a "
                             "letter)");
    }
  }
  return step;
}

Result<JsonPointerStep> compileStep(std::string_view segment, std::string_view path) {
  if (segment.empty()) {
    return invalidArgument("bad JSON Pointer \"" + std::string(path) +
                           "\": empty segment (two '/' in a row or a '/' at the end)");
  }
  if (segment.front() == '[') {
    return filterStep(segment, path);
  }
  Result<std::string> name = unescape(segment, path);
  if (!name) {
    return name.status();
  }
  JsonPointerStep step;
  step.index = arrayIndex(*name);
  step.name = std::move(name).value();
  return step;
}

bool memberEquals(const rapidjson::Value& element, const JsonPointerStep& step,
                  std::string_view expected) {
  if (!element.IsObject()) {
    return false;
  }
  const auto found = element.FindMember(
      rapidjson::Value(rapidjson::StringRef(step.filter_key.data(), step.filter_key.size())));
  if (found == element.MemberEnd()) {
    return false;
  }
  const rapidjson::Value& value = found->value;
  if (value.IsString()) {
    return std::string_view(value.GetString(), value.GetStringLength()) == expected;
  }
  return (value.IsNumber() || value.IsBool()) && scalarText(value) == expected;
}

const rapidjson::Value* applyStep(const rapidjson::Value& node, const JsonPointerStep& step,
                                  const MappingParams* params) {
  if (step.kind == JsonPointerStep::Kind::Filter) {
    std::string_view expected = step.filter_value;
    if (!step.filter_param.empty()) {
      const std::string* given = findParam(params, step.filter_param);
      if (given == nullptr) {
        return nullptr;
      }
      expected = *given;
    }
    if (!node.IsArray()) {
      return nullptr;
    }
    for (const rapidjson::Value& element : node.GetArray()) {
      if (memberEquals(element, step, expected)) {
        return &element;
      }
    }
    return nullptr;
  }
  if (node.IsObject()) {
    const auto found =
        node.FindMember(rapidjson::Value(rapidjson::StringRef(step.name.data(), step.name.size())));
    return found == node.MemberEnd() ? nullptr : &found->value;
  }
  if (node.IsArray() && step.index && *step.index < node.Size()) {
    return &node[static_cast<rapidjson::SizeType>(*step.index)];
  }
  return nullptr;
}

} // namespace

Result<JsonPointerPath> JsonPointerPath::compile(std::string_view text, bool relative) {
  JsonPointerPath path;
  if (relative && (text.empty() || text == ".")) {
    return path;
  }
  std::string_view rest = text;
  if (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);
  } else if (!relative) {
    return invalidArgument("bad JSON Pointer \"" + std::string(text) + "\": must start with '/'");
  }
  for (;;) {
    // A filter's value may hold a '/': a segment that opens with '[' runs to its ']'.
    size_t end = rest.find('/');
    if (!rest.empty() && rest.front() == '[') {
      const size_t close = rest.find(']');
      end = close == std::string_view::npos ? std::string_view::npos : rest.find('/', close);
    }
    Result<JsonPointerStep> step = compileStep(rest.substr(0, end), text);
    if (!step) {
      return step.status();
    }
    path.steps_.push_back(std::move(step).value());
    if (end == std::string_view::npos) {
      break;
    }
    rest.remove_prefix(end + 1);
  }
  return path;
}

const rapidjson::Value* JsonPointerPath::resolve(const rapidjson::Value& from,
                                                 const MappingParams* params) const {
  const rapidjson::Value* node = &from;
  for (const JsonPointerStep& step : steps_) {
    node = applyStep(*node, step, params);
    if (node == nullptr) {
      return nullptr;
    }
  }
  return node;
}

std::string scalarText(const rapidjson::Value& value) {
  if (value.IsBool()) {
    return value.GetBool() ? "true" : "false";
  }
  char buffer[32];
  char* end = buffer;
  if (value.IsInt64()) {
    end = std::to_chars(buffer, buffer + sizeof(buffer), value.GetInt64()).ptr;
  } else if (value.IsUint64()) {
    end = std::to_chars(buffer, buffer + sizeof(buffer), value.GetUint64()).ptr;
  } else if (value.IsDouble()) {
    // Shortest text that reads back as the same double (RapidJSON's Grisu2, as its Writer).
    end = rapidjson::internal::dtoa(value.GetDouble(), buffer);
  } else {
    return {};
  }
  return std::string(buffer, end);
}

} // namespace hotline::mapping
