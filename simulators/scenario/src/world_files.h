#pragma once
// What the runner prepares in a scenario's temp dir before anything starts: the variables
// (ports, file paths), the scenario's own files, and each gateway's complete config.

#include <map>
#include <string>

#include "hotline/status.h"
#include "simulators/scenario/src/scenario_model.h"
#include "simulators/scenario/src/templates.h"

namespace hotline::sim::scenario {

// ${tmp}, ${scenario_dir}, the ports, and the paths of every file: the scenario's files
// (tmp/NAME) and the runner's per process (tmp/NAME.log; gateways: tmp/NAME.config.json,
// tmp/NAME.admin.token).
Variables prepareVariables(const Scenario& scenario, const std::string& tmp,
                           const std::map<std::string, int>& ports);

// Writes the members of "files", substituted: a string as it is, any other JSON value as
// JSON text.
Status writeScenarioFiles(const Scenario& scenario, const Variables& variables);

// Where the runner places a gateway.
struct GatewayPlacement {
  int port = 0;
  int admin_port = 0;
  std::string token_file;
  std::string store_path;
};

// The gateway config `config_json` (an object, substituted) with http.port and admin.port
// set, and admin.token_file and store.path set unless the scenario gave them.
Result<std::string> completeGatewayConfig(const std::string& config_json,
                                          const GatewayPlacement& placement);

} // namespace hotline::sim::scenario
