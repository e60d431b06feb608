#pragma once
// The Plan a mapping file compiles to: the source format, the fields and the output layout,
// all immutable. run() parses the message, runs the fields into a fresh OutputState and
// writes the output; nothing of the plan is copied or changed, so any number of threads may
// run it at once.

#include <memory>
#include <string>

#include "core/mapping/field_plan.h"
#include "core/mapping/mapping.h"
#include "core/mapping/output_layout.h"
#include "core/mapping/source_document.h"
#include "core/mapping/xml_output_writer.h"

namespace hotline::mapping {

struct PlanParts {
  std::string file;
  Direction direction = Direction::Inbound;
  std::string kind;        // canonical kind
  std::string peer_format; // json, xml, csv
  std::unique_ptr<const SourceFormat> source;
  ScopePlan fields;
  std::unique_ptr<OutputLayout> layout;
  XmlOutputOptions xml;            // outbound XML targets
  std::vector<std::string> params; // read by `param` fields: sorted, each once
};

class CompiledPlan final : public Plan {
public:
  explicit CompiledPlan(PlanParts parts) : parts_(std::move(parts)) {}

  const std::string& file() const override { return parts_.file; }
  Direction direction() const override { return parts_.direction; }
  const std::string& kind() const override { return parts_.kind; }
  const std::string& peerFormat() const override { return parts_.peer_format; }

  const std::vector<std::string>& params() const override { return parts_.params; }

  Result<RunOutput> run(std::string_view input, bool explain,
                        const MappingParams* params) const override;

private:
  PlanParts parts_;
};

} // namespace hotline::mapping
