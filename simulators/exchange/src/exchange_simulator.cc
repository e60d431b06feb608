#include "simulators/exchange/src/exchange_simulator.h"

#include "simulators/common/handler_errors.h"

#include <httplib.h>

#include <exception>
#include <iostream>

#include "simulators/common/run_until_signalled.h"
#include "simulators/exchange/src/control_api.h"
#include "simulators/exchange/src/envelope.h"
#include "simulators/exchange/src/exchange_api.h"

namespace hotline::sim::exchange {
namespace {

void printUsage(std::ostream& out) {
  out << "usage: hotline-sim exchange --port N --peer-key APPKEY:SECRET[:ALG] [options]\n"
      << "The province / city 12345 exchange platform: takes the county's escalations and\n"
      << "actions on /exchange/v1/* (signed), answers with its own numbers and sends actions\n"
      << "back (push to --gateway, or a feed to pull); /sim/* observes and controls.\n"
      << serveOptionsUsage() << exchangeOptionsUsage();
}

// JSON envelopes for what no handler answered (unknown route) and for a handler that threw.
void installFallbacks(httplib::Server& server) {
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled; // a handler's own answer
        }
        replyError(response, response.status,
                   response.status == 404 ? "no route for " + request.method + " " + request.path
                                          : "request refused by the HTTP layer");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        const std::string what = exceptionText(error);
        replyError(response, 500, "simulator error: " + what);
      });
}

} // namespace

int runExchange(std::span<const std::string> args, StopSignals& signals) {
  if (wantsHelp(args)) {
    printUsage(std::cout);
    return 0;
  }
  auto options = parseExchangeOptions(args);
  if (!options) {
    std::cerr << "hotline-sim exchange: " << options.status().message() << "\n";
    printUsage(std::cerr);
    return 2;
  }
  const ServeOptions serve = options->serve;
  std::cerr << "exchange: " << options->peer_keys.size() << " peer key(s); "
            << (options->gateway
                    ? "push mode to " + options->gateway->origin + options->gateway->path_prefix
                    : std::string("pull mode (GET /exchange/v1/actions)"))
            << "; " << options->behaviour.steps.size() << " behaviour step(s)" << std::endl;
  ExchangeState state(std::move(*options));
  ExchangeApi api(state);
  ControlApi control(state);
  httplib::Server server;
  api.registerRoutes(server);
  control.registerRoutes(server);
  installFallbacks(server);
  return runUntilSignalled(server, serve, signals, std::cout);
}

} // namespace hotline::sim::exchange
