#pragma once
// Running one step of a scenario (README.md "Steps"): its JSON is substituted with the
// current variables (saved values included) and read again, then done.

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "simulators/scenario/src/interruption.h"
#include "simulators/scenario/src/scenario_model.h"
#include "simulators/scenario/src/templates.h"
#include "simulators/scenario/src/world.h"

namespace hotline::sim::scenario {

struct StepOutcome {
  bool passed = false;
  std::vector<std::string> details; // why it failed; with verbose, what was sent and seen
};

class StepRunner {
public:
  // `verbose`: details of passing steps too (requests, responses, saved values).
  StepRunner(const Scenario& scenario, Variables& variables, World& world,
             Interruption& interruption, bool verbose);

  StepOutcome run(const Step& step);

private:
  StepOutcome runHttp(const Step& step);
  StepOutcome runWaitHttp(const Step& step);
  StepOutcome runWaitLog(const Step& step);
  StepOutcome runProcessStep(const Step& step);
  bool save(const Step& step, const std::string& body, StepOutcome& outcome);

  const Scenario& scenario_;
  Variables& variables_;
  World& world_;
  Interruption& interruption_;
  bool verbose_;
  std::set<std::string> process_names_;
};

} // namespace hotline::sim::scenario
