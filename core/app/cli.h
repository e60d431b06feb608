#pragma once
// The hotline-gateway command line:
//   hotline-gateway run [--config FILE]          start the gateway (default config/gateway.json)
//   hotline-gateway config check FILE            validate a config file, report every error
//   hotline-gateway describe CONNECTOR|core [--config FILE]
//                                                print a connector's (or the core's) config table
//   hotline-gateway dlq … | audit … | trace TICKET_ID   (see admin_commands.h)
//   hotline-gateway version | help
// Exit codes: 0 success, 1 runtime failure, 2 usage or configuration error.

#include <iosfwd>
#include <string>
#include <vector>

namespace hotline::app {

int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace hotline::app
