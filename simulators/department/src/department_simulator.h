#pragma once
// `hotline-sim department`: a department's own ticket system (e.g. 虞城县城市管理局's) as the
// gateway's department connector sees it — verifies and answers pushed tasks, sends signed
// callbacks by a behaviour script, polls in pull mode. See simulators/department/README.md.

#include <span>
#include <string>

#include "simulators/common/stop_signals.h"

namespace hotline::sim::department {

int runDepartment(std::span<const std::string> args, StopSignals& signals);

} // namespace hotline::sim::department
