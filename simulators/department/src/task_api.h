#pragma once
// The department system's task API, what the gateway's department connector pushes to:
//   POST {base}/tasks                     a ticket assigned to the department
//   POST {base}/tasks/{ticket_id}/actions a later action on it
// Each call is verified (RequestVerifier, the department's one key), answered once per
// Idempotency-Key (a repeat gets the first answer again, freshly signed), and answered with a
// signed reply. POST /sim/down makes every call here answer 503.

#include <httplib.h>

#include <string>

#include "hotline/support/request_signing_verifier.h"
#include "simulators/department/src/behaviour_runner.h"
#include "simulators/department/src/department_options.h"
#include "simulators/department/src/task_payload.h"
#include "simulators/department/src/task_recorder.h"

namespace hotline::sim::department {

class TaskApi {
public:
  // Everything must outlive the server the routes are registered on.
  TaskApi(const DepartmentOptions& options, support::RequestVerifier& verifier,
          TaskRecorder& recorder, BehaviourRunner& runner)
      : options_(options), verifier_(verifier), recorder_(recorder), runner_(runner) {}

  void registerRoutes(httplib::Server& server);

private:
  void handle(const httplib::Request& request, httplib::Response& response, TaskKind kind);
  // Verified and new: reads the task, gives the case number, answers, starts the behaviour.
  void accept(const httplib::Request& request, httplib::Response& response, TaskKind kind,
              const support::VerifiedCaller& caller, ArrivedTask task);
  void replySigned(const httplib::Request& request, httplib::Response& response,
                   const support::VerifiedCaller& caller, const StoredAnswer& answer);

  const DepartmentOptions& options_;
  support::RequestVerifier& verifier_;
  TaskRecorder& recorder_;
  BehaviourRunner& runner_;
};

} // namespace hotline::sim::department
