#pragma once
// The durable pipeline of a running gateway, assembled from config: the SQLite store, the
// core platform target over the libcurl client, the outbox dispatcher, the group committer
// and the submit path connectors call (mapping -> durable submit -> metrics).
//
// Start order is store -> committer -> dispatcher (which writes its outcomes through the
// committer, the store's one writer). Stop: the committer commits the submits queued
// (handing their rows to the dispatcher), the dispatcher finishes in-flight deliveries until
// the deadline, then the committer writes their outcomes and stops.

#include "core/admin/admin_api.h"
#include "core/delivery/core_platform_target.h"
#include "core/delivery/http_client.h"
#include "core/delivery/outbox_dispatcher.h"
#include "core/metrics/prometheus_text.h"
#include "core/pipeline/durable_submitter.h"
#include "core/pipeline/group_committer.h"
#include "core/pipeline/measured_submitter.h"
#include "core/store/sqlite_store.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <chrono>
#include <memory>

namespace hotline::app {

class PipelineRuntime : public admin::DeadLetterControl {
public:
  // Opens the store and starts delivery and the committer. Errors name the part and why.
  static Result<std::unique_ptr<PipelineRuntime>>
  start(const Poco::Util::AbstractConfiguration& core);
  ~PipelineRuntime() override;

  void stop(std::chrono::steady_clock::time_point deadline);

  pipeline::Submitter& submitter() { return *measured_; }
  store::Store& store() { return *store_; }
  void renderMetrics(metrics::PrometheusText& out) const;
  http::HealthReport readiness() const;

  // admin::DeadLetterControl
  void replayed(const store::OutboxRow& row) override;
  void discarded(const store::OutboxRow& row) override;

private:
  class CommitterDeliveryLog;

  PipelineRuntime() = default;

  std::unique_ptr<store::SqliteStore> store_;
  delivery::SystemClock clock_;
  // Destroyed in reverse: the dispatcher before the log it writes to and the committer.
  std::unique_ptr<pipeline::GroupCommitter> committer_;
  std::unique_ptr<delivery::DeliveryLog> delivery_log_;
  std::unique_ptr<delivery::HttpClient> http_client_;
  std::unique_ptr<delivery::OutboxDispatcher> dispatcher_;
  pipeline::CanonicalMapper mapper_;
  std::unique_ptr<pipeline::DurableSubmitter> durable_;
  std::unique_ptr<pipeline::MeasuredSubmitter> measured_;
  bool stopped_ = false;
};

} // namespace hotline::app
