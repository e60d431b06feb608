#include "simulators/department/src/department_options.h"

#include <charconv>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

namespace hotline::sim::department {
namespace {

Result<std::string> readSecretFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return invalidArgument("--secret-file: cannot read \"" + path + "\" (missing or unreadable)");
  }
  std::ostringstream text;
  text << file.rdbuf();
  std::string secret = text.str();
  // A key file written by `echo` ends with a newline that is not part of the secret.
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) {
    secret.pop_back();
  }
  if (secret.empty()) {
    return invalidArgument("--secret-file: \"" + path + "\" is empty");
  }
  return secret;
}

bool parseMillis(std::string_view text, int64_t& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && out >= 0 && out <= 86'400'000;
}

std::string currentYear() {
  const std::time_t now = std::time(nullptr) + 8 * 3600; // the department's clock is +08:00
  std::tm parts{};
  gmtime_r(&now, &parts);
  return std::to_string(parts.tm_year + 1900);
}

struct RawFlags {
  std::string secret;
  std::string secret_file;
  std::string sign_alg = "HMAC-SHA256";
  std::string format = "json";
  std::string pull_interval;
  std::string callback_retries;
  std::string callback_retry_ms;
};

// True when `flag` is one of ours (and stores its value); the others go to the serve options.
Result<bool> applyFlag(std::string_view flag, const std::string& value, DepartmentOptions& options,
                       RawFlags& raw) {
  if (flag == "--app-key") {
    options.key.app_key = value;
  } else if (flag == "--secret") {
    raw.secret = value;
  } else if (flag == "--secret-file") {
    raw.secret_file = value;
  } else if (flag == "--sign-alg") {
    raw.sign_alg = value;
  } else if (flag == "--format") {
    raw.format = value;
  } else if (flag == "--base-path") {
    options.base_path = value;
  } else if (flag == "--gateway") {
    options.gateway = value;
  } else if (flag == "--unit-code") {
    options.unit_code = value;
  } else if (flag == "--handler") {
    options.handler = value;
  } else if (flag == "--case-prefix") {
    options.case_prefix = value;
  } else if (flag == "--behaviour") {
    options.behaviour_file = value;
  } else if (flag == "--pull-interval-ms") {
    raw.pull_interval = value;
  } else if (flag == "--callback-retries") {
    raw.callback_retries = value;
  } else if (flag == "--callback-retry-ms") {
    raw.callback_retry_ms = value;
  } else {
    return false;
  }
  return true;
}

Status applyKey(const RawFlags& raw, DepartmentOptions& options) {
  if (!support::isSigningAppKey(options.key.app_key)) {
    return invalidArgument("--app-key is required: 1 to 128 visible ASCII characters");
  }
  if (raw.secret.empty() == raw.secret_file.empty()) {
    return invalidArgument("give exactly one of --secret and --secret-file");
  }
  if (!raw.secret_file.empty()) {
    Result<std::string> secret = readSecretFile(raw.secret_file);
    HOTLINE_RETURN_IF_ERROR(secret.status());
    options.key.secret = *secret;
  } else {
    options.key.secret = raw.secret;
  }
  Result<support::HmacAlgorithm> algorithm = support::parseSignAlgorithm(raw.sign_alg);
  if (!algorithm) {
    return algorithm.status().withContext("--sign-alg");
  }
  options.key.algorithm = *algorithm;
  return Status::ok();
}

