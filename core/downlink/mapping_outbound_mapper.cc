#include "core/downlink/mapping_outbound_mapper.h"

namespace hotline::downlink {
namespace {

std::string contentTypeOf(const mapping::Plan& plan) {
  return plan.peerFormat() == "xml" ? "application/xml; charset=utf-8" : "application/json";
}

} // namespace

Result<MappedOutbound> MappingOutboundMapper::map(const PeerIdentity& peer,
                                                  const store::OutboxRow& row) {
  std::shared_ptr<const mapping::Plan> plan;
  if (mappings_ != nullptr) {
    plan = mappings_->find(peer.instance, row.kind, mapping::Direction::Outbound);
    if (plan == nullptr) {
      plan = mappings_->find(peer.connector_type, row.kind, mapping::Direction::Outbound);
    }
  }
  if (plan == nullptr) {
    return MappedOutbound{row.content_type, row.body};
  }
  Result<mapping::RunOutput> output = plan->run(row.body);
  if (!output) {
    return output.status();
  }
  return MappedOutbound{contentTypeOf(*plan), std::move(output->document)};
}

} // namespace hotline::downlink
