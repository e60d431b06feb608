#pragma once
// Where the gateway looks for connector plugins, and building the registry from there.
// The registry must exist before the config is validated (each connector's config block is
// checked against its plugin's table), so the plugin locations are read from the raw file
// first; the full validation that follows reports anything wrong with them.

#include "core/plugin_host/plugin_registry.h"

#include <string>
#include <vector>

namespace hotline::app {

struct PluginLocations {
  std::vector<std::string> directories; // scanned for lib*.so
  std::vector<std::string> files;       // explicit "library" paths of connector instances
};

// The built-in plugin directory: <directory of the running executable>/../plugins.
std::string defaultPluginDirectory();

// Reads plugins.dirs and connectors[].library from the config file, tolerating any error
// (validation reports those), and puts the built-in directory first.
PluginLocations peekPluginLocations(const std::string& config_path);

// Loads every plugin found; broken files are logged and recorded in the registry.
void loadPlugins(const PluginLocations& locations, plugin_host::PluginRegistry& registry);

} // namespace hotline::app
