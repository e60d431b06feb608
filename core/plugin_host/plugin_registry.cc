#include "core/plugin_host/plugin_registry.h"

#include "core/log/log.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace hotline::plugin_host {
namespace {

bool looksLikePlugin(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return name.rfind("lib", 0) == 0 && path.extension() == ".so";
}

} // namespace

Status PluginRegistry::loadDirectory(const std::string& directory) {
  std::error_code ec;
  std::filesystem::directory_iterator it(directory, ec);
  if (ec) {
    return notFound("plugin directory " + directory + ": " + ec.message());
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : it) {
    if (entry.is_regular_file(ec) && looksLikePlugin(entry.path())) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    Result<std::shared_ptr<PluginLibrary>> loaded = loadFile(file.string());
    if (!loaded) {
      log::error("plugin_host", "plugin refused", {{"error", loaded.status().message()}});
    }
  }
  return Status::ok();
}

Result<std::shared_ptr<PluginLibrary>> PluginRegistry::loadFile(const std::string& path) {
  Result<std::shared_ptr<PluginLibrary>> loaded = PluginLibrary::load(path);
  if (!loaded) {
    errors_.push_back({path, loaded.status()});
    return loaded.status();
  }
  std::shared_ptr<PluginLibrary> plugin = *loaded;
  auto existing = by_type_.find(plugin->type());
  if (existing != by_type_.end()) {
    if (existing->second->path() == path) {
      return existing->second;
    }
    Status duplicate(StatusCode::AlreadyExists, "plugin " + path + ": connector type \"" +
                                                    plugin->type() + "\" is already provided by " +
                                                    existing->second->path());
    errors_.push_back({path, duplicate});
    return duplicate;
  }
  by_type_[plugin->type()] = plugin;
  log::info("plugin_host", "plugin loaded",
            {{"type", plugin->type()},
             {"version", plugin->version()},
             {"abi", std::to_string(plugin->abiMajor()) + "." + std::to_string(plugin->abiMinor())},
             {"path", path}});
  return plugin;
}

std::shared_ptr<PluginLibrary> PluginRegistry::find(const std::string& type) const {
  auto it = by_type_.find(type);
  return it == by_type_.end() ? nullptr : it->second;
}

const config::ConfigTable* PluginRegistry::configTable(const std::string& type) const {
  auto it = by_type_.find(type);
  return it == by_type_.end() ? nullptr : &it->second->configTable();
}

std::vector<std::string> PluginRegistry::types() const {
  std::vector<std::string> names;
  for (const auto& [type, plugin] : by_type_) {
    names.push_back(type);
  }
  return names;
}

} // namespace hotline::plugin_host
