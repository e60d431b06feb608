#pragma once
// Loading a scenario file (README.md): JSON (comments allowed), every member checked, every
// ${...} reference checked against the names the file defines. All problems are reported,
// each naming the JSON path.

#include <optional>
#include <string>
#include <vector>

#include "simulators/scenario/src/scenario_model.h"

namespace hotline::sim::scenario {

struct LoadResult {
  std::optional<Scenario> scenario;  // set when there is no problem
  std::vector<std::string> problems; // "<JSON path>: <what is wrong>"
};

// `file` names the file in messages; `dir` becomes ${scenario_dir}.
LoadResult loadScenarioText(const std::string& text, const std::string& file,
                            const std::string& dir);

// Reads and loads `path`; an unreadable file is one problem.
LoadResult loadScenarioFile(const std::string& path);

// The port and file names a scenario defines, including those the runner adds for its
// processes (NAME.admin; NAME.log, NAME.config, NAME.admin_token).
std::vector<std::string> portNames(const Scenario& scenario);
std::vector<std::string> fileNames(const Scenario& scenario);

} // namespace hotline::sim::scenario
