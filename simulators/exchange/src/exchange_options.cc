#include "simulators/exchange/src/exchange_options.h"

#include <fstream>
#include <sstream>
#include <string_view>
#include <vector>

namespace hotline::sim::exchange {
namespace {

bool isNumberPrefix(std::string_view text) {
  if (text.empty() || text.size() > 16) {
    return false;
  }
  for (char c : text) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

Status loadBehaviour(const std::string& path, ExchangeOptions& options) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return invalidArgument("--behaviour: cannot read \"" + path + "\"");
  }
  std::ostringstream text;
  text << file.rdbuf();
  auto script = parseBehaviour(text.str());
  if (!script) {
    return invalidArgument("--behaviour " + path + ": " + script.status().message());
  }
  options.behaviour = std::move(*script);
  return Status::ok();
}

Status requireText(std::string_view flag, std::string_view value) {
  if (value.empty()) {
    return invalidArgument(std::string(flag) + ": expected a value, got an empty one");
  }
  return Status::ok();
}

// Our own flags; false when `flag` is not one of them (then it is a serve option).
Result<bool> applyFlag(std::string_view flag, const std::string& value, ExchangeOptions& options) {
  if (flag == "--peer-key") {
    auto key = parseKeySpec(value, "--peer-key");
    if (!key) {
      return key.status();
    }
    HOTLINE_RETURN_IF_ERROR(options.peer_keys.add(*key, "--peer-key"));
  } else if (flag == "--keys-file") {
    HOTLINE_RETURN_IF_ERROR(options.peer_keys.addFromFile(value));
  } else if (flag == "--own-key") {
    auto key = parseKeySpec(value, "--own-key");
    if (!key) {
      return key.status();
    }
    options.own_key = std::move(*key);
  } else if (flag == "--gateway") {
    auto url = parseGatewayUrl(value);
    if (!url) {
      return url.status();
    }
    options.gateway = std::move(*url);
  } else if (flag == "--behaviour") {
    HOTLINE_RETURN_IF_ERROR(loadBehaviour(value, options));
  } else if (flag == "--number-prefix") {
    if (!isNumberPrefix(value)) {
      return invalidArgument("--number-prefix: expected 1 to 16 of A-Z a-z 0-9 - _, got \"" +
                             value + "\"");
    }
    options.number_prefix = value;
  } else if (flag == "--system" || flag == "--county-system" || flag == "--unit-code" ||
             flag == "--actor-name") {
    HOTLINE_RETURN_IF_ERROR(requireText(flag, value));
    std::string& target = flag == "--system"          ? options.system
                          : flag == "--county-system" ? options.county_system
                          : flag == "--unit-code"     ? options.unit_code
                                                      : options.actor_name;
    target = value;
  } else {
    return false;
  }
  return true;
}

} // namespace

Result<GatewayUrl> parseGatewayUrl(std::string_view url) {
  const std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) {
    return invalidArgument("--gateway: expected http://HOST:PORT[/PATH], got \"" +
                           std::string(url) + "\" (only plain HTTP is simulated)");
  }
  const size_t slash = url.find('/', scheme.size());
  GatewayUrl out;
  out.origin = std::string(url.substr(0, slash));
  if (out.origin.size() == scheme.size()) {
    return invalidArgument("--gateway: no host in \"" + std::string(url) + "\"");
  }
  if (slash != std::string_view::npos) {
    out.path_prefix = std::string(url.substr(slash));
    while (!out.path_prefix.empty() && out.path_prefix.back() == '/') {
      out.path_prefix.pop_back();
    }
  }
  return out;
}

Result<ExchangeOptions> parseExchangeOptions(std::span<const std::string> args) {
  ExchangeOptions options;
  std::vector<std::string> serve_args;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string flag = args[i];
    std::string value;
    if (size_t eq = flag.find('='); flag.starts_with("--") && eq != std::string::npos) {
      value = flag.substr(eq + 1);
      flag.resize(eq);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    } else {
      return invalidArgument(flag + ": missing value");
    }
    auto ours = applyFlag(flag, value, options);
    if (!ours) {
      return ours.status();
    }
    if (!*ours) {
      serve_args.push_back(flag);
      serve_args.push_back(value);
    }
  }
  auto serve = parseServeOptions(serve_args);
  if (!serve) {
    return serve.status();
  }
  options.serve = std::move(*serve);
  if (options.peer_keys.empty()) {
    return invalidArgument("--peer-key or --keys-file is required: every request is verified");
  }
  if (options.gateway && !options.own_key) {
    return invalidArgument("--gateway needs --own-key (push-mode calls are signed)");
  }
  return options;
}

const char* exchangeOptionsUsage() {
  return "  --peer-key APPKEY:SECRET[:ALG]  a caller's key (repeatable; ALG HMAC-SHA256|HMAC-SM3)\n"
         "  --keys-file FILE        more caller keys, one APPKEY:SECRET[:ALG] a line\n"
         "  --gateway URL           push mode: the county gateway's exchange base URL\n"
         "  --own-key APPKEY:SECRET[:ALG]  signs our calls to --gateway (required with it)\n"
         "  --system NAME           our system name (default shangqiu-12345)\n"
         "  --county-system NAME    the county's system in escalated refs (default: the\n"
         "                          first ref of another system)\n"
         "  --number-prefix P       our numbers are P-yyyymmdd-nnnnnn (default SQ)\n"
         "  --unit-code CODE        actor.unit_code of our actions (default SQ12345)\n"
         "  --actor-name NAME       actor.name of our actions (default 市12345热线)\n"
         "  --behaviour FILE        actions sent back for each escalation (README.md)\n";
}

} // namespace hotline::sim::exchange
