#include "core/mapping/mapping_params_file.h"

#include "core/config/param_name.h"
#include "core/config/text_file.h"

#include <rapidjson/document.h>

#include <filesystem>

namespace hotline::mapping {
namespace {

constexpr size_t kMaxParamsFileBytes = 64 * 1024;

} // namespace

Result<MappingParams> readMappingParamsFile(const std::string& path) {
  Result<std::string> text = config::readTextFile(path, kMaxParamsFileBytes);
  if (!text) {
    return text.status();
  }
  rapidjson::Document document;
  document.Parse(text->c_str(), text->size());
  if (document.HasParseError() || !document.IsObject()) {
    return invalidArgument(path + ": expected a JSON object of mapping parameters "
                                  "({\"name\": \"value\", ...})");
  }
  MappingParams params;
  for (const auto& member : document.GetObject()) {
    const std::string name(member.name.GetString(), member.name.GetStringLength());
    if (!config::isMappingParamName(name)) {
      return invalidArgument(path + ": \"" + name +
                             "\" is not a mapping parameter name (1-64 characters of a-z, 0-9 "
                             "and _, starting with a letter)");
    }
    if (!member.value.IsString()) {
      return invalidArgument(path + ": the value of \"" + name + "\" must be a string");
    }
    params[name] = std::string(member.value.GetString(), member.value.GetStringLength());
  }
  return params;
}

std::string sampleParamsPathFor(const std::string& mapping_path) {
  const std::filesystem::path path =
      std::filesystem::path(mapping_path).parent_path() / "samples" / "params.json";
  std::error_code ignored;
  return std::filesystem::is_regular_file(path, ignored) ? path.string() : "";
}

} // namespace hotline::mapping
