#pragma once
// The durable pipeline of a running gateway, assembled from config: the SQLite store, the
// core platform target over the libcurl client, the outbox dispatcher, the group committer
// and the submit path connectors call (mapping -> durable submit -> metrics).
//
// Start order is store -> mappings -> committer -> (connector targets added) -> dispatcher,
// which writes its outcomes through the committer, the store's one writer. Stop: the
// dispatcher finishes in-flight deliveries until the deadline (stopDelivery; connectors
// stop after it), then the committer commits what is queued, writes the last outcomes and
// stops. Rows committed after delivery stopped stay pending for the next start.

#include "core/admin/admin_api.h"
#include "core/app/entry_roles.h"
#include "core/delivery/core_platform_target.h"
#include "core/delivery/http_client.h"
#include "core/delivery/outbox_dispatcher.h"
#include "core/downlink/mapping_outbound_mapper.h"
#include "core/metrics/prometheus_text.h"
#include "core/pipeline/durable_submitter.h"
#include "core/pipeline/group_committer.h"
#include "core/pipeline/mapping_mapper.h"
#include "core/pipeline/measured_submitter.h"
#include "core/pipeline/payload_retention.h"
#include "core/store/sqlite_store.h"

#include <Poco/Util/AbstractConfiguration.h>

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>

namespace hotline::app {

class PipelineRuntime : public admin::DeadLetterControl {
public:
  // Opens the store, loads the mappings and starts the committer; delivery starts with
  // startDelivery(), once every target is known. Errors name the part and why.
  // `roles`: what the connector entries say (peer platforms, mapping folders and parameters).
  // A mapping that reads a parameter an instance does not give refuses the start.
  static Result<std::unique_ptr<PipelineRuntime>>
  start(const Poco::Util::AbstractConfiguration& core, EntryRoles roles = {});
  ~PipelineRuntime() override;

  // A connector instance's delivery target (downlink), before startDelivery().
  Status addTarget(std::shared_ptr<delivery::DeliveryTarget> target);
  Status startDelivery();
  // Stops delivery: in-flight sends finish until `deadline`; what is left stays pending.
  // The committer keeps accepting (connectors may still be draining).
  void stopDelivery(std::chrono::steady_clock::time_point deadline);
  // stopDelivery(), then the committer commits what is queued and stops.
  void stop(std::chrono::steady_clock::time_point deadline);

  downlink::OutboundMapper& outboundMapper() { return *outbound_mapper_; }
  // Where connectors' own audit facts go: the committer's next batch.
  std::function<void(store::AuditInsert)> auditSink() {
    pipeline::GroupCommitter* committer = committer_.get();
    return [committer](store::AuditInsert fact) { committer->recordFact(std::move(fact)); };
  }
  // Where connectors' reports of peers' numbers go: the committer's next batch.
  std::function<void(store::LinkRow, std::string)> linkSink() {
    pipeline::GroupCommitter* committer = committer_.get();
    return [committer](store::LinkRow link, std::string actor) {
      committer->recordLink(pipeline::LinkFact{std::move(link), std::move(actor)});
    };
  }

  pipeline::Submitter& submitter() { return *measured_; }
  // Recompiles the mapping files and swaps them in (the old ones keep serving when any file
  // is broken), and audits the attempt with `actor`. The number of mappings now served.
  Result<size_t> reloadMappings(const std::string& actor);
  // The mapping files in force; nullptr when the mappings directory did not exist at start.
  const mapping::MappingSet* mappings() const { return mappings_.get(); }
  store::Store& store() { return *store_; }
  void renderMetrics(metrics::PrometheusText& out) const;
  http::HealthReport readiness() const;

  // admin::DeadLetterControl
  void replayed(const store::OutboxRow& row) override;
  void discarded(const store::OutboxRow& row) override;

private:
  class CommitterDeliveryLog;

  PipelineRuntime() = default;

  EntryRoles roles_;
  std::unique_ptr<store::SqliteStore> store_;
  delivery::SystemClock clock_;
  // Destroyed in reverse: the dispatcher before the log it writes to and the committer.
  std::unique_ptr<pipeline::GroupCommitter> committer_;
  std::unique_ptr<delivery::DeliveryLog> delivery_log_;
  std::unique_ptr<delivery::HttpClient> http_client_;
  std::unique_ptr<delivery::OutboxDispatcher> dispatcher_;
  std::unique_ptr<mapping::MappingSet> mappings_;
  std::unique_ptr<pipeline::MappingMapper> mapper_;
  std::unique_ptr<downlink::MappingOutboundMapper> outbound_mapper_;
  std::unique_ptr<pipeline::DurableSubmitter> durable_;
  std::unique_ptr<pipeline::MeasuredSubmitter> measured_;
  std::unique_ptr<pipeline::PayloadRetention> retention_; // null: payloads kept for ever
  bool delivery_started_ = false;
  bool delivery_stopped_ = false;
  bool stopped_ = false;
};

} // namespace hotline::app
