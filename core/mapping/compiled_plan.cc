#include "core/mapping/compiled_plan.h"

#include "core/mapping/field_runner.h"
#include "core/mapping/json_output_writer.h"
#include "core/mapping/run_errors.h"

namespace hotline::mapping {

const std::string& Plan::peerFormat() const {
  static const std::string kJson = "json";
  return kJson;
}

const std::vector<std::string>& Plan::params() const {
  static const std::vector<std::string> kNone;
  return kNone;
}

Result<RunOutput> CompiledPlan::run(std::string_view input, bool explain,
                                    const MappingParams* params) const {
  Result<std::unique_ptr<SourceDocument>> document = parts_.source->parse(input);
  if (!document) {
    return document.status().withContext(parts_.file);
  }
  (*document)->setParams(params);
  RunOutput output;
  RunErrors errors(parts_.file);
  OutputState state;
  state.prepare(*parts_.layout);
  FieldRunner runner(*parts_.source, **document, parts_.layout->style(), errors,
                     explain ? &output.trace : nullptr, params);
  runner.runScope(parts_.fields, *parts_.layout, (*document)->root(), state);
  if (!errors.empty()) {
    return errors.status();
  }
  output.document.reserve(input.size() + input.size() / 4 + 64);
  if (parts_.layout->style() == OutputLayout::Style::Xml) {
    writeXmlOutput(*parts_.layout, state, parts_.xml, output.document);
  } else {
    writeJsonOutput(*parts_.layout, state, output.document);
  }
  return output;
}

} // namespace hotline::mapping
