#pragma once
// The registry of connector types, built explicitly at start-up (no static-initialisation
// magic): every shared library in the plugin directories is loaded and checked; each good
// one registers its type. A broken file is recorded with its error and skipped — the host
// keeps running, and only an instance that needs that type fails to configure.
//
// Thread safety: build it on one thread, then share it read-only.

#include "core/config/config_table.h"
#include "core/plugin_host/plugin_library.h"
#include "hotline/status.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace hotline::plugin_host {

struct PluginLoadError {
  std::string path;
  Status status;
};

class PluginRegistry {
public:
  // Loads every "lib*.so" in `directory` (sorted, so start-up is deterministic). A missing
  // directory is an error; broken files are recorded in loadErrors().
  Status loadDirectory(const std::string& directory);
  // Loads one file and registers its type. Fails when the file is broken or its type is
  // already registered from another file.
  Result<std::shared_ptr<PluginLibrary>> loadFile(const std::string& path);

  // The plugin for a connector type, or nullptr.
  std::shared_ptr<PluginLibrary> find(const std::string& type) const;
  const config::ConfigTable* configTable(const std::string& type) const;
  std::vector<std::string> types() const;
  const std::vector<PluginLoadError>& loadErrors() const { return errors_; }

private:
  std::map<std::string, std::shared_ptr<PluginLibrary>> by_type_;
  std::vector<PluginLoadError> errors_;
};

} // namespace hotline::plugin_host
