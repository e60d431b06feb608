#pragma once
// One problem found in a configuration, located by its full key path
// ("http.port", "connectors[1].config.endpoint", "plugins.dirs[2]"), and how a list of them
// becomes the single Status a load returns.

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hotline/status.h"

namespace hotline::config {

struct ConfigError {
  std::string path;    // full key path; empty for the file as a whole
  std::string message; // what is wrong and, where it helps, what to write instead
};

using ConfigErrors = std::vector<ConfigError>;

// Validated values of one block, key -> text: strings as they are, numbers in decimal,
// booleans "true"/"false", string lists as JSON array text (["a","b"]), objects as compact
// JSON. Ordered by key so that printing it is deterministic.
using FlatValues = std::map<std::string, std::string>;

// "a.b" when both are non-empty, otherwise whichever is.
std::string joinPath(std::string_view prefix, std::string_view key);

// Orders paths for reading: segment by segment, with indices compared as numbers so that
// connectors[2] comes before connectors[10]. Returns true when `a` sorts before `b`.
bool pathLess(std::string_view a, std::string_view b);

// Stable: errors on the same path keep the order in which they were found.
void sortByPath(ConfigErrors& errors);

// InvalidArgument whose message starts with `source` and lists one error per line, sorted
// by path:
//   config/gateway.json: 2 configuration errors
//     http.port: 70000 is out of range 0..65535
//     log.level: "verbose" is not one of: trace, debug, info, warn, error
// Precondition: `errors` is not empty.
Status toStatus(std::string_view source, ConfigErrors errors);

} // namespace hotline::config
