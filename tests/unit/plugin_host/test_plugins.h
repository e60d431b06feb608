#pragma once
// Paths of the plugins the loader tests use: the real example connector from the gateway's
// plugin directory, and the deliberately broken ones from the test plugin directory.

#include <string>

namespace hotline::plugin_host::testing {

inline std::string examplePluginPath() {
  return std::string(HOTLINE_PLUGIN_DIR) + "/libhotline_connector_example.so";
}

inline std::string testPluginPath(const std::string& name) {
  return std::string(HOTLINE_TEST_PLUGIN_DIR) + "/libhl_test_" + name + ".so";
}

} // namespace hotline::plugin_host::testing
