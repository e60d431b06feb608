#pragma once
// Helpers shared by the config tests: a private temporary directory per test, scoped
// environment variables, JSON parsing and a fake connector type's table.

#include <optional>
#include <string>

#include <rapidjson/document.h>

#include "core/config/config_table.h"

namespace hotline::config::testing {

// A fresh directory under the system temp dir, removed with everything in it at the end.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `contents` to `name` inside the directory and returns the file's path.
  std::string write(const std::string& name, const std::string& contents) const;

private:
  std::string path_;
};

// Sets (or, with nullopt, unsets) an environment variable and restores it at scope end.
class ScopedEnv {
public:
  ScopedEnv(std::string name, std::optional<std::string> value);
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
  std::string name_;
  std::optional<std::string> previous_;
};

// Parses `json`, failing the test (and returning null) when it is not valid JSON.
rapidjson::Document parseJson(const std::string& json);

// The table of a fake connector type "example": endpoint (required string), app_secret
// (required secret), timeout_ms (integer 1..60000, default 5000), ratio (number 0..1,
// default 0.5), auth.mode (enum hmac|none, default hmac), auth.key (optional secret),
// tags (string list, default []).
const ConfigTable& exampleConnectorTable();

} // namespace hotline::config::testing
