#include "load_options.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string_view>

namespace hotline::bench {
namespace {

[[noreturn]] void usage(const std::string& message) {
  std::fprintf(stderr,
               "ingest_load: %s\n"
               "usage: ingest_load --port P --path PATH --connections C --seconds S\n"
               "         [--warmup-seconds W] [--body-bytes B] [--run-id ID] [--count N]\n"
               "         [--threads T]\n"
               "         [--secret KEY]                                  (pipeline mode)\n"
               "         [--department APPKEY:SECRET --tickets N [--ticket-prefix P]\n"
               "          [--action-code 02] [--unit-code YC-CSGLJ]]     (department mode)\n"
               "         [--core-token TOKEN --tickets N [--ticket-prefix P]] (assign mode)\n"
               "secrets may be given as file:PATH\n",
               message.c_str());
  std::exit(2);
}

std::string secretValue(const std::string& value) {
  constexpr std::string_view kFile = "file:";
  if (value.rfind(kFile, 0) != 0) {
    return value;
  }
  std::ifstream in(value.substr(kFile.size()));
  std::string line;
  if (!in || !std::getline(in, line) || line.empty()) {
    usage("cannot read a secret from " + value);
  }
  return line;
}

uint64_t number(const std::string& key, const std::string& value) {
  char* end = nullptr;
  unsigned long long parsed = std::strtoull(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0') {
    usage(key + ": expected a number");
  }
  return parsed;
}

} // namespace

LoadMode Options::mode() const {
  if (!app_key.empty()) {
    return LoadMode::Department;
  }
  return core_token.empty() ? LoadMode::Pipeline : LoadMode::Assign;
}

Options parseOptions(int argc, char** argv) {
  Options options;
  options.run_id = std::to_string(::getpid());
  if (argc % 2 != 1) {
    usage("every option takes a value");
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const std::string value = argv[i + 1];
    if (key == "--port") {
      options.port = static_cast<int>(number(key, value));
    } else if (key == "--path") {
      options.path = value;
    } else if (key == "--connections") {
      options.connections = static_cast<int>(number(key, value));
    } else if (key == "--threads") {
      options.threads = static_cast<int>(number(key, value));
    } else if (key == "--seconds") {
      options.seconds = static_cast<int>(number(key, value));
    } else if (key == "--warmup-seconds") {
      options.warmup_seconds = static_cast<int>(number(key, value));
    } else if (key == "--body-bytes") {
      options.body_bytes = number(key, value);
    } else if (key == "--secret") {
      options.secret = secretValue(value);
    } else if (key == "--run-id") {
      options.run_id = value;
    } else if (key == "--department") {
      const size_t colon = value.find(':');
      if (colon == std::string::npos || colon == 0) {
        usage("--department: expected APPKEY:SECRET");
      }
      options.app_key = value.substr(0, colon);
      options.dept_secret = secretValue(value.substr(colon + 1));
    } else if (key == "--action-code") {
      options.action_code = value;
    } else if (key == "--unit-code") {
      options.unit_code = value;
    } else if (key == "--tickets") {
      options.tickets = number(key, value);
    } else if (key == "--ticket-prefix") {
      options.ticket_prefix = value;
    } else if (key == "--core-token") {
      options.core_token = secretValue(value);
    } else if (key == "--count") {
      options.count = number(key, value);
    } else {
      usage("unknown option " + key);
    }
  }
  if (options.mode() != LoadMode::Pipeline && options.tickets == 0) {
    usage("--tickets N (N > 0) is needed with --department and --core-token");
  }
  if (options.connections <= 0) {
    usage("--connections must be > 0");
  }
  if (options.threads <= 0) {
    usage("--threads must be > 0");
  }
  return options;
}

} // namespace hotline::bench
