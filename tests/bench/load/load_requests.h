#pragma once
// The requests ingest_load sends, one builder per mode (load_options.h).

#include "load_options.h"

#include <cstdint>
#include <string>

namespace hotline::bench {

// The whole HTTP request. `connection` and `n` (the connection's n-th request) name the
// pipeline mode's tickets; `index` (a count over all connections) picks the department and
// assign modes' ticket (index % tickets) and makes their message ids unique.
std::string buildRequest(const Options& options, int connection, uint64_t n, uint64_t index);

// The size of the body the mode sends (for the summary).
size_t bodySize(const Options& options);

} // namespace hotline::bench
