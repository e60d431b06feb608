#include "core/plugin_host/plugin_library.h"

#include "core/config/config_table_check.h"
#include "hotline/plugin/abi_util.h"

#include <Poco/Exception.h>

#include <algorithm>
#include <sstream>

namespace hotline::plugin_host {
namespace abi = hotline::plugin::abi;
namespace {

// The smallest descriptor ABI 1.0 accepts: everything up to and including destroy().
constexpr size_t kDescriptorV1Size = HL_END_OF(hl_plugin_descriptor, destroy);
// The smallest config key entry ABI 1.0 accepts.
constexpr size_t kConfigKeyV1Size = HL_END_OF(hl_config_key, allowed);

std::string majorsText() {
  std::ostringstream out;
  const auto& majors = hostAbiMajors();
  for (size_t i = 0; i < majors.size(); ++i) {
    out << (i == 0 ? "" : ", ") << majors[i];
  }
  return out.str();
}

Result<config::ConfigType> configTypeOf(uint32_t raw) {
  switch (raw) {
  case HL_CONFIG_STRING:
    return config::ConfigType::String;
  case HL_CONFIG_INTEGER:
    return config::ConfigType::Integer;
  case HL_CONFIG_NUMBER:
    return config::ConfigType::Number;
  case HL_CONFIG_BOOLEAN:
    return config::ConfigType::Boolean;
  case HL_CONFIG_SECRET:
    return config::ConfigType::Secret;
  case HL_CONFIG_STRING_LIST:
    return config::ConfigType::StringList;
  case HL_CONFIG_ENUM:
    return config::ConfigType::Enum;
  default:
    return invalidArgument("unknown config type " + std::to_string(raw));
  }
}

std::vector<std::string> splitAllowed(const char* allowed) {
  std::vector<std::string> values;
  std::string current;
  for (const char* p = allowed; p != nullptr && *p != '\0'; ++p) {
    if (*p == '|') {
      values.push_back(current);
      current.clear();
    } else {
      current.push_back(*p);
    }
  }
  if (!current.empty()) {
    values.push_back(current);
  }
  return values;
}

Result<config::ConfigKey> convertKey(const hl_config_key& raw, size_t index) {
  std::string where = "config key #" + std::to_string(index);
  if (!abi::holds(raw.struct_size, kConfigKeyV1Size)) {
    return invalidArgument(where + " is " + std::to_string(raw.struct_size) +
                           " bytes, ABI 1.0 requires at least " + std::to_string(kConfigKeyV1Size));
  }
  if (raw.key == nullptr || *raw.key == '\0') {
    return invalidArgument(where + " has no name");
  }
  Result<config::ConfigType> type = configTypeOf(raw.type);
  if (!type) {
    return type.status().withContext(where + " \"" + raw.key + "\"");
  }
  config::ConfigKey key;
  key.key = raw.key;
  key.type = *type;
  if (raw.default_value != nullptr) {
    key.default_value = raw.default_value;
  }
  if (raw.has_min != 0) {
    key.min = raw.min;
  }
  if (raw.has_max != 0) {
    key.max = raw.max;
  }
  key.required = raw.required != 0;
  key.doc = raw.doc == nullptr ? "" : raw.doc;
  key.allowed = splitAllowed(raw.allowed);
  if (key.type == config::ConfigType::Enum && key.allowed.empty()) {
    return invalidArgument(where + " \"" + key.key + "\" is an enum without allowed values");
  }
  return key;
}

} // namespace

const std::vector<uint32_t>& hostAbiMajors() {
  static const std::vector<uint32_t> majors{HL_ABI_MAJOR};
  return majors;
}

PluginLibrary::~PluginLibrary() {
  // Instances created from this library hold a shared_ptr to it, so by now none is alive
  // and no code of the library can still be running.
  if (library_.isLoaded()) {
    library_.unload();
  }
}

Result<std::shared_ptr<PluginLibrary>> PluginLibrary::load(const std::string& path) {
  std::shared_ptr<PluginLibrary> plugin(new PluginLibrary());
  plugin->path_ = path;
  const std::string where = "plugin " + path;
  try {
    plugin->library_.load(path);
  } catch (const Poco::Exception& e) {
    // dlerror() text names the missing dependency or the reason the file is not loadable.
    return failedPrecondition("cannot load the shared library: " + e.message()).withContext(where);
  }
  if (!plugin->library_.hasSymbol(HL_PLUGIN_ENTRY_SYMBOL)) {
    return invalidArgument(std::string("no entry point \"") + HL_PLUGIN_ENTRY_SYMBOL +
                           "\": not a hotline-gateway connector (was it built with "
                           "HOTLINE_CONNECTOR?)")
        .withContext(where);
  }
  auto entry =
      reinterpret_cast<hl_plugin_entry_fn>(plugin->library_.getSymbol(HL_PLUGIN_ENTRY_SYMBOL));
  const auto& majors = hostAbiMajors();
  hl_host_offer offer{sizeof(hl_host_offer), majors.data(), majors.size(), HL_ABI_MINOR};
  plugin->descriptor_ = entry(&offer);
  HOTLINE_RETURN_IF_ERROR(plugin->checkDescriptor().withContext(where));
  HOTLINE_RETURN_IF_ERROR(plugin->readConfigTable().withContext(where));
  return plugin;
}

Status PluginLibrary::checkDescriptor() {
  const hl_plugin_descriptor* d = descriptor_;
  if (d == nullptr) {
    return invalidArgument("the entry point returned no descriptor");
  }
  // abi_major sits right after struct_size; read it before trusting anything else.
  if (!abi::holds(d->struct_size, HL_END_OF(hl_plugin_descriptor, abi_minor))) {
    return invalidArgument("descriptor is " + std::to_string(d->struct_size) +
                           " bytes, too short to carry an ABI version");
  }
  const auto& majors = hostAbiMajors();
  if (std::find(majors.begin(), majors.end(), d->abi_major) == majors.end()) {
    return failedPrecondition("plugin speaks ABI " + std::to_string(d->abi_major) + "." +
                              std::to_string(d->abi_minor) + ", this gateway speaks ABI major " +
                              majorsText() + " (" + std::to_string(HL_ABI_MAJOR) + "." +
                              std::to_string(HL_ABI_MINOR) + "); rebuild it against this SDK");
  }
  if (!abi::holds(d->struct_size, kDescriptorV1Size)) {
    return invalidArgument("descriptor is " + std::to_string(d->struct_size) + " bytes, ABI " +
                           std::to_string(d->abi_major) + ".0 requires at least " +
                           std::to_string(kDescriptorV1Size));
  }
  if (d->type == nullptr || *d->type == '\0') {
    return invalidArgument("descriptor has no connector type");
  }
  if (d->create == nullptr || d->start == nullptr || d->stop == nullptr || d->deliver == nullptr ||
      d->health == nullptr || d->destroy == nullptr) {
    return invalidArgument(std::string("descriptor of \"") + d->type +
                           "\" lacks one of create/start/stop/deliver/health/destroy");
  }
  version_ = d->version == nullptr ? "" : d->version;
  return Status::ok();
}

Status PluginLibrary::readConfigTable() {
  const hl_plugin_descriptor* d = descriptor_;
  table_.name = d->type;
  table_.doc = d->description == nullptr ? "" : d->description;
  if (d->config_key_count == 0) {
    return Status::ok();
  }
  if (d->config_keys == nullptr || d->config_key_size < kConfigKeyV1Size) {
    return invalidArgument("config table stride is " + std::to_string(d->config_key_size) +
                           " bytes, ABI 1.0 requires at least " + std::to_string(kConfigKeyV1Size));
  }
  const auto* base = reinterpret_cast<const unsigned char*>(d->config_keys);
  for (size_t i = 0; i < d->config_key_count; ++i) {
    const auto* raw = reinterpret_cast<const hl_config_key*>(base + i * d->config_key_size);
    Result<config::ConfigKey> key = convertKey(*raw, i);
    if (!key) {
      return key.status();
    }
    table_.keys.push_back(std::move(key).value());
  }
  // A table the validator cannot apply (a default of the wrong type, min > max, a key both
  // a value and an object) would only fail later, on some user's config: refuse it now.
  config::ConfigErrors problems = config::checkTable(table_);
  if (!problems.empty()) {
    std::string text = "config table of \"" + table_.name + "\" is broken:";
    for (const config::ConfigError& problem : problems) {
      text += " " + problem.path + ": " + problem.message + ";";
    }
    return invalidArgument(text);
  }
  return Status::ok();
}

} // namespace hotline::plugin_host
