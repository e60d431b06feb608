#include "core/app/plugin_locations.h"

#include "core/config/gateway_config.h"
#include "core/log/log.h"

#include <filesystem>

namespace hotline::app {
namespace {

void addIfNew(std::vector<std::string>& list, const std::string& value) {
  for (const auto& existing : list) {
    if (existing == value) {
      return;
    }
  }
  list.push_back(value);
}

} // namespace

std::string defaultPluginDirectory() {
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return "plugins";
  }
  return (exe.parent_path().parent_path() / "plugins").lexically_normal().string();
}

PluginLocations peekPluginLocations(const std::string& config_path) {
  PluginLocations locations;
  locations.directories.push_back(defaultPluginDirectory());
  if (config_path.empty()) {
    return locations;
  }
  // Errors here are reported in full by the validation that follows.
  Result<config::PluginLocations> declared = config::readPluginLocations(config_path);
  if (!declared) {
    return locations;
  }
  for (const auto& dir : declared->dirs) {
    addIfNew(locations.directories, dir);
  }
  for (const auto& file : declared->libraries) {
    addIfNew(locations.files, file);
  }
  return locations;
}

void loadPlugins(const PluginLocations& locations, plugin_host::PluginRegistry& registry) {
  for (const auto& dir : locations.directories) {
    Status status = registry.loadDirectory(dir);
    if (!status.isOk()) {
      log::warn("app", "plugin directory skipped", {{"error", status.message()}});
    }
  }
  for (const auto& file : locations.files) {
    // An explicit library that fails is reported again by validation (unknown type).
    Result<std::shared_ptr<plugin_host::PluginLibrary>> loaded = registry.loadFile(file);
    if (!loaded) {
      log::error("app", "plugin refused", {{"error", loaded.status().message()}});
    }
  }
}

} // namespace hotline::app
