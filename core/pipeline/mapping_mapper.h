#pragma once
// The submit path's mapping step from mapping files (DESIGN.md §6): the plan for the
// message's kind is looked up first under the connector instance's own name
// (mappings/dept-housing/ticket.json), then under the folder its connector entry names
// ("mappings": "department-soap"), then under its type (mappings/department/ticket.json), so
// one department can differ from the others without a new connector type. The plan's
// canonical JSON is then decoded strictly, which checks it against the canonical model: a
// mapping that produces an invalid ticket is reported as such, naming the mapping file.
//
// A message with no mapping is read as canonical JSON (CanonicalMapper), so connectors that
// speak canonical JSON need no mapping file.
//
// Thread safety: map() from any number of threads; the MappingSet may be reloaded meanwhile.

#include "core/mapping/mapping_set.h"
#include "core/pipeline/mapper.h"

#include <map>
#include <string>

namespace hotline::pipeline {

class MappingMapper : public Mapper {
public:
  // `mappings` must outlive the mapper; nullptr means there are no mapping files at all.
  // `folders`: instance -> the mapping folder its connector entry names ("mappings"), looked
  // up after the instance's own folder and before its type's.
  // `params`: instance -> what its mappings' `param` fields read.
  explicit MappingMapper(const mapping::MappingSet* mappings,
                         std::map<std::string, std::string> folders = {},
                         std::map<std::string, mapping::MappingParams> params = {})
      : mappings_(mappings), folders_(std::move(folders)), params_(std::move(params)) {}

  Result<MappedMessage> map(const InboundMessage& message) override;

private:
  std::shared_ptr<const mapping::Plan> planFor(const InboundMessage& message) const;

  const mapping::MappingSet* mappings_;
  const std::map<std::string, std::string> folders_;
  const std::map<std::string, mapping::MappingParams> params_;
  CanonicalMapper canonical_;
};

} // namespace hotline::pipeline
