#pragma once
// Connector key-value state (cursors, access tokens, checkpoints), namespaced per connector
// instance. The SQLite store implements it durably; MemoryStateStore serves tests and the
// foundation until the store lands.
//
// Thread safety: implementations are safe to call concurrently.

#include "hotline/status.h"

#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace hotline::store {

class StateStore {
public:
  virtual ~StateStore() = default;
  // NotFound when the key has never been put.
  virtual Result<std::string> get(const std::string& scope, const std::string& key) = 0;
  virtual Status put(const std::string& scope, const std::string& key,
                     const std::string& value) = 0;
};

class MemoryStateStore : public StateStore {
public:
  Result<std::string> get(const std::string& scope, const std::string& key) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = values_.find({scope, key});
    if (it == values_.end()) {
      return notFound("state " + scope + "/" + key + " is not set");
    }
    return it->second;
  }

  Status put(const std::string& scope, const std::string& key, const std::string& value) override {
    std::lock_guard<std::mutex> lock(mutex_);
    values_[{scope, key}] = value;
    return Status::ok();
  }

private:
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, std::string> values_;
};

} // namespace hotline::store
