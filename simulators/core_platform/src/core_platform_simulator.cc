#include "simulators/core_platform/src/core_platform_simulator.h"

#include "simulators/common/handler_errors.h"

#include <httplib.h>

#include <exception>
#include <iostream>

#include "simulators/common/run_until_signalled.h"
#include "simulators/common/serve_options.h"
#include "simulators/core_platform/src/api_handlers.h"
#include "simulators/core_platform/src/control_handlers.h"
#include "simulators/core_platform/src/json_reply.h"

namespace hotline::sim::core_platform {
namespace {

void printUsage(std::ostream& out) {
  out << "usage: hotline-sim core --port N [--bind ADDR] [--threads K]\n"
      << "The hotline core platform: accepts the gateway's tickets, events and knowledge\n"
      << "articles on /api/v1/*, judges them (duplicates, order), injects faults; /sim/*\n"
      << "observes and controls.\n"
      << serveOptionsUsage();
}

// What cpp-httplib refused before any handler ran, in words.
std::string fallbackMessage(const httplib::Request& request, int status) {
  if (status == 404) {
    return "no route for " + request.method + " " + request.path;
  }
  if (status == 413) {
    return "body too large";
  }
  return "request refused by the HTTP layer: malformed request line or headers, or a body "
         "without Content-Length";
}

// JSON bodies for what no handler answered (unknown route) and for a handler that threw.
void installFallbacks(httplib::Server& server) {
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled; // a handler's own error answer
        }
        replyError(response, response.status, fallbackMessage(request, response.status));
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        const std::string what = exceptionText(error);
        replyError(response, 500, "simulator error: " + what);
      });
}

} // namespace

int runCorePlatform(std::span<const std::string> args, StopSignals& signals) {
  if (wantsHelp(args)) {
    printUsage(std::cout);
    return 0;
  }
  auto options = parseServeOptions(args);
  if (!options) {
    std::cerr << "hotline-sim core: " << options.status().message() << "\n";
    printUsage(std::cerr);
    return 2;
  }
  PlatformRecorder recorder;
  FaultInjector faults;
  PlatformApi api(recorder, faults);
  ControlApi control(recorder, faults);
  httplib::Server server;
  api.registerRoutes(server);
  control.registerRoutes(server);
  installFallbacks(server);
  return runUntilSignalled(server, *options, signals, std::cout);
}

} // namespace hotline::sim::core_platform
