#pragma once
// The command line of `hotline-sim exchange` (README.md lists every option): the common
// serve options plus who may call it, who it is, where the county's gateway is and how it
// behaves.

#include <optional>
#include <span>
#include <string>

#include "hotline/status.h"
#include "hotline/support/request_signing.h"
#include "simulators/common/serve_options.h"
#include "simulators/exchange/src/behaviour_script.h"
#include "simulators/exchange/src/peer_keys.h"

namespace hotline::sim::exchange {

// Where push-mode calls go: "http://127.0.0.1:8080/connectors/city-exchange" is
// origin "http://127.0.0.1:8080" and path prefix "/connectors/city-exchange".
struct GatewayUrl {
  std::string origin;
  std::string path_prefix; // no trailing '/'; may be empty
};
Result<GatewayUrl> parseGatewayUrl(std::string_view url);

struct ExchangeOptions {
  ServeOptions serve;
  PeerKeys peer_keys;                         // who may call us (at least one)
  std::optional<support::SigningKey> own_key; // signs our calls; required with --gateway
  std::optional<GatewayUrl> gateway;          // push mode when set, pull mode otherwise
  std::string system = "shangqiu-12345";      // our system name: `source` of our actions
  std::string county_system;                  // empty: the first ref of another system
  std::string number_prefix = "SQ";           // our numbers: PREFIX-yyyymmdd-nnnnnn
  std::string unit_code = "SQ12345";          // actor.unit_code of our actions
  std::string actor_name = "市12345热线";     // actor.name of our actions
  BehaviourScript behaviour;                  // steps per escalation; none by default
};

// Parses the arguments after the subcommand; InvalidArgument names the flag and the reason.
Result<ExchangeOptions> parseExchangeOptions(std::span<const std::string> args);

const char* exchangeOptionsUsage();

} // namespace hotline::sim::exchange
