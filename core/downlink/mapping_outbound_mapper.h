#pragma once
// The downlink's mapping step from mapping files: `<kind>.out.json` under the connector
// instance's name, else under its type (the same lookup as the submit path's MappingMapper).
// A connector with no outbound mapping for the kind gets canonical JSON as stored.
//
// Thread safety: map() from any thread; the MappingSet may be reloaded meanwhile.

#include "core/downlink/outbound_mapper.h"
#include "core/mapping/mapping_set.h"

namespace hotline::downlink {

class MappingOutboundMapper : public OutboundMapper {
public:
  // `mappings` must outlive the mapper; nullptr means there are no mapping files at all.
  explicit MappingOutboundMapper(const mapping::MappingSet* mappings) : mappings_(mappings) {}

  Result<MappedOutbound> map(const PeerIdentity& peer, const store::OutboxRow& row) override;

private:
  const mapping::MappingSet* mappings_;
};

} // namespace hotline::downlink
