#include "simulators/department/src/department_simulator.h"

#include "simulators/common/handler_errors.h"

#include <httplib.h>

#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

#include "hotline/support/request_signing_verifier.h"
#include "simulators/common/run_until_signalled.h"
#include "simulators/department/src/behaviour_runner.h"
#include "simulators/department/src/callback_sender.h"
#include "simulators/department/src/control_api.h"
#include "simulators/department/src/department_options.h"
#include "simulators/department/src/step_scheduler.h"
#include "simulators/department/src/task_api.h"
#include "simulators/department/src/task_payload.h"
#include "simulators/department/src/task_puller.h"
#include "simulators/department/src/task_recorder.h"

namespace hotline::sim::department {
namespace {

Result<BehaviourScript> loadBehaviour(const std::string& path) {
  if (path.empty()) {
    return BehaviourScript{};
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return invalidArgument("--behaviour: cannot read \"" + path + "\"");
  }
  std::ostringstream text;
  text << file.rdbuf();
  Result<BehaviourScript> script = parseBehaviourScript(text.str());
  if (!script) {
    return script.status().withContext("--behaviour " + path);
  }
  return script;
}

// JSON envelopes for what no handler answered (unknown route) and for a handler that threw.
void installFallbacks(httplib::Server& server) {
  server.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) {
          return httplib::Server::HandlerResponse::Unhandled; // a handler's own answer
        }
        const std::string message = response.status == 404
                                        ? "no route for " + request.method + " " + request.path
                                        : "request refused by the HTTP layer";
        response.set_content(errorEnvelope(response.status, message), "application/json");
        return httplib::Server::HandlerResponse::Handled;
      }));
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        const std::string what = exceptionText(error);
        response.status = 500;
        response.set_content(errorEnvelope(500, "simulator error: " + what), "application/json");
      });
}

int usageError(const Status& status) {
  std::cerr << "hotline-sim department: " << status.message() << "\n" << departmentUsage();
  return 2;
}

} // namespace

int runDepartment(std::span<const std::string> args, StopSignals& signals) {
  if (wantsHelp(args)) {
    std::cout << departmentUsage();
    return 0;
  }
  Result<DepartmentOptions> options = parseDepartmentOptions(args);
  if (!options) {
    return usageError(options.status());
  }
  Result<BehaviourScript> behaviour = loadBehaviour(options->behaviour_file);
  if (!behaviour) {
    return usageError(behaviour.status());
  }
  std::optional<GatewayClient> gateway;
  if (!options->gateway.empty()) {
    Result<GatewayUrl> url = parseGatewayUrl(options->gateway);
    if (!url) {
      return usageError(url.status());
    }
    gateway.emplace(options->key, *url);
  }
  support::RequestVerifier verifier(support::fixedKeys(
      {{options->key.app_key,
        support::CallerKey{options->key.secret, {options->key.algorithm}, {}}}}));
  TaskRecorder recorder(options->case_prefix);
  CallbackSender sender(*options, gateway, recorder);
  StepScheduler scheduler;
  BehaviourRunner runner(scheduler, sender, *behaviour);
  std::optional<TaskPuller> puller;
  if (options->pull_interval_ms > 0) {
    puller.emplace(*gateway, scheduler, recorder, runner,
                   std::chrono::milliseconds(options->pull_interval_ms));
    puller->start();
  }
  TaskApi tasks(*options, verifier, recorder, runner);
  ControlApi control(recorder, runner, sender, *behaviour);
  httplib::Server server;
  tasks.registerRoutes(server);
  control.registerRoutes(server);
  installFallbacks(server);
  const int exit_code = runUntilSignalled(server, options->serve, signals, std::cout);
  // The server has stopped: no handler can schedule any more. Pending steps are dropped.
  scheduler.stop();
  return exit_code;
}

} // namespace hotline::sim::department
