#pragma once
// The department connector (connectors/department/README.md): one instance per department's
// system. Push mode POSTs the host's mapped tickets and actions to the department's endpoint,
// signed with the department's key, and links the case number it answers; pull mode queues
// them in connector state for the department to read with signed GETs. Both modes accept the
// department's signed callbacks and hand them to the pipeline as events.

#include "department_codec.h"
#include "task_store.h"

#include "hotline/plugin/sdk.h"
#include "hotline/support/request_signing_verifier.h"

#include <atomic>
#include <memory>
#include <mutex>
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
  void noteFailure(const std::string& reason);

  // department_routes.cc: the department's calls to the gateway.
  void handleCallback(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleTaskList(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  void handleTicketTasks(const plugin::HttpRequest& request, plugin::HttpResponse& response);
  // Verifies the request's signature; on failure answers 401 (audited) and returns nullopt.
  std::optional<support::VerifiedCaller> verifyCaller(const plugin::HttpRequest& request,
                                                      plugin::HttpResponse& response);
  // Answers 404 to a task read when the instance pushes (there is no queue).
  bool refusedInPushMode(const support::VerifiedCaller& caller, const plugin::HttpRequest& request,
                         plugin::HttpResponse& response);
  // Answers a verified request with `envelope`, signed for the caller.
  void sendSigned(const support::VerifiedCaller& caller, const plugin::HttpRequest& request,
                  int status, const std::string& envelope, plugin::HttpResponse& response);

  plugin::Host* host_ = nullptr;
  std::string instance_;
  support::SigningKey key_;
  std::string endpoint_;      // push base URL without a trailing '/'; empty: pull mode
  std::string endpoint_path_; // its path part ("/api"), the start of every signed target
  ReplyFormat format_ = ReplyFormat::Json;
  std::string system_;
  bool verify_replies_ = true;
  long timeout_ms_ = 10000;
  std::chrono::milliseconds window_ = support::kDefaultSigningWindow;
  size_t replay_cache_ = 50000; // nonces remembered within the window

  std::unique_ptr<support::RequestVerifier> verifier_;
  std::unique_ptr<TaskStore> tasks_;

  std::atomic<bool> running_{false};
  std::atomic<int> failures_in_a_row_{0};
  mutable std::mutex last_failure_mutex_;
  std::string last_failure_;
};

} // namespace hotline::connectors::department
