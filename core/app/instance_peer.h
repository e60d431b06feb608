#pragma once
// A running connector instance seen from the downlink: its identity for the outbound
// mapping lookup and its deliver().

#include "core/downlink/connector_target.h"
#include "core/plugin_host/connector_instance.h"

namespace hotline::app {

class InstancePeer : public downlink::DownlinkPeer {
public:
  // `instance` must outlive the peer.
  InstancePeer(plugin_host::ConnectorInstance& instance, std::string connector_type,
               std::string mapping_folder, mapping::MappingParams mapping_params = {})
      : instance_(instance), identity_{instance.name(), std::move(connector_type),
                                       std::move(mapping_folder), std::move(mapping_params)} {}

  const downlink::PeerIdentity& identity() const override { return identity_; }
  plugin::Delivery deliver(const plugin::Outbound& outbound) override {
    return instance_.deliver(outbound);
  }

private:
  plugin_host::ConnectorInstance& instance_;
  const downlink::PeerIdentity identity_;
};

} // namespace hotline::app
