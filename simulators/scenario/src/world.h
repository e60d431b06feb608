#pragma once
// The processes of a running scenario: started in the temp dir with their ports, their
// readiness awaited (gateway: GET /healthz 200; simulator: its port accepts connections),
// stopped on request and all at the end.

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "hotline/status.h"
#include "simulators/scenario/src/interruption.h"
#include "simulators/scenario/src/managed_process.h"
#include "simulators/scenario/src/scenario_model.h"
#include "simulators/scenario/src/templates.h"

namespace hotline::sim::scenario {

struct Binaries {
  std::string sim;     // hotline-sim
  std::string gateway; // hotline-gateway
};

class World {
public:
  // `verbose` (nullable) gets the command lines. All references must outlive the world.
  World(const Scenario& scenario, const Variables& variables, Binaries binaries,
        Interruption& interruption, std::ostream* verbose);
  ~World(); // SIGKILLs what still runs (stopAll() is the orderly way)

  // Substitutes the process's spec, starts it and waits until it is ready or its deadline
  // passes; the error says why it is not ready (with the end of its log).
  Status start(const std::string& name);
  // Sends `signal` (SIGTERM: SIGKILL after the process's grace); its exit code.
  Result<int> stop(const std::string& name, int signal);
  // Stops every running process, the last started first; one line per process to `out`.
  void stopAll(std::ostream& out);

  bool running(const std::string& name);
  std::string logPath(const std::string& name) const;
  // The last `lines` lines of the process's log.
  std::string logTail(const std::string& name, size_t lines) const;
  std::vector<std::string> names() const;

private:
  struct Entry {
    const ProcessSpec* spec = nullptr;
    ManagedProcess process;
    int starts = 0;
  };

  Result<std::vector<std::string>> commandLine(const Entry& entry);
  Status awaitReady(Entry& entry);

  const Scenario& scenario_;
  const Variables& variables_;
  Binaries binaries_;
  Interruption& interruption_;
  std::ostream* verbose_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
  std::vector<std::string> start_order_;
};

} // namespace hotline::sim::scenario
