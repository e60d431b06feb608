#include "simulators/common/serve_options.h"

#include <charconv>
#include <string_view>

namespace hotline::sim {
namespace {

// Whole decimal numbers only: "8080", not "8080x" or "0x1F90".
bool parseNumber(std::string_view text, long long min, long long max, long long& out) {
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || value < min || value > max) {
    return false;
  }
  out = value;
  return true;
}

Status applyFlag(std::string_view flag, std::string_view value, ServeOptions& options) {
  long long number = 0;
  if (flag == "--port") {
    if (!parseNumber(value, 0, 65535, number)) {
      return invalidArgument("--port: expected 0..65535, got \"" + std::string(value) + "\"");
    }
    options.port = static_cast<int>(number);
  } else if (flag == "--bind") {
    if (value.empty()) {
      return invalidArgument("--bind: expected an address, got an empty value");
    }
    options.bind = std::string(value);
  } else if (flag == "--threads") {
    if (!parseNumber(value, 1, static_cast<long long>(kMaxServeThreads), number)) {
      return invalidArgument("--threads: expected 1.." + std::to_string(kMaxServeThreads) +
                             ", got \"" + std::string(value) + "\"");
    }
    options.threads = static_cast<size_t>(number);
  } else {
    return invalidArgument("unknown option " + std::string(flag) +
                           " (expected --port, --bind, --threads)");
  }
  return Status::ok();
}

} // namespace

Result<ServeOptions> parseServeOptions(std::span<const std::string> args) {
  ServeOptions options;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string_view flag = args[i];
    std::string_view value;
    if (size_t eq = flag.find('='); flag.starts_with("--") && eq != std::string_view::npos) {
      value = flag.substr(eq + 1); // --port=8080
      flag = flag.substr(0, eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return invalidArgument(std::string(flag) + ": missing value");
    }
    HOTLINE_RETURN_IF_ERROR(applyFlag(flag, value, options));
  }
  if (options.port < 0) {
    return invalidArgument("--port is required (0 picks a free port)");
  }
  return options;
}

const char* serveOptionsUsage() {
  return "  --port N      port to listen on (required; 0 picks a free one)\n"
         "  --bind ADDR   address to bind (default 127.0.0.1)\n"
         "  --threads K   worker threads = concurrent connections served (default 64)\n";
}

} // namespace hotline::sim
