#pragma once
// Shared by the mapping fuzz targets: the shipped code tables and sample mappings, compiled
// once per process, and the invariants every run must keep.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "core/app/mapping_command_compare.h"
#include "core/mapping/mapping.h"

namespace hotline::fuzz {

inline const std::string kMappingsDir = std::string(HOTLINE_SOURCE_DIR) + "/mappings";

[[noreturn]] inline void die(const std::string& why) {
  std::fprintf(stderr, "fuzz setup/invariant failed: %s\n", why.c_str());
  std::abort();
}

inline const mapping::CodeTables& codeTables() {
  static const mapping::CodeTables codes = [] {
    Result<mapping::CodeTables> loaded =
        mapping::CodeTables::loadDirectory(kMappingsDir + "/codes");
    if (!loaded) {
      die(loaded.status().message());
    }
    return *loaded;
  }();
  return codes;
}

// A shipped mapping ("department/ticket.json"); a broken one stops the fuzzer at once.
inline std::shared_ptr<const mapping::Plan> shippedPlan(const std::string& relative_path) {
  Result<std::shared_ptr<const mapping::Plan>> plan =
      mapping::compileFile(kMappingsDir + "/" + relative_path, codeTables());
  if (!plan) {
    die(plan.status().message());
  }
  return *plan;
}

// Runs `plan` on `input` and checks what must hold whatever the input: a refusal says why,
// and a result is a well-formed document of the plan's output format (canonical JSON for
// inbound plans).
inline void runChecked(const mapping::Plan& plan, std::string_view input, bool explain) {
  Result<mapping::RunOutput> output = plan.run(input, explain);
  if (!output) {
    if (output.status().message().empty()) {
      die(plan.file() + ": a refusal without a reason");
    }
    return;
  }
  const bool json = plan.direction() == mapping::Direction::Inbound || plan.peerFormat() == "json";
  Result<std::string> parsed = app::canonicalDocument(
      output->document, json ? app::DocumentFormat::Json : app::DocumentFormat::Xml);
  if (!parsed) {
    die(plan.file() + ": produced a malformed document: " + parsed.status().message() + "\n" +
        output->document);
  }
}

} // namespace hotline::fuzz
