#include "core/mapping/mapping_params_file.h"

#include "core/config/mapping_params.h"
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
  config::ConfigErrors errors;
  MappingParams params = config::readMappingParams(document, "params", errors);
  if (!errors.empty()) {
    return invalidArgument(path + ": " + errors.front().path + ": " + errors.front().message);
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
