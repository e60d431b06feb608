#pragma once
// The downlink's mapping step: a stored canonical outbox row -> the body a connector sends to
// its peer. The mapping engine implements it from `mappings/<instance or type>/<kind>.out.json`
// (MappingOutboundMapper); a connector without such a mapping gets canonical JSON.
//
// Thread safety: map() is called concurrently from delivery workers.

#include "core/mapping/mapping.h"
#include "core/store/store.h"
#include "hotline/status.h"

#include <string>

namespace hotline::downlink {

struct MappedOutbound {
  std::string content_type;
  std::string body;
};

struct PeerIdentity {
  std::string instance;       // connector instance name, e.g. "dept-housing"
  std::string connector_type; // e.g. "department"
  std::string mapping_folder; // the entry's "mappings" (e.g. "department-soap"); may be empty
  mapping::MappingParams mapping_params; // what its mappings' `param` fields read
};

class OutboundMapper {
public:
  virtual ~OutboundMapper() = default;
  // InvalidArgument naming the mapping, field and reason when the row cannot be mapped: a
  // row that cannot be mapped now never will be, so delivery dead-letters it at once.
  virtual Result<MappedOutbound> map(const PeerIdentity& peer, const store::OutboxRow& row) = 0;
};

// Canonical JSON as it is stored.
class CanonicalOutboundMapper : public OutboundMapper {
public:
  Result<MappedOutbound> map(const PeerIdentity&, const store::OutboxRow& row) override {
    return MappedOutbound{row.content_type, row.body};
  }
};

} // namespace hotline::downlink
