#pragma once
// The department connector (connectors/department/README.md): one instance per department's
// system. Push mode POSTs the host's mapped tickets and actions to the department's endpoint,
// signed with the department's key, and links the case number it answers; pull mode queues
// them in connector state for the department to read with signed GETs. Both modes accept the
// department's signed callbacks and hand them to the pipeline as events.

#include "department_codec.h"
#include "task_store.h"

#include "hotline/plugin/sdk.h"
#include "hotline/support/failure_streak.h"
#include "hotline/support/signed_endpoint.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>

namespace hotline::connectors::department {

class DepartmentConnector : public plugin::Connector {
public:
  Status configure(const plugin::Config& config, plugin::Host& host) override;
  Status start() override;
  void stop() noexcept override;
  plugin::Health health() const override;
  plugin::Delivery deliver(const plugin::Outbound& outbound) override;

private:
  Status readConfig(const plugin::Config& config);
  Status registerRoutes(plugin::Host& host);
  plugin::Delivery push(const plugin::Outbound& outbound);
  plugin::Delivery queue(const plugin::Outbound& outbound);

  // department_routes.cc: the department's calls to the gateway.
  void handleCallback(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleTaskList(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleTicketTasks(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  // The verified caller of a task read; nullopt when the request is answered already (a
  // refused signature, or 404 when the instance pushes: there is no queue).
  std::optional<support::VerifiedCaller> verifyTaskReader(const plugin::HttpRequest& request,
                                                          plugin::HttpResponse& response);

  plugin::Host* host_ = nullptr;
  std::string instance_;
  support::SigningKey key_;
  std::string endpoint_;      // push base URL without a trailing '/'; empty: pull mode
  std::string endpoint_path_; // its path part ("/api"), the start of every signed target
  ReplyFormat format_ = ReplyFormat::Json;
  std::string system_;
  bool verify_replies_ = true;
  long timeout_ms_ = 10000;
  support::VerifierOptions verifier_options_; // window_s, replay_cache

  std::unique_ptr<support::SignedEndpoint> signed_routes_; // verifies and answers the routes
  std::unique_ptr<TaskStore> tasks_;

  std::atomic<bool> running_{false};
  support::FailureStreak push_failures_{"pushes"};
};

} // namespace hotline::connectors::department
