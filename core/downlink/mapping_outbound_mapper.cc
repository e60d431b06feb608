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
    // The instance's own folder, then the one its entry names, then its type's.
    for (const std::string* folder : {&peer.instance, &peer.mapping_folder, &peer.connector_type}) {
      if (plan == nullptr && !folder->empty()) {
        plan = mappings_->find(*folder, row.kind, mapping::Direction::Outbound);
      }
    }
  }
  if (plan == nullptr) {
    return MappedOutbound{row.content_type, row.body};
  }
  Result<mapping::RunOutput> output = plan->run(row.body, false, &peer.mapping_params);
  if (!output) {
    return output.status();
  }
  return MappedOutbound{contentTypeOf(*plan), std::move(output->document)};
}

} // namespace hotline::downlink
