#pragma once
// The class a connector author implements. A connector does transport, protocol and
// authentication only (DESIGN.md §5): payload shapes live in mapping files, and storage,
// retry, ordering and audit live in the core.
//
// Lifecycle, driven by the host: construct -> configure() -> start() -> [deliver()...]
// -> stop() -> destroy. configure() and start() run once on the host's start-up thread;
// deliver() and health() may be called concurrently from delivery threads.

#include "hotline/plugin/config.h"
#include "hotline/plugin/host.h"
#include "hotline/plugin/messages.h"
#include "hotline/status.h"

namespace hotline::plugin {

class Connector {
public:
  virtual ~Connector() = default;

  // Reads the validated config and registers endpoints. `host` outlives the connector.
  virtual Status configure(const Config& config, Host& host) = 0;
  // Starts pollers, subscriptions and anything else that runs on its own.
  virtual Status start() = 0;
  // Stops taking new work and finishes what is half-handled. Must not throw.
  virtual void stop() noexcept = 0;

  // Sends one already-mapped downlink message to the peer. The default refuses, for
  // connectors that only receive.
  virtual Delivery deliver(const Outbound& outbound) {
    (void)outbound;
    return Delivery::permanent("this connector does not deliver downlink messages");
  }

  virtual Health health() const { return Health::healthy(); }
};

} // namespace hotline::plugin
