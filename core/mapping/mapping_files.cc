#include "core/mapping/mapping_files.h"

#include <algorithm>
#include <filesystem>

namespace hotline::mapping {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kInboundSuffix = ".json";
constexpr std::string_view kOutboundSuffix = ".out.json";

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The entries of `dir` of one kind (directories or regular files), sorted by name, hidden
// ones left out.
Result<std::vector<fs::path>> entriesOf(const fs::path& dir, bool directories) {
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    return invalidArgument(dir.string() + ": cannot list: " + error.message());
  }
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    const std::string name = it->path().filename().string();
    std::error_code type_error;
    const bool wanted =
        directories ? it->is_directory(type_error) : it->is_regular_file(type_error);
    if (!name.empty() && name.front() != '.' && wanted) {
      entries.push_back(it->path());
    }
  }
  if (error) {
    return invalidArgument(dir.string() + ": cannot list: " + error.message());
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

} // namespace

Result<std::vector<std::string>> listJsonFiles(const std::string& dir) {
  Result<std::vector<fs::path>> files = entriesOf(dir, false);
  if (!files) {
    return files.status();
  }
  std::vector<std::string> paths;
  for (const fs::path& file : *files) {
    if (endsWith(file.filename().string(), kInboundSuffix)) {
      paths.push_back(file.string());
    }
  }
  return paths;
}

Result<std::vector<MappingFile>> listMappingFiles(const std::string& dir) {
  std::error_code error;
  if (!fs::is_directory(dir, error)) {
    return notFound(dir + ": no such mappings directory");
  }
  Result<std::vector<fs::path>> connectors = entriesOf(dir, true);
  if (!connectors) {
    return connectors.status();
  }
  std::vector<MappingFile> mappings;
  for (const fs::path& connector : *connectors) {
    const std::string connector_name = connector.filename().string();
    if (connector_name == "codes" || connector_name == "samples") {
      continue;
    }
    Result<std::vector<std::string>> files = listJsonFiles(connector.string());
    if (!files) {
      return files.status();
    }
    for (const std::string& path : *files) {
      const std::string name = fs::path(path).filename().string();
      const bool outbound = endsWith(name, kOutboundSuffix);
      const size_t suffix = outbound ? kOutboundSuffix.size() : kInboundSuffix.size();
      mappings.push_back(MappingFile{connector_name, name.substr(0, name.size() - suffix),
                                     outbound ? Direction::Outbound : Direction::Inbound, path});
    }
  }
  return mappings;
}

} // namespace hotline::mapping
