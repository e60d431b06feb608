#pragma once
// Reading a whole small file (the config file, a secret file) with an error that names the
// path and the system's reason.

#include <cstddef>
#include <string>

#include "hotline/status.h"

namespace hotline::config {

// The file's bytes. NotFound when it does not exist, InvalidArgument when it cannot be
// read or is larger than `max_bytes`; messages start with the path.
Result<std::string> readTextFile(const std::string& path, size_t max_bytes);

} // namespace hotline::config
