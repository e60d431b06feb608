#pragma once
// A connector instance as a delivery target (DESIGN.md §4 Downlink): the dispatcher hands it
// one row at a time; a worker maps the row to the peer's format (OutboundMapper) and calls
// the connector's deliver(), which is synchronous, so the target keeps a few worker threads
// of its own rather than blocking the dispatcher or libcurl's thread.
//
// A mapping error dead-letters the row at once (it cannot succeed later); the connector's
// verdict is passed on as it is (verdictFromDelivery).
//
// Thread safety: send() from any thread. stop() answers the rows still queued as retryable
// at once (they stay pending and are re-sent after a restart), then waits for the running
// deliveries.

#include "core/delivery/delivery_target.h"
#include "core/downlink/outbound_mapper.h"
#include "core/downlink/ticket_attributes.h"
#include "hotline/plugin/messages.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hotline::downlink {

// The connector side of a ConnectorTarget: plugin_host::ConnectorInstance in the gateway.
class DownlinkPeer {
public:
  virtual ~DownlinkPeer() = default;
  virtual const PeerIdentity& identity() const = 0;
  // Thread-safe; may block on the network.
  virtual plugin::Delivery deliver(const plugin::Outbound& outbound) = 0;
};

class ConnectorTarget : public delivery::DeliveryTarget {
public:
  // `peer`, `mapper` and `attributes` (may be null: no attributes) must outlive the target.
  // `workers` >= 1 deliveries run at once.
  ConnectorTarget(DownlinkPeer& peer, OutboundMapper& mapper, size_t workers,
                  TicketAttributes* attributes = nullptr);
  ~ConnectorTarget() override;
  ConnectorTarget(const ConnectorTarget&) = delete;
  ConnectorTarget& operator=(const ConnectorTarget&) = delete;

  const std::string& name() const override { return peer_.identity().instance; }
  void send(std::vector<const store::OutboxRow*> batch, Callback done) override;
  size_t maxBatch() const override { return 1; }

  void stop();

private:
  struct Job {
    const store::OutboxRow* row;
    Callback done;
  };

  void work();
  delivery::ItemVerdict deliverOne(const store::OutboxRow& row);

  DownlinkPeer& peer_;
  OutboundMapper& mapper_;
  TicketAttributes* attributes_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  const size_t worker_count_;
  std::vector<std::thread> workers_; // started by the first send()
};

} // namespace hotline::downlink
