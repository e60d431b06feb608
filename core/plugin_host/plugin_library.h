#pragma once
// One loaded connector plugin: the shared library, its checked descriptor and its config
// table. Loading negotiates the ABI major, checks every struct_size, and refuses anything
// doubtful with a single error that names the file — the host then carries on without it.

#include "core/config/config_table.h"
#include "hotline/plugin/abi.h"
#include "hotline/status.h"

#include <Poco/SharedLibrary.h>

#include <memory>
#include <string>
#include <vector>

namespace hotline::plugin_host {

// The ABI majors this host speaks, highest first.
const std::vector<uint32_t>& hostAbiMajors();

class PluginLibrary {
public:
  // Loads `path` and checks it. The error message always starts with "plugin <path>: ".
  static Result<std::shared_ptr<PluginLibrary>> load(const std::string& path);

  ~PluginLibrary();
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const std::string& path() const { return path_; }
  const std::string& type() const { return table_.name; }
  const std::string& version() const { return version_; }
  const std::string& description() const { return table_.doc; }
  uint32_t abiMajor() const { return descriptor_->abi_major; }
  uint32_t abiMinor() const { return descriptor_->abi_minor; }
  const config::ConfigTable& configTable() const { return table_; }
  const hl_plugin_descriptor& descriptor() const { return *descriptor_; }

private:
  PluginLibrary() = default;
  Status checkDescriptor();
  Status readConfigTable();

  std::string path_;
  std::string version_;
  Poco::SharedLibrary library_;
  const hl_plugin_descriptor* descriptor_ = nullptr;
  config::ConfigTable table_;
};

} // namespace hotline::plugin_host
