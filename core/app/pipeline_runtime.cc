#include "core/app/pipeline_runtime.h"

#include "core/log/log.h"

#include <filesystem>

namespace hotline::app {
namespace {

using Config = Poco::Util::AbstractConfiguration;
using std::chrono::milliseconds;

store::SqliteOptions storeOptions(const Config& core) {
  store::SqliteOptions options;
  options.path = core.getRawString("store.path");
  Result<audit::HashAlgorithm> algorithm =
      audit::parseHashAlgorithm(core.getRawString("audit.algorithm", "sha256"));
  options.audit_algorithm = algorithm ? *algorithm : audit::HashAlgorithm::Sha256;
  options.max_size_mb = core.getInt64("store.max_size_mb", 0);
  return options;
}

delivery::DispatcherOptions dispatcherOptions(const Config& core) {
  delivery::DispatcherOptions options;
  options.max_in_flight_per_target =
      static_cast<size_t>(core.getInt("core_platform.max_in_flight"));
  options.retry.base = milliseconds(core.getInt("delivery.backoff_base_ms"));
  options.retry.cap = milliseconds(core.getInt("delivery.backoff_max_ms"));
  options.retry.max_attempts = core.getInt("delivery.max_attempts");
  options.breaker.consecutive_failures = core.getInt("delivery.breaker_failures");
  options.breaker.cool_down_ms = core.getInt("delivery.breaker_cooldown_ms");
  return options;
}

delivery::CorePlatformOptions targetOptions(const Config& core) {
  delivery::CorePlatformOptions options;
  options.name = "core";
  options.base_url = core.getRawString("core_platform.base_url");
  options.max_batch = core.getBool("core_platform.bulk")
                          ? static_cast<size_t>(core.getInt("core_platform.max_batch"))
                          : 1;
  options.timeout = milliseconds(core.getInt("core_platform.timeout_ms"));
  return options;
}

// A missing directory means no mappings (canonical JSON only); a broken file refuses start.
Result<std::unique_ptr<mapping::MappingSet>> loadMappings(const Config& core) {
  const std::string dir = core.getRawString("mappings.dir", "mappings");
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    log::info("pipeline", "no mappings directory; connectors submit canonical JSON",
              {{"dir", dir}});
    return std::unique_ptr<mapping::MappingSet>();
  }
  Result<std::unique_ptr<mapping::MappingSet>> loaded = mapping::MappingSet::load(dir);
  if (!loaded) {
    return loaded.status().withContext("mappings " + dir);
  }
  log::info("pipeline", "mappings loaded",
            {{"dir", dir}, {"mappings", std::to_string((*loaded)->size())}});
  return loaded;
}

std::unique_ptr<pipeline::PayloadRetention> startRetention(const Config& core,
                                                           store::Store& store) {
  const int64_t days = core.getInt64("store.keep_payloads_days", 0);
  if (days <= 0) {
    return nullptr;
  }
  pipeline::PayloadRetention::Options options;
  options.keep = std::chrono::hours(24 * days);
  options.now_ms = [] {
    return std::chrono::duration_cast<milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  auto retention = std::make_unique<pipeline::PayloadRetention>(store, std::move(options));
  retention->start();
  log::info("pipeline", "payload retention on", {{"keep_payloads_days", std::to_string(days)}});
  return retention;
}

} // namespace

// The dispatcher's outcomes go to the committer: one writer for everything (see
// group_committer.h for why).
class PipelineRuntime::CommitterDeliveryLog : public delivery::DeliveryLog {
public:
  explicit CommitterDeliveryLog(pipeline::GroupCommitter& committer) : committer_(committer) {}
  void add(store::DeliveryRecord record) override { committer_.addDelivery(std::move(record)); }
  delivery::RecorderStats stats() const override {
    const pipeline::CommitterStats stats = committer_.stats();
    return delivery::RecorderStats{stats.deliveries_written, stats.batches, stats.write_failures,
                                   stats.deliveries_refused, stats.deliveries_pending};
  }

private:
  pipeline::GroupCommitter& committer_;
};

Result<std::unique_ptr<PipelineRuntime>> PipelineRuntime::start(const Config& core,
                                                                EntryRoles roles) {
  std::unique_ptr<PipelineRuntime> self(new PipelineRuntime());
  self->roles_ = std::move(roles);
  Result<std::unique_ptr<store::SqliteStore>> opened = store::SqliteStore::open(storeOptions(core));
  if (!opened) {
    return opened.status();
  }
  self->store_ = std::move(opened).value();
  Result<std::unique_ptr<mapping::MappingSet>> mappings = loadMappings(core);
  if (!mappings) {
    return mappings.status();
  }
  self->mappings_ = std::move(mappings).value();
  if (self->mappings_ != nullptr) {
    HOTLINE_RETURN_IF_ERROR(checkMappingParams(self->roles_, *self->mappings_));
  }
  self->mapper_ = std::make_unique<pipeline::MappingMapper>(
      self->mappings_.get(), self->roles_.mapping_folders, self->roles_.mapping_params);
  self->outbound_mapper_ = std::make_unique<downlink::MappingOutboundMapper>(self->mappings_.get());

  // The committer first: the dispatcher writes its outcomes through it from the start.
  PipelineRuntime* runtime = self.get();
  pipeline::GroupCommitter::Options committer_options;
  committer_options.sync_instances = self->roles_.sync;
  self->committer_ = std::make_unique<pipeline::GroupCommitter>(
      *self->store_, committer_options, [runtime](std::vector<store::OutboxRow> rows) {
        runtime->dispatcher_->enqueue(std::move(rows));
      });
  self->committer_->start();
  self->delivery_log_ = std::make_unique<CommitterDeliveryLog>(*self->committer_);

  delivery::HttpClientOptions client;
  client.max_per_host = static_cast<size_t>(core.getInt("core_platform.max_in_flight"));
  client.connect_timeout = milliseconds(core.getInt("core_platform.connect_timeout_ms"));
  self->http_client_ = std::make_unique<delivery::HttpClient>(client);
  auto target =
      std::make_shared<delivery::CorePlatformTarget>(targetOptions(core), *self->http_client_);
  self->dispatcher_ = std::make_unique<delivery::OutboxDispatcher>(
      *self->store_, delivery::OutboxDispatcher::Targets{target}, dispatcherOptions(core),
      self->clock_, delivery::RetryPolicy::RandomSource{}, self->delivery_log_.get());

  self->durable_ = std::make_unique<pipeline::DurableSubmitter>(*self->mapper_, *self->committer_);
  self->measured_ = std::make_unique<pipeline::MeasuredSubmitter>(*self->durable_);
  self->retention_ = startRetention(core, *self->store_);
  return self;
}

PipelineRuntime::~PipelineRuntime() {
  stop(std::chrono::steady_clock::now());
}

Status PipelineRuntime::addTarget(std::shared_ptr<delivery::DeliveryTarget> target) {
  return dispatcher_->addTarget(std::move(target));
}

Status PipelineRuntime::startDelivery() {
  HOTLINE_RETURN_IF_ERROR(dispatcher_->start().withContext("outbox dispatcher"));
  delivery_started_ = true;
  return Status::ok();
}

void PipelineRuntime::stopDelivery(std::chrono::steady_clock::time_point deadline) {
  if (delivery_stopped_) {
    return;
  }
  delivery_stopped_ = true;
  if (dispatcher_) {
    dispatcher_->stop(deadline); // its last outcomes go to the committer
  }
  if (http_client_) {
    http_client_->stop(deadline);
  }
}

void PipelineRuntime::stop(std::chrono::steady_clock::time_point deadline) {
  if (stopped_) {
    return;
  }
  stopped_ = true;
  if (retention_) {
    retention_->stop(); // a sweep in progress ends after its current transaction
  }
  stopDelivery(deadline);
  if (committer_) {
    committer_->stop(); // commits what is queued, writes the outcomes
  }
}

Result<size_t> PipelineRuntime::reloadMappings(const std::string& actor) {
  Result<size_t> reloaded = [&]() -> Result<size_t> {
    if (mappings_ == nullptr) {
      return failedPrecondition("there was no mappings directory when the gateway started; "
                                "restart it to use mappings");
    }
    HOTLINE_RETURN_IF_ERROR(mappings_->reload([this](const mapping::MappingSet& candidate) {
      return checkMappingParams(roles_, candidate);
    }));
    return mappings_->size();
  }();
  // Audited either way: which mappings served which messages is part of the record.
  store::AuditInsert fact;
  fact.action = reloaded ? "mappings_reloaded" : "mappings_reload_refused";
  fact.actor = actor;
  fact.detail = reloaded
                    ? std::to_string(*reloaded) + " mappings serve from " + mappings_->directory()
                    : reloaded.status().message();
  Status audited = store_->appendAudit(std::vector<store::AuditInsert>{fact});
  if (!audited.isOk()) {
    log::error("pipeline", "mapping reload not audited", {{"error", audited.message()}});
  }
  if (!reloaded) {
    log::error("pipeline", "mapping reload refused; the previous mappings keep serving",
               {{"actor", actor}, {"error", reloaded.status().message()}});
  } else {
    log::info("pipeline", "mappings reloaded",
              {{"actor", actor}, {"mappings", std::to_string(*reloaded)}});
  }
  return reloaded;
}

void PipelineRuntime::replayed(const store::OutboxRow& row) {
  Status resumed = dispatcher_->resume(row.id);
  if (!resumed.isOk()) {
    log::warn("pipeline", "replayed row not resumed", {{"error", resumed.message()}});
  }
}

void PipelineRuntime::discarded(const store::OutboxRow& row) {
  Status released = dispatcher_->release(row.target, row.ticket_id);
  if (!released.isOk() && released.code() != StatusCode::NotFound) {
    log::warn("pipeline", "discarded row not released", {{"error", released.message()}});
  }
}

http::HealthReport PipelineRuntime::readiness() const {
  http::HealthReport report;
  Result<store::OutboxCounts> counts = store_->outboxCounts();
  // A store that still reads but refuses writes (a full disk) takes no message either.
  const pipeline::WriteHealth::State writes = committer_->stats().store_writes;
  const bool up = counts.isOk() && !writes.failing;
  const std::string why = !counts ? counts.status().message()
                          : writes.failing
                              ? "writes refused for " + std::to_string(writes.failing_for.count()) +
                                    " ms (" + std::to_string(writes.failed_batches) +
                                    " batches): " + writes.error
                              : "";
  report.components.push_back({"store", up ? "ok" : "down", why});
  report.healthy = up && !stopped_;
  for (const delivery::TargetStats& target : dispatcher_->stats().targets) {
    bool open = target.breaker == delivery::CircuitBreaker::State::Open;
    report.components.push_back({"target:" + target.name, open ? "degraded" : "ok",
                                 open ? "circuit breaker open; deliveries wait" : ""});
  }
  return report;
}

} // namespace hotline::app
