#pragma once
// The validated config of one connector instance, as the connector sees it in configure().
// The host has already checked every key against the connector's table, applied defaults and
// resolved secrets, so lookups of declared keys cannot fail for type reasons; a lookup of a
// key the table does not declare is a programming error and answers NotFound.

#include "hotline/plugin/abi.h"
#include "hotline/plugin/abi_util.h"
#include "hotline/status.h"

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace hotline::plugin {

class Config {
public:
  Config() = default;
  explicit Config(const hl_config& config) {
    instance_name_ = std::string(abi::view(config.instance_name));
    for (size_t i = 0; i < config.count; ++i) {
      values_[std::string(abi::view(config.entries[i].key))] =
          std::string(abi::view(config.entries[i].value));
    }
  }

  const std::string& instanceName() const { return instance_name_; }
  bool has(const std::string& key) const { return values_.count(key) != 0; }

  Result<std::string> getString(const std::string& key) const {
    auto it = values_.find(key);
    if (it == values_.end()) {
      return notFound("config key \"" + key + "\" is not set for instance " + instance_name_);
    }
    return it->second;
  }

  std::string getString(const std::string& key, const std::string& fallback) const {
    auto it = values_.find(key);
    return it == values_.end() ? fallback : it->second;
  }

  Result<long long> getInteger(const std::string& key) const {
    Result<std::string> text = getString(key);
    if (!text) {
      return text.status();
    }
    char* end = nullptr;
    long long value = std::strtoll(text->c_str(), &end, 10);
    if (end == text->c_str() || *end != '\0') {
      return invalidArgument("config key \"" + key + "\" is not an integer");
    }
    return value;
  }

  Result<bool> getBoolean(const std::string& key) const {
    Result<std::string> text = getString(key);
    if (!text) {
      return text.status();
    }
    return *text == "true";
  }

  const std::map<std::string, std::string>& values() const { return values_; }

private:
  std::string instance_name_;
  std::map<std::string, std::string> values_;
};

} // namespace hotline::plugin