Status applyShape(const RawFlags& raw, DepartmentOptions& options) {
  if (raw.format != "json" && raw.format != "xml") {
    return invalidArgument("--format: expected json or xml, got \"" + raw.format + "\"");
  }
  options.format = raw.format == "xml" ? PayloadFormat::Xml : PayloadFormat::Json;
  if (!options.base_path.starts_with('/') || options.base_path.size() < 2 ||
      options.base_path.ends_with('/')) {
    return invalidArgument("--base-path: expected a path like /api (leading '/', no trailing "
                           "'/'), got \"" +
                           options.base_path + "\"");
  }
  if (!options.gateway.empty() && !options.gateway.starts_with("http://") &&
      !options.gateway.starts_with("https://")) {
    return invalidArgument("--gateway: expected an http:// or https:// URL, got \"" +
                           options.gateway + "\"");
  }
  if (options.unit_code.empty()) {
    return invalidArgument("--unit-code: must not be empty");
  }
  if (!raw.pull_interval.empty()) {
    if (!parseMillis(raw.pull_interval, options.pull_interval_ms) ||
        options.pull_interval_ms == 0) {
      return invalidArgument("--pull-interval-ms: expected 1..86400000, got \"" +
                             raw.pull_interval + "\"");
    }
    if (options.gateway.empty()) {
      return invalidArgument("--pull-interval-ms needs --gateway (where to pull tasks from)");
    }
  }
  if (!raw.callback_retries.empty() &&
      (!parseMillis(raw.callback_retries, options.callback_retries) ||
       options.callback_retries > 10)) {
    return invalidArgument("--callback-retries: expected 0..10, got \"" + raw.callback_retries +
                           "\"");
  }
  if (!raw.callback_retry_ms.empty() &&
      (!parseMillis(raw.callback_retry_ms, options.callback_retry_ms) ||
       options.callback_retry_ms > 60'000)) {
    return invalidArgument("--callback-retry-ms: expected 0..60000, got \"" +
                           raw.callback_retry_ms + "\"");
  }
  if (options.case_prefix.empty()) {
    options.case_prefix = options.unit_code + "-" + currentYear();
  }
  return Status::ok();
}

} // namespace

Result<DepartmentOptions> parseDepartmentOptions(std::span<const std::string> args) {
  DepartmentOptions options;
  RawFlags raw;
  std::vector<std::string> serve_args;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    if (size_t eq = flag.find('='); flag.starts_with("--") && eq != std::string::npos) {
      value = flag.substr(eq + 1); // --app-key=yc-cgj
      flag.resize(eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return invalidArgument(flag + ": missing value");
    }
    Result<bool> ours = applyFlag(flag, value, options, raw);
    HOTLINE_RETURN_IF_ERROR(ours.status());
    if (!*ours) {
      serve_args.push_back(flag);
      serve_args.push_back(value);
    }
  }
  Result<ServeOptions> serve = parseServeOptions(serve_args);
  HOTLINE_RETURN_IF_ERROR(serve.status());
  options.serve = *serve;
  HOTLINE_RETURN_IF_ERROR(applyKey(raw, options));
  HOTLINE_RETURN_IF_ERROR(applyShape(raw, options));
  return options;
}

std::string departmentUsage() {
  return std::string(
             "usage: hotline-sim department --port N --app-key K (--secret S | --secret-file F)\n"
             "                              [options]\n") +
         serveOptionsUsage() +
         "  --app-key K            the department's app key (verifies the gateway, signs "
         "callbacks)\n"
         "  --secret S             its secret (prefer --secret-file)\n"
         "  --secret-file F        file holding the secret (trailing newline ignored)\n"
         "  --sign-alg A           HMAC-SHA256 (default) or HMAC-SM3\n"
         "  --format F             json (default) or xml (SOAP) for replies and callbacks\n"
         "  --base-path P          path of the task API (default /api)\n"
         "  --gateway URL          the gateway's connector URL, e.g.\n"
         "                         http://127.0.0.1:8080/connectors/dept-cgj (callbacks, pull)\n"
         "  --unit-code C          unitCode of callbacks (default CGJ)\n"
         "  --handler NAME         handler of callbacks (default 值班员)\n"
         "  --case-prefix P        case numbers P-000001… (default <unit-code>-<year>)\n"
         "  --behaviour FILE       behaviour script run for every new task (README.md)\n"
         "  --pull-interval-ms N   poll the gateway for new tasks every N ms (pull mode)\n"
         "  --callback-retries N   resend a callback the gateway did not take (no answer,\n"
         "                         408, 429, 5xx) up to N more times, same msgId (default 3)\n"
         "  --callback-retry-ms M  wait M ms before the first resend, doubling (default 200)\n";
}

} // namespace hotline::sim::department
